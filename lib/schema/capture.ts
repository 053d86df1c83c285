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
});
export type ModelInfo = z.infer<typeof ModelInfo>;

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
  warnings: z.array(z.string()).default([]),
});
export type Capture = z.infer<typeof Capture>;
export type CaptureInput = z.input<typeof Capture>;
