import { LINK_KINDS, TEXT_FIELDS, type BenchmarkResult, type Card, type CardLink, type LinkKind, type SourceRef, type TextFieldName } from '../schema';
import { safeHttpUrl } from '../extract/links';
import { normaliseBenchmark } from '../benchmarks/normalise';

/** Lines of a links textarea back into links, keeping what each known URL already remembered. */
export function linesToLinks(text: string, previous: CardLink[], userSource: SourceRef): { links: CardLink[]; invalid: string[] } {
  const invalid: string[] = [];
  const links: CardLink[] = [];
  for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const url = safeHttpUrl(line);
    if (!url) {
      invalid.push(line);
      continue;
    }
    if (links.some((l) => l.url === url)) continue;
    links.push(previous.find((p) => p.url === url) ?? { url, label: '', sources: [userSource] });
  }
  return { links, invalid };
}

export function linksToLines(links: CardLink[]): string {
  return links.map((l) => l.url).join('\n');
}

/** Which fields the user typed into: their source becomes "user" on top of what they came from. */
export function markUserEdit<T extends { sources: SourceRef[] }>(field: T, at: string): T {
  const last = field.sources[field.sources.length - 1];
  if (last?.kind === 'user') return { ...field, sources: [...field.sources.slice(0, -1), { kind: 'user', at }] };
  return { ...field, sources: [...field.sources, { kind: 'user', at }] };
}

/** A results row as the grid edits it: the number stays text until it is saved. */
export interface BenchmarkRow {
  model: string;
  benchmarkRaw: string;
  setting: string;
  metric: string;
  value: string;
  own: boolean;
  verified: boolean;
  /** The stored result this row edits, if any. */
  index: number | null;
}

/** What the editor shows: every template field as text. */
export interface CardForm {
  title: string;
  fields: Record<TextFieldName, string>;
  links: Record<LinkKind, string>;
  datasets: string;
  tags: string;
  notes: string;
  benchmarks: BenchmarkRow[];
  images: { assetId: string; caption: string }[];
}

export function cardToForm(card: Card): CardForm {
  return {
    title: card.title,
    fields: Object.fromEntries(TEXT_FIELDS.map((f) => [f, card.fields[f].value])) as Record<TextFieldName, string>,
    links: Object.fromEntries(LINK_KINDS.map((k) => [k, linksToLines(card.links[k])])) as Record<LinkKind, string>,
    datasets: card.datasets.map((d) => d.name).join('\n'),
    tags: card.tags.join(', '),
    notes: card.notes,
    benchmarks: card.benchmarks.map((b, index) => ({
      model: b.model,
      benchmarkRaw: b.benchmarkRaw,
      setting: b.setting,
      metric: b.metric,
      value: String(b.value),
      own: !!b.own,
      verified: !!b.verified,
      index,
    })),
    images: card.images.map((i) => ({ ...i })),
  };
}

function rowToResult(row: BenchmarkRow, base: BenchmarkResult | undefined, user: SourceRef): BenchmarkResult | string {
  const value = Number(row.value.replace(/,/g, '').trim());
  if (!row.benchmarkRaw.trim()) return `a row has no benchmark name`;
  if (!row.value.trim() || !Number.isFinite(value)) return `"${row.value}" is not a number (${row.benchmarkRaw})`;
  const changed =
    !base || base.model !== row.model || base.benchmarkRaw !== row.benchmarkRaw || base.setting !== row.setting || base.metric !== row.metric || base.value !== value;
  const n = normaliseBenchmark(row.benchmarkRaw);
  return {
    ...(base ?? { annotations: [] }),
    model: row.model.trim(),
    benchmark: base && base.benchmarkRaw === row.benchmarkRaw ? base.benchmark : n.id,
    benchmarkRaw: row.benchmarkRaw.trim(),
    setting: row.setting.trim(),
    metric: row.metric.trim(),
    value,
    own: row.own || undefined,
    verified: row.verified || undefined,
    source: changed ? user : base?.source,
  };
}

/** The edited card, with "user" added to the sources of every field the user changed. */
export function formToCard(base: Card, form: CardForm, now: Date): { card: Card; invalid: string[] } {
  const at = now.toISOString();
  const user: SourceRef = { kind: 'user', at };
  const card: Card = structuredClone(base);
  card.title = form.title.trim() || base.title;
  for (const f of TEXT_FIELDS) {
    if (form.fields[f] !== base.fields[f].value) card.fields[f] = markUserEdit({ ...card.fields[f], value: form.fields[f] }, at);
  }
  const invalid: string[] = [];
  for (const kind of LINK_KINDS) {
    if (form.links[kind] === linksToLines(base.links[kind])) continue;
    const r = linesToLinks(form.links[kind], base.links[kind], user);
    card.links[kind] = r.links;
    invalid.push(...r.invalid);
  }
  const names = [...new Set(form.datasets.split('\n').map((s) => s.trim()).filter(Boolean))];
  card.datasets = names.map((name) => base.datasets.find((d) => d.name === name) ?? { name, sources: [user] });
  card.tags = [...new Set(form.tags.split(/[,，]/).map((s) => s.trim()).filter(Boolean))];
  card.notes = form.notes;
  const results: BenchmarkResult[] = [];
  for (const row of form.benchmarks) {
    const r = rowToResult(row, row.index == null ? undefined : base.benchmarks[row.index], user);
    if (typeof r === 'string') invalid.push(r);
    else results.push(r);
  }
  card.benchmarks = results;
  card.images = form.images.map((i) => ({ assetId: i.assetId, caption: i.caption }));
  return { card, invalid };
}
