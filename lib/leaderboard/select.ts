import { normaliseModelType, MODEL_TYPES, type LeaderboardEntry, type LeaderboardModelType } from './entry';

/**
 * The top N of a leaderboard, as the user filters it.
 *
 * Rules (decided here, tested on the real v2 contents):
 * 1. Filters first, then duplicates: a model is in when at least one of its rows passes the filters,
 *    and its best passing row stands for it. (The v2 contents list some models once per precision, and
 *    the rows can even differ in type: microsoft/phi-4 is "🟢 pretrained" in float16 and
 *    "💬 chat" in bfloat16. Filtered to pretrained, the leaderboard itself shows the float16 row.)
 * 2. Duplicates are rows of one `fullname`, compared case-insensitively (hub ids are). The row with the
 *    highest average wins; on equal averages the earlier row in the source wins.
 * 3. Rows without an average are left out of the ranking (they cannot be placed), and counted.
 * 4. Order: average, highest first; equal averages by fullname, case-insensitively, then by exact
 *    code points ("matouLeLoup/…" before "Qwen/…"), so the order never depends on the input order.
 * 5. Filters on a value the source does not give: a params range leaves out models of unknown size;
 *    the exclusion flags leave in models whose flag is unknown (null), since they are not known to be
 *    flagged, merged or MoE.
 */
export interface SelectOptions {
  /** How many models; Infinity for all. */
  n: number;
  /** Model types to keep: ids ("pretrained") or the leaderboard's labels ("🟢 pretrained"). */
  types?: string[];
  /** Parameter range in billions, inclusive. */
  paramsMin?: number;
  paramsMax?: number;
  excludeFlagged?: boolean;
  excludeMerged?: boolean;
  excludeMoE?: boolean;
  /** Leave out models the hub no longer has ("Available on the hub" false). */
  onlyAvailableOnHub?: boolean;
  onlyOfficialProviders?: boolean;
  /** Precisions to keep ("bfloat16", "float16"…), compared case-insensitively. */
  precisions?: string[];
  /** Substring of the fullname, case-insensitive. */
  search?: string;
}

export interface Selection {
  entries: LeaderboardEntry[];
  /** How many rows each rule left out, for the UI to explain a short list. */
  counts: {
    rows: number;
    filteredOut: number;
    missingAverage: number;
    /** Rows folded into a better row of the same model. */
    duplicates: number;
    /** Models that passed everything (before the cut to N). */
    ranked: number;
  };
}

const collator = (a: string, b: string): number => {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
};

/** Highest average first; equal averages by fullname (rule 4). */
export function compareEntries(a: LeaderboardEntry, b: LeaderboardEntry): number {
  const av = a.average ?? -Infinity;
  const bv = b.average ?? -Infinity;
  if (av !== bv) return bv - av;
  return collator(a.fullname, b.fullname);
}

function typeSet(types: string[] | undefined): Set<LeaderboardModelType> | null {
  if (!types?.length) return null;
  const out = new Set<LeaderboardModelType>();
  for (const t of types) {
    const id = normaliseModelType(t);
    if (id === 'unknown' && t.trim() !== 'unknown') {
      throw new Error(`Unknown model type "${t}"; the types are ${MODEL_TYPES.join(', ')}.`);
    }
    out.add(id);
  }
  return out;
}

/** The filter of `opts` as a predicate on one row. */
export function entryFilter(opts: Omit<SelectOptions, 'n'>): (e: LeaderboardEntry) => boolean {
  const types = typeSet(opts.types);
  const precisions = opts.precisions?.length ? new Set(opts.precisions.map((p) => p.toLowerCase())) : null;
  const search = opts.search?.trim().toLowerCase() ?? '';
  const min = opts.paramsMin;
  const max = opts.paramsMax;
  if (min !== undefined && max !== undefined && min > max) throw new Error(`The parameter range is empty: ${min} B is more than ${max} B.`);
  return (e) => {
    if (types && !types.has(e.modelType)) return false;
    if ((min !== undefined || max !== undefined) && e.params === null) return false;
    if (min !== undefined && e.params! < min) return false;
    if (max !== undefined && e.params! > max) return false;
    if (opts.excludeFlagged && e.flagged === true) return false;
    if (opts.excludeMerged && e.merged === true) return false;
    if (opts.excludeMoE && e.moe === true) return false;
    if (opts.onlyAvailableOnHub && e.availableOnHub === false) return false;
    if (opts.onlyOfficialProviders && e.officialProvider !== true) return false;
    if (precisions && !precisions.has(e.precision.toLowerCase())) return false;
    if (search && !e.fullname.toLowerCase().includes(search)) return false;
    return true;
  };
}

/** The top N with the counts of what was left out and why. */
export function selectTop(entries: readonly LeaderboardEntry[], opts: SelectOptions): Selection {
  if (!(opts.n >= 0)) throw new Error(`N must be a number ≥ 0, not ${opts.n}.`);
  const keep = entryFilter(opts);
  const counts = { rows: entries.length, filteredOut: 0, missingAverage: 0, duplicates: 0, ranked: 0 };
  const best = new Map<string, LeaderboardEntry>();
  for (const e of entries) {
    if (!keep(e)) {
      counts.filteredOut++;
      continue;
    }
    if (e.average === null) {
      counts.missingAverage++;
      continue;
    }
    const key = e.fullname.toLowerCase();
    const have = best.get(key);
    if (have) {
      counts.duplicates++;
      // Rule 2: the higher average; on a tie the row that came first in the source.
      if (e.average > have.average! || (e.average === have.average && e.row < have.row)) best.set(key, e);
    } else best.set(key, e);
  }
  const ranked = [...best.values()].sort(compareEntries);
  counts.ranked = ranked.length;
  return { entries: ranked.slice(0, opts.n), counts };
}

/** Top N by average (see the rules above). */
export function topN(entries: readonly LeaderboardEntry[], opts: SelectOptions): LeaderboardEntry[] {
  return selectTop(entries, opts).entries;
}
