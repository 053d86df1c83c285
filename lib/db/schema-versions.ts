/**
 * Every Dexie schema version the store has had, oldest first. A version is never edited once released:
 * a change adds a new entry (with its upgrade) and an example database under tests/fixtures/db.
 */
export const SCHEMA_VERSIONS = [
  {
    version: 1,
    stores: {
      cards: 'id, updatedAt, title, *tags, *identity.modelIds, *identity.arxivIds',
      captures: 'id, url, site, capturedAt',
      annotations: 'id, url, cardId, createdAt',
      assets: 'id, cardId',
    },
  },
] as const;

export const DB_NAME = 'llm-survey-cards';
export const LATEST_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1].version;
