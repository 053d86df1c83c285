import { squash } from './clean';

const ATOM = 'http://www.w3.org/2005/Atom';
const ARXIV = 'http://arxiv.org/schemas/atom';

export interface AtomEntry {
  id: string;
  version: string;
  title: string;
  abstract: string;
  authors: string[];
  published: string;
  updated: string;
  comments: string;
  doi: string;
  categories: string[];
  pdfUrl: string;
}

function childText(el: Element, ns: string, name: string): string {
  const c = el.getElementsByTagNameNS(ns, name)[0];
  return squash(c?.textContent);
}

/** Entries of an arXiv API Atom feed; an error feed ("Error" entry) throws its message. */
export function parseArxivAtom(doc: Document): AtomEntry[] {
  const root = doc.documentElement;
  if (!root || root.localName !== 'feed' || root.namespaceURI !== ATOM) {
    throw new Error('not an Atom feed');
  }
  const entries = [...root.getElementsByTagNameNS(ATOM, 'entry')];
  return entries.map((e) => {
    const idUrl = childText(e, ATOM, 'id');
    const title = childText(e, ATOM, 'title');
    if (title === 'Error') throw new Error(`arXiv API error: ${childText(e, ATOM, 'summary')}`);
    const m = /\/abs\/(.+?)(v\d+)?$/.exec(idUrl);
    const pdf = [...e.getElementsByTagNameNS(ATOM, 'link')].find((l) => l.getAttribute('title') === 'pdf');
    return {
      id: m?.[1] ?? '',
      version: m?.[2] ?? '',
      title,
      abstract: childText(e, ATOM, 'summary'),
      authors: [...e.getElementsByTagNameNS(ATOM, 'author')].map((a) => childText(a, ATOM, 'name')).filter(Boolean),
      published: childText(e, ATOM, 'published').slice(0, 10),
      updated: childText(e, ATOM, 'updated').slice(0, 10),
      comments: childText(e, ARXIV, 'comment'),
      doi: childText(e, ARXIV, 'doi'),
      categories: [...e.getElementsByTagNameNS(ATOM, 'category')].map((c) => c.getAttribute('term') ?? '').filter(Boolean),
      pdfUrl: pdf?.getAttribute('href') ?? '',
    };
  });
}

export function atomQueryUrl(id: string): string {
  return `https://export.arxiv.org/api/query?id_list=${encodeURIComponent(id)}`;
}
