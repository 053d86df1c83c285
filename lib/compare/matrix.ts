import type { BenchmarkResult, Card } from '../schema';
import { CATALOG, lookupBenchmark, splitAnnotations } from '../benchmarks/normalise';
import { escapeText } from '../export/markdown';
import { TEMPLATE_LABELS, type TemplateLang } from '../export/template';

/**
 * The overview table of a survey: one row per card, one column per benchmark × setting.
 *
 * A card's benchmark results hold every row of the tables it captured, baselines included, so a cell
 * is filled only with the card's own model's numbers: results marked `own: true`, or results whose
 * model, as written, names the card's model. Another model's number never fills a cell.
 */

export interface CompareOptions {
  /** Only results marked `own: true`; results matched by the model name alone are left out. */
  ownOnly?: boolean;
}

export interface CompareColumn {
  /** `${benchmark}\u0000${setting key}`: stable, for React keys and lookups. */
  key: string;
  /** Canonical benchmark id (catalogue id, or the slug of an unknown name). */
  benchmark: string;
  /** Catalogue name, or the name as written (annotations peeled off) when the benchmark is unknown. */
  name: string;
  /** Evaluation setting as first written ("5-shot"); '' when none. */
  setting: string;
  /** "MMLU · 5-shot", or the name alone. */
  label: string;
  /** Catalogue category; '' when the benchmark is not in the catalogue. */
  category: string;
  known: boolean;
  /** From the catalogue; true for unknown benchmarks. */
  higherIsBetter: boolean;
  /** Distinct metrics of the values in the column ("acc", "acc_norm"): more than one means compare with care. */
  metrics: string[];
  /** How many rows have a value in this column. */
  count: number;
}

export interface CompareCell {
  value: number;
  /** The number as written: no grouping separators, no exponent. */
  display: string;
  /** The result shown. */
  result: BenchmarkResult;
  /** Other results of the card's model for the same benchmark and setting, best candidate first. */
  alternatives: BenchmarkResult[];
  /** Best in its column (all ties marked); only when the column has at least two values. */
  best: boolean;
}

export interface CompareRow {
  cardId: string;
  /** The card's title (whitespace collapsed); falls back to the model field, a model id, then the card id. */
  label: string;
  /** One entry per column, in column order; null = no result (never 0). */
  cells: (CompareCell | null)[];
}

export interface CompareMatrix {
  columns: CompareColumn[];
  rows: CompareRow[];
  ownOnly: boolean;
}

/* ---------- model names ---------- */

// "(ours)", "[Ours]", "（本文）", "(our model)", "(proposed)": a paper's way of pointing at its own row.
const OURS_SUFFIX = /[(（[【]\s*(?:ours|our\s+model|our\s+method|proposed|本文(?:方法|模型)?|我们的?(?:方法|模型)?|本模型)\s*[)）\]】]/giu;
const FOOTNOTE_MARKS = /[*†‡§¶✝]+/gu;

/**
 * A model name reduced for comparison: NFKC, lower case, "(ours)" suffixes and footnote marks dropped,
 * nothing but letters and digits kept ("Qwen2-7B (Ours)†" = "qwen2 7b" = "QWEN2_7B" -> "qwen27b").
 */
export function modelMatchKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(OURS_SUFFIX, ' ')
    .replace(FOOTNOTE_MARKS, ' ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The names a card's own model goes by: title, 模型 field and hub ids (the name part after the organisation). */
export function cardModelKeys(card: Card): Set<string> {
  const names = [card.title, card.fields?.model?.value ?? '', ...(card.identity?.modelIds ?? [])];
  const keys = new Set<string>();
  for (const n of names) {
    if (!n || !n.trim()) continue;
    keys.add(modelMatchKey(n));
    const slash = n.lastIndexOf('/');
    if (slash >= 0) keys.add(modelMatchKey(n.slice(slash + 1)));
  }
  keys.delete('');
  return keys;
}

/**
 * Whether a result is the card's own model's. `own: true` always is, `own: false` never is (the user said so);
 * otherwise the model as written must name the card's model. An empty model is the subject of the page it
 * was read from (the table extractor leaves it empty for a single-score table), and that page was captured
 * into this card. A bare "Ours" is not matched: a paper may present several models.
 */
export function isOwnResult(r: BenchmarkResult, keys: Set<string>, ownOnly = false): boolean {
  if (r.own === true) return true;
  if (ownOnly || r.own === false) return false;
  if (!r.model.trim()) return true;
  const k = modelMatchKey(r.model);
  return k !== '' && keys.has(k);
}

/* ---------- values ---------- */

/** A number as written in a table: "85.3", "-0.5", "1200" (no grouping), never "1e-7". */
export function formatValue(v: number): string {
  if (Object.is(v, -0)) return '0';
  const s = String(v);
  if (!/e/i.test(s)) return s;
  return new Intl.NumberFormat('en-US', { useGrouping: false, maximumSignificantDigits: 17, maximumFractionDigits: 100 } as Intl.NumberFormatOptions).format(v);
}

const settingKey = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
const timeOf = (r: BenchmarkResult) => (r.source?.at ? Date.parse(r.source.at) : Number.NEGATIVE_INFINITY);

const CATEGORY_ORDER = new Map<string, number>();
for (const e of CATALOG) if (!CATEGORY_ORDER.has(e.category)) CATEGORY_ORDER.set(e.category, CATEGORY_ORDER.size);

function rowLabel(card: Card): string {
  const pick = [card.title, card.fields?.model?.value, card.identity?.modelIds?.[0], card.id];
  for (const p of pick) {
    const s = (p ?? '').replace(/\s+/g, ' ').trim();
    if (s) return s;
  }
  return card.id;
}

function columnName(r: BenchmarkResult): { name: string; category: string; known: boolean; higherIsBetter: boolean } {
  const entry = lookupBenchmark(r.benchmark);
  if (entry) return { name: entry.name, category: entry.category, known: true, higherIsBetter: entry.higherIsBetter };
  const raw = r.benchmarkRaw.replace(/\s+/g, ' ').trim();
  const base = raw ? splitAnnotations(raw).base : '';
  return { name: base || raw || r.benchmark, category: '', known: false, higherIsBetter: true };
}

/**
 * Candidates for one cell, best first: marked `own` first, then verified, then the most recent source
 * (`source.at`); with equal or missing dates, the one listed later in the card (merges append).
 */
function rank(candidates: { r: BenchmarkResult; i: number }[]): BenchmarkResult[] {
  return [...candidates]
    .sort(
      (a, b) =>
        Number(b.r.own === true) - Number(a.r.own === true) ||
        Number(b.r.verified === true) - Number(a.r.verified === true) ||
        (timeOf(b.r) > timeOf(a.r) ? 1 : timeOf(b.r) < timeOf(a.r) ? -1 : 0) ||
        b.i - a.i,
    )
    .map((c) => c.r);
}

export function buildCompareMatrix(cards: Card[], opts: CompareOptions = {}): CompareMatrix {
  const ownOnly = opts.ownOnly === true;
  const columns = new Map<string, CompareColumn>();
  // Per card: column key -> candidates.
  const perCard = cards.map((card) => {
    const keys = cardModelKeys(card);
    const byColumn = new Map<string, { r: BenchmarkResult; i: number }[]>();
    (card.benchmarks ?? []).forEach((r, i) => {
      if (!Number.isFinite(r.value) || !isOwnResult(r, keys, ownOnly)) return;
      const key = `${r.benchmark}\u0000${settingKey(r.setting ?? '')}`;
      if (!columns.has(key)) {
        const n = columnName(r);
        const setting = (r.setting ?? '').replace(/\s+/g, ' ').trim();
        columns.set(key, {
          key,
          benchmark: r.benchmark,
          name: n.name,
          setting,
          label: setting ? `${n.name} · ${setting}` : n.name,
          category: n.category,
          known: n.known,
          higherIsBetter: n.higherIsBetter,
          metrics: [],
          count: 0,
        });
      }
      const list = byColumn.get(key) ?? [];
      list.push({ r, i });
      byColumn.set(key, list);
    });
    const ranked = new Map<string, BenchmarkResult[]>();
    for (const [key, list] of byColumn) {
      ranked.set(key, rank(list));
      columns.get(key)!.count++;
    }
    return { card, ranked };
  });

  const ordered = [...columns.values()].sort(
    (a, b) =>
      b.count - a.count ||
      (CATEGORY_ORDER.get(a.category) ?? CATEGORY_ORDER.size) - (CATEGORY_ORDER.get(b.category) ?? CATEGORY_ORDER.size) ||
      a.name.localeCompare(b.name, 'en', { sensitivity: 'base', numeric: true }) ||
      a.name.localeCompare(b.name) ||
      a.setting.localeCompare(b.setting, 'en', { numeric: true }),
  );

  const rows: CompareRow[] = perCard.map(({ card, ranked }) => ({
    cardId: card.id,
    label: rowLabel(card),
    cells: ordered.map((col) => {
      const list = ranked.get(col.key);
      if (!list?.length) return null;
      const [result, ...alternatives] = list;
      return { value: result.value, display: formatValue(result.value), result, alternatives, best: false };
    }),
  }));

  ordered.forEach((col, c) => {
    const cells = rows.map((row) => row.cells[c]).filter((cell): cell is CompareCell => cell != null);
    col.metrics = [...new Set(cells.map((cell) => cell.result.metric.trim()).filter(Boolean))];
    if (cells.length < 2) return;
    const best = col.higherIsBetter ? Math.max(...cells.map((x) => x.value)) : Math.min(...cells.map((x) => x.value));
    for (const cell of cells) cell.best = cell.value === best;
  });

  return { columns: ordered, rows, ownOnly };
}

/* ---------- markdown ---------- */

/**
 * Text for a GFM table cell: HTML-significant characters as entities (as in the card export), markdown
 * punctuation backslash-escaped so a name never turns into emphasis, a link or a code span, `|` as `\|`
 * so it cannot end the cell, and line breaks folded to spaces.
 */
export function escapeMarkdownCell(s: string): string {
  return escapeText(s.replace(/\s+/g, ' ').trim()).replace(/[\\`*_[\]~|]/g, (c) => `\\${c}`);
}

/** The matrix as a GFM table: first column the model, best values in **bold**, empty cells empty. */
export function matrixToMarkdown(m: CompareMatrix, lang: TemplateLang): string {
  if (!m.rows.length) return '';
  const head = [TEMPLATE_LABELS[lang].model, ...m.columns.map((c) => c.label)].map(escapeMarkdownCell);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const lines = [
    line(head),
    line([':---', ...m.columns.map(() => '---:')]),
    ...m.rows.map((row) =>
      line([escapeMarkdownCell(row.label), ...row.cells.map((cell) => (cell ? (cell.best ? `**${cell.display}**` : cell.display) : ''))]),
    ),
  ];
  return lines.join('\n') + '\n';
}

/* ---------- CSV ---------- */

export const UTF8_BOM = '\uFEFF';

/**
 * A text field for CSV (RFC 4180): quoted when it holds a comma, quote, CR or LF or starts or ends with
 * a space; quotes doubled. Text that a spreadsheet would run as a formula (= + - @ tab CR at the start)
 * gets a leading apostrophe (the OWASP advice), since model names come from web pages.
 */
export function csvField(s: string): string {
  let t = s;
  if (/^[=+\-@\t\r]/.test(t)) t = `'${t}`;
  return /[",\r\n]|^\s|\s$/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

export interface CsvOptions {
  /**
   * Start with a UTF-8 byte-order mark (default true): Excel opens a BOM-less UTF-8 file in the
   * system's legacy code page and garbles Chinese; LibreOffice, Numbers, Google Sheets and pandas
   * (`encoding='utf-8-sig'`) read the mark fine. Leave it off for text put on the clipboard.
   */
  bom?: boolean;
}

/** The matrix as CSV: header "model,<col>,…", CRLF line ends, numbers as written, empty cells empty. */
export function matrixToCsv(m: CompareMatrix, opts: CsvOptions = {}): string {
  const lines = [
    ['model', ...m.columns.map((c) => c.label)].map(csvField).join(','),
    ...m.rows.map((row) => [csvField(row.label), ...row.cells.map((cell) => (cell ? cell.display : ''))].join(',')),
  ];
  return (opts.bom === false ? '' : UTF8_BOM) + lines.join('\r\n') + '\r\n';
}
