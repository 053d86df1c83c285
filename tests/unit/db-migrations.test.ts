import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSurveyDb } from '../../lib/db/database';
import { LATEST_VERSION, SCHEMA_VERSIONS } from '../../lib/db/schema-versions';
import { Annotation, Asset, Capture, Card } from '../../lib/schema';
import { newCardFromCapture } from '../../lib/cards/from-capture';
import { sampleCapture } from '../samples';

// The harness: every example database tests/fixtures/db/vN.json is written with the schema as it was at
// version N, then opened with the current schema. Whatever migrations ran, every row must still be there
// and pass today's validation. A new schema version adds its own example file and its own checks below.

const DIR = resolve(process.cwd(), 'tests/fixtures/db');
type Example = { version: number; tables: Record<string, Record<string, unknown>[]> };

function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (value && typeof value === 'object') {
    const b = (value as { $blob?: { type: string; base64: string } }).$blob;
    if (b) return new Blob([Buffer.from(b.base64, 'base64')], { type: b.type });
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)]));
  }
  return value;
}

const examples = readdirSync(DIR)
  .filter((f) => /^v\d+\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(resolve(DIR, f), 'utf8')) as Example);

const SCHEMAS = { cards: Card, captures: Capture, annotations: Annotation, assets: Asset } as const;

describe('store migrations', () => {
  it('has an example database for every schema version', () => {
    expect(examples.map((e) => e.version).sort()).toEqual(SCHEMA_VERSIONS.map((v) => v.version));
  });

  for (const ex of examples) {
    it(`opens the version ${ex.version} example with the current schema (v${LATEST_VERSION}), losing nothing`, async () => {
      const name = `migration-v${ex.version}-${Math.random()}`;
      const old = openSurveyDb(name, ex.version);
      await old.open();
      for (const [table, rows] of Object.entries(ex.tables)) await old.table(table).bulkAdd(revive(rows) as object[]);
      old.close();

      const db = openSurveyDb(name);
      await db.open();
      expect(db.verno).toBe(LATEST_VERSION);
      for (const [table, rows] of Object.entries(ex.tables)) {
        const now = await db.table(table).toArray();
        expect(now.map((r) => r.id).sort(), table).toEqual(rows.map((r) => r.id).sort());
        for (const row of now) {
          const parsed = SCHEMAS[table as keyof typeof SCHEMAS].safeParse(row);
          expect(parsed.success, `${table} ${row.id}: ${parsed.error?.message}`).toBe(true);
        }
      }
      // What the user typed and the images survive byte for byte.
      const card = await db.cards.get('card-1');
      expect(card?.fields.architecture.value).toBe('Decoder-only.');
      expect(card?.revision).toBe(3);
      const asset = await db.assets.get('asset-1');
      expect(asset?.blob.size).toBe(Buffer.from((ex.tables.assets[0].blob as { $blob: { base64: string } }).$blob.base64, 'base64').length);
      // Indexes used by queries work on migrated rows.
      expect((await db.cards.where('identity.arxivIds').equals('2401.00001').toArray()).map((c) => c.id)).toEqual(['card-1']);
      db.close();
    });
  }

  it('v1 → v2 gives each card the facts of the model pages it was captured from', async () => {
    const name = `migration-facts-${Math.random()}`;
    const old = openSurveyDb(name, 1);
    await old.open();
    const capture = { ...sampleCapture({ id: 'cap-hf', site: 'huggingface', url: 'https://huggingface.co/example/Tiny-LM' }), model: { id: 'example/Tiny-LM', name: 'Tiny-LM', org: 'example', license: 'mit', parameters: 1.1e9, architectures: ['LlamaForCausalLM'], modelType: 'llama', contextLength: 2048, baseModels: ['example/base'], pipelineTag: '' } };
    const card = newCardFromCapture(capture, 'card-hf', new Date('2026-01-01T00:00:00.000Z')) as Record<string, unknown>;
    delete card.facts; // as a v1 card was stored
    await old.table('captures').add(capture);
    await old.table('cards').add(card);
    old.close();
    const db = openSurveyDb(name);
    const migrated = await db.cards.get('card-hf');
    expect(migrated?.facts).toEqual({ org: 'example', license: 'mit', parameters: 1.1e9, architectures: ['LlamaForCausalLM'], modelType: 'llama', contextLength: 2048, baseModels: ['example/base'] });
    expect((await db.cards.where('facts.org').equals('example').toArray()).map((c) => c.id)).toEqual(['card-hf']);
    db.close();
  });
});
