import { Capture, Card } from '../schema';
import { mergeCaptureIntoCard, type MergeReport } from '../cards/merge';
import { newCardFromCapture } from '../cards/from-capture';
import { detachCapture } from '../cards/detach';
import { linkedModelIds, modelKey, modelNameKey, proposeCards, type Proposal } from '../cards/identity';
import type { SurveyDb } from './database';
import { LibraryIndex, summarise, type CardSummary, type LibraryPage, type LibraryQuery } from './library-index';

export class StoreError extends Error {
  constructor(
    readonly code: 'not-found' | 'conflict' | 'quota' | 'invalid',
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/** Turns IndexedDB's failures into messages a person can act on. */
function explain(e: unknown): never {
  if (e instanceof StoreError) throw e;
  const err = e as { name?: string; inner?: { name?: string }; message?: string };
  const name = err.inner?.name ?? err.name;
  if (name === 'QuotaExceededError') {
    throw new StoreError('quota', 'The browser refused to store more data (disk or quota full). Nothing was changed; free some space or delete old cards and try again.');
  }
  throw e;
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    explain(e);
  }
}

const INDEX_SLICE = 400;

/** Card and capture storage: every write validated, every card write checked against the revision it edited. */
export class CardsRepo {
  private indexReady: Promise<LibraryIndex> | null = null;

  constructor(private db: SurveyDb) {}

  /** The library index, built once from the store and kept in step by every write below. */
  index(): Promise<LibraryIndex> {
    this.indexReady ??= this.buildIndex();
    return this.indexReady;
  }

  /** Reads the store in slices, yielding between them, so requests that arrive meanwhile are answered. */
  private async buildIndex(): Promise<LibraryIndex> {
    const index = new LibraryIndex();
    let last: string | null = null;
    for (;;) {
      const slice: Card[] = await (last === null ? this.db.cards.orderBy(':id') : this.db.cards.where(':id').above(last)).limit(INDEX_SLICE).toArray();
      slice.forEach((c) => index.put(c));
      if (slice.length < INDEX_SLICE) return index;
      last = slice[slice.length - 1].id;
      await new Promise((r) => setTimeout(r, 0));
    }
  }

  private async indexed(cards: Card[], removed: string[] = []): Promise<void> {
    if (!this.indexReady) return;
    const index = await this.indexReady;
    cards.forEach((c) => index.put(c));
    removed.forEach((id) => index.remove(id));
  }

  private built: LibraryIndex | null = null;

  /** A card written elsewhere (a quote sent to a field): bring the index up to date. */
  async refreshed(card: Card): Promise<void> {
    await this.indexed([card]);
  }

  /** After a bulk write outside this repo (a restore): rebuild the index from the store. */
  resetIndex(): void {
    this.indexReady = null;
    this.built = null;
  }

  /** Every card id the query matches, in its order (export and select-all). */
  async ids(q: LibraryQuery): Promise<string[]> {
    return (await this.index()).query({ ...q, offset: 0, limit: Number.MAX_SAFE_INTEGER }).items.map((c) => c.id);
  }

  async query(q: LibraryQuery): Promise<LibraryPage> {
    if (this.built) return this.built.query(q);
    // Start the build after this answer is on its way, not in front of it.
    const building = new Promise<void>((r) => setTimeout(r, 0)).then(() => this.index()).then((i) => (this.built = i));
    // The plain list needs no index: the store's own updatedAt index answers at once while the
    // search index is built (seconds for ten thousand cards); facets follow when it is ready.
    if (!q.text.trim() && !Object.values(q.filters).some((v) => v != null && v !== '') && q.sort === 'updated') {
      const [total, cards] = await Promise.all([this.db.cards.count(), this.db.cards.orderBy('updatedAt').reverse().offset(q.offset).limit(q.limit).toArray()]);
      return { total, items: cards.map(summarise), facets: { orgs: [], tags: [], sites: [], benchmarks: [] }, indexing: true };
    }
    return (await building).query(q);
  }

  /** The most recently changed cards, read straight from the store's index (no full scan). */
  async recent(limit: number): Promise<CardSummary[]> {
    return (await this.db.cards.orderBy('updatedAt').reverse().limit(limit).toArray()).map(summarise);
  }

  async get(id: string): Promise<Card> {
    const card = await this.db.cards.get(id);
    if (!card) throw new StoreError('not-found', `No card with id ${id}; it may have been deleted.`);
    return card;
  }

  async getMany(ids: string[]): Promise<Card[]> {
    return (await this.db.cards.bulkGet(ids)).filter((c): c is Card => !!c);
  }

  async captures(ids: string[]): Promise<Capture[]> {
    return (await this.db.captures.bulkGet(ids)).filter((c): c is Capture => !!c);
  }

  /** Candidate cards through the store's identity indexes, then ranked by the identity rules. */
  async propose(capture: Capture): Promise<Proposal[]> {
    const c = Capture.parse(capture);
    const own = c.model.id ? modelKey(c.model.id) : '';
    const linked = linkedModelIds(c);
    const arxiv = c.paper.arxivId.replace(/v\d+$/, '');
    const known = (await this.db.cards.orderBy('identity.modelIds').uniqueKeys()) as string[];
    const models = known.filter((k) => (own && modelNameKey(k) === modelNameKey(own)) || linked.includes(k));
    const candidates = new Map<string, Card>();
    if (models.length) (await this.db.cards.where('identity.modelIds').anyOf(models).toArray()).forEach((x) => candidates.set(x.id, x));
    if (arxiv) (await this.db.cards.where('identity.arxivIds').equals(arxiv).toArray()).forEach((x) => candidates.set(x.id, x));
    return proposeCards([...candidates.values()], c);
  }

  /** Stores the capture and a new card made from it, together or not at all. */
  async saveAsNewCard(capture: Capture, cardId: string, now: Date): Promise<Card> {
    const c = Capture.parse(capture);
    const card = Card.parse({ ...newCardFromCapture(c, cardId, now), revision: 1 });
    await guarded(() =>
      this.db.transaction('rw', this.db.cards, this.db.captures, async () => {
        await this.db.captures.put(c);
        await this.db.cards.add(card);
      }),
    );
    await this.indexed([card]);
    return card;
  }

  async mergeInto(capture: Capture, cardId: string, now: Date): Promise<{ card: Card; report: MergeReport }> {
    const c = Capture.parse(capture);
    const res = await guarded(() =>
      this.db.transaction('rw', this.db.cards, this.db.captures, async () => {
        const current = await this.get(cardId);
        const { card, report } = mergeCaptureIntoCard(current, c, now);
        const next = Card.parse({ ...card, revision: current.revision + 1 });
        await this.db.captures.put(c);
        await this.db.cards.put(next);
        return { card: next, report };
      }),
    );
    await this.indexed([res.card]);
    return res;
  }

  /** Writes an edited card if nobody else wrote it since `baseRevision`; otherwise says who won. */
  async update(edited: Card, baseRevision: number, now: Date): Promise<Card> {
    const parsed = Card.parse(edited);
    const card = await guarded(() =>
      this.db.transaction('rw', this.db.cards, async () => {
        const current = await this.get(parsed.id);
        if (current.revision !== baseRevision) {
          throw new StoreError(
            'conflict',
            `This card was changed elsewhere (revision ${current.revision}, you edited ${baseRevision}). Reload it to see the other change, or save again to keep yours.`,
          );
        }
        const next = Card.parse({ ...parsed, revision: current.revision + 1, updatedAt: now.toISOString() });
        await this.db.cards.put(next);
        return next;
      }),
    );
    await this.indexed([card]);
    return card;
  }

  async detach(cardId: string, captureId: string, baseRevision: number, now: Date): Promise<Card> {
    const card = await guarded(() =>
      this.db.transaction('rw', this.db.cards, this.db.captures, async () => {
        const current = await this.get(cardId);
        if (current.revision !== baseRevision) throw new StoreError('conflict', `This card was changed elsewhere (revision ${current.revision}); reload it and detach again.`);
        if (!current.captureIds.includes(captureId)) throw new StoreError('not-found', 'That capture is not attached to this card.');
        const remaining = await this.captures(current.captureIds);
        const next = Card.parse({ ...detachCapture(current, captureId, remaining, now), revision: current.revision + 1 });
        await this.db.cards.put(next);
        return next;
      }),
    );
    await this.indexed([card]);
    return card;
  }

  /** Deletes cards and hands them back, so the user can undo. */
  async removeMany(ids: string[]): Promise<Card[]> {
    const gone = await guarded(() =>
      this.db.transaction('rw', this.db.cards, async () => {
        const cards = await this.getMany(ids);
        await this.db.cards.bulkDelete(cards.map((c) => c.id));
        return cards;
      }),
    );
    await this.indexed([], gone.map((c) => c.id));
    return gone;
  }

  /** Puts deleted cards back as they were (undo). */
  async restore(cards: Card[]): Promise<string[]> {
    const parsed = cards.map((c) => Card.parse(c));
    await guarded(() => this.db.cards.bulkPut(parsed));
    await this.indexed(parsed);
    return parsed.map((c) => c.id);
  }

  /** Appends an image to a card's 效果展示 (a screenshot taken for it). */
  async addImage(cardId: string, assetId: string, caption: string, now: Date): Promise<Card> {
    const card = await guarded(() =>
      this.db.transaction('rw', this.db.cards, async () => {
        const current = await this.get(cardId);
        const next = Card.parse({ ...current, images: [...current.images, { assetId, caption }], revision: current.revision + 1, updatedAt: now.toISOString() });
        await this.db.cards.put(next);
        return next;
      }),
    );
    await this.indexed([card]);
    return card;
  }

  async tag(ids: string[], add: string[], remove: string[], now: Date): Promise<Card[]> {
    const changed = await guarded(() =>
      this.db.transaction('rw', this.db.cards, async () => {
        const cards = await this.getMany(ids);
        const next = cards.map((c) =>
          Card.parse({
            ...c,
            tags: [...new Set([...c.tags.filter((t) => !remove.includes(t)), ...add])],
            revision: c.revision + 1,
            updatedAt: now.toISOString(),
          }),
        );
        await this.db.cards.bulkPut(next);
        return next;
      }),
    );
    await this.indexed(changed);
    return changed;
  }
}
