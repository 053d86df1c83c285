/** Nodes that in-page translators insert (Immersive Translate current and 2023 builds, and its UI). */
export const TRANSLATOR_SELECTOR = [
  '[data-immersive-translate-translation-element-mark]',
  'font.immersive-translate-target-wrapper',
  '.immersive-translate-target-translation-block-wrapper',
  '.immersive-translate-target-translation-inline-wrapper',
  '[id^="immersive-translate-target-wrapper-"]',
  '.immersive-translate-loading-spinner',
  '.immersive-translate-error-wrapper',
  '.immersive-translate-tooltip',
  '#immersive-translate-popup',
  '.imt-caption-container',
].join(',');

/** Our own in-page UI: a shadow host carries this attribute. */
export const OWN_UI_SELECTOR = '[data-llm-survey-cards]';

const NEVER_CONTENT = 'script,style,noscript,template,iframe,object,embed';

/**
 * A detached copy of the page with our UI, translator insertions and non-content removed.
 * Extraction reads only this copy: the live page is never touched.
 */
export function cloneForExtraction(doc: Document): Document {
  const copy = doc.implementation.createHTMLDocument('');
  const root = copy.importNode(doc.documentElement, true);
  copy.replaceChild(root, copy.documentElement);
  // Inline scripts hold data some sites never put in the DOM (WeChat's publish time); keep their text aside.
  scriptsOf.set(
    copy,
    [...copy.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? '').filter((t) => t.length < 500_000),
  );
  for (const sel of [OWN_UI_SELECTOR, TRANSLATOR_SELECTOR, NEVER_CONTENT]) {
    copy.querySelectorAll(sel).forEach((n) => n.remove());
  }
  return copy;
}

const scriptsOf = new WeakMap<Document, string[]>();

/** The text of the page's inline scripts, as they were before cleaning removed them. */
export function inlineScripts(doc: Document): string[] {
  return scriptsOf.get(doc) ?? [];
}

/** Collapse runs of whitespace, as a reader sees the text. */
export function squash(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

/** Text of an element without the given descendant labels (e.g. arXiv's "Title:" descriptor). */
export function textWithout(el: Element | null, dropSelector: string): string {
  if (!el) return '';
  const c = el.cloneNode(true) as Element;
  c.querySelectorAll(dropSelector).forEach((n) => n.remove());
  return squash(c.textContent);
}

export function metaContent(doc: Document, name: string): string {
  const el = doc.querySelector(`meta[name="${name}"], meta[property="${name}"]`);
  return squash(el?.getAttribute('content'));
}

export function metaContents(doc: Document, name: string): string[] {
  return [...doc.querySelectorAll(`meta[name="${name}"], meta[property="${name}"]`)]
    .map((m) => squash(m.getAttribute('content')))
    .filter(Boolean);
}
