import { OWN_UI_SELECTOR, TRANSLATOR_SELECTOR } from '../extract/clean';

// The page's own text, as anchoring sees it, and the map between offsets in that text and the DOM.
//
// What counts as "the page's own text":
// - text nodes under the root, in document order;
// - minus translator insertions (TRANSLATOR_SELECTOR), our own UI (OWN_UI_SELECTOR), non-content
//   elements (script, style, noscript, template, iframe, object, embed, textarea, select), MathML
//   annotations (the TeX source LaTeXML puts beside every formula, never rendered), MathJax's
//   assistive copy, and elements hidden by markup (`hidden` attribute, inline `display:none`).
//   Hiding by stylesheets is ignored on purpose: computing styles is slow and it changes with the
//   page's state, and the text must be the same every time the same page is read;
// - whitespace collapsed as a reader sees it: every run of whitespace, and every boundary of a block
//   element or <br>, is one space; no leading space. So "foo<br>bar" is "foo bar", `<td>a</td><td>b</td>`
//   is "a b", and re-indented HTML gives the same text.
//
// Reading never changes the page. Offsets into this text are what annotations store.

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'ul', 'option', 'legend', 'menu',
]);

const NEVER_TEXT = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'textarea', 'select', 'head', 'title',
  'annotation', 'annotation-xml', 'mjx-assistive-mml', 'desc',
]);

/** Elements skipped whatever their tag: translator insertions and our own UI. */
export const FOREIGN_SELECTOR = `${TRANSLATOR_SELECTOR},${OWN_UI_SELECTOR}`;

/** Translator wrappers whose text is a translation (not spinners, tooltips or popups). */
export const TRANSLATION_SELECTOR = [
  'font.immersive-translate-target-wrapper',
  '[data-immersive-translate-translation-element-mark]',
  '.immersive-translate-target-translation-block-wrapper',
  '.immersive-translate-target-translation-inline-wrapper',
  '[id^="immersive-translate-target-wrapper-"]',
].join(',');

const HIDDEN_STYLE = /display\s*:\s*none/i;

/**
 * The part of a complex selector that the matched element itself must satisfy: the last compound
 * ("a > b.c" → "b.c"), without pseudo-classes (nothing inside :not(…) is a necessary condition).
 */
function subjectOf(complex: string): string {
  const brackets: string[] = [];
  const masked = complex
    .trim()
    .replace(/\[[^\]]*\]/g, (a) => `\u0000${brackets.push(a) - 1}\u0001`)
    .replace(/\([^)]*\)/g, '()');
  const last = masked.split(/\s*[>+~]\s*|\s+/).pop() ?? '';
  return last.replace(/:{1,2}[\w-]+(\(\))?/g, '').replace(/\u0000(\d+)\u0001/g, (_, n: string) => brackets[Number(n)]);
}

/**
 * A cheap test that is true for every element a selector list can match (and a few more).
 * `el.matches` on every element of a 700 KB page costs ~100 ms in jsdom; attribute checks cost ~5 ms,
 * so `matches` runs only on elements that pass this.
 */
export function prefilter(selectorList: string): (el: Element) => boolean {
  const attrs = new Set<string>(); // attribute present
  const contains: [string, string][] = []; // attribute value contains
  const tags = new Set<string>();
  for (const complex of selectorList.split(',')) {
    const s = subjectOf(complex);
    const tokens: (() => void)[] = [];
    for (const m of s.matchAll(/\[\s*([\w-]+)\s*(?:[~|^$*]?=\s*(["']?)([^"'\]]*)\2\s*(?:[is])?\s*)?\]/g)) {
      const [, name, , value] = m;
      tokens.push(value ? () => contains.push([name.toLowerCase(), value.toLowerCase()]) : () => attrs.add(name.toLowerCase()));
    }
    for (const m of s.replace(/\[[^\]]*\]/g, '').matchAll(/([.#])([\w-]+)/g)) {
      const [, kind, name] = m;
      tokens.push(() => contains.push([kind === '.' ? 'class' : 'id', name.toLowerCase()]));
    }
    const tag = /^([a-z][\w-]*)/i.exec(s)?.[1];
    if (tokens.length > 0) tokens[0](); // one necessary condition per compound is enough
    else if (tag) tags.add(tag.toLowerCase());
    else return () => true; // a selector we do not understand: test every element
  }
  return (el) => {
    if (tags.has(el.localName)) return true;
    for (const a of attrs) if (el.hasAttribute(a)) return true;
    for (const [name, value] of contains) {
      const v = el.getAttribute(name);
      if (v !== null && v.toLowerCase().includes(value)) return true;
    }
    return false;
  };
}

const mayBeForeign = prefilter(FOREIGN_SELECTOR);
const mayBeTranslation = prefilter(TRANSLATION_SELECTOR);

/** A translator insertion or our own UI (the element itself, not its ancestors). */
export function isForeign(el: Element): boolean {
  return mayBeForeign(el) && el.matches(FOREIGN_SELECTOR);
}

function isTranslationEl(el: Element): boolean {
  return mayBeTranslation(el) && el.matches(TRANSLATION_SELECTOR);
}

/** Whether an element's subtree is left out of the page text. */
export function isSkipped(el: Element): boolean {
  if (NEVER_TEXT.has(el.localName)) return true;
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  if (style && HIDDEN_STYLE.test(style)) return true;
  return isForeign(el);
}

/** Whether a node sits inside a translator insertion or our own UI (e.g. to ignore its mutations). */
export function insideForeign(node: Node, root?: Node): boolean {
  for (let n: Node | null = node; n && n !== root; n = n.parentNode) {
    if (n.nodeType === ELEMENT && isForeign(n as Element)) return true;
  }
  return false;
}

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

export interface DomPoint {
  node: Text;
  offset: number;
}

/** Which way to round a text offset that falls between two text nodes (or a DOM point that falls outside the text). */
export type Bias = 'start' | 'end';

export interface TextMap {
  /** The root element the text was read from. */
  readonly root: Element;
  /** The text nodes that contribute text, in document order. */
  readonly nodes: readonly Text[];
  /** A text offset as a DOM point: `start` rounds forward to the next character, `end` back to the previous one. */
  toDom(offset: number, bias: Bias): DomPoint | null;
  /** A DOM boundary point (as in a Range) as a text offset; points outside the text round forward (`start`) or back (`end`). */
  fromDom(container: Node, offset: number, bias: Bias): number;
  /** A live Range over text [start, end) (start rounded forward, end back); null when the page has no text. */
  range(start: number, end: number): Range | null;
  /** One Range per text node over text [start, end): covers only the page's own text, never what lies between. */
  pieces(start: number, end: number): Range[];
  /** The text nodes holding text [start, end), in order. */
  nodesIn(start: number, end: number): Text[];
  /** The text [start, end) of a Range, as offsets (start rounded forward, end back, spaces at either end dropped). */
  offsetsOf(range: Range): { start: number; end: number };
}

export interface PageText {
  text: string;
  map: TextMap;
}

/** The element whose text is read when given a document. */
export function textRoot(root: Element | Document): Element {
  if (root.nodeType === 9) {
    const doc = root as Document;
    return doc.body ?? doc.documentElement;
  }
  return root as Element;
}

const WS = /\s/;
const isWs = (ch: string) => WS.test(ch);

/** Raw offset in `data` where normalized character k of the node's text begins (k may equal the length). */
function rawStart(data: string, k: number): number {
  let i = 0;
  const len = data.length;
  while (i < len && isWs(data[i])) i++;
  let c = 0;
  while (i < len) {
    if (c === k) return i;
    if (isWs(data[i])) while (i < len && isWs(data[i])) i++;
    else i++;
    c++;
  }
  return i;
}

/** Normalized characters of a node's text that lie before raw offset `raw`. */
function normCount(data: string, raw: number, bias: Bias): number {
  let i0 = 0;
  while (i0 < data.length && isWs(data[i0])) i0++;
  if (raw <= i0) return 0;
  const s = data.slice(i0, raw).replace(/\s+/g, ' ');
  return bias === 'end' && s.endsWith(' ') ? s.length - 1 : s.length;
}

/** Read the page's own text (see the notes at the top of this file). Never changes the page. */
export function pageText(rootOrDoc: Element | Document): PageText {
  const root = textRoot(rootOrDoc);
  const nodes: Text[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const chunks: string[] = [];
  let len = 0;
  let pendingSpace = false;

  const visitText = (t: Text) => {
    const data = t.data;
    if (data.length === 0) return;
    let norm = data.replace(/\s+/g, ' ');
    if (norm.startsWith(' ')) {
      pendingSpace = true;
      norm = norm.slice(1);
    }
    let trailing = false;
    if (norm.endsWith(' ')) {
      trailing = true;
      norm = norm.slice(0, -1);
    }
    if (norm.length > 0) {
      if (pendingSpace && len > 0) {
        chunks.push(' ');
        len += 1;
      }
      pendingSpace = false;
      nodes.push(t);
      starts.push(len);
      chunks.push(norm);
      len += norm.length;
      ends.push(len);
    }
    if (trailing) pendingSpace = true;
  };

  // Iterative walk with enter/leave events, so block boundaries become spaces.
  const walk = (el: Element) => {
    let node: Node | null = el.firstChild;
    const stack: Node[] = [];
    while (node) {
      let descend = false;
      if (node.nodeType === TEXT || node.nodeType === CDATA) {
        visitText(node as Text);
      } else if (node.nodeType === ELEMENT) {
        const e = node as Element;
        if (!isSkipped(e)) {
          if (BLOCK.has(e.localName)) pendingSpace = true;
          if (e.firstChild) descend = true;
        }
      }
      if (descend) {
        stack.push(node);
        node = node.firstChild;
        continue;
      }
      while (node && !node.nextSibling) {
        const parent = stack.pop();
        if (!parent) {
          node = null;
          break;
        }
        if (BLOCK.has((parent as Element).localName)) pendingSpace = true;
        node = parent;
      }
      node = node ? node.nextSibling : null;
    }
  };
  walk(root);

  const text = chunks.join('');
  const index = new Map<Text, number>();
  nodes.forEach((n, i) => index.set(n, i));
  const doc = root.ownerDocument;

  /** First segment whose end is after `offset`. */
  const firstEndingAfter = (offset: number) => {
    let lo = 0;
    let hi = nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid] > offset) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  /** Last segment whose start is before `offset`. */
  const lastStartingBefore = (offset: number) => {
    let lo = 0;
    let hi = nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  };

  const toDom = (offset: number, bias: Bias): DomPoint | null => {
    if (nodes.length === 0) return null;
    if (bias === 'start') {
      const i = firstEndingAfter(offset);
      if (i >= nodes.length) {
        const last = nodes.length - 1;
        return { node: nodes[last], offset: rawStart(nodes[last].data, ends[last] - starts[last]) };
      }
      const k = Math.max(0, offset - starts[i]);
      return { node: nodes[i], offset: rawStart(nodes[i].data, k) };
    }
    const i = lastStartingBefore(offset);
    if (i < 0) return { node: nodes[0], offset: rawStart(nodes[0].data, 0) };
    const k = Math.min(offset, ends[i]) - starts[i];
    return { node: nodes[i], offset: k === 0 ? rawStart(nodes[i].data, 0) : rawStart(nodes[i].data, k - 1) + 1 };
  };

  const fromDom = (container: Node, offset: number, bias: Bias): number => {
    const i = index.get(container as Text);
    if (i !== undefined) {
      const k = normCount(nodes[i].data, offset, bias);
      return Math.min(starts[i] + k, ends[i]);
    }
    // A point outside the page's text (between elements, inside a translation, in a skipped node):
    // walk forward in document order to the first text node that has text. (Not a binary search with
    // Range.comparePoint: that is O(page) per call in jsdom; the walk is short.)
    let next: Node | null;
    if (container.nodeType === ELEMENT || container.nodeType === 9 || container.nodeType === 11) {
      next = container.childNodes[offset] ?? after(container);
    } else {
      next = after(container);
    }
    let lo = nodes.length;
    for (let n = next; n; ) {
      const j = n.nodeType === TEXT || n.nodeType === CDATA ? index.get(n as Text) : undefined;
      if (j !== undefined) {
        lo = j;
        break;
      }
      n = n.firstChild ?? after(n);
    }
    if (bias === 'start') return lo < nodes.length ? starts[lo] : text.length;
    return lo > 0 ? ends[lo - 1] : 0;
  };

  /** The node after n's subtree in document order, within the root. */
  const after = (n: Node): Node | null => {
    for (let c: Node | null = n; c && c !== root; c = c.parentNode) {
      if (c.nextSibling) return c.nextSibling;
    }
    return null;
  };

  /**
   * A Range from a to b. Starts from selectNodeContents so that jsdom compares boundary points
   * only between nearby nodes (its tree-order test walks forward through the document).
   */
  const makeRange = (a: DomPoint, b: DomPoint): Range => {
    const r = doc.createRange();
    r.selectNodeContents(a.node);
    r.setStart(a.node, a.offset);
    r.collapse(true);
    r.setEnd(b.node, b.offset);
    return r;
  };

  const range = (start: number, end: number): Range | null => {
    const a = toDom(start, 'start');
    const b = toDom(Math.max(start, end), 'end');
    if (!a || !b) return null;
    // An empty span would round the end before the start: collapse instead.
    return end > start ? makeRange(a, b) : makeRange(a, a);
  };

  const pieces = (start: number, end: number): Range[] => {
    const out: Range[] = [];
    for (let i = firstEndingAfter(start); i < nodes.length && starts[i] < end; i++) {
      const s = Math.max(start, starts[i]) - starts[i];
      const e = Math.min(end, ends[i]) - starts[i];
      if (e <= s) continue;
      const node = nodes[i];
      out.push(makeRange({ node, offset: rawStart(node.data, s) }, { node, offset: rawStart(node.data, e - 1) + 1 }));
    }
    return out;
  };

  const nodesIn = (start: number, end: number): Text[] => {
    const out: Text[] = [];
    for (let i = firstEndingAfter(start); i < nodes.length && starts[i] < end; i++) out.push(nodes[i]);
    return out;
  };

  const offsetsOf = (r: Range) => {
    let start = fromDom(r.startContainer, r.startOffset, 'start');
    let end = fromDom(r.endContainer, r.endOffset, 'end');
    while (start < end && text[start] === ' ') start++;
    while (end > start && text[end - 1] === ' ') end--;
    if (end < start) end = start;
    return { start, end };
  };

  return { text, map: { root, nodes, toDom, fromDom, range, pieces, nodesIn, offsetsOf } };
}

/** The outermost translation wrapper around a node, if any. */
function translationAround(node: Node, root: Node): Element | null {
  let found: Element | null = null;
  for (let n: Node | null = node; n && n !== root; n = n.parentNode) {
    if (n.nodeType === ELEMENT && isTranslationEl(n as Element)) found = n as Element;
  }
  return found;
}

/**
 * The translations a translator shows for the original text in [start, end), in page order: the
 * text of every translation wrapper that is a child of an element holding some of that text (up to
 * its block), plus the wrappers the range starts or ends in. Empty when there is none.
 * Reads only the neighbourhood of the text, so it is quick on a large page.
 */
export function translationsFor(page: PageText, start: number, end: number, range?: Range): string[] {
  const root = page.map.root;
  const wrappers = new Set<Element>();
  const looked = new Set<Element>();
  for (const t of page.map.nodesIn(start, end)) {
    for (let e = t.parentElement; e; e = e.parentElement) {
      if (looked.has(e)) break;
      looked.add(e);
      for (let c = e.firstElementChild; c; c = c.nextElementSibling) if (isTranslationEl(c)) wrappers.add(c);
      if (e === root || BLOCK.has(e.localName)) break;
    }
  }
  if (range) {
    for (const n of [range.startContainer, range.endContainer]) {
      const w = translationAround(n, root);
      if (w) wrappers.add(w);
    }
  }
  const ordered = [...wrappers].sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
  return ordered.map((w) => (w.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean);
}

export { isTranslationEl as isTranslation };
