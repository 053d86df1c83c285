import type { CaptureLinks, CapturedLink, LinkKind } from '../schema';
import { arxivRefFromUrl } from './arxiv-id';

/** Parse a link from a page, resolving relative hrefs; anything but http(s) is dropped. */
export function safeHttpUrl(href: string | null | undefined, base?: string): string | null {
  if (!href) return null;
  try {
    const u = new URL(href.trim(), base);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    u.hash = u.hash === '#' ? '' : u.hash;
    return u.href;
  } catch {
    return null;
  }
}

const CODE_HOSTS = /^(www\.)?(github\.com|gitlab\.com|gitee\.com|bitbucket\.org|codeberg\.org)$/i;
const HF_RESERVED = new Set([
  'datasets', 'spaces', 'papers', 'docs', 'blog', 'models', 'api', 'join', 'login', 'pricing',
  'settings', 'organizations', 'collections', 'tasks', 'learn', 'posts', 'chat', 'search', 'new',
]);

/** What a link is to a surveyor: the paper, the code, the model, a dataset, or something else. */
export function classifyLink(href: string): LinkKind {
  const u = new URL(href);
  const host = u.hostname.toLowerCase();
  const parts = u.pathname.split('/').filter(Boolean);
  if (arxivRefFromUrl(u)) return 'paper';
  if (/(^|\.)(doi\.org|openreview\.net|aclanthology\.org|proceedings\.neurips\.cc|semanticscholar\.org)$/.test(host))
    return 'paper';
  if (host === 'huggingface.co' && parts[0] === 'papers' && parts.length >= 2) return 'paper';
  if (CODE_HOSTS.test(host)) return parts.length >= 2 ? 'code' : 'other';
  if (host === 'huggingface.co' || host === 'hf.co') {
    // A file inside a repository (…/resolve/main/x.png) is not the repository.
    const inRepo = (at: number) => parts.length === at || (parts.length > at && parts[at] === 'tree');
    if (parts[0] === 'datasets') return inRepo(3) ? 'dataset' : 'other';
    if (!HF_RESERVED.has(parts[0]) && inRepo(2)) return 'model';
    return 'other';
  }
  if (/(^|\.)modelscope\.cn$/.test(host)) {
    if (parts[0] === 'models' && parts.length >= 3 && parts[3] !== 'resolve' && parts[3] !== 'file') return 'model';
    if (parts[0] === 'datasets' && parts.length >= 3) return 'dataset';
  }
  return 'other';
}

const IMAGE_FILE = /\.(png|jpe?g|gif|webp|svg|avif|ico)$/i;

/** Collects links by kind, once each (same URL without a trailing slash or fragment). */
export class LinkCollector {
  private seen = new Set<string>();
  readonly links: CaptureLinks = { paper: [], code: [], model: [], dataset: [], other: [] };

  add(href: string | null | undefined, label = '', kind?: LinkKind, base?: string): void {
    let url = safeHttpUrl(href, base);
    if (!url) return;
    // Image files are images, not links; a clone URL is its repository.
    if (!kind && IMAGE_FILE.test(new URL(url).pathname)) return;
    if (/^https:\/\/(www\.)?github\.com\/[^/]+\/[^/]+\.git$/i.test(url)) url = url.slice(0, -4);
    const key = url.replace(/#.*$/, '').replace(/\/$/, '').toLowerCase();
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const link: CapturedLink = { url, label: label.trim().slice(0, 300) };
    this.links[kind ?? classifyLink(url)].push(link);
  }

  /** Every anchor inside `root`, classified. */
  addAnchors(root: ParentNode | null, base: string, skipInside?: string): void {
    if (!root) return;
    root.querySelectorAll('a[href]').forEach((a) => {
      if (skipInside && a.closest(skipInside)) return;
      this.add(a.getAttribute('href'), a.textContent ?? '', undefined, base);
    });
  }

  /** Bare URLs written in text, as abstracts and comments often do. */
  addUrlsInText(text: string): void {
    // URL characters are ASCII: Chinese text runs straight on after a URL without a space.
    for (const m of text.matchAll(/https?:\/\/[\w\-.~:/?#@!$&*+,;=%]+[\w\-~/#=&%+]/g)) this.add(m[0]);
    // Articles often write the hosts that matter without a scheme ("github.com/org/repo").
    for (const m of text.matchAll(/(?<![\w./:@-])((?:www\.)?(?:github\.com|gitee\.com|huggingface\.co|hf\.co|modelscope\.cn|arxiv\.org)\/[\w./%#?=&~+-]*[\w/#=~+-])/gi)) {
      this.add(`https://${m[1]}`);
    }
  }
}
