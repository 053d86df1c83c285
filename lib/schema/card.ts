import { z } from './zod';
import { LinkKind, SourceRef, Timestamp, WebUrl } from './common';
import { BenchmarkResult } from './benchmark';
import { ModelInfo } from './capture';

/** The free-text fields of the users' template, in template order. */
export const TEXT_FIELDS = [
  'model', // 模型
  'paperTitle', // 论文
  'summary', // 论文简介
  'architecture', // 算法结构
  'training', // 训练方法
  'evaluation', // 评估报告 (text beside the results table)
  'showcase', // 效果展示 (text beside the images)
] as const;
export const TextFieldName = z.enum(TEXT_FIELDS);
export type TextFieldName = z.infer<typeof TextFieldName>;

/** A value that remembers where it came from; a differing incoming value waits in `alternatives`. */
export const TextField = z.object({
  value: z.string().default(''),
  sources: z.array(SourceRef).default([]),
  alternatives: z.array(z.object({ value: z.string(), source: SourceRef })).default([]),
});
export type TextField = z.infer<typeof TextField>;

export const CardLink = z.object({
  url: WebUrl,
  label: z.string().default(''),
  sources: z.array(SourceRef).default([]),
});
export type CardLink = z.infer<typeof CardLink>;

export const CardDataset = z.object({
  name: z.string().min(1),
  url: WebUrl.optional(),
  sources: z.array(SourceRef).default([]),
});
export type CardDataset = z.infer<typeof CardDataset>;

export const CardImage = z.object({ assetId: z.string(), caption: z.string().default('') });

/** What a hub page says about the model, kept on the card: the same fields as a capture's model info. */
export const ModelFacts = ModelInfo.pick({ org: true, license: true, parameters: true, architectures: true, modelType: true, contextLength: true, baseModels: true });
export type ModelFacts = z.infer<typeof ModelFacts>;
export const EMPTY_FACTS: ModelFacts = { org: '', license: '', parameters: null, architectures: [], modelType: '', contextLength: null, baseModels: [] };

const emptyField = () => ({ value: '', sources: [], alternatives: [] });

export const Card = z.object({
  id: z.string().min(1),
  /** Heading of the card's section: the model name, or the paper title until a model is known. */
  title: z.string(),
  fields: z.object(
    Object.fromEntries(TEXT_FIELDS.map((f) => [f, TextField.default(emptyField)])) as {
      [K in TextFieldName]: z.ZodDefault<typeof TextField>;
    },
  ),
  links: z.record(LinkKind, z.array(CardLink)).default({
    paper: [],
    code: [],
    model: [],
    dataset: [],
    other: [],
  }),
  datasets: z.array(CardDataset).default([]),
  /** Facts about the model from hub pages (filled when empty, never overwritten by a capture). */
  facts: ModelFacts.default(EMPTY_FACTS),
  benchmarks: z.array(BenchmarkResult).default([]),
  /** Identity keys used to propose this card for a new capture. */
  identity: z
    .object({
      modelIds: z.array(z.string()).default([]),
      arxivIds: z.array(z.string()).default([]),
    })
    .default({ modelIds: [], arxivIds: [] }),
  tags: z.array(z.string()).default([]),
  notes: z.string().default(''),
  images: z.array(CardImage).default([]),
  captureIds: z.array(z.string()).default([]),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** Bumped on every write; a writer must name the revision it edited. */
  revision: z.number().int().nonnegative(),
});
export type Card = z.infer<typeof Card>;
export type CardInput = z.input<typeof Card>;

export const Annotation = z.object({
  id: z.string().min(1),
  url: WebUrl,
  quote: z.object({
    exact: z.string().min(1),
    prefix: z.string().default(''),
    suffix: z.string().default(''),
  }),
  position: z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }).optional(),
  note: z.string().default(''),
  cardId: z.string().optional(),
  /** The card field the quote was sent to ('notes' for the card's notes); none for a plain highlight. */
  field: z.union([TextFieldName, z.literal('notes')]).optional(),
  pageTitle: z.string().default(''),
  orphan: z.boolean().default(false),
  createdAt: Timestamp,
});
export type Annotation = z.infer<typeof Annotation>;

export const Asset = z.object({
  id: z.string().min(1),
  cardId: z.string().optional(),
  blob: z.instanceof(Blob),
  mime: z.string().regex(/^image\/(png|jpeg|webp|gif)$/),
  caption: z.string().default(''),
  sourceUrl: WebUrl.optional(),
  createdAt: Timestamp,
});
export type Asset = z.infer<typeof Asset>;
