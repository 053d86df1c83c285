/**
 * Splitting long texts for translation: on paragraph (blank-line) boundaries, keeping fenced code
 * blocks whole where they fit; a paragraph longer than the limit is cut at line ends, then sentence
 * ends, then spaces. Invariant: splitForTranslation(t, n).join('') === t, and every piece is ≤ n chars.
 */

/** Cuts after every match of re (global), so the delimiters stay at the end of the piece before them. */
function cutAfter(text: string, re: RegExp): string[] {
  const out: string[] = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    const end = m.index + m[0].length;
    if (end > last && end < text.length) {
      out.push(text.slice(last, end));
      last = end;
    }
  }
  out.push(text.slice(last));
  return out.filter((p) => p.length > 0);
}

const PARAGRAPH = /\n[ \t]*\n\s*/g;
const FENCE = /^[ \t]*(```|~~~)/gm;

/** Paragraphs, with a fenced code block (which may hold blank lines) kept as one paragraph. */
function paragraphs(text: string): string[] {
  const raw = cutAfter(text, PARAGRAPH);
  const out: string[] = [];
  let open = false;
  for (const p of raw) {
    const fences = (p.match(FENCE) ?? []).length;
    if (open) out[out.length - 1] += p;
    else out.push(p);
    if (fences % 2 === 1) open = !open;
  }
  return out;
}

const LEVELS: RegExp[] = [
  /\n/g, // lines
  /(?:[.!?;:](?=\s)|[。！？；])\s*/g, // sentences
  /[ \t]+/g, // words
];

function hardCut(text: string, max: number): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    let end = Math.min(text.length, i + max);
    // Do not cut a surrogate pair in two.
    if (end < text.length && end > i + 1 && /[\uD800-\uDBFF]/.test(text[end - 1])) end--;
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}

/** Greedily joins pieces into chunks ≤ max; a piece that is itself too long is split at the next level. */
function pack(pieces: string[], max: number, level: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const p of pieces) {
    if (p.length > max) {
      if (cur) out.push(cur);
      cur = '';
      const sub = level < LEVELS.length ? pack(cutAfter(p, LEVELS[level]), max, level + 1) : hardCut(p, max);
      out.push(...sub);
      continue;
    }
    if (cur.length + p.length > max) {
      out.push(cur);
      cur = p;
    } else cur += p;
  }
  if (cur) out.push(cur);
  return out;
}

export function splitForTranslation(text: string, maxChars: number): string[] {
  const max = Math.max(1, Math.floor(maxChars));
  if (text.length <= max) return text ? [text] : [];
  return pack(paragraphs(text), max, 0);
}

/** Splits a piece into its leading whitespace, its content, and its trailing whitespace. */
export function trimParts(piece: string): [string, string, string] {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(piece)!;
  return [m[1], m[2], m[3]];
}
