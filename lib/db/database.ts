import Dexie, { type EntityTable } from 'dexie';
import type { Annotation, Asset, Capture, Card } from '../schema';
import { DB_NAME, SCHEMA_VERSIONS } from './schema-versions';

export type SurveyDb = Dexie & {
  cards: EntityTable<Card, 'id'>;
  captures: EntityTable<Capture, 'id'>;
  annotations: EntityTable<Annotation, 'id'>;
  assets: EntityTable<Asset, 'id'>;
};

/** Opens the store with every schema version up to `upTo` (all of them by default; tests pin older ones). */
export function openSurveyDb(name = DB_NAME, upTo = Infinity): SurveyDb {
  const db = new Dexie(name) as SurveyDb;
  for (const v of SCHEMA_VERSIONS) {
    if (v.version > upTo) break;
    const version = db.version(v.version).stores(v.stores);
    if ('upgrade' in v) version.upgrade(v.upgrade);
  }
  return db;
}
