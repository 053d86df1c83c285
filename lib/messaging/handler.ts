import { Capture, type Card } from '../schema';
import { CardsRepo, StoreError } from '../db/cards-repo';
import type { AssetsRepo } from '../db/assets-repo';
import type { AnnotationsRepo } from '../db/annotations-repo';
import type { FetchResult } from '../extract/types';
import { Request, type ErrorCode, type ProtocolMap, type Reply } from './protocol';

/** A failure whose message is meant for the user as it is. */
export class UserFacingError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}

export interface HandlerDeps {
  repo: CardsRepo;
  assets: AssetsRepo;
  annotations: AnnotationsRepo;
  /** Translates through the endpoint the user configured (the background holds the key). */
  translate(text: string, target: 'zh' | 'en'): Promise<{ text: string; via: 'builtin' | 'endpoint' }>;
  /** Runs the extractor in a tab and returns what it reported (validated here). */
  extractInTab(tabId: number): Promise<unknown>;
  fetchAllowed(url: string): Promise<FetchResult>;
  /** Lets the user pick a region of the tab and returns it as PNG bytes, or null if they cancelled. */
  screenshotRegion(tabId: number): Promise<{ bytes: Uint8Array; pageUrl: string } | null>;
  newId(): string;
  now(): Date;
  notifyChanged(ids: string[]): void;
}

function describeZodIssues(e: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return e.issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || '(message)'}: ${i.message}`)
    .join('; ');
}

async function dispatch(req: Request, deps: HandlerDeps): Promise<ProtocolMap[Request['type']]> {
  const { repo } = deps;
  switch (req.type) {
    case 'capture.tab': {
      const raw = await deps.extractInTab(req.tabId);
      const parsed = Capture.safeParse(raw);
      if (!parsed.success) {
        throw new UserFacingError('capture-failed', `The page gave a capture that does not hold together (${describeZodIssues(parsed.error)}). Nothing was saved.`);
      }
      const proposals = (await repo.propose(parsed.data)).map(({ card, reason }) => ({ card, reason }));
      return { capture: parsed.data, proposals };
    }
    case 'capture.save': {
      if (req.target.kind === 'new') {
        const card = await repo.saveAsNewCard(req.capture, deps.newId(), deps.now());
        deps.notifyChanged([card.id]);
        return { card };
      }
      const { card, report } = await repo.mergeInto(req.capture, req.target.cardId, deps.now());
      deps.notifyChanged([card.id]);
      return { card, report };
    }
    case 'cards.query':
      return repo.query(req.query);
    case 'cards.recent':
      return repo.recent(req.limit);
    case 'cards.get': {
      const card: Card = await repo.get(req.id);
      return { card, captures: await repo.captures(card.captureIds) };
    }
    case 'cards.getMany':
      return repo.getMany(req.ids);
    case 'cards.ids':
      return repo.ids(req.query);
    case 'library.reindex':
      repo.resetIndex();
      deps.notifyChanged([]);
      return { ok: true as const };
    case 'cards.update': {
      const card = await repo.update(req.card, req.baseRevision, deps.now());
      deps.notifyChanged([card.id]);
      return card;
    }
    case 'cards.detach': {
      const card = await repo.detach(req.cardId, req.captureId, req.baseRevision, deps.now());
      deps.notifyChanged([card.id]);
      return card;
    }
    case 'cards.deleteMany': {
      const deleted = await repo.removeMany(req.ids);
      deps.notifyChanged(deleted.map((c) => c.id));
      return { deleted };
    }
    case 'cards.restore': {
      const ids = await repo.restore(req.cards);
      deps.notifyChanged(ids);
      return { ids };
    }
    case 'cards.tag': {
      const changed = await repo.tag(req.ids, req.add, req.remove, deps.now());
      deps.notifyChanged(changed.map((c) => c.id));
      return { ids: changed.map((c) => c.id) };
    }
    case 'net.fetch':
      return deps.fetchAllowed(req.url);
    case 'assets.add':
      return { assetId: await deps.assets.add({ id: deps.newId(), cardId: req.cardId, dataUrl: req.dataUrl, caption: req.caption }, deps.now()) };
    case 'assets.get':
      return deps.assets.get(req.ids);
    case 'annotations.add': {
      const { annotation, card } = await deps.annotations.add(
        { ...req.annotation, id: deps.newId(), createdAt: deps.now().toISOString(), orphan: false },
        req.annotation.pageTitle,
        req.translation,
        deps.now(),
      );
      if (card) {
        await repo.refreshed(card);
        deps.notifyChanged([card.id]);
      }
      return { annotation, card };
    }
    case 'annotations.forUrl':
      return deps.annotations.forUrl(req.url);
    case 'annotations.forCard':
      return deps.annotations.forCard(req.cardId);
    case 'annotations.orphans':
      await deps.annotations.setOrphans(req.url, req.ids);
      return { ok: true as const };
    case 'annotations.delete':
      await deps.annotations.remove(req.id);
      return { ok: true as const };
    case 'translate.text':
      return deps.translate(req.text, req.target);
    case 'shot.region': {
      await repo.get(req.cardId); // a card that is gone is said before the user drags anything
      const shot = await deps.screenshotRegion(req.tabId);
      if (!shot) return { cancelled: true as const };
      const assetId = await deps.assets.addBytes(
        { id: deps.newId(), cardId: req.cardId, bytes: shot.bytes, caption: req.caption, sourceUrl: /^https?:/.test(shot.pageUrl) ? shot.pageUrl : undefined },
        deps.now(),
      );
      const card = await repo.addImage(req.cardId, assetId, req.caption, deps.now());
      deps.notifyChanged([card.id]);
      return { cancelled: false as const, card, assetId };
    }
  }
}

/** Validates any incoming message and answers with a Reply; never throws. Unknown broadcasts are ignored. */
export async function handleMessage(raw: unknown, deps: HandlerDeps): Promise<Reply<unknown>> {
  const parsed = Request.safeParse(raw);
  if (!parsed.success) {
    const type = (raw as { type?: unknown } | null)?.type;
    return {
      ok: false,
      error: {
        code: 'bad-request',
        message: `Refused a message of type ${typeof type === 'string' ? `"${type}"` : '(none)'}: ${describeZodIssues(parsed.error)}.`,
      },
    };
  }
  try {
    return { ok: true, data: await dispatch(parsed.data, deps) };
  } catch (e) {
    if (e instanceof UserFacingError || e instanceof StoreError) {
      const code: ErrorCode = e instanceof StoreError ? (e.code === 'invalid' ? 'bad-request' : e.code) : e.code;
      return { ok: false, error: { code, message: e.message } };
    }
    const err = e as Error;
    if (err?.name === 'ZodError') {
      return { ok: false, error: { code: 'bad-request', message: `Data did not pass validation: ${describeZodIssues(e as never)}.` } };
    }
    return { ok: false, error: { code: 'internal', message: `Unexpected failure: ${err?.message ?? String(e)}` } };
  }
}
