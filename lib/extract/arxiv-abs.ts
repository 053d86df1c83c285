import type { PaperInfo } from '../schema';
import { absUrl, arxivRefFromUrl, pdfUrl } from './arxiv-id';
import { atomQueryUrl, parseArxivAtom, type AtomEntry } from './arxiv-atom';
import { metaContent, metaContents, squash, textWithout } from './clean';
import { LinkCollector } from './links';
import { ExtractError, type ExtractContext, type SiteExtractor } from './types';
import { isArxivAbs } from './url-classifiers';

const MONTHS: Record<string, string> = {
  jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06',
  jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12',
};

/** "2017/06/12" or "12 Jun 2017" -> "2017-06-12"; anything else -> "". */
export function toIsoDate(s: string): string {
  let m = /^(\d{4})[/-](\d{2})[/-](\d{2})/.exec(s.trim());
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})/.exec(s);
  if (m && MONTHS[m[2].toLowerCase()]) return `${m[3]}-${MONTHS[m[2].toLowerCase()]}-${m[1].padStart(2, '0')}`;
  return '';
}

/** Scholar tags write "Vaswani, Ashish"; people write "Ashish Vaswani". */
function displayName(citationAuthor: string): string {
  const i = citationAuthor.indexOf(',');
  return i < 0 ? citationAuthor : `${citationAuthor.slice(i + 1).trim()} ${citationAuthor.slice(0, i).trim()}`.trim();
}

function readAbsPage(doc: Document) {
  const abs = doc.querySelector('#abs, #content-inner') ?? doc;
  const title =
    metaContent(doc, 'citation_title') ||
    textWithout(abs.querySelector('h1.title'), '.descriptor') ||
    // arXiv titles its pages "[id] Title"; any other <title> is not a paper title.
    (/^\[[^\]]+\]\s*(.+)$/.exec(squash(doc.title))?.[1] ?? '');
  const domAuthors = [...abs.querySelectorAll('.authors a')].map((a) => squash(a.textContent)).filter(Boolean);
  const authors = domAuthors.length ? domAuthors : metaContents(doc, 'citation_author').map(displayName);
  const dateline = squash(abs.querySelector('.dateline')?.textContent);
  const published =
    toIsoDate(metaContent(doc, 'citation_date')) || toIsoDate(/Submitted on ([^(\]]+)/.exec(dateline)?.[1] ?? '');
  const abstract =
    textWithout(abs.querySelector('blockquote.abstract'), '.descriptor') || metaContent(doc, 'citation_abstract');
  const commentsCell = abs.querySelector('td.comments');
  const subjects = squash(abs.querySelector('td.subjects')?.textContent);
  return {
    idMeta: metaContent(doc, 'citation_arxiv_id'),
    title,
    authors,
    published,
    updated: toIsoDate(metaContent(doc, 'citation_online_date')),
    abstract,
    abstractEl: abs.querySelector('blockquote.abstract'),
    comments: squash(commentsCell?.textContent),
    commentsEl: commentsCell,
    categories: [...subjects.matchAll(/\(([a-z-]+(?:\.[A-Za-z-]+)?)\)/g)].map((m) => m[1]),
    doi: metaContent(doc, 'citation_doi'),
    version: /this version, (v\d+)/.exec(dateline)?.[1] ?? '',
    htmlLink: doc.querySelector('a#latexml-download-link')?.getAttribute('href') ?? '',
  };
}

async function fetchAtomEntry(id: string, ctx: ExtractContext): Promise<AtomEntry> {
  const res = await ctx.fetch(atomQueryUrl(id));
  if (!res.ok) {
    throw new Error(res.status === 429 ? 'the arXiv API is rate-limiting (HTTP 429); try again in a minute' : res.error || `HTTP ${res.status}`);
  }
  const entries = parseArxivAtom(ctx.parseXml(res.text));
  const entry = entries.find((e) => e.id === id);
  if (!entry) throw new Error(`the arXiv API answer has no entry for ${id}`);
  return entry;
}

export const arxivAbsExtractor: SiteExtractor = {
  name: 'arxiv-abs',
  site: 'arxiv',
  label: 'arXiv abstract page',
  matchesUrl: isArxivAbs,
  matchesDocument: (doc) => metaContent(doc, 'og:site_name') === 'arXiv.org' && !!metaContent(doc, 'citation_arxiv_id'),

  async extract(doc, url, ctx) {
    const warnings: string[] = [];
    const page = readAbsPage(doc);
    const ref = arxivRefFromUrl(url);
    const id = ref?.id || page.idMeta;
    if (!id) throw new ExtractError('no arXiv id in the URL or the page');
    if (ref && page.idMeta && page.idMeta.replace(/v\d+$/, '') !== ref.id) {
      warnings.push(`The page describes arXiv:${page.idMeta}, not arXiv:${ref.id} from the address; kept the address's id.`);
    }

    const paper: PaperInfo = {
      arxivId: id,
      version: ref?.version || page.version,
      title: page.title,
      authors: page.authors,
      published: page.published,
      updated: page.updated,
      abstract: page.abstract,
      comments: page.comments,
      categories: page.categories,
      doi: page.doi,
    };

    // The page is the first source; the API fills what a trimmed, partly loaded or saved page lacks.
    const missing = (['title', 'abstract', 'published'] as const).filter((k) => !paper[k]);
    if (!paper.authors.length) missing.push('authors' as never);
    let entry: AtomEntry | null = null;
    if (missing.length) {
      try {
        entry = await fetchAtomEntry(id, ctx);
      } catch (e) {
        warnings.push(
          `The page has no ${missing.join(', ')} and the arXiv API could not supply it: ${(e as Error).message}.`,
        );
      }
    }
    if (entry) {
      paper.title ||= entry.title;
      paper.abstract ||= entry.abstract;
      paper.published ||= entry.published;
      paper.updated ||= entry.updated;
      paper.comments ||= entry.comments;
      paper.doi ||= entry.doi;
      if (!paper.authors.length) paper.authors = entry.authors;
      if (!paper.categories.length) paper.categories = entry.categories;
      if (!paper.version) paper.version = entry.version;
    }
    if (!paper.title) throw new ExtractError(`arXiv:${id}: neither the page nor the arXiv API gave a title`);
    if (!paper.abstract) warnings.push(`arXiv:${id}: no abstract found; 论文简介 stays empty.`);

    const links = new LinkCollector();
    links.add(absUrl(id), `arXiv:${id}`, 'paper');
    links.add(pdfUrl(id, paper.version), 'PDF', 'paper');
    if (page.htmlLink) links.add(page.htmlLink, 'HTML', 'paper', url.href);
    if (paper.doi) links.add(`https://doi.org/${paper.doi}`, 'DOI', 'paper');
    // Code and model links live in the abstract and the comments, as anchors ("this https URL") or bare text.
    links.addAnchors(page.abstractEl, url.href);
    links.addAnchors(page.commentsEl, url.href);
    links.addUrlsInText(`${paper.abstract} ${paper.comments}`);

    return {
      site: 'arxiv',
      extractor: this.name,
      url: url.href,
      title: paper.title,
      description: paper.abstract,
      links: links.links,
      paper,
      model: { id: '', name: '', org: '' },
      datasets: [],
      benchmarks: [],
      text: paper.abstract,
      warnings,
    };
  },
};
