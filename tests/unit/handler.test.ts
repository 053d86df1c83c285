import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openSurveyDb, type SurveyDb } from '../../lib/db/database';
import { CardsRepo } from '../../lib/db/cards-repo';
import { AssetsRepo } from '../../lib/db/assets-repo';
import { AnnotationsRepo } from '../../lib/db/annotations-repo';
import { handleMessage, UserFacingError, type HandlerDeps } from '../../lib/messaging/handler';
import type { Card } from '../../lib/schema';
import { FIXED_NOW } from '../helpers';
import { sampleCapture } from '../samples';

let db: SurveyDb;
let deps: HandlerDeps;
let changed: string[][];
let ids = 0;

async function snapshot() {
  return { cards: await db.cards.toArray(), captures: await db.captures.toArray() };
}

beforeEach(async () => {
  db = openSurveyDb(`handler-${Math.random()}`);
  changed = [];
  deps = {
    repo: new CardsRepo(db),
    assets: new AssetsRepo(db),
    annotations: new AnnotationsRepo(db),
    translate: async (text, target) => ({ text: `[${target}] ${text}`, via: 'endpoint' as const }),
    extractInTab: async () => sampleCapture(),
    fetchAllowed: async () => ({ ok: true, status: 200, text: '' }),
    screenshotRegion: async () => ({ bytes: new Uint8Array(readFileSync(resolve(process.cwd(), 'public/icon/16.png'))), pageUrl: 'https://arxiv.org/abs/2401.00001' }),
    newId: () => `card-${++ids}`,
    now: () => FIXED_NOW,
    notifyChanged: (x) => changed.push(x),
  };
});

async function ok<T>(p: Promise<{ ok: boolean; data?: unknown; error?: unknown }>): Promise<T> {
  const r = await p;
  expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
  return r.data as T;
}

describe('background message handler', () => {
  it('captures a tab, saves a new card, then merges a second capture into it', async () => {
    const { capture, proposals } = await ok<{ capture: ReturnType<typeof sampleCapture>; proposals: Card[] }>(
      handleMessage({ type: 'capture.tab', tabId: 3 }, deps),
    );
    expect(proposals).toEqual([]);
    const { card } = await ok<{ card: Card }>(handleMessage({ type: 'capture.save', capture, target: { kind: 'new' } }, deps));
    expect(card.revision).toBe(1);
    expect(changed).toEqual([[card.id]]);

    const second = sampleCapture({ id: 'cap-2', url: 'https://arxiv.org/abs/2401.00001v2' });
    deps.extractInTab = async () => second;
    const res2 = await ok<{ proposals: { card: Card }[] }>(handleMessage({ type: 'capture.tab', tabId: 3 }, deps));
    expect(res2.proposals.map((p) => p.card.id)).toEqual([card.id]);
    const merged = await ok<{ card: Card; report: { filled: string[] } }>(
      handleMessage({ type: 'capture.save', capture: second, target: { kind: 'merge', cardId: card.id } }, deps),
    );
    expect(merged.card.revision).toBe(2);
    expect(merged.card.captureIds).toEqual(['cap-a', 'cap-2']);
    expect(await db.captures.count()).toBe(2);
  });

  it.each([
    [null, 'Refused a message of type (none)'],
    ['capture', 'Refused a message of type (none)'],
    [{ type: 'cards.deleteMany' }, 'Refused a message of type "cards.deleteMany": ids:'],
    [{ type: 'capture.tab', tabId: 'one' }, 'Refused a message of type "capture.tab": tabId:'],
    [{ type: 'drop.database' }, 'Refused a message of type "drop.database"'],
  ])('refuses a message of the wrong shape (%j) and leaves the store as it was', async (msg, message) => {
    await handleMessage({ type: 'capture.save', capture: sampleCapture(), target: { kind: 'new' } }, deps);
    const before = await snapshot();
    const r = await handleMessage(msg, deps);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('bad-request');
      expect(r.error.message.startsWith(message)).toBe(true);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a capture whose data does not validate (a javascript: link smuggled in)', async () => {
    const bad = { ...sampleCapture(), links: { ...sampleCapture().links, code: [{ url: 'javascript:alert(1)', label: '' }] } };
    const r = await handleMessage({ type: 'capture.save', capture: bad, target: { kind: 'new' } }, deps);
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await db.cards.count()).toBe(0);
  });

  it('reports a page that breaks the capture, and what the extractor said', async () => {
    deps.extractInTab = async () => {
      throw new UserFacingError('capture-failed', 'Capture failed on example.com: boom');
    };
    expect(await handleMessage({ type: 'capture.tab', tabId: 1 }, deps)).toEqual({
      ok: false,
      error: { code: 'capture-failed', message: 'Capture failed on example.com: boom' },
    });
    deps.extractInTab = async () => ({ site: 'arxiv', title: 42 });
    const r = await handleMessage({ type: 'capture.tab', tabId: 1 }, deps);
    expect(r).toMatchObject({ ok: false, error: { code: 'capture-failed' } });
    if (!r.ok) expect(r.error.message).toMatch(/^The page gave a capture that does not hold together \(.+\)\. Nothing was saved\.$/);
  });

  it('rejects a stale edit with a conflict and keeps the newer card', async () => {
    const { card } = await ok<{ card: Card }>(handleMessage({ type: 'capture.save', capture: sampleCapture(), target: { kind: 'new' } }, deps));
    const a = structuredClone(card);
    a.fields.training.value = 'from the popup';
    const saved = await ok<Card>(handleMessage({ type: 'cards.update', card: a, baseRevision: card.revision }, deps));
    expect(saved.revision).toBe(2);
    const b = structuredClone(card);
    b.fields.training.value = 'from the options page';
    const r = await handleMessage({ type: 'cards.update', card: b, baseRevision: card.revision }, deps);
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await db.cards.get(card.id))?.fields.training.value).toBe('from the popup');
  });

  it('merging into a card that is gone says so', async () => {
    const r = await handleMessage({ type: 'capture.save', capture: sampleCapture(), target: { kind: 'merge', cardId: 'nope' } }, deps);
    expect(r).toEqual({ ok: false, error: { code: 'not-found', message: 'No card with id nope; it may have been deleted.' } });
    expect(await db.captures.count()).toBe(0);
  });

  it('a full disk gets a specific message and nothing is half-written', async () => {
    const { card } = await ok<{ card: Card }>(handleMessage({ type: 'capture.save', capture: sampleCapture(), target: { kind: 'new' } }, deps));
    const before = await snapshot();
    const original = db.cards.put.bind(db.cards);
    db.cards.put = (() => Promise.reject(Object.assign(new Error('quota'), { name: 'QuotaExceededError' }))) as never;
    const r = await handleMessage(
      { type: 'capture.save', capture: sampleCapture({ id: 'cap-9' }), target: { kind: 'merge', cardId: card.id } },
      deps,
    );
    db.cards.put = original;
    expect(r).toMatchObject({ ok: false, error: { code: 'quota' } });
    if (!r.ok) expect(r.error.message).toMatch(/disk or quota full\)\. Nothing was changed/);
    expect(await snapshot()).toEqual(before);
  });

  it('a region screenshot lands in the card\'s 效果展示; a cancelled one changes nothing', async () => {
    const { card } = await ok<{ card: Card }>(handleMessage({ type: 'capture.save', capture: sampleCapture(), target: { kind: 'new' } }, deps));
    const shot = await ok<{ cancelled: boolean; card: Card; assetId: string }>(handleMessage({ type: 'shot.region', tabId: 1, cardId: card.id, caption: 'demo' }, deps));
    expect(shot.card.images).toEqual([{ assetId: shot.assetId, caption: 'demo' }]);
    expect((await db.assets.get(shot.assetId))?.mime).toBe('image/png');
    deps.screenshotRegion = async () => null;
    const before = await snapshot();
    expect(await handleMessage({ type: 'shot.region', tabId: 1, cardId: card.id }, deps)).toEqual({ ok: true, data: { cancelled: true } });
    expect(await snapshot()).toEqual(before);
    const gone = await handleMessage({ type: 'shot.region', tabId: 1, cardId: 'nope' }, deps);
    expect(gone).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('a quote sent to a field lands there as a blockquote with its source, and the annotation is kept', async () => {
    const { card } = await ok<{ card: Card }>(handleMessage({ type: 'capture.save', capture: sampleCapture(), target: { kind: 'new' } }, deps));
    const res = await ok<{ annotation: { id: string }; card: Card }>(
      handleMessage(
        {
          type: 'annotations.add',
          annotation: { url: 'https://arxiv.org/abs/2401.00001', quote: { exact: 'We pre-train on 2T tokens.', prefix: 'Training. ', suffix: ' Then' }, position: { start: 10, end: 36 }, cardId: card.id, field: 'training', pageTitle: 'Tiny-LM' },
          translation: '我们在 2T 词元上预训练。',
        },
        deps,
      ),
    );
    expect(res.card.fields.training.value).toBe('> We pre-train on 2T tokens.\n>\n> 我们在 2T 词元上预训练。\n>\n> — [Tiny-LM](https://arxiv.org/abs/2401.00001)');
    expect(res.card.fields.training.sources.at(-1)).toMatchObject({ kind: 'annotation', id: res.annotation.id });
    expect((await handleMessage({ type: 'annotations.forUrl', url: 'https://arxiv.org/abs/2401.00001' }, deps)).ok).toBe(true);
    await handleMessage({ type: 'annotations.orphans', url: 'https://arxiv.org/abs/2401.00001', ids: [res.annotation.id] }, deps);
    expect((await db.annotations.get(res.annotation.id))?.orphan).toBe(true);
    // A highlight without a card is kept too; orphans are never deleted.
    expect((await db.annotations.count())).toBe(1);
  });
});
