import type { BenchmarkResult } from '../schema/benchmark';
import { benchmarksNamedIn, isAnnotationText, normaliseBenchmark, splitAnnotations, splitSetting, type NormalisedBenchmark } from '../benchmarks/normalise';
import type { Cell, Grid } from './grid';
import {
  isAverageLabel,
  isConfigLabel,
  isPureNumber,
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
 * one wins. A table with no known benchmark still counts when its other axis plainly lists models
 * and its numbers are not memory, speed or training figures.
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
}

interface Resolved {
  raw: string;
  norm: NormalisedBenchmark;
  extraSetting: string;
  extraMetric: string;
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

export function gridToResults(grid: Grid, opts: GridResultsOptions = {}): GridResults {
  const other = (reason: string): GridResults => ({ results: [], kind: 'other', reason });
  const { rows: all, keptHeaderRows } = dropEmpty(grid.cells);
  if (all.length < 2 || (all[0]?.length ?? 0) < 2) return other('fewer than two rows or columns');
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

  const body = rows.slice(headerRows);
  if (!body.length) return other('no body rows under the header');

  const columns: Column[] = [];
  for (let c = 0; c < width; c++) {
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
    let role = roleOf(leaf);
    // A "# Shots" column holds shot counts or settings; LongBench's "Few-shot" column holds scores.
    if (role === 'setting' && !body.every((row) => isSettingCell(row[c].text))) role = 'none';
    // lm-eval's unnamed column of "±" signs between Value and Stderr.
    if (role === 'none' && text > 0 && body.every((row) => /^(?:±|\+\/-)?$/.test(row[c].text.trim()))) role = 'stderr';
    columns.push({ index: c, path, leaf, group, headerSetting, role, numeric, text });
  }

  const isValueColumn = (col: Column) => col.numeric > 0 && col.numeric >= 0.6 * (col.numeric + col.text) && col.role === 'none';
  const valueCols = columns.filter(isValueColumn);
  const textCols = columns.filter((col) => col.text > 0 && col.numeric < 0.6 * (col.numeric + col.text));
  if (!valueCols.length) return other('no column of numbers');

  const cache = new Map<string, NormalisedBenchmark>();
  const norm = (s: string) => {
    let n = cache.get(s);
    if (!n) cache.set(s, (n = normaliseBenchmark(s)));
    return n;
  };

  /** The benchmark a column header names, using its group header when the leaf is only a setting or a subset. */
  const resolveHeader = (col: Column): Resolved | null => {
    const { leaf, group } = col;
    if (!leaf || isAverageLabel(leaf)) return null;
    if (group && isAnnotationText(leaf)) {
      const s = splitSetting(leaf);
      return { raw: group, norm: norm(group), extraSetting: s.setting, extraMetric: s.metric };
    }
    const n = norm(leaf);
    if (!n.known && group && !isAverageLabel(group)) {
      // "ARC" over "Easy" | "Challenge": the two read together name the benchmark.
      const combined = `${group} ${leaf}`;
      const nc = norm(combined);
      if (nc.known) return { raw: combined, norm: nc, extraSetting: '', extraMetric: '' };
      // "MT-Bench" over "Turn 1" | "Turn 2": the group is the benchmark, the leaf a part of it.
      const ng = norm(group);
      if (ng.known) return { raw: combined, norm: ng, extraSetting: splitAnnotations(leaf).base, extraMetric: n.metric };
    }
    return { raw: leaf, norm: n, extraSetting: '', extraMetric: '' };
  };

  // Layout A: benchmarks across, models down the first text column.
  const labelA = textCols.find((col) => !['setting', 'metric', 'stderr'].includes(col.role));
  let headersA = valueCols.map((col) => ({ col, res: resolveHeader(col) })).filter((h) => h.res);
  const knownA = headersA.filter((h) => h.res!.norm.known).length;

  // Layout B: benchmarks down the text column the catalogue recognises best, models across.
  let labelB: Column | undefined;
  let knownB = 0;
  let labelledB = 0;
  for (const col of textCols) {
    if (['setting', 'stderr', 'category', 'qualifier'].includes(col.role)) continue;
    let known = 0;
    let labelled = 0;
    for (const row of body) {
      const t = clean(row[col.index].text);
      if (!t || isAverageLabel(t) || !valueCols.some((v) => parseValue(row[v.index].text))) continue;
      labelled++;
      if (norm(t).known) known++;
    }
    if (known > knownB) {
      labelB = col;
      knownB = known;
      labelledB = labelled;
    }
  }

  const enough = (known: number, total: number) => total > 0 && ((known >= 2 && known >= total * 0.25) || (known >= 1 && known >= total * 0.5));
  const captionNegative = NEGATIVE_CAPTION.test(grid.caption) || NEGATIVE_CAPTION.test(opts.table ?? '');

  let layout: 'A' | 'B' | null = null;
  let why = '';
  // Sub-scores of one benchmark the caption names ("… on LongBench": Summary, Single-Doc QA, …).
  let named: NormalisedBenchmark | null = null;
  const underNamed = (raw: string, n: NormalisedBenchmark): Resolved => {
    if (!named || n.known) return { raw, norm: n, extraSetting: '', extraMetric: '' };
    const part = isAverageLabel(raw) ? '' : splitAnnotations(raw).base.replace(/\s*[(（][^()（）]*[)）]\s*$/, '').trim();
    return { raw, norm: { ...named, setting: joinSetting(part, n.setting), metric: n.metric }, extraSetting: '', extraMetric: '' };
  };
  const okA = !!labelA && enough(knownA, headersA.length);
  const okB = !!labelB && enough(knownB, labelledB);
  if (okA && (!okB || knownA >= knownB)) {
    layout = 'A';
    why = `benchmarks as column headers (${knownA} of ${headersA.length} known), models in column ${labelA!.index + 1}`;
  } else if (okB) {
    layout = 'B';
    why = `benchmarks in column ${labelB!.index + 1} (${knownB} of ${labelledB} known), models as column headers`;
  } else if (!captionNegative) {
    // No known benchmark names: accept only a plain models-by-scores table.
    // Only when no label is a benchmark itself: "on MMLU and our own tasks" must not make the own tasks MMLU.
    const mentioned = knownA === 0 && knownB === 0 ? benchmarksNamedIn(`${grid.caption} ${opts.table ?? ''}`) : [];
    if (mentioned.length === 1) named = { id: mentioned[0].id, name: mentioned[0].name, setting: '', metric: '', known: true };
    const modelRows = labelA ? body.filter((row) => row[labelA.index].text && looksLikeModel(row[labelA.index].text)).length : 0;
    const labelledRows = labelA ? body.filter((row) => row[labelA.index].text).length : 0;
    const headerLabels = headersA.map((h) => h.col.leaf);
    const headersBenchmarkLike = headerLabels.length > 0 && headerLabels.every((h) => !isPureNumber(h) && !looksLikeModel(h));
    if (labelA && headersBenchmarkLike && labelledRows > 0 && modelRows >= labelledRows * 0.5) {
      layout = 'A';
      why = named
        ? `models in column ${labelA.index + 1} scored on parts of ${named.name} (named in the caption)`
        : `models in column ${labelA.index + 1} scored on ${headerLabels.length} unlisted benchmarks`;
      if (named) {
        // The average of a named benchmark's parts is that benchmark's own score.
        headersA = columns
          .filter((col) => col.leaf && (isValueColumn(col) || (col.role === 'average' && col.numeric > 0)))
          .map((col) => {
            const res = resolveHeader(col);
            return { col, res: res && res.norm.known ? res : underNamed(col.leaf, norm(col.leaf)) };
          });
      }
    } else {
      const modelHeaders = valueCols.filter((col) => col.leaf && looksLikeModel(col.leaf)).length;
      const firstText = textCols.find((col) => col.role === 'none');
      const labels = firstText ? body.map((row) => row[firstText.index].text).filter(Boolean) : [];
      const labelsOk = labels.length > 0 && labels.every((l) => !isConfigLabel(l) && !isPureNumber(l) && !looksLikeModel(l));
      if (firstText && labelsOk && modelHeaders >= valueCols.length * 0.5 && modelHeaders > 0) {
        layout = 'B';
        labelB = firstText;
        why = named
          ? `parts of ${named.name} (named in the caption) in column ${firstText.index + 1}, models as column headers`
          : `unlisted benchmarks in column ${firstText.index + 1}, models as column headers`;
      }
    }
  }
  if (!layout) {
    if (captionNegative) return other(`caption suggests memory, speed, training or licence figures: "${grid.caption.slice(0, 80)}"`);
    return other(
      `labels are not known benchmarks (${knownA} of ${headersA.length} column headers, ${knownB} of ${labelledB} row labels) and the other axis does not list models`,
    );
  }

  const tableLabel = (opts.table ?? grid.caption).replace(/\s+/g, ' ').trim().slice(0, 300);
  const sourceUrl = opts.sourceUrl && /^https?:\/\//i.test(opts.sourceUrl) ? opts.sourceUrl : undefined;
  const results: BenchmarkResult[] = [];
  const push = (model: string, res: Resolved, setting: string, metric: string, cell: Cell, parsed: ParsedValue, extra: string[] = []) => {
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
    if (sourceUrl) r.sourceUrl = sourceUrl;
    if (tableLabel) r.table = tableLabel;
    results.push(r);
  };

  const settingCols = columns.filter((col) => col.role === 'setting' || col.role === 'qualifier');
  const metricCols = columns.filter((col) => col.role === 'metric' && col !== labelB);
  const stderrCols = columns.filter((col) => col.role === 'stderr');
  const rowSetting = (row: Cell[]) => {
    const parts = settingCols.map((col) => {
      const t = clean(row[col.index].text);
      // A long qualifier is a list ("zh, en, fr, …"), not a setting.
      return col.role === 'setting' ? splitSetting(t).setting : t.length <= 40 ? t : '';
    });
    const metrics = settingCols.filter((col) => col.role === 'setting').map((col) => splitSetting(clean(row[col.index].text)).metric);
    return { setting: joinSetting(...parts), metric: joinSetting(...metrics) };
  };
  const rowMetric = (row: Cell[]) => {
    const split = metricCols.map((col) => splitSetting(clean(row[col.index].text), 'metric'));
    return { setting: joinSetting(...split.map((s) => s.setting)), metric: joinSetting(...split.map((s) => s.metric)) };
  };
  /** "±0.014" read from a Stderr column, attached to the value column just left of it. */
  const stderrFor = (row: Cell[], col: Column): string[] => {
    const out: string[] = [];
    for (const s of stderrCols) {
      const owner = [...valueCols].reverse().find((v) => v.index < s.index);
      if (owner !== col) continue;
      const p = parseValue(row[s.index].text.replace(/^±\s*/, ''));
      if (p) out.push(`±${Math.abs(p.value)}`);
    }
    return out;
  };
  // A row with an empty label continues the one above (lm-eval prints a task once for all its
  // metrics) — unless another label column says otherwise ("Average" under "Category").
  const labelCols = textCols.filter((col) => col.role === 'none' || col.role === 'category');
  const continues = (row: Cell[], label: Column) => labelCols.every((col) => col === label || !row[col.index].text);
  // "Model 5-shot", "Benchmark (0-shot)": a setting written once for the whole table.
  const tableSetting = (col: Column | undefined) => (col?.leaf ? splitAnnotations(col.leaf).setting : '');

  if (layout === 'A') {
    const label = labelA!;
    const common = tableSetting(label);
    const labels = body.map((row) => clean(row[label.index].text));
    const duplicated = new Set(labels.filter((l, i) => l && labels.indexOf(l) !== i));
    // Rows that repeat a model name ("Llama 1" at 7B, 13B…) are told apart by a size column.
    const sizeCol = duplicated.size
      ? textCols.find((col) => col !== label && body.every((row) => isMissing(row[col.index].text) || SIZE_ONLY.test(clean(row[col.index].text))))
      : undefined;
    let previous = '';
    body.forEach((row, i) => {
      let model = labels[i] || (continues(row, label) ? previous : '');
      if (labels[i]) previous = labels[i];
      // Only a lone unlabelled row ("| 71.2 | 50.3 |" under benchmark names) is the default model's.
      if (!model) {
        if (body.length > 1) return;
        model = opts.defaultModel ?? '';
      }
      if (sizeCol && duplicated.has(labels[i])) {
        const size = clean(row[sizeCol.index].text);
        if (size && !model.toLowerCase().includes(size.toLowerCase())) model = `${model} ${size}`;
      }
      const rs = rowSetting(row);
      const rm = rowMetric(row);
      for (const { col, res } of headersA) {
        const cell = row[col.index];
        const parsed = parseValue(cell.text);
        if (!parsed) continue;
        push(model, res!, joinSetting(common, splitSetting(col.headerSetting).setting, rs.setting, rm.setting), joinSetting(splitSetting(col.headerSetting).metric, rs.metric, rm.metric), cell, parsed, stderrFor(row, col));
      }
    });
  } else {
    const label = labelB!;
    const common = tableSetting(label);
    const single = valueCols.length === 1;
    const modelOf = (col: Column): string | null => {
      if (VALUE_HEADER.test(col.leaf) || (!col.leaf && single)) return opts.defaultModel ?? '';
      if (!col.leaf || isAverageLabel(col.leaf)) return null;
      return SIZE_ONLY.test(col.leaf) && col.group ? `${col.group} ${col.leaf}` : col.leaf;
    };
    const models = valueCols.map((col) => ({ col, model: modelOf(col) })).filter((m) => m.model != null);
    let previous = '';
    for (const row of body) {
      const own = clean(row[label.index].text);
      const raw = own || (continues(row, label) ? previous : '');
      if (own) previous = own;
      // An "Average" row, whether in the label column or beside it, unless it is a named benchmark's total.
      if (labelCols.some((col) => col !== label && isAverageLabel(clean(row[col.index].text)))) continue;
      if (!raw || (isAverageLabel(raw) && !named) || isConfigLabel(raw)) continue;
      const res = underNamed(raw, norm(raw));
      const rs = rowSetting(row);
      const rm = rowMetric(row);
      for (const { col, model } of models) {
        const cell = row[col.index];
        const parsed = parseValue(cell.text);
        if (!parsed) continue;
        push(model!, res, joinSetting(common, rs.setting, rm.setting), joinSetting(rs.metric, rm.metric), cell, parsed, stderrFor(row, col));
      }
    }
  }

  if (!results.length) return other(`${why}, but no cell holds a number`);
  return { results, kind: 'results', reason: why };
}
