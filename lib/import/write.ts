import type { SurveyDb } from '../db/database';
import type { RestoreWrites } from './plan';

export const countWrites = (w: RestoreWrites) => w.cards.length + w.captures.length + w.annotations.length + w.assets.length;

/**
 * Writes a restore all or nothing: one transaction over the four tables, so a failure (quota, a bad row)
 * leaves the store as it was. Returns how many rows were written. A CardsRepo built before the restore
 * holds a stale library index: build a new one (or reload) afterwards.
 */
export async function writeRestore(db: SurveyDb, w: RestoreWrites): Promise<number> {
  const n = countWrites(w);
  if (!n) return 0;
  await db.transaction('rw', [db.cards, db.captures, db.annotations, db.assets], async () => {
    if (w.cards.length) await db.cards.bulkPut(w.cards);
    if (w.captures.length) await db.captures.bulkPut(w.captures);
    if (w.annotations.length) await db.annotations.bulkPut(w.annotations);
    if (w.assets.length) await db.assets.bulkPut(w.assets);
  });
  return n;
}
