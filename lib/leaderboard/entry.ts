import { z } from '../schema/zod';
import { WebUrl } from '../schema/common';

/**
 * One leaderboard row in one shape, whatever the source: the Open LLM Leaderboard v2 contents
 * (dataset viewer JSON or CSV export), the v1 archive, or the 2023 v1 snapshots.
 * Missing values stay missing (null), never 0. See reference/domain.md 1.7 and 7.
 */

/**
 * Model types, normalised from the `Type` column (text with its emoji) or the `T` column (emoji only).
 * Every value seen in the real data (shared fixtures and domain.md):
 *
 * | raw (v2 contents)                              | id                        |
 * |------------------------------------------------|---------------------------|
 * | `🟢 pretrained`                                 | `pretrained`              |
 * | `🟩 continuously pretrained`                    | `continuously-pretrained` |
 * | `🔶 fine-tuned on domain-specific datasets`     | `fine-tuned`              |
 * | `💬 chat models (RLHF, DPO, IFT, ...)`          | `chat`                    |
 * | `🤝 base merges and moerges`                    | `merge`                   |
 * | `🌸 multimodal`                                 | `multimodal`              |
 * | `❓ other`                                      | `other`                   |
 * | v1: `🔶 fine-tuned`                             | `fine-tuned`              |
 * | v1: `⭕ instruction-tuned`                      | `instruction-tuned`       |
 * | v1: `🟦 RL-tuned`                               | `rl-tuned`                |
 * | empty / absent (the 2023 snapshots have no type) | `unknown`               |
 *
 * Text is matched before the emoji, case-insensitively; an unrecognised non-empty value is `unknown`
 * and its text stays in `typeRaw`.
 */
export const MODEL_TYPES = [
  'pretrained',
  'continuously-pretrained',
  'fine-tuned',
  'chat',
  'merge',
  'multimodal',
  'instruction-tuned',
  'rl-tuned',
  'other',
  'unknown',
] as const;
export const LeaderboardModelType = z.enum(MODEL_TYPES);
export type LeaderboardModelType = z.infer<typeof LeaderboardModelType>;

const TYPE_BY_EMOJI: Record<string, LeaderboardModelType> = {
  '🟢': 'pretrained',
  '🟩': 'continuously-pretrained',
  '🔶': 'fine-tuned',
  '💬': 'chat',
  '🤝': 'merge',
  '🌸': 'multimodal',
  '⭕': 'instruction-tuned',
  '🟦': 'rl-tuned',
  '❓': 'other',
};

const TYPE_BY_TEXT: Array<[RegExp, LeaderboardModelType]> = [
  [/^continuously[\s-]*pre-?trained/, 'continuously-pretrained'],
  [/^pre-?trained/, 'pretrained'],
  [/^fine[\s-]*tuned/, 'fine-tuned'],
  [/^chat/, 'chat'],
  [/merge/, 'merge'],
  [/^multimodal/, 'multimodal'],
  [/^instruction[\s-]*tuned/, 'instruction-tuned'],
  [/^(rl[\s-]*tuned|with rl)/, 'rl-tuned'],
  [/^other/, 'other'],
];

/** "🟢 pretrained" -> pretrained; "🟩" (the T column) -> continuously-pretrained; "" -> unknown. */
export function normaliseModelType(raw: string): LeaderboardModelType {
  const s = raw.trim();
  if (!s) return 'unknown';
  if ((MODEL_TYPES as readonly string[]).includes(s)) return s as LeaderboardModelType;
  const text = s
    .replace(/[\p{Extended_Pictographic}\p{Emoji_Presentation}\uFE0F\u200D]/gu, '')
    .trim()
    .toLowerCase();
  for (const [re, type] of TYPE_BY_TEXT) if (re.test(text)) return type;
  for (const [emoji, type] of Object.entries(TYPE_BY_EMOJI)) if (s.startsWith(emoji)) return type;
  return 'unknown';
}

export const LeaderboardScore = z.object({
  /** The column header as written: "IFEval", "ARC(25-shot)", "ARC" (positional JSON). */
  benchmarkRaw: z.string(),
  /** Catalogue id (lib/benchmarks/catalog.json): "ifeval", "arc-challenge". */
  benchmark: z.string().min(1),
  /** The leaderboard's evaluation setting: "25-shot", "0-shot". */
  setting: z.string(),
  /** What the leaderboard measured: "acc_norm", "mc2", "exact_match". */
  metric: z.string(),
  /** The score the leaderboard shows, 0-100 (v2: normalised above the random baseline). */
  value: z.number().finite(),
  /** v2 only: the "<name> Raw" column, a fraction 0-1 before normalisation. */
  raw: z.number().finite().optional(),
});
export type LeaderboardScore = z.infer<typeof LeaderboardScore>;

export const LeaderboardVersion = z.enum(['v1', 'v2']);
export type LeaderboardVersion = z.infer<typeof LeaderboardVersion>;

export const LeaderboardSource = z.object({
  name: z.string().min(1),
  version: LeaderboardVersion,
  url: WebUrl,
  /** The file the user picked, when the rows came from one. */
  file: z.string().optional(),
});
export type LeaderboardSource = z.infer<typeof LeaderboardSource>;

const flag = z.boolean().nullable();

export const LeaderboardEntry = z.object({
  /** Hub id "org/name" as the leaderboard keys it (v2 `fullname`; v1 snapshots' `Model`). */
  fullname: z.string().min(1),
  modelType: LeaderboardModelType,
  /** The Type cell as written ("🟢 pretrained"); '' when the source has no type. */
  typeRaw: z.string(),
  /** Billions of parameters (`#Params (B)`); null when missing or a placeholder (-1, 0). */
  params: z.number().positive().finite().nullable(),
  /** Where `params` came from: the params column, or the model name ("Llama-2-70b") when the source has no such column. */
  paramsFrom: z.enum(['column', 'name']).nullable(),
  average: z.number().finite().nullable(),
  scores: z.array(LeaderboardScore),
  /** Exclusion flags. null means the source does not say (the 2023 snapshots carry none). */
  flagged: flag,
  /** v2 `Merged`, or the inverse of the early v2 `Not_Merged`; v1 archive `Merged`. */
  merged: flag,
  moe: flag,
  availableOnHub: flag,
  officialProvider: flag,
  /** bfloat16 / float16 / 8bit / 4bit / GPTQ: one model can have a row per precision. */
  precision: z.string(),
  weightType: z.string(),
  architecture: z.string(),
  license: z.string(),
  baseModel: z.string(),
  /** The per-model details dataset linked from the Model cell, when the source has one. */
  detailsUrl: WebUrl.optional(),
  /** Position of the row in the source (0-based), for messages and stable ordering. */
  row: z.number().int().nonnegative(),
  source: LeaderboardSource,
});
export type LeaderboardEntry = z.infer<typeof LeaderboardEntry>;

/** A leaderboard benchmark: its catalogue id, the setting and measure the leaderboard used. */
export interface LeaderboardBenchmark {
  id: string;
  /** The leaderboard's own label (header of the v2 contents / v1 archive). */
  label: string;
  setting: string;
  metric: string;
}

/** domain.md 7: the v1 harness settings (ARC 25-shot acc_norm, HellaSwag 10-shot, …) and the v2 set. */
export const LEADERBOARD_BENCHMARKS: Record<LeaderboardVersion, LeaderboardBenchmark[]> = {
  v1: [
    { id: 'arc-challenge', label: 'ARC', setting: '25-shot', metric: 'acc_norm' },
    { id: 'hellaswag', label: 'HellaSwag', setting: '10-shot', metric: 'acc_norm' },
    { id: 'mmlu', label: 'MMLU', setting: '5-shot', metric: 'acc' },
    { id: 'truthfulqa', label: 'TruthfulQA', setting: '0-shot', metric: 'mc2' },
    { id: 'winogrande', label: 'Winogrande', setting: '5-shot', metric: 'acc' },
    { id: 'gsm8k', label: 'GSM8K', setting: '5-shot', metric: 'acc' },
    { id: 'drop', label: 'DROP', setting: '3-shot', metric: 'f1' },
  ],
  v2: [
    { id: 'ifeval', label: 'IFEval', setting: '0-shot', metric: 'strict acc (prompt + instruction), normalised' },
    { id: 'bbh', label: 'BBH', setting: '3-shot', metric: 'acc_norm, normalised' },
    { id: 'math-lvl5', label: 'MATH Lvl 5', setting: '4-shot', metric: 'exact_match, normalised' },
    { id: 'gpqa', label: 'GPQA', setting: '0-shot', metric: 'acc_norm, normalised' },
    { id: 'musr', label: 'MUSR', setting: '0-shot', metric: 'acc_norm, normalised' },
    { id: 'mmlu-pro', label: 'MMLU-PRO', setting: '5-shot', metric: 'acc, normalised' },
  ],
};

/** Where each leaderboard lives; a source's url defaults to these. */
export const LEADERBOARD_URLS = {
  v2: 'https://huggingface.co/datasets/open-llm-leaderboard/contents',
  v1: 'https://huggingface.co/datasets/open-llm-leaderboard-old/contents',
  /** The 2023 v1 snapshots were read from the live Space. */
  v1Space: 'https://huggingface.co/spaces/HuggingFaceH4/open_llm_leaderboard',
} as const;

export const LEADERBOARD_NAME = 'Open LLM Leaderboard';

/* ---------- cell values ---------- */

const MISSING = /^(|nan|null|none|n\/a|na|-|—|inf|-inf|infinity|-infinity|undefined)$/i;

/** A number, or null for empty, NaN, "nan", null, non-numeric text. Never 0 for a missing value. */
export function cellNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  const s = v.trim();
  if (MISSING.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** true / false from booleans or "True" / "false" / "1" / "0" / "yes" / "no"; null otherwise. */
export function cellBool(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : null;
  if (typeof v !== 'string') return null;
  const s = v.trim().toLowerCase();
  if (s === 'true' || s === '1' || s === 'yes') return true;
  if (s === 'false' || s === '0' || s === 'no') return false;
  return null;
}

export function cellText(v: unknown): string {
  if (typeof v === 'string') return MISSING.test(v.trim()) ? '' : v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'boolean') return String(v);
  return '';
}
