// Finding a quote again in a text that may have changed. Pure string code: no DOM.
//
// Order (as Hypothesis' client, src/annotator/anchoring/{html,match-quote}.ts):
//  1. position — the text at the stored offsets still equals the quote (and its context agrees);
//  2. quote    — exact occurrences of the quote, the best one by prefix/suffix context and closeness
//                to the old position;
//  3. fuzzy    — approximate occurrences (edit distance ≤ maxErrorRate × quote length) near
//                candidate places voted for by exact pieces of the quote and of its context, then
//                scored like Hypothesis (quote 50, prefix 20, suffix 20, position 2) and accepted
//                only above a threshold, so a vanished quote becomes an orphan instead of landing
//                on unrelated text (hypothesis/h #4328).

export interface QuoteSelector {
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface PositionSelector {
  start: number;
  end: number;
}

export interface Selectors {
  quote: QuoteSelector;
  position?: PositionSelector;
}

export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

export interface TextMatch {
  start: number;
  end: number;
  method: AnchorMethod;
  /** 0..1: (50·quote + 20·prefix + 20·suffix + 2·position) / 92, each a similarity in 0..1. */
  score: number;
  /** Edits between the stored quote and the text found (0 unless fuzzy). */
  errors: number;
}

export interface MatchOptions {
  /** Most edits a fuzzy match may have, as a share of the quote's length. Default 0.2. */
  maxErrorRate?: number;
  /** Lowest combined score a fuzzy match needs. Default 0.7. */
  minScore?: number;
  /** Most candidate places aligned in the fuzzy step. Default 16. */
  maxCandidates?: number;
}

/** Characters of context kept on each side of a quote (as Hypothesis). */
export const CONTEXT_LENGTH = 32;

/** Quotes shorter than this need their context to agree before they anchor anywhere but their old place. */
const SHORT_QUOTE = 16;
/** Quotes this long anchor fuzzily on their own when at most 10% of them changed. */
const LONG_QUOTE = 64;
// Context similarity (mean of prefix and suffix, 0..1). Between unrelated places of an English paper
// it is ~0.23 (median), 0.34 (99th percentile) (measured on html-2501.11120v1).
/** Context that agrees: the place is taken without looking further. */
const TRUSTED_CONTEXT = 0.75;
/** Context better than chance: enough for short quotes. */
const SOME_CONTEXT = 0.45;
const MAX_EXACT = 5000;
const MAX_PIECE_HITS = 200;
/**
 * Longer quotes are found fuzzily by their first and last HEAD_TAIL characters (each matched as a
 * quote of its own, which finds the place), then the middle is aligned chunk by chunk between them:
 * aligning the whole quote at once costs O(length²) per candidate (~30 ms at 8000 characters,
 * ~0.5 s at 30000).
 */
const LONG_FUZZY = 2048;
const HEAD_TAIL = 512;
const MIDDLE_CHUNK = 256;
/** Most word operations spent aligning candidates (≈ 50 ms). */
const CELL_BUDGET = 20_000_000;

const W_QUOTE = 50;
const W_PREFIX = 20;
const W_SUFFIX = 20;
const W_POS = 2;

export function squashSpaces(s: string): string {
  return s.replace(/\s+/g, ' ');
}

function reverse(s: string): string {
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
  return out;
}

/** min over j of editDistance(p, t.slice(0, j)): p aligned at the start of t, free end. */
export function anchoredDistance(p: string, t: string): number {
  const m = p.length;
  if (m === 0) return 0;
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) prev[i] = i;
  let best = m;
  for (let j = 1; j <= t.length; j++) {
    const tc = t.charCodeAt(j - 1);
    cur[0] = j;
    for (let i = 1; i <= m; i++) {
      const diag = prev[i - 1] + (p.charCodeAt(i - 1) === tc ? 0 : 1);
      const left = prev[i] + 1;
      const up = cur[i - 1] + 1;
      cur[i] = diag < left ? (diag < up ? diag : up) : left < up ? left : up;
    }
    if (cur[m] < best) best = cur[m];
    [prev, cur] = [cur, prev];
  }
  return best;
}

/** Plain Levenshtein distance. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ac = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const diag = prev[j - 1] + (ac === b.charCodeAt(j - 1) ? 0 : 1);
      cur[j] = Math.min(diag, prev[j] + 1, cur[j - 1] + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** How well the text just before `start` agrees with a stored prefix (1 = same; empty prefix = 1). */
export function prefixSimilarity(text: string, start: number, prefix: string): number {
  if (!prefix) return 1;
  const window = text.slice(Math.max(0, start - 2 * prefix.length - 8), start);
  const d = anchoredDistance(reverse(prefix), reverse(window));
  return Math.max(0, 1 - d / prefix.length);
}

/** How well the text just after `end` agrees with a stored suffix. */
export function suffixSimilarity(text: string, end: number, suffix: string): number {
  if (!suffix) return 1;
  const window = text.slice(end, end + 2 * suffix.length + 8);
  const d = anchoredDistance(suffix, window);
  return Math.max(0, 1 - d / suffix.length);
}

/**
 * Bit-parallel edit distance (Myers 1999, blocked as in Hyyrö 2001 and edlib): for each column j of
 * `t`, `visit(j, D[m][j])` where D[m][j] is the fewest edits turning `p` into a substring of `t`
 * ending at j. `free`: the substring may start anywhere (search); otherwise it starts at 0.
 * O(|t| · ⌈|p|/32⌉) word operations.
 */
function myers(p: string, t: string, free: boolean, visit: (j: number, d: number) => void): void {
  const m = p.length;
  const nb = Math.ceil(m / 32);
  const peq = new Map<number, Int32Array>();
  for (let i = 0; i < m; i++) {
    const c = p.charCodeAt(i);
    let v = peq.get(c);
    if (!v) peq.set(c, (v = new Int32Array(nb)));
    v[i >> 5] |= 1 << (i & 31);
  }
  const none = new Int32Array(nb);
  const P = new Int32Array(nb).fill(-1);
  const M = new Int32Array(nb);
  const score = new Int32Array(nb);
  for (let b = 0; b < nb; b++) score[b] = Math.min(m, (b + 1) * 32);
  const lastBit = (m - 1) & 31;
  const top = free ? 0 : 1; // D[0][j] - D[0][j-1]
  for (let j = 0; j < t.length; j++) {
    const eqs = peq.get(t.charCodeAt(j)) ?? none;
    let hin = top;
    for (let b = 0; b < nb; b++) {
      let eq = eqs[b];
      const pv = P[b];
      const mv = M[b];
      const xv = eq | mv;
      if (hin < 0) eq |= 1;
      const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      const bit = b === nb - 1 ? lastBit : 31;
      const hout = (ph >>> bit) & 1 ? 1 : (mh >>> bit) & 1 ? -1 : 0;
      ph <<= 1;
      mh <<= 1;
      if (hin < 0) mh |= 1;
      else if (hin > 0) ph |= 1;
      P[b] = mh | ~(xv | ph);
      M[b] = ph & xv;
      score[b] += hout;
      hin = hout;
    }
    visit(j + 1, score[nb - 1]);
  }
}

/**
 * The best approximate occurrence of `p` in t[lo, hi): the substring with the fewest edits. Ties go
 * to the end nearest `expectedEnd`, then to the length nearest |p|. The end comes from a forward
 * bit-parallel scan, the start from a backward one anchored at that end.
 */
export function bestApproximate(
  p: string,
  t: string,
  lo: number,
  hi: number,
  expectedEnd?: number,
): { start: number; end: number; errors: number } | null {
  const m = p.length;
  if (m === 0 || hi <= lo) return null;
  let best = Infinity;
  let end = -1;
  myers(p, t.slice(lo, hi), true, (j, d) => {
    const at = lo + j;
    if (d < best || (d === best && expectedEnd !== undefined && Math.abs(at - expectedEnd) < Math.abs(end - expectedEnd))) {
      best = d;
      end = at;
    }
  });
  if (end < 0) return null;
  const from = Math.max(lo, end - m - best - 1);
  let len = -1;
  myers(reverse(p), reverse(t.slice(from, end)), false, (j, d) => {
    if (d === best && (len < 0 || Math.abs(j - m) < Math.abs(len - m))) len = j;
  });
  if (len < 0) len = Math.min(m, end - from); // not reached: the backward scan finds the same distance
  return { start: end - len, end, errors: best };
}

/** Every index of `needle` in `text`; past `cap` of them, null (or the first `cap` when `truncate`). */
function occurrences(text: string, needle: string, cap: number, truncate = false): number[] | null {
  const out: number[] = [];
  if (!needle) return out;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) {
    if (out.length >= cap) return truncate ? out : null;
    out.push(i);
  }
  return out;
}

interface Scored {
  start: number;
  end: number;
  errors: number;
  score: number;
  context: number;
}

/**
 * Find selectors in a text: position, then exact quote, then fuzzy (see the notes at the top).
 * Null when the quote can no longer be found with confidence: the annotation is then an orphan.
 */
export function matchSelectors(text: string, selectors: Selectors, opts: MatchOptions = {}): TextMatch | null {
  const exact = squashSpaces(selectors.quote.exact).trim();
  if (!exact) return null;
  const prefix = squashSpaces(selectors.quote.prefix ?? '');
  const suffix = squashSpaces(selectors.quote.suffix ?? '');
  const maxErrorRate = opts.maxErrorRate ?? 0.2;
  const minScore = opts.minScore ?? 0.7;
  const maxCandidates = opts.maxCandidates ?? 16;
  const m = exact.length;
  const n = text.length;
  const hint = selectors.position?.start;
  const noContext = !prefix && !suffix;

  const scoreAt = (start: number, end: number, errors: number): Scored => {
    const q = Math.max(0, 1 - errors / m);
    const p = prefixSimilarity(text, start, prefix);
    const s = suffixSimilarity(text, end, suffix);
    const pos = hint === undefined ? 1 : 1 - Math.min(1, Math.abs(start - hint) / Math.max(n, 1));
    return {
      start,
      end,
      errors,
      score: (W_QUOTE * q + W_PREFIX * p + W_SUFFIX * s + W_POS * pos) / (W_QUOTE + W_PREFIX + W_SUFFIX + W_POS),
      context: (p + s) / 2,
    };
  };
  const better = (a: Scored, b: Scored | null) =>
    !b ||
    a.score > b.score + 1e-9 ||
    (Math.abs(a.score - b.score) <= 1e-9 && hint !== undefined && Math.abs(a.start - hint) < Math.abs(b.start - hint));

  // 1. Position.
  if (hint !== undefined && hint >= 0 && hint + m <= n && text.startsWith(exact, hint)) {
    const s = scoreAt(hint, hint + m, 0);
    // Long repeated sentences make an equal text at the old place no proof: the context must agree
    // too. If it does not, the exact search below still weighs this place (and its closeness).
    if (s.context >= TRUSTED_CONTEXT || noContext) {
      return { start: s.start, end: s.end, method: 'position', score: s.score, errors: 0 };
    }
  }

  // 2. Exact quote.
  let exactBest: Scored | null = null;
  const exactHits = occurrences(text, exact, MAX_EXACT, true)!;
  if (exactHits.length > 0) {
    let best: Scored | null = null;
    for (const i of exactHits) {
      const s = scoreAt(i, i + m, 0);
      if (better(s, best)) best = s;
    }
    if (best && (best.context >= TRUSTED_CONTEXT || noContext)) {
      return { start: best.start, end: best.end, method: 'quote', score: best.score, errors: 0 };
    }
    // The context disagrees everywhere: the quote may have moved, or its own place may have
    // changed a little while the same words stand elsewhere. Let the fuzzy step compete.
    if (best && (m >= SHORT_QUOTE || best.context >= SOME_CONTEXT)) exactBest = best;
  }

  // 3. Fuzzy.
  const k = Math.max(1, Math.floor(m * maxErrorRate));
  const asQuote = (e: Scored | null): TextMatch | null =>
    e && { start: e.start, end: e.end, method: 'quote', score: e.score, errors: 0 };
  /** Whether a fuzzy match is good enough to stand for the quote. */
  const acceptable = (s: Scored) => {
    // A long quote that is nearly all there is its own proof, whatever happened around it.
    if (m >= LONG_QUOTE && 1 - s.errors / m >= 0.9) return true;
    if (s.score < minScore) return false;
    return m >= SHORT_QUOTE || noContext || s.context >= SOME_CONTEXT;
  };
  const settle = (fuzzy: Scored | null): TextMatch | null => {
    if (fuzzy && !acceptable(fuzzy)) fuzzy = null;
    if (exactBest && (!fuzzy || exactBest.score >= fuzzy.score)) return asQuote(exactBest);
    if (!fuzzy) return null;
    const method = fuzzy.errors === 0 ? 'quote' : 'fuzzy';
    return { start: fuzzy.start, end: fuzzy.end, method, score: fuzzy.score, errors: fuzzy.errors };
  };
  if (m > LONG_FUZZY) {
    const long = headAndTail(text, exact, prefix, suffix, hint, k, opts);
    return settle(long && scoreAt(long.start, long.end, long.errors));
  }
  const votes: { at: number; w: number }[] = [];
  const vote = (at: number, w: number) => {
    if (at > -m && at < n) votes.push({ at: Math.max(0, at), w });
  };
  const pieceLen = m <= 12 ? Math.max(3, Math.ceil(m / 2)) : Math.min(24, Math.max(8, Math.floor(m / 6)));
  const pieceCount = Math.max(1, Math.ceil(m / pieceLen));
  const stride = pieceCount > 24 ? (m - pieceLen) / 23 : pieceLen;
  for (let c = 0; c < Math.min(pieceCount, 24); c++) {
    const o = Math.min(m - pieceLen, Math.round(c * stride));
    const piece = exact.slice(o, o + pieceLen);
    if (piece.trim().length < 3) continue;
    const hits = occurrences(text, piece, MAX_PIECE_HITS);
    if (hits) for (const h of hits) vote(h - o, 1);
  }
  const halves = (s: string) => {
    const h = Math.ceil(s.length / 2);
    return [
      [s.slice(0, h), 0],
      [s.slice(h), h],
    ] as const;
  };
  if (prefix.length >= 8) {
    for (const [piece, o] of halves(prefix)) {
      if (piece.trim().length < 4) continue;
      const hits = occurrences(text, piece, MAX_PIECE_HITS);
      if (hits) for (const h of hits) vote(h + prefix.length - o, 1);
    }
  }
  if (suffix.length >= 8) {
    for (const [piece, o] of halves(suffix)) {
      if (piece.trim().length < 4) continue;
      const hits = occurrences(text, piece, MAX_PIECE_HITS);
      if (hits) for (const h of hits) vote(h - o - m, 1);
    }
  }
  if (hint !== undefined) vote(Math.min(hint, n), 1);
  if (votes.length === 0) return asQuote(exactBest);

  votes.sort((a, b) => a.at - b.at);
  const span = Math.max(16, 2 * k);
  const clusters: { first: number; last: number; w: number }[] = [];
  for (const v of votes) {
    const c = clusters[clusters.length - 1];
    if (c && v.at - c.first <= span) {
      c.last = v.at;
      c.w += v.w;
    } else clusters.push({ first: v.at, last: v.at, w: v.w });
  }
  clusters.sort((a, b) => b.w - a.w);

  let best: Scored | null = null;
  let cells = 0;
  for (const c of clusters.slice(0, maxCandidates)) {
    const lo = Math.max(0, c.first - k - 16);
    const hi = Math.min(n, c.last + m + k + 16);
    cells += Math.ceil(m / 32) * (hi - lo);
    if (cells > CELL_BUDGET && (best || cells > 4 * CELL_BUDGET)) break;
    const found = bestApproximate(exact, text, lo, hi, c.first + m);
    if (!found || found.errors > k) continue;
    let { start, end } = found;
    while (start < end && text[start] === ' ') start++;
    while (end > start && text[end - 1] === ' ') end--;
    if (end <= start) continue;
    const s = scoreAt(start, end, found.errors);
    if (better(s, best)) best = s;
  }
  return settle(best);
}

/** Fuzzy search for a long quote by its head and tail (see LONG_FUZZY). */
function headAndTail(
  text: string,
  exact: string,
  prefix: string,
  suffix: string,
  hint: number | undefined,
  k: number,
  opts: MatchOptions,
): { start: number; end: number; errors: number } | null {
  const m = exact.length;
  const H = HEAD_TAIL;
  const head = matchSelectors(
    text,
    {
      quote: { exact: exact.slice(0, H), prefix, suffix: exact.slice(H, H + CONTEXT_LENGTH) },
      ...(hint !== undefined ? { position: { start: hint, end: hint + H } } : {}),
    },
    opts,
  );
  if (!head) return null;
  const tailAt = head.start + m - H;
  const tail = matchSelectors(
    text,
    {
      quote: { exact: exact.slice(m - H), prefix: exact.slice(m - H - CONTEXT_LENGTH, m - H), suffix },
      position: { start: tailAt, end: tailAt + H },
    },
    opts,
  );
  if (!tail || tail.start < head.end) return null;
  // The middle, aligned chunk by chunk from the end of the head (O(length) in all).
  const middle = exact.slice(H, m - H);
  let errors = head.errors + tail.errors;
  let cursor = head.end;
  for (let o = 0; o < middle.length && errors <= k; o += MIDDLE_CHUNK) {
    const chunk = middle.slice(o, o + MIDDLE_CHUNK);
    const slack = Math.min(512, Math.max(32, k - errors));
    const found = bestApproximate(chunk, text, Math.max(head.end, cursor - 32), Math.min(tail.start, cursor + chunk.length + slack), cursor + chunk.length);
    if (!found) {
      errors += chunk.length;
      continue;
    }
    // A chunk found after a gap: the gap's characters are insertions.
    errors += found.errors + Math.max(0, found.start - cursor);
    cursor = Math.max(cursor, found.end);
  }
  errors += Math.max(0, tail.start - cursor);
  if (errors > k) return null;
  return { start: head.start, end: tail.end, errors };
}
