import { absUrl, arxivIdsLinkedIn } from './arxiv-id';
import { inlineScripts, metaContent, squash } from './clean';
import { LinkCollector, safeHttpUrl } from './links';
import { suggestSections } from './sections';
import { captureHtmlTables } from './table-capture';
import { ExtractError, type SiteExtractor } from './types';
import { isWechatArticle } from './url-classifiers';

/** A variable assigned in the page's inline scripts: `var ct = "1581517074";`, `nickname = htmlDecode("CSDN")`. */
export function scriptVar(scripts: string[], name: string): string {
  // WeChat pages carry megabytes of script: find the name with indexOf, then read only what follows it.
  const value = /^\s*=\s*(?:htmlDecode\()?\s*(["'])((?:\\.|(?!\1)[^\n])*)\1/;
  for (const s of scripts) {
    for (let i = s.indexOf(name); i >= 0; i = s.indexOf(name, i + name.length)) {
      if (i > 0 && /[\w$.]/.test(s[i - 1])) continue;
      const m = value.exec(s.slice(i + name.length, i + name.length + 4000));
      if (m) return m[2].replace(/\\x([0-9a-f]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16))).replace(/\\(.)/g, '$1');
    }
  }
  return '';
}

/** WeChat's `ct` is Unix seconds; accounts publish on China time, so the date is read in UTC+8. */
export function wechatDate(ct: string): string {
  const n = Number(ct);
  if (!Number.isFinite(n) || n <= 0) return '';
  return new Date((n + 8 * 3600) * 1000).toISOString().slice(0, 10);
}

const BLOCK = 'p, section, h1, h2, h3, h4, li, blockquote, pre, figcaption';

/** Body text with one line per block, as the article reads (WeChat nests <section>s deeply). */
function bodyText(body: Element): string {
  const lines: string[] = [];
  const blocks = [...body.querySelectorAll(BLOCK)];
  blocks.forEach((el, i) => {
    // In document order a block holding another block is followed by it: only innermost blocks are lines.
    const next = blocks[i + 1];
    if (next && el.contains(next)) return;
    const t = squash(el.textContent);
    if (t) lines.push(t);
  });
  return lines.join('\n');
}

export const wechatExtractor: SiteExtractor = {
  name: 'wechat-article',
  site: 'wechat',
  label: 'WeChat article',
  matchesUrl: isWechatArticle,
  matchesDocument: (doc) => !!doc.querySelector('#js_content.rich_media_content, #js_content') && !!doc.querySelector('.rich_media_title, #activity-name, #js_name'),

  async extract(doc, url) {
    const scripts = inlineScripts(doc);
    const warnings: string[] = [];
    // Deleted and blocked pages have no article body; only then is the page text worth reading.
    const pageText = doc.querySelector('#js_content') ? '' : squash(doc.body?.textContent).slice(0, 2000);
    if (/已被发布者删除|该内容已被发布者删除|此内容因违规无法查看/.test(pageText)) throw new ExtractError('the article was deleted by its publisher');
    if (/环境异常|完成验证后即可继续访问/.test(pageText)) throw new ExtractError('WeChat shows a verification page instead of the article; complete it and capture again');

    const title =
      metaContent(doc, 'og:title') ||
      squash(doc.querySelector('#activity-name, .rich_media_title')?.textContent) ||
      scriptVar(scripts, 'msg_title') ||
      squash(doc.title);
    if (!title) throw new ExtractError('no article title found');
    const account =
      squash(doc.querySelector('#js_name')?.textContent) ||
      squash(doc.querySelector('.wx_follow_nickname')?.textContent) ||
      scriptVar(scripts, 'nickname');
    const published = wechatDate(scriptVar(scripts, 'ct')) || (/^\d{4}-\d{2}-\d{2}/.exec(scriptVar(scripts, 'publish_time'))?.[0] ?? '');

    // The body is hidden (visibility: hidden) until WeChat's scripts run; reading the DOM does not care.
    const body = doc.querySelector('#js_content');
    const links = new LinkCollector();
    const images: { url: string; alt: string }[] = [];
    let text = '';
    let tables = { tables: [] as never[], results: [] as never[] } as ReturnType<typeof captureHtmlTables>;
    if (!body || !squash(body.textContent)) {
      const original = safeHttpUrl(doc.querySelector('#js_share_source')?.getAttribute('data-url'));
      warnings.push(original ? `This is a repost; the article itself is at ${original}.` : 'The article body is empty on this page.');
      if (original) links.add(original, 'original');
    } else {
      text = bodyText(body);
      links.addAnchors(body, url.href);
      // WeChat bodies may not link outside; authors write the URLs out as text.
      links.addUrlsInText(text);
      for (const id of arxivIdsLinkedIn(text)) links.add(absUrl(id), `arXiv:${id}`, 'paper');
      body.querySelectorAll('img').forEach((img) => {
        const src = safeHttpUrl(img.getAttribute('data-src') || img.getAttribute('src'));
        if (src && !images.some((i) => i.url === src)) images.push({ url: src, alt: img.getAttribute('alt') ?? '' });
      });
      tables = captureHtmlTables([...body.querySelectorAll('table')], { sourceUrl: url.href });
    }
    const readMore = safeHttpUrl(scriptVar(scripts, 'msg_source_url'));
    if (readMore) links.add(readMore, '阅读原文');

    const headings = body ? [...body.querySelectorAll('h1, h2, h3, h4')] : [];
    const sections = headings.map((h) => {
      const parts: string[] = [];
      for (let n = h.nextElementSibling; n && !/^H[1-4]$/.test(n.tagName); n = n.nextElementSibling) parts.push(squash(n.textContent));
      return { heading: squash(h.textContent), text: parts.filter(Boolean).join('\n') };
    });

    return {
      site: 'wechat',
      extractor: this.name,
      url: url.href,
      title,
      description: metaContent(doc, 'og:description') || metaContent(doc, 'description') || scriptVar(scripts, 'msg_desc'),
      links: links.links,
      paper: {},
      model: {},
      datasets: [],
      benchmarks: tables.results,
      tables: tables.tables,
      sections: suggestSections(sections),
      images,
      byline: { author: metaContent(doc, 'author'), account, published },
      text: text.slice(0, 200_000),
      warnings,
    };
  },
};
