import { z } from './zod';

export const SITES = ['arxiv', 'huggingface', 'modelscope', 'wechat', 'generic'] as const;
export const Site = z.enum(SITES);
export type Site = z.infer<typeof Site>;

export const LINK_KINDS = ['paper', 'code', 'model', 'dataset', 'other'] as const;
export const LinkKind = z.enum(LINK_KINDS);
export type LinkKind = z.infer<typeof LinkKind>;

/** ISO-8601 timestamp (what Date#toISOString produces). */
export const Timestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);

/** Only web links survive: page data never gets to put javascript: or data: URLs in a card. */
export const WebUrl = z
  .string()
  .max(4096)
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'not an http(s) URL');

/** Where a value came from: a capture, an annotation, or the user's own typing. */
export const SourceRef = z.object({
  kind: z.enum(['capture', 'annotation', 'user', 'import']),
  id: z.string().optional(),
  url: WebUrl.optional(),
  at: Timestamp,
});
export type SourceRef = z.infer<typeof SourceRef>;
