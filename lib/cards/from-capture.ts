import type { Capture, Card, CardLink, LinkKind, SourceRef, TextFieldName } from '../schema';
import { Card as CardSchema, LINK_KINDS, ModelFacts, TEXT_FIELDS } from '../schema';

export function captureSource(c: Capture): SourceRef {
  return { kind: 'capture', id: c.id, url: c.url, at: c.capturedAt };
}

/** What a capture offers for each template text field. */
export function captureFieldValues(c: Capture): Partial<Record<TextFieldName, string>> {
  return {
    model: c.model.id || c.model.name,
    paperTitle: c.paper.title,
    summary: c.paper.abstract || (c.site === 'generic' ? '' : c.description),
  };
}

export function captureIdentity(c: Capture): { modelIds: string[]; arxivIds: string[] } {
  return {
    modelIds: c.model.id ? [c.model.id.toLowerCase()] : [],
    arxivIds: c.paper.arxivId ? [c.paper.arxivId.replace(/v\d+$/, '')] : [],
  };
}

export function captureFacts(c: Capture): Card['facts'] {
  return ModelFacts.parse(c.model);
}

export function cardTitleFor(c: Capture): string {
  return c.model.name || c.model.id || c.paper.title || c.title;
}

export function newCardFromCapture(c: Capture, id: string, now: Date): Card {
  const src = captureSource(c);
  const values = captureFieldValues(c);
  const fields = Object.fromEntries(
    TEXT_FIELDS.map((f) => [f, { value: values[f] ?? '', sources: values[f] ? [src] : [], alternatives: [] }]),
  );
  const links = Object.fromEntries(
    LINK_KINDS.map((k: LinkKind) => [k, c.links[k].map((l): CardLink => ({ url: l.url, label: l.label, sources: [src] }))]),
  );
  return CardSchema.parse({
    id,
    title: cardTitleFor(c),
    fields,
    links,
    datasets: c.datasets.map((name) => ({ name, sources: [src] })),
    facts: captureFacts(c),
    benchmarks: c.benchmarks.map((b) => ({ ...b, sourceUrl: b.sourceUrl ?? c.url, source: src })),
    identity: captureIdentity(c),
    captureIds: [c.id],
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    revision: 0,
  });
}
