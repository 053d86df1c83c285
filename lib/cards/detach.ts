import type { Capture, Card, SourceRef } from '../schema';
import { EMPTY_FACTS, LINK_KINDS, TEXT_FIELDS } from '../schema';
import { captureFacts, captureIdentity } from './from-capture';

const fromOther = (sources: SourceRef[], id: string) => sources.filter((s) => !(s.kind === 'capture' && s.id === id));

/**
 * Takes a capture back out of a card: what only it brought goes, what the user typed or another capture
 * also gave stays. The capture itself stays in the store.
 */
export function detachCapture(card: Card, captureId: string, remaining: Capture[], now: Date): Card {
  const next: Card = structuredClone(card);
  next.captureIds = next.captureIds.filter((id) => id !== captureId);
  for (const f of TEXT_FIELDS) {
    const field = next.fields[f];
    const before = field.sources.length;
    field.sources = fromOther(field.sources, captureId);
    if (before > 0 && field.sources.length === 0) field.value = '';
    field.alternatives = field.alternatives.filter((a) => !(a.source.kind === 'capture' && a.source.id === captureId));
  }
  for (const k of LINK_KINDS) {
    next.links[k] = next.links[k]
      .map((l) => ({ ...l, sources: fromOther(l.sources, captureId) }))
      .filter((l) => l.sources.length > 0);
  }
  next.datasets = next.datasets.map((d) => ({ ...d, sources: fromOther(d.sources, captureId) })).filter((d) => d.sources.length > 0);
  next.benchmarks = next.benchmarks.filter((b) => !(b.source?.kind === 'capture' && b.source.id === captureId));

  // Identity and facts only ever came from captures: rebuild them from the ones still attached.
  const still = remaining.filter((c) => next.captureIds.includes(c.id));
  next.identity = {
    modelIds: [...new Set(still.flatMap((c) => captureIdentity(c).modelIds))],
    arxivIds: [...new Set(still.flatMap((c) => captureIdentity(c).arxivIds))],
  };
  next.facts = structuredClone(EMPTY_FACTS);
  for (const c of still) {
    const facts = captureFacts(c);
    for (const key of Object.keys(facts) as (keyof Card['facts'])[]) {
      const have = next.facts[key];
      if (have === null || have === '' || (Array.isArray(have) && !have.length)) (next.facts as Record<string, unknown>)[key] = facts[key];
    }
  }
  next.updatedAt = now.toISOString();
  return next;
}
