import { Annotation, Card, type TextFieldName } from '../schema';
import type { SurveyDb } from './database';
import { StoreError } from './cards-repo';

/** A quote as it lands in a card field: a blockquote with the page it came from. */
export function quoteBlock(exact: string, url: string, title: string, translation?: string): string {
  const lines = exact.split(/\n+/).map((l) => `> ${l.trim()}`);
  if (translation) lines.push('>', ...translation.split(/\n+/).map((l) => `> ${l.trim()}`));
  const label = title.replace(/[[\]]/g, '').trim() || new URL(url).hostname;
  return `${lines.join('\n')}\n>\n> — [${label}](${url})`;
}

/** Annotations: highlights kept with their selectors, and quotes sent to card fields. */
export class AnnotationsRepo {
  constructor(private db: SurveyDb) {}

  forUrl(url: string): Promise<Annotation[]> {
    return this.db.annotations.where('url').equals(url).toArray();
  }

  forCard(cardId: string): Promise<Annotation[]> {
    return this.db.annotations.where('cardId').equals(cardId).toArray();
  }

  /**
   * Stores the annotation and, when it names a field, appends the quote to that field of the card, in
   * one transaction. The field remembers the annotation as a source.
   */
  async add(a: Annotation, pageTitle: string, translation: string | undefined, now: Date): Promise<{ annotation: Annotation; card?: Card }> {
    const annotation = Annotation.parse(a);
    return this.db.transaction('rw', this.db.annotations, this.db.cards, async () => {
      await this.db.annotations.put(annotation);
      if (!annotation.cardId || !annotation.field) return { annotation };
      const card = await this.db.cards.get(annotation.cardId);
      if (!card) throw new StoreError('not-found', 'The card to send the quote to was deleted; pick another card.');
      const block = quoteBlock(annotation.quote.exact, annotation.url, pageTitle, translation);
      if (annotation.field === 'notes') {
        const withNote = Card.parse({ ...card, notes: card.notes.trim() ? `${card.notes.trimEnd()}\n\n${block}` : block, revision: card.revision + 1, updatedAt: now.toISOString() });
        await this.db.cards.put(withNote);
        return { annotation, card: withNote };
      }
      const field = card.fields[annotation.field as TextFieldName];
      const next = Card.parse({
        ...card,
        fields: {
          ...card.fields,
          [annotation.field]: {
            ...field,
            value: field.value.trim() ? `${field.value.trimEnd()}\n\n${block}` : block,
            sources: [...field.sources, { kind: 'annotation', id: annotation.id, url: annotation.url, at: now.toISOString() }],
          },
        },
        revision: card.revision + 1,
        updatedAt: now.toISOString(),
      });
      await this.db.cards.put(next);
      return { annotation, card: next };
    });
  }

  /** Marks which annotations no longer anchor on their page, and which do again. Never deletes. */
  async setOrphans(url: string, orphanIds: string[]): Promise<void> {
    await this.db.transaction('rw', this.db.annotations, async () => {
      const all = await this.forUrl(url);
      for (const a of all) {
        const orphan = orphanIds.includes(a.id);
        if (a.orphan !== orphan) await this.db.annotations.put({ ...a, orphan });
      }
    });
  }

  async remove(id: string): Promise<void> {
    await this.db.annotations.delete(id);
  }
}

