/** New-style ids (0704.0001 onwards) and old-style archive/YYMMNNN ids, with an optional version. */
const NEW_ID = String.raw`\d{4}\.\d{4,5}`;
const OLD_ID = String.raw`[a-z-]+(?:\.[A-Z]{2})?/\d{7}`;
const ID = `(${NEW_ID}|${OLD_ID})(v\\d+)?`;

export interface ArxivRef {
  id: string;
  version: string;
}

const PATH_RE = new RegExp(`^/(?:abs|pdf|html|format)/${ID}(?:\\.pdf)?/?$`, 'i');

/** The arXiv id in an arxiv.org (or export/www mirror) abs, pdf or html URL. */
export function arxivRefFromUrl(url: string | URL): ArxivRef | null {
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  if (!/(^|\.)arxiv\.org$/i.test(u.hostname)) return null;
  const m = PATH_RE.exec(u.pathname);
  return m ? { id: m[1], version: m[2] ?? '' } : null;
}

const TEXT_RE = new RegExp(`(?<![\\d=.\\w/])(?:arxiv:\\s*)?(${NEW_ID})(v\\d+)?(?![\\d])`, 'gi');

/** arXiv ids written in free text ("arXiv:2303.08774v2"); unversioned, in order of appearance. */
export function arxivIdsInText(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(TEXT_RE)) out.add(m[1]);
  return [...out];
}

export function absUrl(id: string, version = ''): string {
  return `https://arxiv.org/abs/${id}${version}`;
}
export function pdfUrl(id: string, version = ''): string {
  return `https://arxiv.org/pdf/${id}${version}`;
}

const LINKED_RE = /(?:arxiv\.org\/(?:abs|pdf|html)\/|huggingface\.co\/papers\/|hf\.co\/papers\/|arxiv:\s*|arxiv\s+preprint\s+arxiv:)(\d{4}\.\d{4,5})/gi;

/** arXiv ids a text links or cites explicitly (URLs, "arXiv:…"): what the Hub turns into `arxiv:` tags. */
export function arxivIdsLinkedIn(text: string): string[] {
  return [...new Set([...text.matchAll(LINKED_RE)].map((m) => m[1]))];
}
