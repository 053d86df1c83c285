import { Card as CardSchema, type BenchmarkResult, type Card, type LinkKind, type SourceRef, type TextFieldName } from '../schema';
import { absUrl } from '../extract/arxiv-id';
import { safeHttpUrl } from '../extract/links';
import type { LeaderboardEntry } from './entry';
import type { ModelEnrichment } from './enrich';

/**
 * Which value goes into which card field, each with its source; and filling a card with them without
 * touching anything it already has.
 *
 * Values are listed best source first, so for a one-value field the first offered wins and the rest
 * are reported as skipped: the paper title comes from arXiv before the Papers API, the licence from the
 * Hub before the leaderboard's copy of it. List fields (links, datasets, results, identity) take every
 * item they do not hold yet; an item already there is never changed.
 */

/** Where a value came from, in words and as the card's SourceRef (kind "import": fetched, not captured from a page). */
export interface ValueSource {
  /** "Open LLM Leaderboard v2", "Hugging Face Hub API", "model card (README)", "arXiv API", "Hugging Face Papers". */
  name: string;
  /** A page the user can open to check the value. */
  url: string;
  ref: SourceRef;
}

type FactKey = keyof Card['facts'];

export type DraftValue =
  | { target: 'title'; value: string; source: ValueSource }
  | { target: `fields.${TextFieldName}`; value: string; source: ValueSource }
  | { target: `facts.${FactKey}`; value: string | number | string[]; source: ValueSource }
  | { target: `links.${LinkKind}`; value: { url: string; label: string }; source: ValueSource }
  | { target: 'datasets'; value: { name: string; url?: string }; source: ValueSource }
  | { target: 'benchmarks'; value: BenchmarkResult; source: ValueSource }
  | { target: 'identity.modelIds' | 'identity.arxivIds'; value: string; source: ValueSource };

function source(name: string, url: string, id: string, at: string): ValueSource {
  return { name, url, ref: { kind: 'import', id, url, at } };
}

export function leaderboardSource(entry: LeaderboardEntry, at: string): ValueSource {
  const s = entry.source;
  return source(`${s.name} ${s.version}`, s.url, `leaderboard:${s.version}${s.file ? `:${s.file}` : ''}`, at);
}

/** The leaderboard scores of one row as the card's own benchmark results. */
export function leaderboardResults(entry: LeaderboardEntry, at: string): BenchmarkResult[] {
  const src = leaderboardSource(entry, at);
  return entry.scores.map((s) => ({
    model: entry.fullname,
    benchmark: s.benchmark,
    benchmarkRaw: s.benchmarkRaw,
    setting: s.setting,
    metric: s.metric,
    value: s.value,
    annotations: [],
    sourceUrl: entry.source.url,
    table: src.name,
    own: true,
    source: src.ref,
  }));
}

const datasetUrl = (name: string) => (/^[\w.-]+\/[\w.-]+$/.test(name) ? `https://huggingface.co/datasets/${name}` : undefined);

/**
 * Everything the leaderboard row and the enrichment offer for a card, best source first.
 * `at` dates the leaderboard values (default: when the enrichment finished).
 */
export function draftCardFields(entry: LeaderboardEntry, enrichment: ModelEnrichment | null, opts: { at?: string } = {}): DraftValue[] {
  const at = opts.at ?? enrichment?.finishedAt;
  if (!at) throw new Error('draftCardFields needs opts.at (when the leaderboard was read) when there is no finished enrichment.');
  const lb = leaderboardSource(entry, at);
  const out: DraftValue[] = [];
  const hub = enrichment?.hub ?? null;
  const readme = enrichment?.readme ?? null;
  const papers = enrichment?.papers ?? [];
  const page = enrichment?.papersPage ?? null;
  const hubSrc = hub && source('Hugging Face Hub API', hub.url, 'hf-api', hub.fetchedAt);
  const readmeSrc = readme && source('model card (README)', readme.url, 'hf-readme', readme.fetchedAt);
  const pageSrc = page && source('Hugging Face Papers', page.url, 'hf-papers', page.fetchedAt);
  const primary = enrichment?.primaryArxivId ?? '';
  const primaryPaper = papers.find((p) => p.arxivId === primary) ?? null;
  const paperSrc = primaryPaper && source('arXiv API', primaryPaper.url, 'arxiv-api', primaryPaper.fetchedAt);

  const name = entry.fullname.split('/').pop() ?? entry.fullname;
  out.push({ target: 'title', value: name, source: lb });
  out.push({ target: 'fields.model', value: entry.fullname, source: lb });

  // The paper: arXiv first, the Papers API's copy when arXiv did not answer.
  if (primaryPaper && paperSrc) {
    if (primaryPaper.title) out.push({ target: 'fields.paperTitle', value: primaryPaper.title, source: paperSrc });
    if (primaryPaper.abstract) out.push({ target: 'fields.summary', value: primaryPaper.abstract, source: paperSrc });
  }
  if (page && pageSrc) {
    if (page.title) out.push({ target: 'fields.paperTitle', value: page.title, source: pageSrc });
    if (page.summary) out.push({ target: 'fields.summary', value: page.summary, source: pageSrc });
  }

  // Links.
  const modelUrl = hub?.url ?? safeHttpUrl(`https://huggingface.co/${entry.fullname}`);
  if (modelUrl) out.push({ target: 'links.model', value: { url: modelUrl, label: hub?.id ?? entry.fullname }, source: hubSrc ?? lb });
  const arxivIds = enrichment?.arxivIds ?? [];
  // An arXiv id is vouched for by arXiv when it answered for it, else by whoever named it.
  const paperSource = (id: string): ValueSource | null => {
    const p = papers.find((x) => x.arxivId === id);
    return p ? source('arXiv API', p.url, 'arxiv-api', p.fetchedAt) : hub?.arxivIds.includes(id) ? hubSrc : readmeSrc;
  };
  for (const id of [primary, ...arxivIds.filter((a) => a !== primary)].filter(Boolean)) {
    const from = paperSource(id);
    const title = papers.find((x) => x.arxivId === id)?.title;
    if (from) out.push({ target: 'links.paper', value: { url: absUrl(id), label: title || `arXiv:${id}` }, source: from });
  }
  if (page?.githubRepo && pageSrc) out.push({ target: 'links.code', value: { url: page.githubRepo, label: 'code' }, source: pageSrc });
  if (readme && readmeSrc) for (const l of readme.codeLinks) out.push({ target: 'links.code', value: l, source: readmeSrc });
  if (page?.projectPage && pageSrc) out.push({ target: 'links.other', value: { url: page.projectPage, label: 'project page' }, source: pageSrc });
  if (entry.detailsUrl) out.push({ target: 'links.other', value: { url: entry.detailsUrl, label: `${lb.name} details` }, source: lb });

  // Datasets (with their dataset links, as a page capture gives them).
  const datasets: Array<[string, ValueSource]> = [
    ...(hub && hubSrc ? hub.datasets.map((d): [string, ValueSource] => [d, hubSrc]) : []),
    ...(readme && readmeSrc ? readme.datasets.map((d): [string, ValueSource] => [d, readmeSrc]) : []),
  ];
  for (const [d, from] of datasets) {
    const url = datasetUrl(d);
    out.push({ target: 'datasets', value: url ? { name: d, url } : { name: d }, source: from });
    if (url) out.push({ target: 'links.dataset', value: { url, label: d }, source: from });
  }

  // Facts: the Hub first, the README's front matter and the leaderboard's copies after it.
  const fact = (key: FactKey, value: string | number | string[] | null | undefined, from: ValueSource | null) => {
    const empty = value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length);
    if (!empty && from) out.push({ target: `facts.${key}`, value, source: from });
  };
  const org = entry.fullname.includes('/') ? entry.fullname.split('/')[0] : '';
  fact('org', hub?.org, hubSrc);
  fact('org', org, lb);
  fact('license', hub?.license, hubSrc);
  fact('license', readme?.license, readmeSrc);
  fact('license', entry.license, lb);
  fact('parameters', hub?.parameters, hubSrc);
  fact('parameters', entry.params === null ? null : Math.round(entry.params * 1e9), lb);
  fact('architectures', hub?.architectures, hubSrc);
  fact('architectures', entry.architecture && entry.architecture !== '?' ? [entry.architecture] : [], lb);
  fact('modelType', hub?.modelType, hubSrc);
  fact('contextLength', hub?.contextLength, hubSrc);
  fact('baseModels', hub?.baseModels, hubSrc);
  fact('baseModels', readme?.baseModels, readmeSrc);
  fact('baseModels', entry.baseModel && entry.baseModel.toLowerCase() !== entry.fullname.toLowerCase() ? [entry.baseModel] : [], lb);

  // Results: the leaderboard's, then the card's own tables, then the Hub's model-index.
  for (const b of leaderboardResults(entry, at)) out.push({ target: 'benchmarks', value: b, source: lb });
  if (readme && readmeSrc) for (const b of readme.benchmarks) out.push({ target: 'benchmarks', value: { ...b, source: readmeSrc.ref }, source: readmeSrc });
  if (hub && hubSrc) for (const b of hub.benchmarks) out.push({ target: 'benchmarks', value: { ...b, source: hubSrc.ref }, source: hubSrc });

  // Identity, so later captures of the model or its paper find this card.
  out.push({ target: 'identity.modelIds', value: entry.fullname.toLowerCase(), source: lb });
  if (hub && hubSrc) out.push({ target: 'identity.modelIds', value: hub.id.toLowerCase(), source: hubSrc });
  for (const id of arxivIds) {
    const from = paperSource(id);
    if (from) out.push({ target: 'identity.arxivIds', value: id, source: from });
  }
  return out;
}

export interface FillReport {
  card: Card;
  /** Values written, in order. */
  filled: DraftValue[];
  /** Values not written, and why ("the field has a value"). */
  skipped: { value: DraftValue; reason: string }[];
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
const linkKey = (u: string) => u.replace(/#.*$/, '').replace(/\/$/, '').toLowerCase();
const benchKey = (b: BenchmarkResult) => `${norm(b.model)}|${b.benchmark}|${norm(b.setting)}|${norm(b.metric)}`;
const isEmpty = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && !v.trim()) || (Array.isArray(v) && !v.length);

/**
 * Writes the values into the card's empty fields only; returns a new card (the input is not changed)
 * and what was written and skipped. The caller bumps `revision` / `updatedAt` when it stores the card.
 */
export function fillEmpty(card: Card, values: readonly DraftValue[]): FillReport {
  const next: Card = structuredClone(card);
  const filled: DraftValue[] = [];
  const skipped: FillReport['skipped'] = [];
  const skip = (value: DraftValue, reason: string) => skipped.push({ value, reason });

  for (const v of values) {
    const ref = v.source.ref;
    if (v.target === 'title') {
      if (!isEmpty(next.title)) {
        skip(v, 'the card has a title');
        continue;
      }
      next.title = v.value;
    } else if (v.target.startsWith('fields.')) {
      const field = next.fields[v.target.slice(7) as TextFieldName];
      if (!isEmpty(field.value)) {
        skip(v, norm(field.value) === norm(v.value as string) ? 'the field already says this' : 'the field has a value');
        continue;
      }
      field.value = v.value as string;
      field.sources.push(ref);
    } else if (v.target.startsWith('facts.')) {
      const key = v.target.slice(6) as FactKey;
      if (!isEmpty(next.facts[key])) {
        skip(v, 'the fact is known');
        continue;
      }
      (next.facts as Record<string, unknown>)[key] = structuredClone(v.value);
    } else if (v.target.startsWith('links.')) {
      const list = next.links[v.target.slice(6) as LinkKind];
      const { url, label } = v.value as { url: string; label: string };
      const safe = safeHttpUrl(url);
      if (!safe || list.some((l) => linkKey(l.url) === linkKey(safe))) {
        skip(v, safe ? 'the card has this link' : 'not an http(s) URL');
        continue;
      }
      list.push({ url: safe, label, sources: [ref] });
    } else if (v.target === 'datasets') {
      const d = v.value as { name: string; url?: string };
      if (next.datasets.some((x) => norm(x.name) === norm(d.name))) {
        skip(v, 'the card lists this dataset');
        continue;
      }
      next.datasets.push({ ...d, sources: [ref] });
    } else if (v.target === 'benchmarks') {
      const b = v.value as BenchmarkResult;
      if (next.benchmarks.some((x) => benchKey(x) === benchKey(b))) {
        skip(v, 'the card has this result');
        continue;
      }
      next.benchmarks.push({ ...b, source: b.source ?? ref });
    } else {
      const list = next.identity[v.target === 'identity.modelIds' ? 'modelIds' : 'arxivIds'];
      const id = v.value as string;
      if (list.includes(id)) {
        skip(v, 'already known');
        continue;
      }
      list.push(id);
    }
    filled.push(v);
  }
  return { card: CardSchema.parse(next), filled, skipped };
}

/** A card with nothing in it yet, for a model picked from the leaderboard. */
export function emptyCard(id: string, at: string): Card {
  return CardSchema.parse({ id, title: '', fields: {}, createdAt: at, updatedAt: at, revision: 0 });
}
