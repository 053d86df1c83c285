import type { PageText } from './text';

// Showing anchored ranges without touching the page's text nodes.
//
// Recommended: the CSS Custom Highlight API (`CSS.highlights.set(name, new Highlight(...ranges))`
// plus a `::highlight(name)` rule). It adds no elements, so Immersive Translate has nothing to
// re-translate and other extensions nothing to delete, and it follows reflow for free. Paint
// `pieces` (one Range per original text node), not the whole range, so translated text lying
// between two paragraphs of a highlight is not painted.
// Fallback where the API is missing: `rangeRects` gives viewport rectangles for an overlay drawn
// inside our own shadow root (recompute on scroll, resize and DOM changes).

export const HIGHLIGHT_NAME = 'llm-survey-cards';

/** The Ranges to paint for a span of page text: one per original text node, translator text left out. */
export function highlightPieces(page: PageText, start: number, end: number): Range[] {
  return page.map.pieces(start, end);
}

interface HighlightWindow {
  CSS?: { highlights?: { set(name: string, h: unknown): unknown; delete(name: string): unknown } };
  Highlight?: new (...ranges: Range[]) => { add(r: Range): unknown };
}

/** Whether a window offers the CSS Custom Highlight API. */
export function canPaintHighlights(win: unknown): boolean {
  const w = win as HighlightWindow | null | undefined;
  return typeof w?.Highlight === 'function' && !!w.CSS?.highlights && typeof w.CSS.highlights.set === 'function';
}

/**
 * Register ranges as a named custom highlight. Returns a function that removes it, or null when the
 * API is missing (use `rangeRects` for an overlay then). Ranges are added one by one: Firefox 140
 * does not chain `add()`.
 */
export function paintHighlights(win: unknown, ranges: readonly Range[], name = HIGHLIGHT_NAME): (() => void) | null {
  if (!canPaintHighlights(win)) return null;
  const w = win as Required<HighlightWindow>;
  const h = new w.Highlight!();
  for (const r of ranges) h.add(r);
  const registry = w.CSS.highlights!;
  registry.set(name, h);
  return () => {
    registry.delete(name);
  };
}

/** The stylesheet text that colours a named highlight. */
export function highlightCss(name = HIGHLIGHT_NAME, background = 'rgba(255, 214, 0, 0.45)'): string {
  return `::highlight(${name}) { background-color: ${background}; }`;
}

/**
 * The visible rectangles of ranges, in viewport coordinates (empty ones dropped), for an overlay.
 * Empty where layout is unavailable (e.g. jsdom).
 */
export function rangeRects(ranges: Range | readonly Range[]): DOMRect[] {
  const out: DOMRect[] = [];
  for (const r of Array.isArray(ranges) ? ranges : [ranges as Range]) {
    if (typeof (r as Range).getClientRects !== 'function') continue;
    for (const rect of Array.from((r as Range).getClientRects())) {
      if (rect.width > 0 && rect.height > 0) out.push(rect);
    }
  }
  return out;
}
