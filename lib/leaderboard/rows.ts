import { z } from '../schema/zod';
import { normaliseBenchmark } from '../benchmarks/normalise';
import { parseCsv, CsvError } from './csv';
import {
  cellBool,
  cellNumber,
  cellText,
  LEADERBOARD_BENCHMARKS,
  LEADERBOARD_NAME,
  LEADERBOARD_URLS,
  LeaderboardEntry,
  LeaderboardSource,
  normaliseModelType,
  type LeaderboardScore,
  type LeaderboardVersion,
} from './entry';

export * from './entry';

/**
 * Leaderboard rows from every source the issue names, into one `LeaderboardEntry` shape:
 * (a) dataset viewer `/rows` JSON pages, (b) the v2 contents CSV export, (c) the 2023 v1 snapshots
 * (CSV with "ARC(25-shot)" headers, JSON lists of [model, average, ARC, HellaSwag, MMLU, TruthfulQA]),
 * (d) whatever CSV or JSON the user downloaded (records, pandas "split", rows pages).
 * Columns are found by name, whatever their spelling ("Average ⬆️" / "Average", "#Params (B)");
 * a file that is not a leaderboard fails with a message naming the columns it lacks.
 */

export class LeaderboardFormatError extends Error {
  constructor(
    message: string,
    /** The columns (or parts) the file lacks, in words. */
    readonly missing: string[] = [],
    /** The columns the file has. */
    readonly columns: string[] = [],
  ) {
    super(message);
    this.name = 'LeaderboardFormatError';
  }
}

export type LeaderboardFormat = 'rows-api' | 'csv' | 'json-records' | 'json-split' | 'json-positional' | 'json-table';

export interface ParseOptions {
  /** Source name shown beside every score; default "Open LLM Leaderboard". */
  name?: string;
  /** Source URL; default the contents dataset of the detected version (the Space for the 2023 snapshots). */
  url?: string;
  /** The file the user picked (kept in the source, and used to tell CSV from JSON). */
  file?: string;
}

export interface ParsedLeaderboard {
  entries: LeaderboardEntry[];
  source: LeaderboardSource;
  format: LeaderboardFormat;
  /** Which header was read for what: for the UI to show, and for tests. */
  columns: ColumnMap;
  /** Rows that could not become an entry, with the reason. */
  skipped: { row: number; reason: string }[];
  /** Things the user should know about the data (a relative "Parameters" column, missing pages…). */
  notes: string[];
}

/* ---------- column detection ---------- */

/** "Average ⬆️" -> "average", "#Params (B)" -> "paramsb", "Not_Merged" -> "notmerged". */
function headerKey(h: string): string {
  return h.normalize('NFKC').toLowerCase().replace(/[^a-z0-9]/g, '');
}

const FIELD_ALIASES = {
  fullname: ['fullname', 'modelname', 'modelid', 'model', 'name'],
  average: ['average', 'avg', 'averagescore'],
  type: ['type', 'modeltype'],
  typeEmoji: ['t'],
  // Not "parameters": in the 2023 snapshots that column is a relative size, not billions (see notes).
  params: ['paramsb', 'params', 'paramsbillions', 'parametersb', 'numparamsb', 'sizeb'],
  flagged: ['flagged'],
  merged: ['merged'],
  notMerged: ['notmerged'],
  moe: ['moe'],
  availableOnHub: ['availableonthehub', 'availableonhub'],
  officialProvider: ['officialproviders', 'officialprovider'],
  precision: ['precision'],
  weightType: ['weighttype'],
  architecture: ['architecture'],
  license: ['hublicense', 'license'],
  baseModel: ['basemodel'],
} as const;
type Field = keyof typeof FIELD_ALIASES;

export interface BenchmarkColumn {
  header: string;
  index: number;
  /** Catalogue id and the leaderboard's setting and measure for it. */
  id: string;
  setting: string;
  metric: string;
  /** Index of the "<name> Raw" column beside it, or -1. */
  rawIndex: number;
}

export interface ColumnMap {
  version: LeaderboardVersion;
  /** Header index per field, -1 when absent. */
  fields: Record<Field, number>;
  headers: string[];
  benchmarks: BenchmarkColumn[];
}

const V1_IDS = new Set(LEADERBOARD_BENCHMARKS.v1.map((b) => b.id));
const V2_IDS = new Set(LEADERBOARD_BENCHMARKS.v2.map((b) => b.id));

/** Finds the leaderboard's columns in a header row, or throws naming the ones that are missing. */
export function detectColumns(headers: string[]): ColumnMap {
  const keys = headers.map(headerKey);
  const fields = {} as Record<Field, number>;
  const claimed = new Set<number>();
  for (const [field, aliases] of Object.entries(FIELD_ALIASES) as [Field, readonly string[]][]) {
    let idx = -1;
    for (const a of aliases) {
      idx = keys.indexOf(a);
      if (idx >= 0) break;
    }
    fields[field] = idx;
    if (idx >= 0) claimed.add(idx);
  }

  // Benchmark columns: every other header whose name is a leaderboard benchmark; "X Raw" pairs with "X".
  const found: Array<{ header: string; index: number; id: string; setting: string; raw: boolean }> = [];
  headers.forEach((header, index) => {
    if (claimed.has(index) || !header.trim()) return;
    const rawMatch = /^(.*?)[\s_-]*raw$/i.exec(header.trim());
    const base = rawMatch ? rawMatch[1] : header;
    if (!base.trim()) return;
    const n = normaliseBenchmark(base);
    if (!n.known || !(V1_IDS.has(n.id) || V2_IDS.has(n.id))) return;
    found.push({ header, index, id: n.id, setting: n.setting, raw: !!rawMatch });
  });
  const v1 = found.filter((f) => !f.raw && V1_IDS.has(f.id)).length;
  const v2 = found.filter((f) => !f.raw && V2_IDS.has(f.id)).length;
  const version: LeaderboardVersion = v2 > v1 ? 'v2' : 'v1';

  const missing: string[] = [];
  if (fields.fullname < 0) missing.push('the model id (a "fullname" or "Model" column)');
  if (fields.average < 0) missing.push('the average score (an "Average ⬆️" or "Average" column)');
  if (v1 === 0 && v2 === 0) {
    missing.push(
      `benchmark scores (v2: ${LEADERBOARD_BENCHMARKS.v2.map((b) => b.label).join(', ')}; v1: ${LEADERBOARD_BENCHMARKS.v1.map((b) => b.label).join(', ')})`,
    );
  }
  if (missing.length) {
    const shown = headers.filter((h) => h.trim()).slice(0, 20);
    throw new LeaderboardFormatError(
      `This is not an Open LLM Leaderboard table: it has no column for ${missing.join(', nor ')}. ` +
        `Columns found: ${shown.length ? shown.map((h) => `"${h}"`).join(', ') : '(none)'}${headers.length > 20 ? ', …' : ''}.`,
      missing,
      headers,
    );
  }

  const table = LEADERBOARD_BENCHMARKS[version];
  const benchmarks: BenchmarkColumn[] = [];
  for (const f of found) {
    if (f.raw) continue;
    const known = table.find((b) => b.id === f.id);
    if (!known || benchmarks.some((b) => b.id === f.id)) continue;
    const raw = found.find((r) => r.raw && r.id === f.id);
    benchmarks.push({
      header: f.header,
      index: f.index,
      id: f.id,
      // The header's own setting ("ARC(25-shot)") agrees with the table; the table covers bare "ARC".
      setting: f.setting || known.setting,
      metric: known.metric,
      rawIndex: raw ? raw.index : -1,
    });
  }
  return { version, fields, headers, benchmarks };
}

/* ---------- cells ---------- */

const ANCHOR_TEXT = /<a\b[^>]*>([^<]*)<\/a>/i;
const DETAILS_HREF = /href="(https:\/\/huggingface\.co\/datasets\/open-llm-leaderboard[^"\s]*)"/i;
const HUB_URL = /^https?:\/\/huggingface\.co\/([^/?#\s]+\/[^/?#\s]+)\/?$/i;

/** The hub id in a model cell: plain "org/name", the v2 `Model` HTML anchor, or a huggingface.co URL. */
export function modelIdFromCell(v: unknown): string {
  const s = cellText(v);
  if (!s) return '';
  if (s.includes('<')) {
    const m = ANCHOR_TEXT.exec(s);
    return (m ? m[1] : s.replace(/<[^>]*>/g, ' ')).trim().split(/\s+/)[0] ?? '';
  }
  const url = HUB_URL.exec(s);
  return url ? decodeURIComponent(url[1]) : s;
}

const SIZE_IN_NAME = /(?:^|[-_.\s])(\d+(?:\.\d+)?)\s*([bm])(?=$|[-_.\s])/i;

/**
 * Billions of parameters as the model name states them ("Llama-2-70b" -> 70, "Corianas/111m" -> 0.111),
 * for sources without a params column. Mixture names ("8x7B") state no total and give null.
 */
export function paramsFromName(fullname: string): number | null {
  const name = fullname.slice(fullname.lastIndexOf('/') + 1);
  const m = SIZE_IN_NAME.exec(name);
  if (!m) return null;
  if (/x$/i.test(name.slice(0, m.index + m[0].indexOf(m[1])))) return null;
  const n = Number(m[1]) * (m[2].toLowerCase() === 'm' ? 0.001 : 1);
  return n > 0 ? n : null;
}

/* ---------- tables -> entries ---------- */

interface Table {
  headers: string[];
  rows: unknown[][];
  /** Row numbers as the source counts them (dataset viewer row_idx); default the position. */
  rowNumbers?: number[];
}

function defaultUrl(version: LeaderboardVersion, format: LeaderboardFormat, headers: string[]): string {
  const snapshot = format === 'json-positional' || headers.some((h) => /^ARC\(25-shot\)$/i.test(h.trim()));
  if (version === 'v1' && snapshot) return LEADERBOARD_URLS.v1Space;
  return LEADERBOARD_URLS[version];
}

function tableToEntries(table: Table, format: LeaderboardFormat, opts: ParseOptions): ParsedLeaderboard {
  const columns = detectColumns(table.headers);
  const { fields, benchmarks, version } = columns;
  const source = LeaderboardSource.parse({
    name: opts.name ?? LEADERBOARD_NAME,
    version,
    url: opts.url ?? defaultUrl(version, format, table.headers),
    ...(opts.file ? { file: opts.file } : {}),
  });
  const notes: string[] = [];
  const relativeParams = fields.params < 0 && table.headers.some((h) => headerKey(h) === 'parameters');
  if (relativeParams) {
    notes.push(
      'The "Parameters" column of this file is a relative size (percent of the largest model in the snapshot), not billions; parameter counts were read from the model names where they state one.',
    );
  }
  const missingTypes = fields.type < 0 && fields.typeEmoji < 0;
  if (missingTypes) notes.push('This source has no model type column: every model is of type "unknown", so a type filter leaves none.');

  // The v2 `Model` cell is HTML linking the model and its evaluation details.
  const modelHtmlIndex = table.headers.findIndex((h) => headerKey(h) === 'model');
  const entries: LeaderboardEntry[] = [];
  const skipped: ParsedLeaderboard['skipped'] = [];
  const at = (row: unknown[], idx: number): unknown => (idx >= 0 ? row[idx] : undefined);
  const text = (row: unknown[], f: Field) => cellText(at(row, fields[f]));
  const bool = (row: unknown[], f: Field) => (fields[f] >= 0 ? cellBool(at(row, fields[f])) : null);

  table.rows.forEach((row, i) => {
    const rowNo = table.rowNumbers?.[i] ?? i;
    const modelCell = at(row, fields.fullname);
    const fullname = modelIdFromCell(modelCell);
    if (!fullname) {
      skipped.push({ row: rowNo, reason: 'no model id' });
      return;
    }
    const scores: LeaderboardScore[] = [];
    for (const b of benchmarks) {
      const value = cellNumber(row[b.index]);
      if (value === null) continue;
      const raw = b.rawIndex >= 0 ? cellNumber(row[b.rawIndex]) : null;
      scores.push({ benchmarkRaw: b.header, benchmark: b.id, setting: b.setting, metric: b.metric, value, ...(raw !== null ? { raw } : {}) });
    }
    let params: number | null = null;
    let paramsFrom: 'column' | 'name' | null = null;
    if (fields.params >= 0) {
      const p = cellNumber(at(row, fields.params));
      // -1 and 0 are the leaderboard's placeholders for "unknown".
      if (p !== null && p > 0) [params, paramsFrom] = [p, 'column'];
    } else {
      params = paramsFromName(fullname);
      paramsFrom = params === null ? null : 'name';
    }
    const typeRaw = text(row, 'type') || text(row, 'typeEmoji');
    const notMerged = bool(row, 'notMerged');
    const anchorCell = modelHtmlIndex >= 0 ? row[modelHtmlIndex] : undefined;
    const details = typeof anchorCell === 'string' ? DETAILS_HREF.exec(anchorCell)?.[1] : undefined;
    const candidate = {
      fullname,
      modelType: normaliseModelType(typeRaw),
      typeRaw,
      params,
      paramsFrom,
      average: cellNumber(at(row, fields.average)),
      scores,
      flagged: bool(row, 'flagged'),
      merged: fields.merged >= 0 ? bool(row, 'merged') : notMerged === null ? null : !notMerged,
      moe: bool(row, 'moe'),
      availableOnHub: bool(row, 'availableOnHub'),
      officialProvider: bool(row, 'officialProvider'),
      precision: text(row, 'precision'),
      weightType: text(row, 'weightType'),
      architecture: text(row, 'architecture'),
      license: text(row, 'license'),
      baseModel: modelIdFromCell(at(row, fields.baseModel)),
      ...(details ? { detailsUrl: details } : {}),
      row: rowNo,
      source,
    };
    const parsed = LeaderboardEntry.safeParse(candidate);
    if (parsed.success) entries.push(parsed.data);
    else skipped.push({ row: rowNo, reason: parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ') });
  });
  if (!entries.length && !table.rows.length) throw new LeaderboardFormatError('The leaderboard table has a header but no rows.', [], table.headers);
  return { entries, source, format, columns, skipped, notes };
}

/* ---------- CSV ---------- */

/** The v2 contents CSV export, the v1 snapshot CSVs, or a CSV the user downloaded. */
export function parseLeaderboardCsv(text: string, opts: ParseOptions = {}): ParsedLeaderboard {
  let cells: string[][];
  try {
    cells = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvError) throw new LeaderboardFormatError(`The CSV file could not be read: ${e.message}.`);
    throw e;
  }
  if (!cells.length) throw new LeaderboardFormatError('The file is empty.');
  const [headers, ...rows] = cells;
  return tableToEntries({ headers, rows }, 'csv', opts);
}

/* ---------- dataset viewer /rows ---------- */

export const DATASETS_SERVER = 'https://datasets-server.huggingface.co';
export const MAX_ROWS_PER_PAGE = 100;

/** The two leaderboard tables on the Hub (domain.md 1.7). */
export const LEADERBOARD_DATASETS = {
  v2: { dataset: 'open-llm-leaderboard/contents', config: 'default', split: 'train' },
  v1: { dataset: 'open-llm-leaderboard-old/contents', config: 'default', split: 'train' },
} as const;

/** `GET /rows?dataset=&config=&split=&offset=&length=`; length is at most 100. */
export function rowsPageUrl(dataset: string, config: string, split: string, offset: number, length: number): string {
  if (!Number.isInteger(offset) || offset < 0) throw new RangeError(`offset must be a whole number ≥ 0, not ${offset}`);
  if (!Number.isInteger(length) || length < 1 || length > MAX_ROWS_PER_PAGE) {
    throw new RangeError(`length must be 1-${MAX_ROWS_PER_PAGE}, not ${length}`);
  }
  const q = new URLSearchParams({ dataset, config, split, offset: String(offset), length: String(length) });
  return `${DATASETS_SERVER}/rows?${q}`;
}

/**
 * The pages to ask for: first page at `from` (the total is not known yet), then, once a page has said
 * `num_rows_total`, call again with it to get the rest. `limit` caps the rows read.
 */
export function planRowPages(
  numRowsTotal: number | null,
  opts: { pageSize?: number; from?: number; limit?: number } = {},
): { offset: number; length: number }[] {
  const size = Math.min(MAX_ROWS_PER_PAGE, Math.max(1, Math.floor(opts.pageSize ?? MAX_ROWS_PER_PAGE)));
  const from = Math.max(0, Math.floor(opts.from ?? 0));
  const end = Math.min(numRowsTotal ?? from + size, opts.limit === undefined ? Infinity : from + Math.max(0, opts.limit));
  const pages: { offset: number; length: number }[] = [];
  for (let offset = from; offset < end; offset += size) pages.push({ offset, length: Math.min(size, end - offset) });
  return pages;
}

const RowsPage = z.object({
  features: z.array(z.object({ feature_idx: z.number().optional(), name: z.string() }).passthrough()).optional(),
  rows: z.array(
    z.object({
      row_idx: z.number().int().nonnegative(),
      row: z.record(z.string(), z.unknown()),
      truncated_cells: z.array(z.string()).optional(),
    }),
  ),
  num_rows_total: z.number().int().nonnegative(),
  num_rows_per_page: z.number().int().optional(),
  partial: z.boolean().optional(),
});
export type RowsPage = z.infer<typeof RowsPage>;

function isRowsPage(v: unknown): boolean {
  return !!v && typeof v === 'object' && !Array.isArray(v) && 'rows' in v && 'num_rows_total' in v;
}

/** One `/rows` answer, checked; a dataset viewer error object throws its message. */
export function parseRowsPage(json: unknown): RowsPage {
  if (json && typeof json === 'object' && 'error' in json && typeof (json as { error: unknown }).error === 'string') {
    throw new LeaderboardFormatError(`The dataset viewer answered with an error: ${(json as { error: string }).error}`);
  }
  const r = RowsPage.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new LeaderboardFormatError(`This is not a dataset viewer /rows answer: ${issue.path.join('.') || 'the top level'}: ${issue.message}.`);
  }
  return r.data;
}

/** Entries from one or more `/rows` pages (any order; overlapping pages are fine). Gaps are noted. */
export function parseRowsPages(pages: unknown[], opts: ParseOptions = {}): ParsedLeaderboard {
  if (!pages.length) throw new LeaderboardFormatError('No dataset viewer pages to read.');
  const checked = pages.map(parseRowsPage);
  const byIdx = new Map<number, RowsPage['rows'][number]>();
  for (const p of checked) for (const r of p.rows) if (!byIdx.has(r.row_idx)) byIdx.set(r.row_idx, r);
  const ordered = [...byIdx.values()].sort((a, b) => a.row_idx - b.row_idx);
  const headers: string[] = [];
  const seen = new Set<string>();
  const add = (h: string) => !seen.has(h) && (seen.add(h), headers.push(h));
  for (const p of checked) for (const f of p.features ?? []) add(f.name);
  for (const r of ordered) for (const k of Object.keys(r.row)) add(k);
  const parsed = tableToEntries(
    { headers, rows: ordered.map((r) => headers.map((h) => r.row[h])), rowNumbers: ordered.map((r) => r.row_idx) },
    'rows-api',
    opts,
  );

  const total = Math.max(...checked.map((p) => p.num_rows_total));
  if (new Set(checked.map((p) => p.num_rows_total)).size > 1) {
    parsed.notes.push('The pages disagree on the number of rows: the dataset changed while it was read; read it again for a consistent list.');
  }
  if (ordered.length < total) parsed.notes.push(`Only ${ordered.length} of ${total} rows were read; the ranking covers those rows only.`);
  if (checked.some((p) => p.partial)) parsed.notes.push('The dataset viewer says its copy of this dataset is partial.');
  const needed = new Set([parsed.columns.fields.fullname, parsed.columns.fields.average, ...parsed.columns.benchmarks.map((b) => b.index)].map((i) => headers[i]));
  const truncated = ordered.filter((r) => r.truncated_cells?.some((c) => needed.has(c))).length;
  if (truncated) parsed.notes.push(`${truncated} rows had a model id or score cut short by the dataset viewer.`);
  return parsed;
}

/* ---------- JSON ---------- */

const SNAPSHOT_HEADERS: Record<number, string[]> = {
  6: ['Model', 'Average', 'ARC', 'HellaSwag', 'MMLU', 'TruthfulQA'],
  8: ['Model', 'Average', 'ARC', 'HellaSwag', 'MMLU', 'TruthfulQA', 'Winogrande', 'GSM8K'],
};

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function recordsTable(records: unknown[]): Table {
  const headers: string[] = [];
  const seen = new Set<string>();
  for (const r of records) {
    if (!isPlainObject(r)) throw new LeaderboardFormatError('The JSON list mixes objects with other values; expected one object per model.');
    for (const k of Object.keys(r)) if (!seen.has(k)) (seen.add(k), headers.push(k));
  }
  return { headers, rows: records.map((r) => headers.map((h) => (r as Record<string, unknown>)[h])) };
}

function arraysTable(rows: unknown[][]): { table: Table; format: LeaderboardFormat } {
  const first = rows[0];
  // A header row of strings (a CSV written as JSON) …
  if (first.every((c) => typeof c === 'string') && rows.length > 1 && rows[1].some((c) => typeof c === 'number')) {
    return { table: { headers: first as string[], rows: rows.slice(1) }, format: 'json-table' };
  }
  // … or the 2023 snapshots' bare [model, average, ARC, HellaSwag, MMLU, TruthfulQA].
  const width = first.length;
  const headers = SNAPSHOT_HEADERS[width];
  if (!headers || typeof first[0] !== 'string' || !first.slice(1).every((c) => typeof c === 'number' || c === null)) {
    throw new LeaderboardFormatError(
      `The JSON holds lists of ${width} values without a header; the only header-less layout known is the 2023 snapshots' [model, average, ARC, HellaSwag, MMLU, TruthfulQA] (6 values, or 8 with Winogrande and GSM8K).`,
      ['a header'],
    );
  }
  const bad = rows.findIndex((r) => !Array.isArray(r) || r.length !== width);
  if (bad >= 0) throw new LeaderboardFormatError(`Row ${bad} of the JSON list does not have ${width} values like the first.`);
  return { table: { headers, rows }, format: 'json-positional' };
}

/**
 * A JSON leaderboard: dataset viewer `/rows` page(s), a list of records (pandas `orient="records"`),
 * pandas `orient="split"` / `"table"`, or the 2023 snapshots' header-less lists.
 */
export function parseLeaderboardJson(json: unknown, opts: ParseOptions = {}): ParsedLeaderboard {
  if (isRowsPage(json)) return parseRowsPages([json], opts);
  if (Array.isArray(json) && json.length && json.every(isRowsPage)) return parseRowsPages(json, opts);
  if (isPlainObject(json)) {
    if (typeof json.error === 'string') return parseRowsPages([json], opts); // throws the viewer's message
    if (Array.isArray(json.columns) && Array.isArray(json.data)) {
      const headers = json.columns.map((c) => String(c));
      const rows = json.data as unknown[];
      if (!rows.every(Array.isArray)) throw new LeaderboardFormatError('"data" should hold one list of values per row.');
      return tableToEntries({ headers, rows: rows as unknown[][] }, 'json-split', opts);
    }
    if (Array.isArray(json.data)) return parseLeaderboardJson(json.data, opts);
    if (Array.isArray(json.rows)) return parseLeaderboardJson(json.rows, opts);
    throw new LeaderboardFormatError(
      `This JSON is not a leaderboard: expected a list of rows or a dataset viewer answer; it is an object with ${Object.keys(json).slice(0, 8).map((k) => `"${k}"`).join(', ') || 'no keys'}.`,
    );
  }
  if (!Array.isArray(json)) throw new LeaderboardFormatError(`This JSON is not a leaderboard: it is a single ${json === null ? 'null' : typeof json}, not a list of rows.`);
  if (!json.length) throw new LeaderboardFormatError('The JSON list is empty.');
  if (json.every(Array.isArray)) {
    const { table, format } = arraysTable(json as unknown[][]);
    return tableToEntries(table, format, opts);
  }
  return tableToEntries(recordsTable(json), 'json-records', opts);
}

/** A file the user picked: JSON or CSV, told apart by content (then by name). */
export function parseLeaderboardFile(text: string, opts: ParseOptions = {}): ParsedLeaderboard {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (!head) throw new LeaderboardFormatError('The file is empty.');
  if (/^(<!doctype html|<html\b|<head\b|<\?xml)/i.test(head)) {
    throw new LeaderboardFormatError('This file is a web page (HTML or XML), not a CSV or JSON export of the leaderboard.');
  }
  const looksJson = head.startsWith('{') || head.startsWith('[') || /\.json$/i.test(opts.file ?? '');
  if (looksJson) {
    let json: unknown;
    try {
      // Python's json module writes NaN / Infinity for missing numbers; they mean "missing".
      json = JSON.parse(head.replace(/([:[,]\s*)-?(?:NaN|Infinity)(?=\s*[,\]}])/g, '$1null'));
    } catch (e) {
      throw new LeaderboardFormatError(`The file is not valid JSON: ${(e as Error).message}.`);
    }
    return parseLeaderboardJson(json, opts);
  }
  return parseLeaderboardCsv(text, opts);
}
