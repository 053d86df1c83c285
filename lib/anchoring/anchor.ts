import {
  CONTEXT_LENGTH,
  matchSelectors,
  type AnchorMethod,
  type MatchOptions,
  type PositionSelector,
  type QuoteSelector,
  type Selectors,
} from './match';
import { pageText, translationsFor, type PageText } from './text';

// Selectors for a user's selection, and finding them again. DOM in, Ranges out: nothing here
// changes the page.

export interface Described {
  quote: { exact: string; prefix: string; suffix: string };
  position: PositionSelector;
  /** What the translator shows for the selected text (its paragraphs' translations), when there is any. */
  translation?: string;
}

export interface DescribeOptions {
  /** The page text, when the caller already read it (read again otherwise). */
  page?: PageText;
  /** Characters of context on each side. Default 32. */
  contextLength?: number;
}

/**
 * Selectors for a selection, computed on the page's own text: translator insertions and our UI are
 * left out, so a selection that spans translated text gives the original only (the translation
 * comes separately in `translation`). Null when the selection holds none of the page's own text.
 */
export function describe(range: Range, root: Element | Document, opts: DescribeOptions = {}): Described | null {
  const page = opts.page ?? pageText(root);
  const ctx = opts.contextLength ?? CONTEXT_LENGTH;
  const { start, end } = page.map.offsetsOf(range);
  if (end <= start) return null;
  const { text } = page;
  const out: Described = {
    quote: {
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - ctx), start),
      suffix: text.slice(end, end + ctx),
    },
    position: { start, end },
  };
  const translations = translationsFor(page, start, end, range);
  if (translations.length > 0) out.translation = translations.join('\n');
  return out;
}

export interface Anchored {
  /** A Range over the text found; its start and end lie in the page's own text nodes. */
  range: Range;
  method: AnchorMethod;
  score: number;
  /** Offsets of the text found in the page text (for `page.map.pieces`). */
  start: number;
  end: number;
}

export interface AnchorOptions extends MatchOptions {
  /** The page text, when the caller already read it (read again otherwise). */
  page?: PageText;
}

export interface SelectorsInput {
  quote: QuoteSelector;
  position?: PositionSelector | null;
}

function toSelectors(s: SelectorsInput): Selectors {
  return s.position ? { quote: s.quote, position: s.position } : { quote: s.quote };
}

/**
 * Find stored selectors on the page: the position if the text there still equals the quote, else
 * the exact quote (the best occurrence by context and closeness to the old position), else a fuzzy
 * match above a threshold. Null when it no longer anchors: the caller marks it orphan.
 */
export function anchor(selectors: SelectorsInput, root: Element | Document, opts: AnchorOptions = {}): Anchored | null {
  const page = opts.page ?? pageText(root);
  const found = matchSelectors(page.text, toSelectors(selectors), opts);
  if (!found) return null;
  const range = page.map.range(found.start, found.end);
  if (!range) return null;
  return { range, method: found.method, score: found.score, start: found.start, end: found.end };
}

export interface AnnotationLike extends SelectorsInput {
  id: string;
}

export interface AnchorAllResult {
  anchored: ({ id: string } & Anchored)[];
  /** Ids of annotations that no longer anchor: keep them, listed as orphans. */
  orphans: string[];
  /** The page text read for this pass (reuse it for highlights until the page changes). */
  page: PageText;
}

/** Anchor many annotations on one reading of the page. */
export function anchorAll(
  annotations: readonly AnnotationLike[],
  root: Element | Document,
  opts: AnchorOptions = {},
): AnchorAllResult {
  const page = opts.page ?? pageText(root);
  const anchored: AnchorAllResult['anchored'] = [];
  const orphans: string[] = [];
  for (const a of annotations) {
    const hit = anchor(a, root, { ...opts, page });
    if (hit) anchored.push({ id: a.id, ...hit });
    else orphans.push(a.id);
  }
  return { anchored, orphans, page };
}
