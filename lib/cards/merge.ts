import type { BenchmarkResult, Capture, Card } from '../schema';
import { LINK_KINDS, TEXT_FIELDS } from '../schema';
import { captureFacts, captureFieldValues, captureIdentity, captureSource } from './from-capture';

export interface MergeReport {
  /** Fields that were empty and are now filled. */
  filled: string[];
  /** Fields whose value differs from the capture's: the capture's value waits as an alternative. */
  conflicts: string[];
  addedLinks: number;
  addedDatasets: number;
  addedBenchmarks: number;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
const linkKey = (u: string) => u.replace(/#.*$/, '').replace(/\/$/, '').toLowerCase();
const benchKey = (b: BenchmarkResult) => `${norm(b.model)}|${b.benchmark}|${norm(b.setting)}|${norm(b.metric)}`;

/**
 * Folds a capture into a card without ever overwriting what is there: empty fields fill in, a differing
 * value is kept beside the current one for the user to pick, lists gain what they lack.
 */
export function mergeCaptureIntoCard(card: Card, c: Capture, now: Date): { card: Card; report: MergeReport } {
  const next: Card = structuredClone(card);
  const src = captureSource(c);
  const report: MergeReport = { filled: [], conflicts: [], addedLinks: 0, addedDatasets: 0, addedBenchmarks: 0 };
  if (next.captureIds.includes(c.id)) return { card, report };

  const values = captureFieldValues(c);
  for (const f of TEXT_FIELDS) {
    const incoming = values[f];
    if (!incoming) continue;
    const field = next.fields[f];
    if (!field.value.trim()) {
      field.value = incoming;
      field.sources.push(src);
      report.filled.push(f);
    } else if (norm(field.value) === norm(incoming)) {
      field.sources.push(src);
    } else if (!field.alternatives.some((a) => norm(a.value) === norm(incoming))) {
      field.alternatives.push({ value: incoming, source: src });
      report.conflicts.push(f);
    }
  }

  for (const k of LINK_KINDS) {
    const have = new Map(next.links[k].map((l) => [linkKey(l.url), l]));
    for (const l of c.links[k]) {
      const existing = have.get(linkKey(l.url));
      if (existing) existing.sources.push(src);
      else {
        const added = { url: l.url, label: l.label, sources: [src] };
        next.links[k].push(added);
        have.set(linkKey(l.url), added);
        report.addedLinks++;
      }
    }
  }

  for (const name of c.datasets) {
    const existing = next.datasets.find((d) => norm(d.name) === norm(name));
    if (existing) existing.sources.push(src);
    else {
      next.datasets.push({ name, sources: [src] });
      report.addedDatasets++;
    }
  }

  // Facts fill where the card has none; a known fact is never replaced by a capture.
  const facts = captureFacts(c);
  for (const key of Object.keys(facts) as (keyof Card['facts'])[]) {
    const have = next.facts[key];
    const empty = have === null || have === '' || (Array.isArray(have) && have.length === 0);
    const incoming = facts[key];
    const offered = !(incoming === null || incoming === '' || (Array.isArray(incoming) && incoming.length === 0));
    if (empty && offered) (next.facts as Record<string, unknown>)[key] = incoming;
  }

  const benchKeys = new Set(next.benchmarks.map(benchKey));
  for (const b of c.benchmarks) {
    if (benchKeys.has(benchKey(b))) continue;
    next.benchmarks.push({ ...b, sourceUrl: b.sourceUrl ?? c.url, source: src });
    benchKeys.add(benchKey(b));
    report.addedBenchmarks++;
  }

  const id = captureIdentity(c);
  next.identity.modelIds = [...new Set([...next.identity.modelIds, ...id.modelIds])];
  next.identity.arxivIds = [...new Set([...next.identity.arxivIds, ...id.arxivIds])];
  next.captureIds.push(c.id);
  next.updatedAt = now.toISOString();
  return { card: next, report };
}
