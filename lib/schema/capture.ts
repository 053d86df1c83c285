import { z } from './zod';
import { Site, Timestamp, WebUrl } from './common';
import { BenchmarkResult } from './benchmark';

export const CapturedLink = z.object({ url: WebUrl, label: z.string().default('') });
export type CapturedLink = z.infer<typeof CapturedLink>;

export const CaptureLinks = z.object({
  paper: z.array(CapturedLink).default([]),
  code: z.array(CapturedLink).default([]),
  model: z.array(CapturedLink).default([]),
  dataset: z.array(CapturedLink).default([]),
  other: z.array(CapturedLink).default([]),
});
export type CaptureLinks = z.infer<typeof CaptureLinks>;

export const PaperInfo = z.object({
  arxivId: z.string().default(''),
  /** Version shown on the page ("v7"), when the page says. */
  version: z.string().default(''),
  title: z.string().default(''),
  authors: z.array(z.string()).default([]),
  /** First-version date, YYYY-MM-DD. */
  published: z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/).default(''),
  updated: z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/).default(''),
  abstract: z.string().default(''),
  comments: z.string().default(''),
  categories: z.array(z.string()).default([]),
  doi: z.string().default(''),
});
export type PaperInfo = z.infer<typeof PaperInfo>;

export const ModelInfo = z.object({
  /** Hub id "org/name" when the page is a model page. */
  id: z.string().default(''),
  name: z.string().default(''),
  org: z.string().default(''),
  license: z.string().default(''),
  /** Parameter count, when the hub or the card states it. */
  parameters: z.number().nonnegative().nullable().default(null),
  architectures: z.array(z.string()).default([]),
  modelType: z.string().default(''),
  contextLength: z.number().int().positive().nullable().default(null),
  baseModels: z.array(z.string()).default([]),
  pipelineTag: z.string().default(''),
});
export type ModelInfo = z.infer<typeof ModelInfo>;

export const SUGGESTABLE_FIELDS = ['architecture', 'training', 'evaluation', 'showcase'] as const;

/** A section of the page offered (not forced) as text for a card field. */
export const SectionSuggestion = z.object({
  heading: z.string(),
  text: z.string(),
  field: z.enum(SUGGESTABLE_FIELDS),
});
export type SectionSuggestion = z.infer<typeof SectionSuggestion>;

/** A table as read, for the user to see; results tables also feed `benchmarks`. */
export const CapturedTable = z.object({
  caption: z.string().default(''),
  kind: z.enum(['results', 'other']),
  rows: z.array(z.array(z.string())),
});
export type CapturedTable = z.infer<typeof CapturedTable>;

/** What one extraction found on one page. Stored unchanged; cards are built from it. */
export const Capture = z.object({
  id: z.string().min(1),
  site: Site,
  /** Which extractor produced it ("arxiv-abs", "generic"). */
  extractor: z.string(),
  url: WebUrl,
  capturedAt: Timestamp,
  title: z.string(),
  description: z.string().default(''),
  links: CaptureLinks,
  paper: PaperInfo,
  model: ModelInfo,
  datasets: z.array(z.string()).default([]),
  benchmarks: z.array(BenchmarkResult).default([]),
  /** Plain text of the main content, for search and for the user to quote. */
  text: z.string().default(''),
  /** Who wrote it and when (articles): the author, the WeChat account, the publication date. */
  byline: z
    .object({ author: z.string().default(''), account: z.string().default(''), published: z.string().default('') })
    .default({ author: '', account: '', published: '' }),
  sections: z.array(SectionSuggestion).default([]),
  tables: z.array(CapturedTable).default([]),
  /** Image candidates for 效果展示. */
  images: z.array(z.object({ url: WebUrl, alt: z.string().default('') })).default([]),
  /** Kept only when the user asks to keep an in-page translation beside the original. */
  translations: z.array(z.object({ original: z.string(), translation: z.string(), lang: z.string().default('') })).default([]),
  warnings: z.array(z.string()).default([]),
});
export type Capture = z.infer<typeof Capture>;
export type CaptureInput = z.input<typeof Capture>;
