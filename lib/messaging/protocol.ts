import { z } from '../schema/zod';
import { Annotation, Capture, Card, Site } from '../schema';
import type { Proposal } from '../cards/identity';
import type { CardSummary, LibraryPage } from '../db/library-index';

export const LibraryQuerySchema = z.object({
  text: z.string().max(1000).default(''),
  filters: z
    .object({
      org: z.string().optional(),
      tag: z.string().optional(),
      site: Site.optional(),
      paramsMin: z.number().nonnegative().optional(),
      paramsMax: z.number().nonnegative().optional(),
      benchmark: z.string().optional(),
    })
    .default({}),
  sort: z.enum(['updated', 'created', 'title', 'params', 'results']).default('updated'),
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

/** Every request the background answers, validated on arrival: pages and content scripts are not trusted. */
export const Request = z.discriminatedUnion('type', [
  z.object({ type: z.literal('capture.tab'), tabId: z.number().int().nonnegative() }),
  z.object({
    type: z.literal('capture.save'),
    capture: Capture,
    target: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('new') }),
      z.object({ kind: z.literal('merge'), cardId: z.string().min(1) }),
    ]),
  }),
  z.object({ type: z.literal('cards.query'), query: LibraryQuerySchema }),
  z.object({ type: z.literal('cards.recent'), limit: z.number().int().min(1).max(200) }),
  z.object({ type: z.literal('cards.get'), id: z.string().min(1) }),
  z.object({ type: z.literal('cards.getMany'), ids: z.array(z.string().min(1)).max(10_000) }),
  z.object({ type: z.literal('cards.ids'), query: LibraryQuerySchema }),
  z.object({ type: z.literal('library.reindex') }),
  z.object({ type: z.literal('cards.update'), card: Card, baseRevision: z.number().int().nonnegative() }),
  z.object({
    type: z.literal('cards.detach'),
    cardId: z.string().min(1),
    captureId: z.string().min(1),
    baseRevision: z.number().int().nonnegative(),
  }),
  z.object({ type: z.literal('cards.deleteMany'), ids: z.array(z.string().min(1)).min(1).max(10_000) }),
  z.object({ type: z.literal('cards.restore'), cards: z.array(Card).min(1).max(10_000) }),
  z.object({
    type: z.literal('cards.tag'),
    ids: z.array(z.string().min(1)).min(1).max(10_000),
    add: z.array(z.string().trim().min(1).max(100)).default([]),
    remove: z.array(z.string()).default([]),
  }),
  z.object({ type: z.literal('net.fetch'), url: z.string().url() }),
  z.object({
    type: z.literal('assets.add'),
    cardId: z.string().optional(),
    dataUrl: z.string().startsWith('data:').max(21 * 1024 * 1024),
    caption: z.string().max(1000).default(''),
  }),
  z.object({ type: z.literal('assets.get'), ids: z.array(z.string().min(1)).max(500) }),
  z.object({
    type: z.literal('annotations.add'),
    annotation: Annotation.omit({ id: true, createdAt: true, orphan: true }),
    translation: z.string().max(100_000).optional(),
  }),
  z.object({ type: z.literal('annotations.forUrl'), url: z.string().url() }),
  z.object({ type: z.literal('annotations.forCard'), cardId: z.string().min(1) }),
  z.object({ type: z.literal('annotations.orphans'), url: z.string().url(), ids: z.array(z.string()).max(10_000) }),
  z.object({ type: z.literal('annotations.delete'), id: z.string().min(1) }),
  z.object({ type: z.literal('translate.text'), text: z.string().min(1).max(50_000), target: z.enum(['zh', 'en']) }),
  z.object({
    type: z.literal('shot.region'),
    tabId: z.number().int().nonnegative(),
    cardId: z.string().min(1),
    caption: z.string().max(1000).default(''),
  }),
]);
export type Request = z.infer<typeof Request>;
export type RequestType = Request['type'];

export interface MergeReportDto {
  filled: string[];
  conflicts: string[];
  addedLinks: number;
  addedDatasets: number;
  addedBenchmarks: number;
}

/** What each request answers with. */
export interface ProtocolMap {
  'capture.tab': { capture: Capture; proposals: Pick<Proposal, 'card' | 'reason'>[] };
  'capture.save': { card: Card; report?: MergeReportDto };
  'cards.query': LibraryPage;
  'cards.recent': CardSummary[];
  'cards.get': { card: Card; captures: Capture[] };
  'cards.getMany': Card[];
  'cards.ids': string[];
  'library.reindex': { ok: true };
  'cards.update': Card;
  'cards.detach': Card;
  'cards.deleteMany': { deleted: Card[] };
  'cards.restore': { ids: string[] };
  'cards.tag': { ids: string[] };
  'net.fetch': { ok: boolean; status: number; text: string; error?: string };
  'assets.add': { assetId: string };
  'assets.get': { id: string; dataUrl: string; caption: string; mime: string }[];
  'annotations.add': { annotation: Annotation; card?: Card };
  'annotations.forUrl': Annotation[];
  'annotations.forCard': Annotation[];
  'annotations.orphans': { ok: true };
  'annotations.delete': { ok: true };
  'translate.text': { text: string; via: 'builtin' | 'endpoint' };
  'shot.region': { cancelled: true } | { cancelled: false; card: Card; assetId: string };
}

export const ERROR_CODES = ['bad-request', 'not-found', 'conflict', 'quota', 'capture-failed', 'forbidden', 'translate-failed', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type Reply<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };

export const ReplyEnvelope = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }) }),
]);

/** Broadcast to extension pages after any write, so the popup and the options page stay in step. */
export const CardsChanged = z.object({ type: z.literal('cards.changed'), ids: z.array(z.string()) });
export type CardsChanged = z.infer<typeof CardsChanged>;

/** What the injected extractor script hands back to the background. */
export const ExtractorReply = z.union([
  z.object({ ok: z.literal(true), capture: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

export type RequestOf<T extends RequestType> = Omit<z.input<typeof Request> & { type: T }, 'type'>;
