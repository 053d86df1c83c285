import type { Transaction } from 'dexie';

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
  {
    // v2: the library filters by organisation and finds a capture's cards; v1 cards gain `facts`,
    // rebuilt from the model pages they were captured from.
    version: 2,
    stores: {
      cards: 'id, updatedAt, createdAt, title, *tags, *identity.modelIds, *identity.arxivIds, *captureIds, facts.org',
      captures: 'id, url, site, capturedAt',
      annotations: 'id, url, cardId, createdAt',
      assets: 'id, cardId',
    },
    upgrade: async (tx: Transaction) => {
      const captures = new Map<string, { model?: Record<string, unknown> }>();
      await tx.table('captures').each((c: { id: string; model?: Record<string, unknown> }) => captures.set(c.id, c));
      await tx
        .table('cards')
        .toCollection()
        .modify((card: { facts?: unknown; captureIds?: string[] }) => {
          if (card.facts) return;
          const facts = { org: '', license: '', parameters: null as number | null, architectures: [] as string[], modelType: '', contextLength: null as number | null, baseModels: [] as string[] };
          for (const id of card.captureIds ?? []) {
            const m = captures.get(id)?.model ?? {};
            const str = (k: string) => (typeof m[k] === 'string' ? (m[k] as string) : '');
            const arr = (k: string) => (Array.isArray(m[k]) ? (m[k] as string[]) : []);
            const num = (k: string) => (typeof m[k] === 'number' ? (m[k] as number) : null);
            facts.org ||= str('org');
            facts.license ||= str('license');
            facts.parameters ??= num('parameters');
            if (!facts.architectures.length) facts.architectures = arr('architectures');
            facts.modelType ||= str('modelType');
            facts.contextLength ??= num('contextLength');
            if (!facts.baseModels.length) facts.baseModels = arr('baseModels');
          }
          card.facts = facts;
        });
    },
  },
] as const;

export const DB_NAME = 'llm-survey-cards';
export const LATEST_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1].version;
