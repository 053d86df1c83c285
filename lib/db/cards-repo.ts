import { Capture, Card } from '../schema';
import { mergeCaptureIntoCard, proposeCards, type MergeReport } from '../cards/merge';
import { newCardFromCapture } from '../cards/from-capture';
import type { SurveyDb } from './database';

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

/** Card and capture storage: every write validated, every card write checked against the revision it edited. */
export class CardsRepo {
  constructor(private db: SurveyDb) {}

  async list(): Promise<Card[]> {
    return this.db.cards.orderBy('updatedAt').reverse().toArray();
  }

  async get(id: string): Promise<Card> {
    const card = await this.db.cards.get(id);
    if (!card) throw new StoreError('not-found', `No card with id ${id}; it may have been deleted.`);
    return card;
  }

  async captures(ids: string[]): Promise<Capture[]> {
    return (await this.db.captures.bulkGet(ids)).filter((c): c is Capture => !!c);
  }

  async propose(capture: Capture): Promise<Card[]> {
    return proposeCards(await this.db.cards.toArray(), capture);
  }

  /** Stores the capture and a new card made from it, together or not at all. */
  async saveAsNewCard(capture: Capture, cardId: string, now: Date): Promise<Card> {
    const c = Capture.parse(capture);
    const card = Card.parse({ ...newCardFromCapture(c, cardId, now), revision: 1 });
    try {
      await this.db.transaction('rw', this.db.cards, this.db.captures, async () => {
        await this.db.captures.put(c);
        await this.db.cards.add(card);
      });
    } catch (e) {
      explain(e);
    }
    return card;
  }

  async mergeInto(capture: Capture, cardId: string, now: Date): Promise<{ card: Card; report: MergeReport }> {
    const c = Capture.parse(capture);
    try {
      return await this.db.transaction('rw', this.db.cards, this.db.captures, async () => {
        const current = await this.get(cardId);
        const { card, report } = mergeCaptureIntoCard(current, c, now);
        const next = Card.parse({ ...card, revision: current.revision + 1 });
        await this.db.captures.put(c);
        await this.db.cards.put(next);
        return { card: next, report };
      });
    } catch (e) {
      explain(e);
    }
  }

  /** Writes an edited card if nobody else wrote it since `baseRevision`; otherwise says who won. */
  async update(edited: Card, baseRevision: number, now: Date): Promise<Card> {
    const parsed = Card.parse(edited);
    try {
      return await this.db.transaction('rw', this.db.cards, async () => {
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
      });
    } catch (e) {
      explain(e);
    }
  }

  async remove(id: string): Promise<void> {
    await this.db.cards.delete(id);
  }
}
