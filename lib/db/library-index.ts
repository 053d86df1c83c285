import type { Card, Site } from '../schema';
import { TEXT_FIELDS } from '../schema';

/** What the library list shows of a card: small enough to send ten thousand of. */
export interface CardSummary {
  id: string;
  title: string;
  org: string;
  modelId: string;
  arxivId: string;
  tags: string[];
  sites: Site[];
  parameters: number | null;
  benchmarks: string[];
  resultCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface LibraryFilters {
  org?: string;
  tag?: string;
  site?: Site;
  /** Parameter range in billions. */
  paramsMin?: number;
  paramsMax?: number;
  benchmark?: string;
}

export type LibrarySort = 'updated' | 'created' | 'title' | 'params' | 'results';

export interface LibraryQuery {
  text: string;
  filters: LibraryFilters;
  sort: LibrarySort;
  offset: number;
  limit: number;
}

export interface LibraryPage {
  total: number;
  items: CardSummary[];
  facets: { orgs: string[]; tags: string[]; sites: Site[]; benchmarks: string[] };
  /** Set while the search index is still being built: facets are empty, ask again shortly. */
  indexing?: boolean;
}

function siteOf(url: string | undefined): Site | null {
  if (!url) return null;
  const host = new URL(url).hostname;
  if (host.endsWith('arxiv.org')) return 'arxiv';
  if (host === 'huggingface.co') return 'huggingface';
  if (host.endsWith('modelscope.cn')) return 'modelscope';
  if (host === 'mp.weixin.qq.com') return 'wechat';
  return 'generic';
}

export function summarise(card: Card): CardSummary {
  const sites = new Set<Site>();
  const sourceUrls = [
    ...TEXT_FIELDS.flatMap((f) => card.fields[f].sources.map((s) => s.url)),
    ...Object.values(card.links).flatMap((ls) => ls.flatMap((l) => l.sources.map((s) => s.url))),
  ];
  for (const u of sourceUrls) {
    const s = siteOf(u);
    if (s) sites.add(s);
  }
  const modelId = card.identity.modelIds[0] ?? '';
  return {
    id: card.id,
    title: card.title,
    org: card.facts.org || (modelId.includes('/') ? modelId.split('/')[0] : ''),
    modelId,
    arxivId: card.identity.arxivIds[0] ?? '',
    tags: card.tags,
    sites: [...sites],
    parameters: card.facts.parameters,
    benchmarks: [...new Set(card.benchmarks.map((b) => b.benchmark))],
    resultCount: card.benchmarks.length,
    createdAt: card.createdAt,
    updatedAt: card.updatedAt,
  };
}

/** Every word a user might search for in a card, lower-cased once. */
export function searchText(card: Card): string {
  return [
    card.title,
    ...TEXT_FIELDS.map((f) => card.fields[f].value),
    card.notes,
    ...card.tags,
    ...card.datasets.map((d) => d.name),
    ...card.identity.modelIds,
    ...card.identity.arxivIds,
    ...Object.values(card.links).flatMap((ls) => ls.map((l) => l.url)),
    ...card.benchmarks.map((b) => `${b.benchmarkRaw} ${b.model}`),
    card.facts.org,
    card.facts.license,
    ...card.facts.architectures,
  ]
    .join('\n')
    .toLowerCase();
}

const COMPARE: Record<LibrarySort, (a: CardSummary, b: CardSummary) => number> = {
  updated: (a, b) => b.updatedAt.localeCompare(a.updatedAt),
  created: (a, b) => b.createdAt.localeCompare(a.createdAt),
  title: (a, b) => a.title.localeCompare(b.title),
  params: (a, b) => (b.parameters ?? -1) - (a.parameters ?? -1),
  results: (a, b) => b.resultCount - a.resultCount,
};

/**
 * The library's in-memory index, kept by the background beside the store: search over all text, filters,
 * sorting and paging without sending whole cards to the page.
 */
export class LibraryIndex {
  private entries = new Map<string, { summary: CardSummary; text: string }>();

  constructor(cards: Card[] = []) {
    for (const c of cards) this.put(c);
  }

  put(card: Card): void {
    this.entries.set(card.id, { summary: summarise(card), text: searchText(card) });
  }

  remove(id: string): void {
    this.entries.delete(id);
  }

  get size(): number {
    return this.entries.size;
  }

  query(q: LibraryQuery): LibraryPage {
    const words = q.text.toLowerCase().split(/\s+/).filter(Boolean);
    const f = q.filters;
    const min = f.paramsMin != null ? f.paramsMin * 1e9 : null;
    const max = f.paramsMax != null ? f.paramsMax * 1e9 : null;
    const hits: CardSummary[] = [];
    const orgs = new Set<string>();
    const tags = new Set<string>();
    const sites = new Set<Site>();
    const benchmarks = new Set<string>();
    for (const { summary: s, text } of this.entries.values()) {
      if (s.org) orgs.add(s.org);
      s.tags.forEach((t) => tags.add(t));
      s.sites.forEach((x) => sites.add(x));
      s.benchmarks.forEach((b) => benchmarks.add(b));
      if (f.org && s.org.toLowerCase() !== f.org.toLowerCase()) continue;
      if (f.tag && !s.tags.includes(f.tag)) continue;
      if (f.site && !s.sites.includes(f.site)) continue;
      if (f.benchmark && !s.benchmarks.includes(f.benchmark)) continue;
      if ((min != null || max != null) && (s.parameters == null || (min != null && s.parameters < min) || (max != null && s.parameters > max))) continue;
      if (words.length && !words.every((w) => text.includes(w))) continue;
      hits.push(s);
    }
    hits.sort(COMPARE[q.sort]);
    const sorted = (xs: Iterable<string>) => [...xs].sort((a, b) => a.localeCompare(b));
    return {
      total: hits.length,
      items: hits.slice(q.offset, q.offset + q.limit),
      facets: { orgs: sorted(orgs), tags: sorted(tags), sites: [...sites].sort() as Site[], benchmarks: sorted(benchmarks) },
    };
  }
}
