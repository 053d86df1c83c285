import { Readability } from '@mozilla/readability';
import { arxivIdsInText, absUrl } from './arxiv-id';
import { metaContent, metaContents, squash } from './clean';
import { LinkCollector, safeHttpUrl } from './links';
import type { CaptureDraft, ExtractContext } from './types';
import { captureHtmlTables } from './table-capture';

const MAX_TEXT = 200_000;

/** Any page: meta tags first, then Readability's reading of a copy for the text and links. */
export async function extractGeneric(doc: Document, url: URL, ctx: ExtractContext): Promise<CaptureDraft> {
  const warnings: string[] = [];
  let article: ReturnType<Readability<string>['parse']> = null;
  try {
    article = new Readability(doc.cloneNode(true) as Document, { charThreshold: 200 }).parse();
  } catch (e) {
    warnings.push(`Could not find the main text of the page: ${(e as Error).message}`);
  }

  const title =
    metaContent(doc, 'citation_title') ||
    metaContent(doc, 'og:title') ||
    squash(article?.title) ||
    squash(doc.title) ||
    url.hostname;
  const description =
    metaContent(doc, 'citation_abstract') || metaContent(doc, 'og:description') || metaContent(doc, 'description') || squash(article?.excerpt);
  const text = squash(article?.textContent ?? doc.body?.textContent).slice(0, MAX_TEXT);

  const links = new LinkCollector();
  const canonical = safeHttpUrl(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), url.href);
  // Readability gives HTML; it is parsed into a detached document only to read its anchors and images.
  const articleDoc = article?.content ? ctx.parseHtml(article.content) : null;
  links.addAnchors(articleDoc ?? doc.body, url.href);
  const arxivId = metaContent(doc, 'citation_arxiv_id');
  for (const id of arxivId ? [arxivId] : arxivIdsInText(`${title} ${description}`)) links.add(absUrl(id), `arXiv:${id}`, 'paper');
  if (!article) warnings.push('The page has little readable text; only its title and links were captured.');
  // Tables are read from the page itself: Readability drops the ones it judges to be layout.
  const tables = captureHtmlTables(
    [...doc.querySelectorAll('table')].filter((t) => !t.parentElement?.closest('table')).slice(0, 200),
    { sourceUrl: url.href },
  );
  const images = [...(articleDoc ?? doc).querySelectorAll('img[src]')]
    .map((img) => ({ url: safeHttpUrl(img.getAttribute('src'), url.href), alt: img.getAttribute('alt') ?? '' }))
    .filter((i): i is { url: string; alt: string } => !!i.url)
    .slice(0, 100);

  return {
    site: 'generic',
    extractor: 'generic',
    url: canonical ?? url.href,
    title,
    description,
    links: links.links,
    paper: {
      arxivId,
      title: metaContent(doc, 'citation_title'),
      authors: metaContents(doc, 'citation_author'),
      abstract: metaContent(doc, 'citation_abstract'),
    },
    model: { id: '', name: '', org: '' },
    datasets: [],
    benchmarks: tables.results,
    tables: tables.tables,
    images,
    byline: { author: metaContent(doc, 'author') || squash(article?.byline), account: squash(article?.siteName), published: metaContent(doc, 'article:published_time').slice(0, 10) },
    text,
    warnings,
  };
}
