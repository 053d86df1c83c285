import { Lexer, type Token } from 'marked';
import { parse as parseYaml } from 'yaml';
import type { BenchmarkResult, CapturedTable, SectionSuggestion } from '../schema';
import { normaliseBenchmark } from '../benchmarks/normalise';
import { markdownTables } from '../tables/markdown';
import { parseValue } from '../tables/value';
import { arxivIdsLinkedIn } from './arxiv-id';
import { safeHttpUrl } from './links';
import { suggestSections } from './sections';
import { captureGrids, dedupeResults } from './table-capture';

const FRONT_MATTER = /^(\s*---(?:\r\n|\r|\n))([\S\s]*?)((?:\r\n|\r|\n)---[ \t]*(\r\n|\n|$))/;

/** The YAML front matter of a model card, and the markdown after it. Bad YAML is reported, not thrown. */
export function splitFrontMatter(markdown: string): { data: Record<string, unknown>; body: string; error: string } {
  const m = FRONT_MATTER.exec(markdown);
  if (!m) return { data: {}, body: markdown, error: '' };
  try {
    const data = parseYaml(m[2], { maxAliasCount: 100 }) as unknown;
    return { data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {}, body: markdown.slice(m[0].length), error: '' };
  } catch (e) {
    return { data: {}, body: markdown.slice(m[0].length), error: (e as Error).message.split('\n')[0] };
  }
}

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v == null ? [] : [v]);
const asString = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** model-index (card YAML or Hub API) flattened to one result per metric, as huggingface_hub does. */
export function modelIndexResults(modelIndex: unknown, fallbackModel: string, sourceUrl?: string): BenchmarkResult[] {
  const out: BenchmarkResult[] = [];
  for (const entry of asArray(modelIndex)) {
    const model = asString(obj(entry).name) || fallbackModel;
    for (const result of asArray(obj(entry).results)) {
      const r = obj(result);
      const dataset = obj(r.dataset);
      const raw = asString(dataset.name) || asString(dataset.type);
      if (!raw) continue;
      const n = normaliseBenchmark(raw);
      const shots = obj(dataset.args).num_few_shot;
      const setting = n.setting || (typeof shots === 'number' ? `${shots}-shot` : '');
      for (const metric of asArray(r.metrics)) {
        const m = obj(metric);
        const parsed = typeof m.value === 'number' ? { value: m.value, annotations: [] as string[] } : parseValue(asString(m.value));
        if (!parsed || !Number.isFinite(parsed.value)) continue;
        out.push({
          model,
          benchmark: n.id,
          benchmarkRaw: raw,
          setting,
          metric: asString(m.type) || asString(m.name),
          value: parsed.value,
          annotations: [...parsed.annotations, ...(m.verified === true ? ['verified'] : [])],
          sourceUrl: safeHttpUrl(asString(obj(r.source).url)) ?? sourceUrl,
          table: 'model-index',
        });
      }
    }
  }
  return out;
}

const BADGE = /(shields\.io|badge|badgen\.net|img\.shields|camo\.githubusercontent|star-history|api\.star-history|visitor|hits\.)/i;

/** Splits the card into heading sections of raw markdown (tables and HTML left out), with a real lexer. */
function sectionsOf(tokens: Token[]): { heading: string; text: string }[] {
  const out: { heading: string; text: string }[] = [];
  let current: { heading: string; text: string } | null = null;
  for (const t of tokens) {
    if (t.type === 'heading') {
      current = { heading: t.text.replace(/<[^>]*>/g, '').replace(/[*_`]/g, ''), text: '' };
      out.push(current);
    } else if (current && t.type !== 'table' && t.type !== 'html' && t.type !== 'code') {
      current.text += t.raw;
    }
  }
  return out;
}

function imagesOf(tokens: Token[], doc: (html: string) => Document, base: string): { url: string; alt: string }[] {
  const out: { url: string; alt: string }[] = [];
  const add = (src: string | null, alt: string) => {
    // A relative path names a file in the repository: only image files are candidates.
    if (src && !/^https?:\/\//i.test(src) && !/\.(png|jpe?g|gif|webp|svg|avif)(\?|#|$)/i.test(src)) return;
    const url = safeHttpUrl(src, base);
    if (url && !BADGE.test(url) && !out.some((i) => i.url === url)) out.push({ url, alt });
  };
  const walk = (ts: Token[]) => {
    for (const t of ts) {
      if (t.type === 'image') add(t.href, t.text);
      else if (t.type === 'html') doc(t.raw).querySelectorAll('img[src]').forEach((i) => add(i.getAttribute('src'), i.getAttribute('alt') ?? ''));
      const children = (t as { tokens?: Token[] }).tokens;
      if (children) walk(children);
      const items = (t as { items?: { tokens?: Token[] }[] }).items;
      if (items) items.forEach((it) => it.tokens && walk(it.tokens));
    }
  };
  walk(tokens);
  return out;
}

export interface ModelCardReading {
  frontMatter: Record<string, unknown>;
  body: string;
  benchmarks: BenchmarkResult[];
  tables: CapturedTable[];
  sections: SectionSuggestion[];
  images: { url: string; alt: string }[];
  arxivIds: string[];
  warnings: string[];
}

/**
 * A model card (Hugging Face or ModelScope README): front matter, model-index, every results table
 * (markdown and embedded HTML), section suggestions and images. `fileBase` resolves relative image paths.
 */
export function readModelCard(
  markdown: string,
  opts: { modelName: string; sourceUrl: string; fileBase: string; parseHtml: (html: string) => Document },
): ModelCardReading {
  const warnings: string[] = [];
  const fm = splitFrontMatter(markdown);
  if (fm.error) warnings.push(`The model card's YAML header could not be read (${fm.error}); its metadata was skipped.`);
  const tokens = new Lexer({ gfm: true }).lex(fm.body);
  const fromIndex = modelIndexResults(fm.data['model-index'], opts.modelName, opts.sourceUrl);
  const tables = captureGrids(markdownTables(fm.body, opts.parseHtml), { sourceUrl: opts.sourceUrl, defaultModel: opts.modelName });
  return {
    frontMatter: fm.data,
    body: fm.body,
    benchmarks: dedupeResults([...fromIndex, ...tables.results]),
    tables: tables.tables,
    sections: suggestSections(sectionsOf(tokens)),
    images: imagesOf(tokens, opts.parseHtml, opts.fileBase),
    arxivIds: arxivIdsLinkedIn(fm.body),
    warnings,
  };
}

export { asArray, asString, obj };
