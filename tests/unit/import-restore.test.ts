import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { openSurveyDb, type SurveyDb } from '../../lib/db/database';
import { LATEST_VERSION } from '../../lib/db/schema-versions';
import { BACKUP_FORMAT, makeBackup, withBytes, type BackupData } from '../../lib/export/backup';
import { bytesToBase64 } from '../../lib/util/base64';
import { applyPlan, BackupError, checkBackupSize, parseBackup, planRestore } from '../../lib/import/restore';
import { countWrites, writeRestore } from '../../lib/import/write';
import type { Card } from '../../lib/schema';
import { FIXED_NOW } from '../helpers';
import { generateLibrary, type Library } from '../fixtures/export/library';

const MB = 1024 * 1024;
const LIMIT = { maxBytes: 200 * MB };
const opened: SurveyDb[] = [];
let dbCount = 0;

function freshDb(): SurveyDb {
  const db = openSurveyDb(`restore-test-${++dbCount}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

async function data(lib: Library): Promise<BackupData> {
  return { cards: lib.cards, captures: lib.captures, annotations: lib.annotations, assets: await withBytes(lib.assets) };
}

async function existing(db: SurveyDb) {
  return {
    cards: await db.cards.toArray(),
    captures: await db.captures.toArray(),
    annotations: await db.annotations.toArray(),
    assetIds: (await db.assets.toCollection().primaryKeys()) as string[],
  };
}

/** The whole restore as the options page does it: check, plan, pick, write in one transaction. */
async function restore(db: SurveyDb, input: Uint8Array | string, choice: 'keep-local' | 'take-backup' = 'keep-local', opts = LIMIT) {
  const parsed = parseBackup(input, opts);
  const plan = planRestore(parsed, await existing(db));
  const writes = applyPlan(plan, choice);
  const written = await writeRestore(db, writes);
  return { parsed, plan, writes, written };
}

/** Everything in the store, blobs as base64, for before/after comparison. */
async function snapshot(db: SurveyDb): Promise<string> {
  const assets = await Promise.all(
    (await db.assets.toArray()).map(async ({ blob, ...a }) => ({ ...a, bytes: bytesToBase64(new Uint8Array(await blob.arrayBuffer())) })),
  );
  const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
  return JSON.stringify({
    cards: byId(await db.cards.toArray()),
    captures: byId(await db.captures.toArray()),
    annotations: byId(await db.annotations.toArray()),
    assets: byId(assets),
  });
}

async function expectError(p: () => unknown, code: BackupError['code'], message: RegExp) {
  let err: unknown;
  try {
    await p();
  } catch (e) {
    err = e;
  }
  expect(err, 'expected a BackupError').toBeInstanceOf(BackupError);
  expect((err as BackupError).code).toBe(code);
  expect((err as BackupError).message).toMatch(message);
}

const sorted = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));

describe('backup and restore: round trip', () => {
  it('restores a library of 300 cards with images into an empty store, equal to the original; a second restore writes nothing', async () => {
    const lib = generateLibrary(300);
    const backup = makeBackup(await data(lib), { now: FIXED_NOW });
    expect(backup).toBeInstanceOf(Uint8Array);

    const db = freshDb();
    const first = await restore(db, backup);
    expect(first.plan.counts).toEqual({
      cards: { new: 300, updated: 0, conflicting: 0, unchanged: 0 },
      captures: { new: 300, updated: 0, conflicting: 0, unchanged: 0 },
      annotations: { new: 100, updated: 0, conflicting: 0, unchanged: 0 },
      assets: { new: 450, updated: 0, conflicting: 0, unchanged: 0 },
    });
    expect(first.plan.missingAssets).toEqual([]);
    expect(first.written).toBe(300 + 300 + 100 + 450);

    expect(sorted(await db.cards.toArray())).toEqual(sorted(lib.cards));
    expect(sorted(await db.captures.toArray())).toEqual(sorted(lib.captures));
    expect(sorted(await db.annotations.toArray())).toEqual(sorted(lib.annotations));
    const stored = sorted(await db.assets.toArray());
    const original = sorted(lib.assets);
    expect(stored.map(({ blob: _b, ...m }) => m)).toEqual(original.map(({ blob: _b, ...m }) => m));
    for (let i = 0; i < stored.length; i++) {
      expect(stored[i].blob.type).toBe(original[i].mime);
      expect(new Uint8Array(await stored[i].blob.arrayBuffer())).toEqual(new Uint8Array(await original[i].blob.arrayBuffer()));
    }

    const before = await snapshot(db);
    const second = await restore(db, backup);
    for (const kind of ['cards', 'captures', 'annotations', 'assets'] as const) {
      expect(second.plan.counts[kind].unchanged).toBe(second.plan[kind].length);
    }
    expect(countWrites(second.writes)).toBe(0);
    expect(second.written).toBe(0);
    expect(await snapshot(db)).toBe(before);
  });

  it('gives the same file for the same library (sorted, dated by the export)', async () => {
    const lib = generateLibrary(20);
    const a = makeBackup(await data(lib), { now: FIXED_NOW });
    const b = makeBackup({ ...(await data(lib)), cards: [...lib.cards].reverse() }, { now: FIXED_NOW });
    expect(a).toEqual(b);
    const files = unzipSync(a);
    expect(Object.keys(files)[0]).toBe('backup.json');
    expect(Object.keys(files).filter((f) => f.startsWith('assets/'))).toHaveLength(30);
    const json = JSON.parse(new TextDecoder().decode(files['backup.json']));
    expect(json).toMatchObject({ format: BACKUP_FORMAT, version: 1, schemaVersion: LATEST_VERSION, exportedAt: FIXED_NOW.toISOString() });
    expect(json.assets[0]).not.toHaveProperty('blob');
  });

  it('reads the one-file JSON variant (images as base64) to the same data', async () => {
    const lib = generateLibrary(12);
    const json = makeBackup(await data(lib), { now: FIXED_NOW, as: 'json' });
    expect(typeof json).toBe('string');
    const fromJson = parseBackup(json, LIMIT);
    const fromZip = parseBackup(makeBackup(await data(lib), { now: FIXED_NOW }), LIMIT);
    expect(fromJson).toEqual(fromZip);
    expect(parseBackup(strToU8(json), LIMIT)).toEqual(fromZip);
  });

  it('fills fields added since an older database version with their defaults', async () => {
    const lib = generateLibrary(2);
    const json = JSON.parse(makeBackup(await data(lib), { now: FIXED_NOW, as: 'json' }));
    json.schemaVersion = 1;
    delete json.cards[0].facts;
    const parsed = parseBackup(JSON.stringify(json), LIMIT);
    expect(parsed.cards[0].facts).toEqual({ org: '', license: '', parameters: null, architectures: [], modelType: '', contextLength: null, baseModels: [] });
  });
});

describe('backup and restore: conflicts', () => {
  async function seeded() {
    const lib = generateLibrary(6);
    const backup = makeBackup(await data(lib), { now: FIXED_NOW });
    const db = freshDb();
    await restore(db, backup);
    return { lib, backup, db };
  }
  const later = (c: Card, minutes: number) => new Date(Date.parse(c.updatedAt) + minutes * 60_000).toISOString();

  it('plans new, updated, conflicting and unchanged items, and writes what the choice says', async () => {
    const { lib, backup, db } = await seeded();
    const [c0, c1, c2] = lib.cards;
    // Edited here after the backup: local newer.
    await db.cards.put({ ...c0, title: 'edited here', revision: c0.revision + 1, updatedAt: later(c0, 5) });
    // An older state of the backup's card: the backup is newer.
    await db.cards.put({ ...c1, title: 'older', revision: c1.revision - 1, updatedAt: later(c1, -5) });
    // Same revision, other content: both sides edited.
    await db.cards.put({ ...c2, notes: 'edited elsewhere' });
    // A capture that differs, and a card and an asset the store lost.
    await db.captures.put({ ...lib.captures[0], title: 'changed' });
    await db.cards.delete(lib.cards[5].id);
    await db.assets.delete(lib.assets[0].id);

    const parsed = parseBackup(backup, LIMIT);
    const plan = planRestore(parsed, await existing(db));
    const status = (id: string) => plan.cards.find((i) => i.id === id)!;
    expect(status(c0.id)).toMatchObject({ status: 'conflicting', reason: 'local-newer' });
    expect(status(c1.id).status).toBe('updated');
    expect(status(c2.id)).toMatchObject({ status: 'conflicting', reason: 'diverged' });
    expect(status(lib.cards[5].id).status).toBe('new');
    expect(plan.counts.cards).toEqual({ new: 1, updated: 1, conflicting: 2, unchanged: 2 });
    expect(plan.counts.captures).toEqual({ new: 0, updated: 0, conflicting: 1, unchanged: 5 });
    expect(plan.counts.assets.new).toBe(1);

    const keep = applyPlan(plan, 'keep-local');
    expect(keep.cards.map((c) => c.id).sort()).toEqual([c1.id, lib.cards[5].id].sort());
    expect(keep.captures).toEqual([]);
    expect(keep.assets.map((a) => a.id)).toEqual([lib.assets[0].id]);

    const take = applyPlan(plan, 'take-backup');
    expect(take.cards.map((c) => c.id).sort()).toEqual([c0.id, c1.id, c2.id, lib.cards[5].id].sort());
    // The winner of a conflict gets a revision above both, so an editor holding the local one is refused.
    expect(take.cards.find((c) => c.id === c0.id)).toEqual({ ...c0, revision: c0.revision + 2 });
    expect(take.captures).toEqual([lib.captures[0]]);

    await writeRestore(db, take);
    const again = planRestore(parseBackup(backup, LIMIT), await existing(db));
    expect(countWrites(applyPlan(again, 'take-backup'))).toBe(0);
  });

  it('writes all or nothing: a failing row leaves the store as it was', async () => {
    const { lib, db } = await seeded();
    const before = await snapshot(db);
    const bad = { ...lib.cards[1], id: undefined } as unknown as Card;
    await expect(writeRestore(db, { cards: [{ ...lib.cards[0], title: 'new title' }, bad], captures: [], annotations: [], assets: [] })).rejects.toThrow();
    expect(await snapshot(db)).toBe(before);
  });
});

describe('backup and restore: bad files', () => {
  let db: SurveyDb;
  let goodZip: Uint8Array;
  let goodJson: string;
  let lib: Library;

  async function setup() {
    lib = generateLibrary(8);
    goodZip = makeBackup(await data(lib), { now: FIXED_NOW });
    goodJson = makeBackup(await data(lib), { now: FIXED_NOW, as: 'json' });
    db = freshDb();
    await restore(db, makeBackup(await data(generateLibrary(3)), { now: FIXED_NOW }));
  }

  /** Each bad file: its own error, and the store exactly as before. */
  async function refused(input: Uint8Array | string, code: BackupError['code'], message: RegExp, opts = LIMIT) {
    const before = await snapshot(db);
    await expectError(() => restore(db, input, 'take-backup', opts), code, message);
    expect(await snapshot(db)).toBe(before);
  }

  const editJson = (edit: (j: Record<string, any>) => void) => {
    const j = JSON.parse(goodJson);
    edit(j);
    return JSON.stringify(j);
  };
  const editZip = (edit: (files: Zippable & Record<string, Uint8Array>) => void) => {
    const files = unzipSync(goodZip) as Zippable & Record<string, Uint8Array>;
    edit(files);
    return zipSync(files);
  };

  it('refuses a file that is not JSON', async () => {
    await setup();
    await refused('this is not a backup', 'not-json', /neither a backup zip nor JSON/);
    await refused(new Uint8Array(await (await import('node:fs/promises')).readFile('public/icon/16.png')), 'not-json', /neither a backup zip nor JSON/);
    await refused(editZip((f) => (f['backup.json'] = strToU8('{"format": "llm-survey-cards-backup",'))), 'not-json', /backup\.json inside this zip is not JSON/);
  });

  it('refuses JSON of another shape, naming the first wrong fields', async () => {
    await setup();
    await refused(JSON.stringify({ hello: 'world', items: [] }), 'wrong-shape', /not a backup of LLM Survey Cards.*"hello", "items"/);
    await refused(JSON.stringify([1, 2]), 'wrong-shape', /not a backup of LLM Survey Cards/);
    const broken = editJson((j) => {
      j.cards[1].revision = 'seven';
      delete j.cards[2].title;
      j.captures[0].url = 'javascript:alert(1)';
      j.annotations[0].quote.exact = '';
    });
    await refused(broken, 'wrong-shape', /wrong or missing fields: cards\[1\] \(id "card-0001"\)\.revision: .*; cards\[2\] \(id "card-0002"\)\.title: .*; captures\[0\] \(id "cap-0"\)\.url: not an http\(s\) URL; annotations\[0\] \(id "ann-0"\)\.quote\.exact/);
    const many = editJson((j) => j.cards.forEach((c: Record<string, unknown>) => (c.revision = -1)));
    await refused(many, 'wrong-shape', /\(and 3 more\)/);
    await refused(editJson((j) => (j.cards[3].id = j.cards[2].id)), 'wrong-shape', /cards id "card-0002" twice/);
    await refused(editZip((f) => delete f['backup.json']), 'wrong-shape', /holds no backup\.json/);
  });

  it('refuses a backup from a newer version and says to update the extension', async () => {
    await setup();
    await refused(editJson((j) => (j.version = 2)), 'newer-version', /newer version of LLM Survey Cards \(backup format 2, database version \d+\).*reads backup format 1.*Update the extension/);
    // The version is checked before the shape: a newer file with other fields still gets this message.
    await refused(editJson((j) => ((j.schemaVersion = LATEST_VERSION + 1), (j.cards = 'elsewhere'))), 'newer-version', new RegExp(`database version ${LATEST_VERSION + 1}\\).*Update the extension`));
  });

  it('refuses a truncated zip', async () => {
    await setup();
    await refused(goodZip.slice(0, Math.floor(goodZip.length * 0.6)), 'truncated-zip', /incomplete or damaged.*not downloaded or copied completely/);
    await refused(goodZip.slice(0, goodZip.length - 5), 'truncated-zip', /incomplete or damaged/);
    await refused(goodZip.slice(0, 10), 'truncated-zip', /incomplete or damaged/);
  });

  it('refuses an asset that is not an image, naming it', async () => {
    await setup();
    const first = JSON.parse(new TextDecoder().decode(unzipSync(goodZip)['backup.json'])).assets[0];
    // Same size, so only the bytes give it away.
    await refused(editZip((f) => (f[first.file] = new Uint8Array(f[first.file].length).fill(0x41))), 'not-image', new RegExp(`Asset "${first.id}" \\("Demo 0 示例"\\) is not an image`));
    await refused(editZip((f) => (f[first.file] = strToU8('short'))), 'bad-asset', new RegExp(`Asset "${first.id}".*has 5 bytes where the backup recorded \\d+`));
    await refused(editZip((f) => delete f[first.file]), 'bad-asset', new RegExp(`refers to ${first.file}, which is not in the backup`));
    await refused(editJson((j) => (j.assets[0].data = btoa('<svg onload=alert(1)>'))), 'not-image', /Asset "asset-0-0" \("Demo 0 示例"\) is not an image/);
    await refused(editJson((j) => (j.assets[0].data = 'not base64!')), 'bad-asset', /Asset "asset-0-0".*not valid base64/);
  });

  it('refuses a file over the limit before reading it, saying its size and the limit', async () => {
    await setup();
    await refused(new Uint8Array(200 * MB), 'too-large', /The file is 200\.0 MB; backups up to 100\.0 MB can be restored/, { maxBytes: 100 * MB });
    // Not one byte is read: a 200 MB "file" whose bytes throw when touched.
    const untouchable = new Proxy(new Uint8Array(4), {
      get: (t, k) => (k === 'length' ? 200 * MB : typeof k === 'string' && /^\d+$/.test(k) ? (() => { throw new Error('read a byte'); })() : Reflect.get(t, k)),
    });
    await refused(untouchable, 'too-large', /The file is 200\.0 MB/, { maxBytes: 100 * MB });
    // A small zip that unpacks to more than the limit (a zip bomb) is refused before inflating.
    const bomb = zipSync({ 'backup.json': new Uint8Array(3 * MB) });
    expect(bomb.length).toBeLessThan(MB);
    await refused(bomb, 'too-large', /The file is 3\.0 MB; backups up to 1\.0 MB/, { maxBytes: 1 * MB });
    // The UI checks File.size with the same message before reading the file.
    expect(() => checkBackupSize(250 * MB, 200 * MB)).toThrow(/The file is 250\.0 MB; backups up to 200\.0 MB can be restored/);
  });
});
