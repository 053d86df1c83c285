import { z } from '../schema/zod';
import { Capture, Card } from '../schema';

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
  z.object({ type: z.literal('cards.list') }),
  z.object({ type: z.literal('cards.get'), id: z.string().min(1) }),
  z.object({ type: z.literal('cards.update'), card: Card, baseRevision: z.number().int().nonnegative() }),
  z.object({ type: z.literal('cards.delete'), id: z.string().min(1) }),
  z.object({ type: z.literal('net.fetch'), url: z.string().url() }),
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
  'capture.tab': { capture: Capture; proposals: Card[] };
  'capture.save': { card: Card; report?: MergeReportDto };
  'cards.list': Card[];
  'cards.get': { card: Card; captures: Capture[] };
  'cards.update': Card;
  'cards.delete': { id: string };
  'net.fetch': { ok: boolean; status: number; text: string; error?: string };
}

export const ERROR_CODES = ['bad-request', 'not-found', 'conflict', 'quota', 'capture-failed', 'forbidden', 'internal'] as const;
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

export type RequestOf<T extends RequestType> = Omit<Extract<Request, { type: T }>, 'type'>;
