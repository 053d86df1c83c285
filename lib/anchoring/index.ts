// Anchoring annotations on the page's own text (DESIGN.md habit 9). Pure: DOM in, Ranges out.
export {
  anchor,
  anchorAll,
  describe,
  type AnchorAllResult,
  type AnchorOptions,
  type Anchored,
  type AnnotationLike,
  type DescribeOptions,
  type Described,
  type SelectorsInput,
} from './anchor';
export {
  CONTEXT_LENGTH,
  matchSelectors,
  type AnchorMethod,
  type MatchOptions,
  type PositionSelector,
  type QuoteSelector,
  type Selectors,
  type TextMatch,
} from './match';
export {
  FOREIGN_SELECTOR,
  TRANSLATION_SELECTOR,
  insideForeign,
  isForeign,
  isSkipped,
  pageText,
  prefilter,
  textRoot,
  translationsFor,
  type Bias,
  type DomPoint,
  type PageText,
  type TextMap,
} from './text';
export { HIGHLIGHT_NAME, canPaintHighlights, highlightCss, highlightPieces, paintHighlights, rangeRects } from './highlight';
