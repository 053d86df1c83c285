import { z } from './zod';
import { SourceRef, WebUrl } from './common';

export const BenchmarkResult = z.object({
  /** The model as the source wrote it ("Qwen2-7B", "Ours"). */
  model: z.string(),
  /** Canonical benchmark id from the catalogue, or the raw name lower-cased when unknown. */
  benchmark: z.string().min(1),
  /** The benchmark name exactly as written in the source. */
  benchmarkRaw: z.string(),
  /** Evaluation setting kept apart from the name: "5-shot", "0-shot CoT", "pass@1". */
  setting: z.string().default(''),
  metric: z.string().default(''),
  value: z.number().finite(),
  /** Footnote marks, "±0.3", "best" (bold) and the like, kept apart from the number. */
  annotations: z.array(z.string()).default([]),
  /** Where the number was read: the page, and the table or section there. */
  sourceUrl: WebUrl.optional(),
  table: z.string().optional(),
  /** Set on a card: this row is the card's own model (not a baseline it is compared with). */
  own: z.boolean().optional(),
  verified: z.boolean().optional(),
  source: SourceRef.optional(),
});
export type BenchmarkResult = z.infer<typeof BenchmarkResult>;
