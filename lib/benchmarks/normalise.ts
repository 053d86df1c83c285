import catalogData from './catalog.json';

/**
 * Benchmark names as written in model cards and papers -> catalogue ids.
 *
 * Matching follows reference/domain.md section 6: the whole name is tried first, and only then are
 * annotations ("5-shot", "(EM)", "pass@1", "CoT", splits, versions…) peeled off into the setting or
 * the metric. Peeling first would send "ARC (Easy)" or "SWE-bench (Verified)" to the wrong entry.
 */

export interface CatalogEntry {
  id: string;
  name: string;
  aliases: string[];
  /** Names that denote a subset or version of this benchmark, with the setting they imply. */
  variants?: Record<string, string>;
  category: string;
  metric: string;
  higherIsBetter: boolean;
  paper: string | null;
  url: string | null;
  notes?: string;
}

export interface NormalisedBenchmark {
  /** Catalogue id; for an unknown name, its rule-1 slug. */
  id: string;
  /** Catalogue name; for an unknown name, the name as written. */
  name: string;
  /** Evaluation setting kept apart from the name: "5-shot", "CoT", "pass@1", "diamond", "v2"… */
  setting: string;
  /** Measure named next to the benchmark: "em", "acc", "f1", "correct"… */
  metric: string;
  known: boolean;
}

export const CATALOG: readonly CatalogEntry[] = catalogData as CatalogEntry[];

/** Rule 1: lower-case, full-width folded, nothing but [a-z0-9+∞τ] kept ("GSM-8K" = "gsm8k", "HumanEval+" keeps "+"). */
export function benchmarkKey(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[^a-z0-9+∞τ]/g, '');
}

interface Hit {
  entry: CatalogEntry;
  setting: string;
}

let index: Map<string, Hit> | null = null;
let byId: Map<string, CatalogEntry> | null = null;

function lookupIndex(): Map<string, Hit> {
  if (index) return index;
  index = new Map();
  for (const entry of CATALOG) {
    for (const name of [entry.name, entry.id, ...entry.aliases]) {
      const key = benchmarkKey(name);
      if (key && !index.has(key)) index.set(key, { entry, setting: '' });
    }
    for (const [name, setting] of Object.entries(entry.variants ?? {})) {
      const key = benchmarkKey(name);
      if (key && !index.has(key)) index.set(key, { entry, setting });
    }
  }
  return index;
}

export function lookupBenchmark(id: string): CatalogEntry | undefined {
  if (!byId) byId = new Map(CATALOG.map((e) => [e.id, e]));
  return byId.get(id);
}

/* ---------- annotations ---------- */

type Kind = 'setting' | 'metric';
interface Annotation {
  kind: Kind;
  text: string;
}

// Each token kind is anchored at the current position (sticky) and must end at a separator, so
// "em" never eats the start of "emotion". Longer spellings come first in every alternation.
const SEP = /[\s\-_,;:/+]*/y;
const TOKEN_END = /(?=$|[\s\-_,;:/+)])/.source;
const TOKENS: Array<{ re: RegExp; kind: Kind; canon: (m: RegExpExecArray) => string }> = [
  {
    re: new RegExp(String.raw`(\d+)\s*(?:[-–~]|to)\s*(\d+)[\s-]*shots?` + TOKEN_END, 'iy'),
    kind: 'setting',
    canon: (m) => `${m[1]}-${m[2]}-shot`,
  },
  { re: new RegExp(String.raw`(\d+)[\s-]*shots?` + TOKEN_END, 'iy'), kind: 'setting', canon: (m) => `${m[1]}-shot` },
  { re: new RegExp(String.raw`zero[\s-]*shot` + TOKEN_END, 'iy'), kind: 'setting', canon: () => '0-shot' },
  { re: new RegExp(String.raw`one[\s-]*shot` + TOKEN_END, 'iy'), kind: 'setting', canon: () => '1-shot' },
  { re: new RegExp(String.raw`few[\s-]*shot` + TOKEN_END, 'iy'), kind: 'setting', canon: () => 'few-shot' },
  { re: new RegExp(String.raw`(?:cot|chain[\s-]of[\s-]thoughts?)` + TOKEN_END, 'iy'), kind: 'setting', canon: () => 'CoT' },
  { re: new RegExp(String.raw`em_maj\d*@\d+` + TOKEN_END, 'iy'), kind: 'metric', canon: (m) => m[0].toLowerCase() },
  {
    re: new RegExp(String.raw`(?:pass|maj|avg|cons|mean|best|rm)\d*\s*@\s*\d+|pass\^\d+` + TOKEN_END, 'iy'),
    kind: 'setting',
    canon: (m) => m[0].toLowerCase().replace(/\s+/g, ''),
  },
  {
    re: new RegExp(
      String.raw`(?:test-dev|test-std|testmini|validation|valid|val|dev|test|strict|loose|prompt[\s-]level|inst(?:ruction)?[\s-]level|prompt|instruction|inst|overall|greedy|sampling)` +
        TOKEN_END,
      'iy',
    ),
    kind: 'setting',
    canon: (m) => m[0].toLowerCase().replace(/\s+/g, '-'),
  },
  {
    re: new RegExp(
      // Research papers add the retrieval, translation and captioning measures ("R@1", "chrF++", "CIDEr").
      String.raw`(?:[a-z_]+\/[a-z_]+(?:@\d+)?|acc_norm|acc_char|accuracy|acc\.?|exact[\s_-]?match|final_em|em|f1|bpb|bits[\s-]per[\s-]byte|perplexity|ppl|correct|resolved|percentile|rating|elo|scores?|win[\s-]?rate|lc|rouge[\s-]?(?:l|1|2|lsum)|rouge|sacrebleu|bleu(?:-?\d)?|chrf\+*|meteor|cider|bertscore|wer|cer|auroc|auc|recall|precision|mrr|ndcg|spearman|pearson|mcc|(?:r|hits?|recall|ndcg|mrr|p)@\d+|mc1|mc2|top[\s-]?1|top[\s-]?5|avg|average|macro_avg|micro_avg|%)` +
        TOKEN_END,
      'iy',
    ),
    kind: 'metric',
    canon: (m) => canonMetric(m[0]),
  },
];

function canonMetric(s: string): string {
  const t = s.toLowerCase().replace(/\s+/g, ' ').replace(/\.$/, '');
  if (t === 'accuracy') return 'acc';
  if (/^exact[\s_-]?match$/.test(t)) return 'em';
  return t;
}

/** The annotations "text" consists of, or null when any part of it is not an annotation. */
function readAnnotations(text: string): Annotation[] | null {
  const out: Annotation[] = [];
  let pos = 0;
  const s = text.trim();
  while (pos < s.length) {
    SEP.lastIndex = pos;
    SEP.exec(s);
    pos = SEP.lastIndex;
    if (pos >= s.length) break;
    let matched = false;
    for (const t of TOKENS) {
      t.re.lastIndex = pos;
      const m = t.re.exec(s);
      if (m && m[0].length) {
        out.push({ kind: t.kind, text: t.canon(m) });
        pos = t.re.lastIndex;
        matched = true;
        break;
      }
    }
    if (!matched) return null;
  }
  return out.length ? out : null;
}

/** "5-shot, top-1" / "5" / "acc_norm": a setting or metric cell split into its two parts. */
export function splitSetting(text: string, as: Kind = 'setting'): { setting: string; metric: string } {
  const t = text.trim();
  if (!t || /^[-–—/]$/.test(t)) return { setting: '', metric: '' };
  // A bare count in a "# Shots" column.
  const range = /^(\d+)\s*[-–~]\s*(\d+)$/.exec(t);
  if (as === 'setting' && range) return { setting: `${range[1]}-${range[2]}-shot`, metric: '' };
  if (as === 'setting' && /^\d+$/.test(t)) return { setting: `${t}-shot`, metric: '' };
  const setting: string[] = [];
  const metric: string[] = [];
  for (const part of t.split(/\s*[,;，、]\s*/)) {
    if (!part) continue;
    const ann = readAnnotations(part);
    if (ann) for (const a of ann) (a.kind === 'setting' ? setting : metric).push(a.text);
    else (as === 'setting' ? setting : metric).push(part);
  }
  return { setting: setting.join(' '), metric: metric.join(' ') };
}

/** True when the text is nothing but annotations: "5-shot", "(EM)", "pass@1", "0-shot, CoT". */
export function isAnnotationText(text: string): boolean {
  const parts = text
    .replace(/[()（）[\]]/g, ' ')
    .split(/\s*[,;，、]\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length > 0 && parts.every((p) => readAnnotations(p) != null);
}

/** A label that is nothing but annotations ("Dev", "5-shot", "BLEU", "PPL (dev)"), split into setting and metric; else null. */
export function annotationsOnly(text: string): { setting: string; metric: string } | null {
  const bare = text.replace(/[()（）[\]]/g, ' ').trim();
  const ann = bare ? readAnnotations(bare) : null;
  if (!ann) return null;
  const of = (kind: Kind) => ann.filter((a) => a.kind === kind).map((a) => a.text).join(' ');
  return { setting: of('setting'), metric: of('metric') };
}

/** A label that is nothing but a measure and its setting: "BLEU", "Acc. (%)", "EM / F1", "PPL (dev)"; null for "5-shot". */
export function metricOnly(text: string): { setting: string; metric: string } | null {
  const ann = annotationsOnly(text);
  return ann && ann.metric ? ann : null;
}

/* ---------- name cleaning and peeling ---------- */

// Footnote marks, arrows and similar decoration that never belong to a name.
const TRAILING_MARKS = /(?:\s*(?:\^\S*|\[\d+\]|[*†‡§¶✝]+|[↑↓⬆⬇]))+\s*$/u;

function cleanLabel(raw: string): string {
  return raw
    .replace(/[↑↓⬆⬇]/gu, ' ')
    .replace(/\s+/g, ' ')
    .replace(TRAILING_MARKS, '')
    .trim();
}

const PAREN = /\s*[(（[]([^()（）[\]]*)[)）\]]/g;
const WORD_SPLIT = /([\s\-_,;:/]+)/;

/** Parentheticals lose their annotation parts; what is left of them stays ("(4-shot, minerva)" -> "(minerva)"). */
function peelParens(label: string, into: Annotation[]): string {
  return label
    .replace(PAREN, (whole, inner: string) => {
      const keep: string[] = [];
      for (const part of inner.split(/\s*[,;，、]\s*/)) {
        if (!part) continue;
        const ann = readAnnotations(part);
        if (ann) into.push(...ann);
        else keep.push(part);
      }
      return keep.length ? ` (${keep.join(', ')})` : ' ';
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** One trailing run of annotation words ("5-shot", "prompt strict", "pass@1"), or null. */
function peelTrailing(base: string): { base: string; annotations: Annotation[] } | null {
  const parts = base.split(WORD_SPLIT);
  // parts alternate word, separator, word…; try the longest tail of up to three words first.
  for (let words = 3; words >= 1; words--) {
    const cut = parts.length - (words * 2 - 1);
    if (cut < 2) continue;
    const annotations = readAnnotations(parts.slice(cut).join(''));
    const rest = parts.slice(0, cut - 1).join('').trim();
    if (annotations && benchmarkKey(rest)) return { base: rest, annotations };
  }
  return null;
}

/**
 * A label split into the name and the annotations around it, without looking anything up:
 * "Overall Acc." -> Overall / acc; "Model 5-shot" -> Model / 5-shot; "Benchmark (Metric)" stays whole.
 */
export function splitAnnotations(raw: string): { base: string; setting: string; metric: string } {
  const label = cleanLabel(raw.replace(/\s+/g, ' ').trim());
  const annotations: Annotation[] = [];
  let base = peelParens(label, annotations) || label;
  const trailing: Annotation[] = [];
  for (let t = peelTrailing(base); t; t = peelTrailing(base)) {
    trailing.unshift(...t.annotations);
    base = t.base;
  }
  annotations.push(...trailing);
  return {
    base,
    setting: annotations.filter((a) => a.kind === 'setting').map((a) => a.text).join(' '),
    metric: annotations.filter((a) => a.kind === 'metric').map((a) => a.text).join(' '),
  };
}

/** The measures a header names, alone or after a name: "BLEU", "WSJ 23 F1", "PPL (dev)" -> "bleu", "f1", "ppl". */
export function metricNamedIn(text: string): string {
  const whole = metricOnly(text);
  if (whole) return whole.metric;
  const { base, metric } = splitAnnotations(text);
  return joinParts(metricOnly(base)?.metric ?? '', metric);
}

const LEADING_SHOT = /^(\d+[\s-]*shots?|zero[\s-]*shot|few[\s-]*shot)[\s,:]+(.+)$/i;

// Subset, language and version words: only peeled when what remains is a catalogue name.
const VARIANT_WORD =
  /^(?:v\d+(?:\.\d+)*|\d+\.\d+|en|zh|cn|english|chinese|multilingual|diamond|main|extended|lite|mini|full|hard|base|instruct|chat|stem|wiki|fim|img|python|java|cpp|usmle|mcmle|text-only|retail|airline|mc)$/i;

function peelVariants(base: string, idx: Map<string, Hit>): { hit: Hit; variant: string[] } | null {
  // "InfiniteBench/En.QA", "MMLU / STEM": a subset after a slash.
  const slash = /^([^/]+?)\s*\/\s*([^/]+)$/.exec(base);
  const bySlash = slash && idx.get(benchmarkKey(slash[1]));
  if (bySlash) return { hit: bySlash, variant: [slash[2].trim().toLowerCase()] };
  let rest = base;
  const variant: string[] = [];
  for (let i = 0; i < 3; i++) {
    const paren = /^(.*\S)\s*[(（[]([^()（）[\]]+)[)）\]]$/.exec(rest);
    if (paren) {
      variant.unshift(paren[2].trim().toLowerCase());
      rest = paren[1];
    } else {
      const m = /^(.*?[^\s\-_])[\s\-_]+([^\s\-_]+)$/.exec(rest);
      if (!m || !VARIANT_WORD.test(m[2])) return null;
      variant.unshift(m[2].toLowerCase());
      rest = m[1];
    }
    const hit = idx.get(benchmarkKey(rest));
    if (hit) return { hit, variant };
  }
  return null;
}

function slug(s: string): string {
  return benchmarkKey(s) || s.normalize('NFKC').toLowerCase().trim().replace(/\s+/g, '-');
}

function joinParts(...parts: string[]): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of parts.flatMap((x) => x.split(' '))) {
    if (p && !seen.has(p.toLowerCase())) {
      seen.add(p.toLowerCase());
      out.push(p);
    }
  }
  return out.join(' ');
}

/**
 * "MMLU (5-shot)" -> {id: 'mmlu', setting: '5-shot'}; "ARC-Easy" and "ARC-Challenge" stay apart;
 * bare "ARC" is ARC-Challenge (the Open LLM Leaderboard v1 label that cards copy; see the catalogue note).
 * Unknown names get the slug of the name without its annotations, so "CLUEWSC (5-shot)" and
 * "CLUEWSC" still group together.
 */
export function normaliseBenchmark(raw: string): NormalisedBenchmark {
  const name = raw.replace(/\s+/g, ' ').trim();
  const idx = lookupIndex();
  const label = cleanLabel(name);
  const known = (hit: Hit, setting: string, metric: string): NormalisedBenchmark => ({
    id: hit.entry.id,
    name: hit.entry.name,
    setting: joinParts(hit.setting, setting),
    metric,
    known: true,
  });

  const whole = idx.get(benchmarkKey(label));
  if (whole) return known(whole, '', '');

  // Peel annotations a step at a time and look the rest up after each step, so a name that
  // itself ends in an annotation-like word ("Pile-test") is found before the word is taken off.
  const annotations: Annotation[] = [];
  const settingOf = () => annotations.filter((a) => a.kind === 'setting').map((a) => a.text);
  const metricOf = () =>
    annotations
      .filter((a) => a.kind === 'metric')
      .map((a) => a.text)
      .join(' ');
  let base = peelParens(label, annotations) || label;
  let hit = idx.get(benchmarkKey(base));
  const trailing: Annotation[] = [];
  while (!hit) {
    const t = peelTrailing(base);
    if (!t) break;
    trailing.unshift(...t.annotations);
    base = t.base;
    hit = idx.get(benchmarkKey(base));
  }
  if (!hit) {
    const lead = LEADING_SHOT.exec(base);
    const ann = lead && readAnnotations(lead[1]);
    if (lead && ann) {
      annotations.unshift(...ann);
      base = lead[2].trim();
      hit = idx.get(benchmarkKey(base));
    }
  }
  annotations.push(...trailing);
  if (hit) return known(hit, settingOf().join(' '), metricOf());

  // lm-evaluation-harness task ids: "agieval_aqua_rat", "bigbench_causal_judgement", "hellaswag_de".
  if (/^[a-z0-9]+(?:_[a-z0-9]+)+$/i.test(base)) {
    const segments = base.split('_');
    for (let k = segments.length - 1; k >= 1; k--) {
      const prefix = idx.get(benchmarkKey(segments.slice(0, k).join('_')));
      if (prefix) return known(prefix, joinParts(segments.slice(k).join('_').toLowerCase(), ...settingOf()), metricOf());
    }
  }

  const v = peelVariants(base, idx);
  if (v) return known(v.hit, joinParts(...v.variant, ...settingOf()), metricOf());

  // Unknown: a trailing parenthetical is a subset or note ("RepoBench (Python)"), so it goes to the
  // setting and the id stays the same for every variant.
  const paren = /^(.*\S)\s*[(（[]([^()（）[\]]+)[)）\]]$/.exec(base);
  const unknownBase = paren && benchmarkKey(paren[1]) ? paren[1] : base;
  const unknownSetting = paren && unknownBase !== base ? [paren[2].trim().toLowerCase()] : [];
  return {
    id: slug(unknownBase) || slug(label),
    name,
    setting: joinParts(...unknownSetting, ...settingOf()),
    metric: metricOf(),
    known: false,
  };
}

// "Section C.3", "Table 2", "Appendix B": what follows is a place in the paper.
const CROSS_REFERENCE = /^(?:sections?|sec|appendix|app|tables?|tab|figures?|fig|equations?|eq|§)\.?$/i;

/**
 * Catalogue benchmarks named in running text (a caption, a heading): "we tested it on L-Eval",
 * "Tested on Berkeley Function Calling Leaderboard". A one-word match must look like a name
 * (two capitals, a digit, or six letters and more), so "we drop" does not find DROP.
 */
export function benchmarksNamedIn(text: string): CatalogEntry[] {
  const idx = lookupIndex();
  // A dot ends a word only before a space: "Section C.3" is one reference, not the benchmark C3.
  const words = text.split(/[\s,;:!?()（）[\]{}"'“”‘’，。；：！？、|/]+|\.(?=\s|$)/).filter(Boolean);
  const found = new Map<string, CatalogEntry>();
  for (let i = 0; i < words.length; i++) {
    if (i > 0 && CROSS_REFERENCE.test(words[i - 1])) continue;
    for (let n = Math.min(4, words.length - i); n >= 1; n--) {
      const phrase = words.slice(i, i + n);
      if (!phrase.some((w) => /[A-Z]/.test(w))) continue;
      const key = benchmarkKey(phrase.join(' '));
      const hit = key && idx.get(key);
      if (!hit) continue;
      const w = phrase[0];
      if (n === 1 && !(/[A-Z].*[A-Z]|\d/.test(w) || key.length >= 6)) continue;
      found.set(hit.entry.id, hit.entry);
      i += n - 1;
      break;
    }
  }
  return [...found.values()];
}
