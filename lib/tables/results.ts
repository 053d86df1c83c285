import type { BenchmarkResult } from '../schema/benchmark';
import {
  annotationsOnly,
  benchmarksNamedIn,
  isAnnotationText,
  metricNamedIn,
  metricOnly,
  normaliseBenchmark,
  splitAnnotations,
  splitSetting,
  type NormalisedBenchmark,
} from '../benchmarks/normalise';
import type { Cell, Grid } from './grid';
import {
  isAverageLabel,
  isConfigLabel,
  isModelColumnHeader,
  isPureNumber,
  looksLikeMethod,
  looksLikeModel,
  NEGATIVE_CAPTION,
  roleOf,
  SIZE_ONLY,
  VALUE_HEADER,
  type Role,
} from './labels';
import { parseValue, type ParsedValue } from './value';

/**
 * Grid -> benchmark results, or a verdict that the table holds something else.
 *
 * Two layouts are common: benchmarks as column headers with one model per row ("A"), and the
 * transposed one with benchmarks down a column and models as column headers ("B"; DeepSeek, Llama).
 * Both are scored by how many of their would-be benchmark labels the catalogue knows; the better
 * one wins. A table with no known benchmark still counts when the grid itself says it holds results:
 * a measure named over its columns ("BLEU", "F1"), a label column headed "Model" or "Method", or row
 * labels that read as models. Columns of sizes, costs, times and hyper-parameters are dropped one by
 * one, so a results table with a "Params" or "Training Cost" column keeps its scores; the caption
 * only breaks a tie when the grid names no measure.
 *
 * The stages: readTable (header rows, columns and what each holds) -> chooseLayout -> readModelsDown
 * or readModelsAcross.
 */

export interface GridResultsOptions {
  sourceUrl?: string;
  /** Where the numbers were read ("Table 3: …", a section heading); the grid caption when absent. */
  table?: string;
  /** The model a single "Value"/"Score" column belongs to (an Open LLM Leaderboard or lm-eval table). */
  defaultModel?: string;
}

export interface GridResults {
  results: BenchmarkResult[];
  kind: 'results' | 'other';
  reason: string;
}

interface Column {
  index: number;
  /** Header texts top to bottom, repeats (from spans) removed. */
  path: string[];
  leaf: string;
  group: string;
  /** Setting written in a separate header row ("5-shot" under "MMLU"). */
  headerSetting: string;
  role: Role;
  numeric: number;
  text: number;
  /** The header names a measure ("BLEU" over "EN-DE", "WSJ 23 F1", "PPL (dev)"): the column holds results. Set on value columns only. */
  namesMeasure: boolean;
}

interface Resolved {
  raw: string;
  norm: NormalisedBenchmark;
  extraSetting: string;
  extraMetric: string;
}

interface Header {
  col: Column;
  res: Resolved;
}

/** The grid read as a table: body rows under the header, and what each column holds. */
interface Table {
  body: Cell[][];
  columns: Column[];
  /** Columns of numbers that are not sizes, costs, settings or other attributes. */
  valueCols: Column[];
  /** Columns of mostly words: model names, benchmark names, settings, categories. */
  textCols: Column[];
}

interface Plan {
  layout: 'A' | 'B';
  /** A: the column of model names; B: the column of benchmark names. */
  label: Column;
  /** A: the benchmark each value column stands for. */
  headers: Header[];
  /** The one benchmark the caption names, when the labels are its parts. */
  named: NormalisedBenchmark | null;
  why: string;
}

const clean = (s: string) =>
  s
    .replace(/\s*\^\S*$/, '')
    .replace(/\s+/g, ' ')
    .trim();

/** A header-continuation row that only carries settings: "| | 5-shot | 5-shot | 0-shot |". */
function isSettingRow(row: Cell[]): boolean {
  let filled = 0;
  let settings = 0;
  for (let c = 1; c < row.length; c++) {
    const t = row[c].text;
    if (!t) continue;
    filled++;
    if (isAnnotationText(t)) settings++;
  }
  return filled > 0 && settings >= filled * 0.8;
}

const isMissing = (t: string) => !t.trim() || /^(?:[-–—/]|n\/?a)$/i.test(t.trim());
const isSettingCell = (t: string) => !t || /^[-–—/]$/.test(t) || /^\d{1,3}(?:\s*[-–~]\s*\d{1,3})?$/.test(t.trim()) || isAnnotationText(t);

const hasNumber = (row: Cell[]) => row.some((cell, c) => c > 0 && parseValue(cell.text) != null);

// Measures too generic to say a column holds results ("Value (%)" is a hyper-parameter table's too).
const WEAK_MEASURE = /^(?:%|avg|average|macro_avg|micro_avg|scores?|rating|lc)$/;
const namesMeasure = (label: string) =>
  /\b(?:pass|maj|cons)@\d+/i.test(label) ||
  metricNamedIn(label)
    .split(' ')
    .some((m) => m && !WEAK_MEASURE.test(m));

function dropEmpty(cells: Cell[][]): { rows: Cell[][]; keptHeaderRows: (h: number) => number } {
  const keepRow = cells.map((row) => row.some((c) => c.text));
  const width = cells[0]?.length ?? 0;
  const keepCol: boolean[] = [];
  for (let c = 0; c < width; c++) keepCol.push(cells.some((row) => row[c]?.text));
  const rows = cells.filter((_, r) => keepRow[r]).map((row) => row.filter((_, c) => keepCol[c]));
  return { rows, keptHeaderRows: (h) => keepRow.slice(0, h).filter(Boolean).length };
}

/** Settings from the label, the header rows and the row's own columns, each once, shot counts first. */
function joinSetting(...parts: string[]): string {
  const seen = new Set<string>();
  const shots: string[] = [];
  const rest: string[] = [];
  for (const p of parts.flatMap((x) => x.split(/\s+/))) {
    const t = p.trim();
    if (!t || seen.has(t.toLowerCase())) continue;
    seen.add(t.toLowerCase());
    (/shot$/i.test(t) ? shots : rest).push(t);
  }
  return [...shots, ...rest].join(' ');
}

/* ---------- reading the grid ---------- */

/** Header rows, the setting rows among them, and the body. */
function splitHeader(grid: Grid): { rows: Cell[][]; headerRows: number; settingRows: number[] } | string {
  const { rows: all, keptHeaderRows } = dropEmpty(grid.cells);
  if (all.length < 2 || (all[0]?.length ?? 0) < 2) return 'fewer than two rows or columns';
  const width = all[0].length;

  // A title row spanning the whole width ("Chinese Tool-Use Benchmark (Version 20231206)") is not a header level.
  let rows = all;
  let headerRows = keptHeaderRows(grid.headerRows);
  while (rows.length > 2 && width > 1 && rows[0].every((c) => c.text === rows[0][0].text)) {
    rows = rows.slice(1);
    headerRows = Math.max(0, headerRows - 1);
  }
  // An empty markdown header row ("| | | |") leaves the real header in the body.
  if (headerRows > 0 && rows.slice(0, headerRows).every((row) => row.every((c) => !c.text))) {
    rows = rows.slice(headerRows);
    headerRows = 0;
  }
  if (headerRows === 0) {
    // No header markup: the leading rows without numbers are the header (at least one, at most three).
    headerRows = 1;
    while (headerRows < Math.min(3, rows.length - 1) && !hasNumber(rows[headerRows])) headerRows++;
  }
  const settingRows: number[] = [];
  while (headerRows < rows.length - 1 && isSettingRow(rows[headerRows])) settingRows.push(headerRows++);
  // A markup header whose last level is nothing but settings ("5-shot" under "MMLU") is a setting row too.
  if (headerRows >= 2 && !settingRows.length && isSettingRow(rows[headerRows - 1])) settingRows.push(headerRows - 1);
  return { rows, headerRows, settingRows };
}

function describeColumn(rows: Cell[][], headerRows: number, settingRows: number[], body: Cell[][], c: number): Column {
  const path: string[] = [];
  for (let r = 0; r < headerRows; r++) {
    if (settingRows.includes(r)) continue;
    const t = clean(rows[r][c].text);
    if (t && path[path.length - 1] !== t) path.push(t);
  }
  const leaf = path[path.length - 1] ?? '';
  const group = path.length > 1 ? path[path.length - 2] : '';
  const headerSetting = settingRows.map((r) => rows[r][c].text).join(' ').trim();
  let numeric = 0;
  let text = 0;
  for (const row of body) {
    const t = row[c].text;
    if (!t) continue;
    if (parseValue(t)) numeric++;
    else if (!/^[-–—/]$|^n\/?a$/i.test(t)) text++;
  }
  const role = columnRole(path, body, c, text);
  return { index: c, path, leaf, group, headerSetting, role, numeric, text, namesMeasure: false };
}

function columnRole(path: string[], body: Cell[][], c: number, text: number): Role {
  const leaf = path[path.length - 1] ?? '';
  let role = roleOf(leaf);
  // A "# Shots" column holds shot counts or settings; LongBench's "Few-shot" column holds scores.
  if (role === 'setting' && !body.every((row) => isSettingCell(row[c].text))) role = 'none';
  // lm-eval's unnamed column of "±" signs between Value and Stderr.
  if (role === 'none' && text > 0 && body.every((row) => /^(?:±|\+\/-)?$/.test(row[c].text.trim()))) role = 'stderr';
  // "EN-DE" under "Training Cost (FLOPs)", "× 10^6" under "params": the upper level says what the numbers are.
  if (role === 'none' && path.slice(0, -1).some((p) => roleOf(p) === 'config')) role = 'config';
  return role;
}

function readTable(grid: Grid): Table | string {
  const header = splitHeader(grid);
  if (typeof header === 'string') return header;
  const { rows, headerRows, settingRows } = header;
  const body = rows.slice(headerRows);
  if (!body.length) return 'no body rows under the header';
  const columns = rows[0].map((_, c) => describeColumn(rows, headerRows, settingRows, body, c));
  const mostlyNumbers = (col: Column) => col.numeric > 0 && col.numeric >= 0.6 * (col.numeric + col.text);
  const valueCols = columns.filter((col) => mostlyNumbers(col) && col.role === 'none');
  if (!valueCols.length) return 'no column of numbers';
  // Only value columns can hold results; papers' prose tables have long headers not worth reading twice.
  for (const col of valueCols) col.namesMeasure = col.path.some(namesMeasure);
  const textCols = columns.filter((col) => col.text > 0 && !mostlyNumbers(col));
  return { body, columns, valueCols, textCols };
}

/* ---------- benchmark names ---------- */

class Names {
  private readonly cache = new Map<string, NormalisedBenchmark>();

  norm(s: string): NormalisedBenchmark {
    let n = this.cache.get(s);
    if (!n) this.cache.set(s, (n = normaliseBenchmark(s)));
    return n;
  }

  /** The benchmark a column header names, using its group header when the leaf is only a setting or a subset. */
  resolveHeader(col: Column): Resolved | null {
    const { leaf, group } = col;
    if (!leaf || isAverageLabel(leaf)) return null;
    if (group && isAnnotationText(leaf)) {
      const s = splitSetting(leaf);
      return { raw: group, norm: this.norm(group), extraSetting: s.setting, extraMetric: s.metric };
    }
    const n = this.norm(leaf);
    // "BLEU" over "EN-DE" | "EN-FR", "Dev" over datasets: the group is the measure or split of what is under it.
    const over = group && !isAverageLabel(group) ? annotationsOnly(group) : null;
    if (over) return { raw: leaf, norm: n, extraSetting: over.setting, extraMetric: over.metric };
    if (!n.known && group && !isAverageLabel(group)) {
      // "ARC" over "Easy" | "Challenge": the two read together name the benchmark.
      const combined = `${group} ${leaf}`;
      const nc = this.norm(combined);
      if (nc.known) return { raw: combined, norm: nc, extraSetting: '', extraMetric: '' };
      // "MT-Bench" over "Turn 1" | "Turn 2": the group is the benchmark, the leaf a part of it.
      const ng = this.norm(group);
      if (ng.known) return { raw: combined, norm: ng, extraSetting: splitAnnotations(leaf).base, extraMetric: n.metric };
    }
    return { raw: leaf, norm: n, extraSetting: '', extraMetric: '' };
  }
}

/** A label filed under the one benchmark the caption names ("… on LongBench": Summary, Single-Doc QA, …). */
function underNamed(named: NormalisedBenchmark | null, raw: string, n: NormalisedBenchmark): Resolved {
  if (!named || n.known) return { raw, norm: n, extraSetting: '', extraMetric: '' };
  // "BLEU" in a table about one named benchmark is the measure, not a part ("Overall Acc." stays a part).
  const measure = isAverageLabel(raw) ? null : metricOnly(raw);
  if (measure && !measure.setting) return { raw, norm: { ...named, setting: '', metric: measure.metric }, extraSetting: '', extraMetric: '' };
  const part = isAverageLabel(raw) ? '' : splitAnnotations(raw).base.replace(/\s*[(（][^()（）]*[)）]\s*$/, '').trim();
  return { raw, norm: { ...named, setting: joinSetting(part, n.setting), metric: n.metric }, extraSetting: '', extraMetric: '' };
}

/* ---------- layout ---------- */

const enough = (known: number, total: number) => total > 0 && ((known >= 2 && known >= total * 0.25) || (known >= 1 && known >= total * 0.5));

/** The text column of model names in layout A: a plain column before a size or attribute column. */
function modelColumn(t: Table): Column | undefined {
  return t.textCols.find((col) => col.role === 'none') ?? t.textCols.find((col) => !['setting', 'metric', 'stderr'].includes(col.role));
}

/** Layout B's label column: the text column whose labels the catalogue knows best. */
function benchmarkColumn(t: Table, names: Names): { col?: Column; known: number; labelled: number } {
  let best: { col?: Column; known: number; labelled: number } = { known: 0, labelled: 0 };
  for (const col of t.textCols) {
    if (['setting', 'stderr', 'category', 'qualifier'].includes(col.role)) continue;
    let known = 0;
    let labelled = 0;
    for (const row of t.body) {
      const text = clean(row[col.index].text);
      if (!text || isAverageLabel(text) || !t.valueCols.some((v) => parseValue(row[v.index].text))) continue;
      labelled++;
      if (names.norm(text).known) known++;
    }
    if (known > best.known) best = { col, known, labelled };
  }
  return best;
}

function chooseLayout(t: Table, names: Names, grid: Grid, opts: GridResultsOptions): Plan | string {
  const labelA = modelColumn(t);
  const headersA = t.valueCols.flatMap((col) => {
    const res = names.resolveHeader(col);
    return res ? [{ col, res }] : [];
  });
  const knownA = headersA.filter((h) => h.res.norm.known).length;
  const b = benchmarkColumn(t, names);

  const okA = !!labelA && enough(knownA, headersA.length);
  const okB = !!b.col && enough(b.known, b.labelled);
  if (okA && (!okB || knownA >= b.known)) {
    const why = `benchmarks as column headers (${knownA} of ${headersA.length} known), models in column ${labelA!.index + 1}`;
    return { layout: 'A', label: labelA!, headers: headersA, named: null, why };
  }
  if (okB) {
    const why = `benchmarks in column ${b.col!.index + 1} (${b.known} of ${b.labelled} known), models as column headers`;
    return { layout: 'B', label: b.col!, headers: [], named: null, why };
  }

  const captionNegative = NEGATIVE_CAPTION.test(grid.caption) || NEGATIVE_CAPTION.test(opts.table ?? '');
  // Only when no label is a benchmark itself: "on MMLU and our own tasks" must not make the own tasks MMLU.
  const mentioned = knownA === 0 && b.known === 0 ? benchmarksNamedIn(`${grid.caption} ${opts.table ?? ''}`) : [];
  const named: NormalisedBenchmark | null =
    mentioned.length === 1 ? { id: mentioned[0].id, name: mentioned[0].name, setting: '', metric: '', known: true } : null;
  const plan = unlistedModelsDown(t, names, labelA, headersA, named, captionNegative) ?? unlistedModelsAcross(t, named, captionNegative);
  if (plan) return plan;
  if (captionNegative) return `caption suggests memory, speed, training or licence figures: "${grid.caption.slice(0, 80)}"`;
  return `labels are not known benchmarks (${knownA} of ${headersA.length} column headers, ${b.known} of ${b.labelled} row labels) and the other axis does not list models`;
}

/**
 * Layout A without a catalogue benchmark. The evidence, strongest first: the headers name a measure
 * ("BLEU", "WSJ 23 F1") — enough even against a caption about training cost; the label column is
 * headed "Model"/"Method"/"Parser", or its labels read as models — enough unless the caption speaks
 * of memory, speed or licences.
 */
function unlistedModelsDown(
  t: Table,
  names: Names,
  label: Column | undefined,
  headers: Header[],
  named: NormalisedBenchmark | null,
  captionNegative: boolean,
): Plan | null {
  if (!label || !headers.length) return null;
  const headerLabels = headers.map((h) => h.col.leaf);
  if (!headerLabels.every((h) => !isPureNumber(h) && !looksLikeModel(h))) return null;
  const labels = t.body.map((row) => row[label.index].text).filter(Boolean);
  if (!labels.length) return null;
  // Hyper-parameter rows ("learning rate", "batch size") are settings, whatever the header says.
  if (labels.filter((l) => isConfigLabel(l) || isPureNumber(l)).length * 2 >= labels.length) return null;

  const measured = headers.filter((h) => h.col.namesMeasure).length * 2 >= headers.length;
  const modelRows = labels.filter(looksLikeMethod).length * 2 >= labels.length;
  const modelHeader = isModelColumnHeader(splitAnnotations(label.leaf).base);
  if (!measured && (captionNegative || !(modelRows || modelHeader))) return null;

  const evidence = measured ? 'measures named in the column headers' : modelRows ? 'row labels that read as models' : `a "${label.leaf}" column`;
  if (!named) {
    return { layout: 'A', label, headers, named, why: `models in column ${label.index + 1} scored on ${headers.length} unlisted benchmarks (${evidence})` };
  }
  // The average of a named benchmark's parts is that benchmark's own score.
  const partHeaders = t.columns
    .filter((col) => col.leaf && (t.valueCols.includes(col) || (col.role === 'average' && col.numeric > 0)))
    .map((col) => {
      const res = names.resolveHeader(col);
      return { col, res: res && res.norm.known ? res : underNamed(named, col.leaf, names.norm(col.leaf)) };
    });
  return { layout: 'A', label, headers: partHeaders, named, why: `models in column ${label.index + 1} scored on parts of ${named.name} (named in the caption)` };
}

/** Layout B without a catalogue benchmark: plain labels down the side, model names across the top. */
function unlistedModelsAcross(t: Table, named: NormalisedBenchmark | null, captionNegative: boolean): Plan | null {
  const label = t.textCols.find((col) => col.role === 'none');
  if (!label) return null;
  const labels = t.body.map((row) => row[label.index].text).filter(Boolean);
  const labelsOk = labels.length > 0 && labels.every((l) => !isConfigLabel(l) && !isPureNumber(l) && !looksLikeModel(l));
  const modelHeaders = t.valueCols.filter((col) => col.leaf && looksLikeMethod(col.leaf)).length;
  if (!labelsOk || modelHeaders === 0 || modelHeaders < t.valueCols.length * 0.5) return null;
  if (captionNegative && !labels.some(namesMeasure)) return null;
  const why = named
    ? `parts of ${named.name} (named in the caption) in column ${label.index + 1}, models as column headers`
    : `unlisted benchmarks in column ${label.index + 1}, models as column headers`;
  return { layout: 'B', label, headers: [], named, why };
}

/* ---------- results ---------- */

/** What every row reader needs: settings and metrics from the row's own columns, and the result builder. */
class RowReader {
  readonly results: BenchmarkResult[] = [];
  private readonly settingCols: Column[];
  private readonly metricCols: Column[];
  private readonly stderrCols: Column[];
  /** Columns whose text names the row: an empty cell in all of them continues the row above. */
  private readonly labelCols: Column[];
  private readonly tableLabel: string;
  private readonly sourceUrl?: string;

  constructor(
    private readonly t: Table,
    plan: Plan,
    grid: Grid,
    opts: GridResultsOptions,
  ) {
    this.settingCols = t.columns.filter((col) => (col.role === 'setting' || col.role === 'qualifier') && col !== plan.label);
    this.metricCols = t.columns.filter((col) => col.role === 'metric' && col !== plan.label);
    this.stderrCols = t.columns.filter((col) => col.role === 'stderr');
    this.labelCols = t.textCols.filter((col) => col.role === 'none' || col.role === 'category');
    this.tableLabel = (opts.table ?? grid.caption).replace(/\s+/g, ' ').trim().slice(0, 300);
    this.sourceUrl = opts.sourceUrl && /^https?:\/\//i.test(opts.sourceUrl) ? opts.sourceUrl : undefined;
  }

  push(model: string, res: Resolved, setting: string, metric: string, cell: Cell, parsed: ParsedValue, extra: string[] = []): void {
    const annotations = [...parsed.annotations, ...extra];
    if (cell.bold && !annotations.includes('best')) annotations.push('best');
    const r: BenchmarkResult = {
      model,
      benchmark: res.norm.id,
      benchmarkRaw: res.raw,
      setting: joinSetting(res.norm.setting, res.extraSetting, setting),
      metric: joinSetting(res.norm.metric, res.extraMetric, metric),
      value: parsed.value,
      annotations,
    };
    if (this.sourceUrl) r.sourceUrl = this.sourceUrl;
    if (this.tableLabel) r.table = this.tableLabel;
    this.results.push(r);
  }

  /** Setting and metric read from the row's setting, qualifier and metric columns. */
  rowSetting(row: Cell[]): { setting: string; metric: string } {
    const parts = this.settingCols.map((col) => {
      const t = clean(row[col.index].text);
      // A long qualifier is a list ("zh, en, fr, …"), not a setting.
      return col.role === 'setting' ? splitSetting(t).setting : t.length <= 40 ? t : '';
    });
    const shotMetrics = this.settingCols.filter((col) => col.role === 'setting').map((col) => splitSetting(clean(row[col.index].text)).metric);
    const measures = this.metricCols.map((col) => splitSetting(clean(row[col.index].text), 'metric'));
    return {
      setting: joinSetting(...parts, ...measures.map((s) => s.setting)),
      metric: joinSetting(...shotMetrics, ...measures.map((s) => s.metric)),
    };
  }

  /** "±0.014" read from a Stderr column, attached to the value column just left of it. */
  stderrFor(row: Cell[], col: Column): string[] {
    const out: string[] = [];
    for (const s of this.stderrCols) {
      const owner = [...this.t.valueCols].reverse().find((v) => v.index < s.index);
      if (owner !== col) continue;
      const p = parseValue(row[s.index].text.replace(/^±\s*/, ''));
      if (p) out.push(`±${Math.abs(p.value)}`);
    }
    return out;
  }

  // A row with an empty label continues the one above (lm-eval prints a task once for all its
  // metrics) — unless another label column says otherwise ("Average" under "Category").
  continues(row: Cell[], label: Column): boolean {
    return this.labelCols.every((col) => col === label || !row[col.index].text);
  }

  /** What the row's other label columns say ("Base" / "Chat" in a "Type" column beside the model). */
  otherLabels(row: Cell[], label: Column): string {
    return this.labelCols
      .filter((col) => col !== label)
      .map((col) => clean(row[col.index].text))
      .join('\u0000');
  }

  /** An "Average" beside the label column ("Category: Average"). */
  otherLabelIsAverage(row: Cell[], label: Column): boolean {
    return this.labelCols.some((col) => col !== label && isAverageLabel(clean(row[col.index].text)));
  }
}

// "Model 5-shot", "Benchmark (0-shot)": a setting written once for the whole table.
const tableSetting = (col: Column | undefined) => (col?.leaf ? splitAnnotations(col.leaf).setting : '');

interface ModelRow {
  row: Cell[];
  model: string;
  setting: { setting: string; metric: string };
  /** Text of the other label columns: rows that differ there are different rows. */
  others: string;
}

/** Layout A's rows with their model names; rows without a name of their own are left out. */
function modelRows(t: Table, label: Column, reader: RowReader, opts: GridResultsOptions): ModelRow[] {
  const labels = t.body.map((row) => clean(row[label.index].text));
  const duplicated = new Set(labels.filter((l, i) => l && labels.indexOf(l) !== i));
  // Rows that repeat a model name ("Llama 1" at 7B, 13B…) are told apart by a size column.
  const sizeCol = duplicated.size
    ? t.textCols.find((col) => col !== label && t.body.every((row) => isMissing(row[col.index].text) || SIZE_ONLY.test(clean(row[col.index].text))))
    : undefined;
  const out: ModelRow[] = [];
  let previous = '';
  t.body.forEach((row, i) => {
    let model = labels[i] || (reader.continues(row, label) ? previous : '');
    if (labels[i]) previous = labels[i];
    // Only a lone unlabelled row ("| 71.2 | 50.3 |" under benchmark names) is the default model's.
    if (!model) {
      if (t.body.length > 1) return;
      model = opts.defaultModel ?? '';
    }
    if (sizeCol && duplicated.has(labels[i])) {
      const size = clean(row[sizeCol.index].text);
      if (size && !model.toLowerCase().includes(size.toLowerCase())) model = `${model} ${size}`;
    }
    out.push({ row, model, setting: reader.rowSetting(row), others: reader.otherLabels(row, label) });
  });
  return out;
}

/**
 * Rows that share a label, a setting and every other label column are configurations, not models:
 * an ablation's "(A)" rows differ only in hyper-parameter columns, and results under "(A)" four
 * times could not be told apart.
 */
function repeatedRows(rows: ModelRow[]): { count: number; example: string } {
  const seen = new Map<string, number>();
  const key = (r: ModelRow) => [r.model, r.setting.setting, r.setting.metric, r.others].join('\u0000');
  for (const r of rows) seen.set(key(r), (seen.get(key(r)) ?? 0) + 1);
  const repeated = rows.filter((r) => (seen.get(key(r)) ?? 0) > 1);
  return { count: repeated.length, example: repeated[0]?.model ?? '' };
}

function readModelsDown(t: Table, plan: Plan, reader: RowReader, opts: GridResultsOptions): string | null {
  const label = plan.label;
  const common = tableSetting(label);
  const rows = modelRows(t, label, reader, opts).filter((r) => plan.headers.some((h) => parseValue(r.row[h.col.index].text)));
  const repeated = repeatedRows(rows);
  if (repeated.count >= 2 && repeated.count * 4 >= rows.length) {
    return `rows are configurations, not models: ${repeated.count} of ${rows.length} rows share a label ("${repeated.example}") with nothing else to tell them apart`;
  }
  for (const { row, model, setting } of rows) {
    for (const { col, res } of plan.headers) {
      const cell = row[col.index];
      const parsed = parseValue(cell.text);
      if (!parsed) continue;
      const fromHeader = splitSetting(col.headerSetting);
      reader.push(
        model,
        res,
        joinSetting(common, fromHeader.setting, setting.setting),
        joinSetting(fromHeader.metric, setting.metric),
        cell,
        parsed,
        reader.stderrFor(row, col),
      );
    }
  }
  return null;
}

function readModelsAcross(t: Table, plan: Plan, names: Names, reader: RowReader, opts: GridResultsOptions): void {
  const label = plan.label;
  const common = tableSetting(label);
  const single = t.valueCols.length === 1;
  const modelOf = (col: Column): string | null => {
    if (VALUE_HEADER.test(col.leaf) || (!col.leaf && single)) return opts.defaultModel ?? '';
    if (!col.leaf || isAverageLabel(col.leaf)) return null;
    return SIZE_ONLY.test(col.leaf) && col.group ? `${col.group} ${col.leaf}` : col.leaf;
  };
  const models = t.valueCols.flatMap((col) => {
    const model = modelOf(col);
    return model == null ? [] : [{ col, model }];
  });
  let previous = '';
  for (const row of t.body) {
    const own = clean(row[label.index].text);
    const raw = own || (reader.continues(row, label) ? previous : '');
    if (own) previous = own;
    // An "Average" row, whether in the label column or beside it, unless it is a named benchmark's total.
    if (reader.otherLabelIsAverage(row, label)) continue;
    if (!raw || (isAverageLabel(raw) && !plan.named) || isConfigLabel(raw)) continue;
    const res = underNamed(plan.named, raw, names.norm(raw));
    const rs = reader.rowSetting(row);
    for (const { col, model } of models) {
      const cell = row[col.index];
      const parsed = parseValue(cell.text);
      if (!parsed) continue;
      reader.push(model, res, joinSetting(common, rs.setting), rs.metric, cell, parsed, reader.stderrFor(row, col));
    }
  }
}

export function gridToResults(grid: Grid, opts: GridResultsOptions = {}): GridResults {
  const other = (reason: string): GridResults => ({ results: [], kind: 'other', reason });
  const t = readTable(grid);
  if (typeof t === 'string') return other(t);
  const names = new Names();
  const plan = chooseLayout(t, names, grid, opts);
  if (typeof plan === 'string') return other(plan);

  const reader = new RowReader(t, plan, grid, opts);
  if (plan.layout === 'A') {
    const refused = readModelsDown(t, plan, reader, opts);
    if (refused) return other(refused);
  } else {
    readModelsAcross(t, plan, names, reader, opts);
  }
  if (!reader.results.length) return other(`${plan.why}, but no cell holds a number`);
  return { results: reader.results, kind: 'results', reason: plan.why };
}
