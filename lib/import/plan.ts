import type { Annotation, Asset, Capture, Card } from '../schema';
import type { BackupAsset } from '../export/backup';
import type { ParsedBackup } from './restore';

/**
 * Reading a backup, step two: what restoring it would do, item by item, for the UI to preview; then the
 * exact rows to write, which the caller puts in one Dexie transaction (lib/import/write.ts).
 *
 * - new: not in the store.
 * - unchanged: the same content (a card's `revision` and `updatedAt` are bookkeeping and not compared, so
 *   restoring the same backup twice finds everything unchanged and writes nothing).
 * - updated (cards): the backup's card is a later state of the local one — a higher revision and an
 *   updatedAt that is not earlier. Revisions are bumped on every write, so the local card is the older one.
 * - conflicting: anything else that differs. For a card: the local copy moved on since the backup (a higher
 *   revision, not older: restoring would undo that work), or the two diverged (the same revision with other
 *   content, or a revision and an updatedAt that disagree: both sides were edited). Captures and
 *   annotations have no revision, so any difference is a conflict. The user chooses once for all conflicts.
 * - Assets are immutable images with random ids: one already in the store is unchanged.
 */
export type RestoreStatus = 'new' | 'updated' | 'conflicting' | 'unchanged';

export interface PlanItem<T> {
  id: string;
  status: RestoreStatus;
  backup: T;
  /** The store's copy, when there is one. */
  local?: T;
  /** For a conflicting card: the local copy is newer, or the two diverged. */
  reason?: 'local-newer' | 'diverged';
}

export interface RestorePlan {
  cards: PlanItem<Card>[];
  captures: PlanItem<Capture>[];
  annotations: PlanItem<Annotation>[];
  assets: PlanItem<BackupAsset>[];
  counts: Record<'cards' | 'captures' | 'annotations' | 'assets', Record<RestoreStatus, number>>;
  /** Images that cards name but that neither the backup nor the store has. */
  missingAssets: string[];
}

export interface ExistingData {
  cards: Card[];
  captures: Capture[];
  annotations: Annotation[];
  assetIds: string[];
}

/** JSON with sorted keys and undefined dropped: equal for equal content whatever the key order. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, x[k]])) : x,
  );
}

function cardContent(c: Card): string {
  const { revision: _r, updatedAt: _u, ...rest } = c;
  return canonical(rest);
}

const time = (s: string) => Date.parse(s);

function planCard(backup: Card, local: Card | undefined): PlanItem<Card> {
  if (!local) return { id: backup.id, status: 'new', backup };
  if (cardContent(local) === cardContent(backup)) return { id: backup.id, status: 'unchanged', backup, local };
  if (backup.revision > local.revision && time(backup.updatedAt) >= time(local.updatedAt)) {
    return { id: backup.id, status: 'updated', backup, local };
  }
  // The same revision with other content: two writes each made that revision from the one before.
  const localNewer = local.revision > backup.revision && time(local.updatedAt) >= time(backup.updatedAt);
  return { id: backup.id, status: 'conflicting', backup, local, reason: localNewer ? 'local-newer' : 'diverged' };
}

function planPlain<T extends { id: string }>(backup: T, local: T | undefined): PlanItem<T> {
  if (!local) return { id: backup.id, status: 'new', backup };
  return { id: backup.id, status: canonical(local) === canonical(backup) ? 'unchanged' : 'conflicting', backup, local };
}

function count(items: PlanItem<unknown>[]): Record<RestoreStatus, number> {
  const c = { new: 0, updated: 0, conflicting: 0, unchanged: 0 };
  for (const i of items) c[i.status]++;
  return c;
}

export function planRestore(parsed: ParsedBackup, existing: ExistingData): RestorePlan {
  const index = <T extends { id: string }>(xs: T[]) => new Map(xs.map((x) => [x.id, x]));
  const cards = index(existing.cards);
  const captures = index(existing.captures);
  const annotations = index(existing.annotations);
  const assetIds = new Set(existing.assetIds);
  const plan = {
    cards: parsed.cards.map((c) => planCard(c, cards.get(c.id))),
    captures: parsed.captures.map((c) => planPlain(c, captures.get(c.id))),
    annotations: parsed.annotations.map((a) => planPlain(a, annotations.get(a.id))),
    assets: parsed.assets.map((a): PlanItem<BackupAsset> => ({ id: a.id, status: assetIds.has(a.id) ? 'unchanged' : 'new', backup: a })),
  };
  const known = new Set([...assetIds, ...parsed.assets.map((a) => a.id)]);
  const missingAssets = [...new Set(parsed.cards.flatMap((c) => c.images.map((i) => i.assetId)).filter((id) => !known.has(id)))];
  return {
    ...plan,
    counts: { cards: count(plan.cards), captures: count(plan.captures), annotations: count(plan.annotations), assets: count(plan.assets) },
    missingAssets,
  };
}

export interface RestoreWrites {
  cards: Card[];
  captures: Capture[];
  annotations: Annotation[];
  assets: Asset[];
}

/**
 * The rows to write for a plan. With 'take-backup', a card that wins a conflict gets a revision above both
 * copies, so an editor still holding the local revision is refused on save instead of silently overwriting
 * the restored card (cards-repo checks the revision a writer names).
 */
export function applyPlan(plan: RestorePlan, choice: 'keep-local' | 'take-backup'): RestoreWrites {
  const take = (i: PlanItem<unknown>) => i.status === 'new' || i.status === 'updated' || (i.status === 'conflicting' && choice === 'take-backup');
  return {
    cards: plan.cards
      .filter(take)
      .map((i) => (i.status === 'conflicting' && i.local ? { ...i.backup, revision: Math.max(i.local.revision, i.backup.revision) + 1 } : i.backup)),
    captures: plan.captures.filter(take).map((i) => i.backup),
    annotations: plan.annotations.filter(take).map((i) => i.backup),
    assets: plan.assets.filter(take).map(({ backup: { bytes, ...meta } }) => ({ ...meta, blob: new Blob([bytes as BlobPart], { type: meta.mime }) })),
  };
}
