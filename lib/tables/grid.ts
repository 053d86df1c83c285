/**
 * Any HTML table (a model card's raw HTML, a rendered markdown table, an arXiv LaTeXML tabular) as
 * a rectangular grid of text cells. Row and column spans are expanded — a spanned cell's text is
 * repeated in every slot it covers — so the results stage can read headers and labels by position.
 *
 * Works on any DOM (the page, DOMParser, jsdom): it only walks nodes and reads text, never innerHTML.
 */

export interface Cell {
  text: string;
  /** The cell's number (or, for a text cell, most of its text) is set in bold. */
  bold: boolean;
  /** Marked up as a header: <th>, inside <thead>, or a LaTeXML ltx_th. */
  header: boolean;
}

export interface Grid {
  caption: string;
  cells: Cell[][];
  /** Leading rows that are column headers by their markup (the results stage may find more). */
  headerRows: number;
  source: 'html' | 'markdown' | 'latexml';
}

// Hostile or broken markup must not blow a 3-row table up into millions of cells.
const MAX_COLSPAN = 100;
const MAX_ROWSPAN = 1000;

const SKIP = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'button',
  'svg',
  'input',
  'select',
  'textarea',
  'annotation',
  'annotation-xml',
  // LaTeXML and most papers put "[18]" or "(Author, 2017)" citations next to model names.
  'cite',
]);

const BLOCK = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'table',
  'tr',
  'td',
  'th',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'section',
  'figure',
  'figcaption',
  'dl',
  'dt',
  'dd',
  'hr',
]);

// A <br> reads as a space, except where it splits a hyphenated name ("LLaMA-2<br>-7B").
const LINE_BREAK = '\u2028';

interface Piece {
  text: string;
  bold: boolean;
}

function isBoldElement(el: Element, tag: string): boolean {
  if (tag === 'b' || tag === 'strong') return true;
  const cls = el.getAttribute('class');
  if (cls && cls.includes('ltx_font_bold')) return true;
  const style = el.getAttribute('style');
  return !!style && /font-weight\s*:\s*(?:bold|bolder|[6-9]00)/i.test(style);
}

function walk(node: Node, bold: boolean, out: Piece[]): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3 || child.nodeType === 4) {
      out.push({ text: (child as Text).data, bold });
      continue;
    }
    if (child.nodeType !== 1) continue;
    const el = child as Element;
    const tag = el.localName.toLowerCase();
    if (SKIP.has(tag) || el.hasAttribute('hidden')) continue;
    // Immersive Translate's inserted translation: not the page's own text.
    if (tag === 'font' && el.hasAttribute('data-immersive-translate-translation-element-mark')) continue;
    if (tag === 'br') {
      out.push({ text: LINE_BREAK, bold });
      continue;
    }
    if (tag === 'img') continue;
    if (tag === 'math') {
      const alt = el.getAttribute('alttext');
      if (alt != null) {
        const tex = texToText(alt);
        out.push({ text: tex.text, bold: bold || tex.bold });
        continue;
      }
    }
    const b = bold || isBoldElement(el, tag);
    if (tag === 'sup' || tag === 'sub') {
      // Footnote marks and ± spreads stay attached to the number with a marker parseValue splits off.
      const inner: Piece[] = [];
      walk(el, b, inner);
      const text = inner
        .map((p) => p.text)
        .join('')
        .trim();
      if (text) out.push({ text: (tag === 'sup' ? '^' : '_') + text, bold: b });
      continue;
    }
    const block = BLOCK.has(tag) || (el.getAttribute('class') ?? '').includes('ltx_p');
    if (block) out.push({ text: ' ', bold });
    walk(el, b, out);
    if (block) out.push({ text: ' ', bold });
  }
}

/** Text of an element as it reads on the page, and whether it is set in bold. */
export function readCell(el: Element, inheritedBold = false): { text: string; bold: boolean } {
  const pieces: Piece[] = [];
  walk(el, inheritedBold || isBoldElement(el, el.localName.toLowerCase()), pieces);
  const raw = pieces.map((p) => p.text).join('');
  const text = raw
    .replace(/\s*\u2028\s*(?=-)|(?<=-)\s*\u2028\s*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return { text, bold: text ? boldness(pieces) : false };
}

/** A number cell is bold when its (first) number is; a text cell when most of its letters are. */
function boldness(pieces: Piece[]): boolean {
  let total = 0;
  let boldChars = 0;
  for (const p of pieces) {
    const digit = p.text.search(/\d/);
    if (digit >= 0) return p.bold;
    const n = p.text.replace(/\s+/g, '').length;
    total += n;
    if (p.bold) boldChars += n;
  }
  return total > 0 && boldChars * 2 >= total;
}

const TEX_SYMBOLS: Record<string, string> = {
  pm: '±',
  mp: '∓',
  dagger: '†',
  ddagger: '‡',
  ast: '*',
  star: '*',
  times: '×',
  cdot: '·',
  sim: '~',
  approx: '≈',
  le: '≤',
  leq: '≤',
  ge: '≥',
  geq: '≥',
  checkmark: '✓',
  infty: '∞',
  uparrow: '↑',
  downarrow: '↓',
  rightarrow: '→',
  to: '→',
  tau: 'τ',
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  lambda: 'λ',
  mu: 'μ',
  sigma: 'σ',
  circ: '°',
  degree: '°',
  S: '§',
  P: '¶',
  epsilon: 'ε',
  varepsilon: 'ε',
  theta: 'θ',
  pi: 'π',
  rho: 'ρ',
  phi: 'φ',
  omega: 'ω',
  eta: 'η',
};
// Everything else (\text, \mathrm, \mathbf, \underline…) only wraps its argument and reads as nothing.
const TEX_SPACES = new Set(['quad', 'qquad', 'hspace', 'hfill', 'enspace', 'space']);

/** LaTeXML keeps each formula's TeX in alttext; table cells mostly hold numbers, ± and marks there. */
export function texToText(tex: string): { text: string; bold: boolean } {
  const bold = /\\(?:mathbf|textbf|bm|boldsymbol|bf|bfseries)\b/.test(tex);
  const text = tex
    .replace(/\\[%&#_$]/g, (m) => m.slice(1))
    .replace(/\\[,;:! ]/g, ' ')
    .replace(/\\([a-zA-Z]+)\*?/g, (_m, name: string) => TEX_SYMBOLS[name] ?? (TEX_SPACES.has(name) ? ' ' : ''))
    .replace(/\^\s*\{([^{}]*)\}/g, '^$1')
    .replace(/_\s*\{([^{}]*)\}/g, '_$1')
    .replace(/[{}]/g, '')
    .replace(/~/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return { text, bold };
}

interface SourceRow {
  tr: Element;
  inHead: boolean;
}

function sourceRows(table: Element): SourceRow[] {
  const head: SourceRow[] = [];
  const body: SourceRow[] = [];
  const foot: SourceRow[] = [];
  const take = (section: Element, into: SourceRow[], inHead: boolean) => {
    for (const tr of Array.from(section.children)) if (tr.localName.toLowerCase() === 'tr') into.push({ tr, inHead });
  };
  for (const child of Array.from(table.children)) {
    const tag = child.localName.toLowerCase();
    if (tag === 'tr') body.push({ tr: child, inHead: false });
    else if (tag === 'thead') take(child, head, true);
    else if (tag === 'tbody') take(child, body, false);
    else if (tag === 'tfoot') take(child, foot, false);
  }
  return [...head, ...body, ...foot];
}

function span(el: Element, attr: string, max: number): number {
  const n = parseInt(el.getAttribute(attr) ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
}

function figcaptionOf(figure: Element): string {
  for (const child of Array.from(figure.children)) {
    if (child.localName.toLowerCase() === 'figcaption') return readCell(child).text;
  }
  return '';
}

/** The table's <caption>, or the caption of the figure around it (LaTeXML figure.ltx_table), outer figure first. */
function captionOf(table: Element): string {
  for (const child of Array.from(table.children)) {
    if (child.localName.toLowerCase() === 'caption') return readCell(child).text;
  }
  const figure = table.closest('figure');
  if (!figure) return '';
  const own = figcaptionOf(figure);
  const outer = figure.parentElement?.closest('figure');
  const outerCaption = outer ? figcaptionOf(outer) : '';
  return [outerCaption, own].filter(Boolean).join(' ');
}

const EMPTY: Cell = Object.freeze({ text: '', bold: false, header: false }) as Cell;

export function htmlTableToGrid(table: Element): Grid {
  const rows = sourceRows(table);
  const cells: Cell[][] = rows.map(() => []);
  const headerFlags: boolean[] = [];
  const firstRowBold: boolean[] = [];

  rows.forEach(({ tr, inHead }, r) => {
    const own = Array.from(tr.children).filter((c) => {
      const t = c.localName.toLowerCase();
      return t === 'td' || t === 'th';
    });
    const allTh = own.length > 0 && own.every((c) => c.localName.toLowerCase() === 'th');
    // A LaTeXML body row starts with a row-header <th class="ltx_th_row">; a header row has column headers.
    const columnHeaders = own.some((c) => !(c.getAttribute('class') ?? '').includes('ltx_th_row'));
    headerFlags.push(inHead || (allTh && columnHeaders));

    let c = 0;
    let allBold = own.length > 0;
    let anyText = false;
    for (const el of own) {
      const row = cells[r];
      while (row[c]) c++;
      const isTh = el.localName.toLowerCase() === 'th';
      const { text, bold } = readCell(el);
      if (text) {
        anyText = true;
        if (!bold) allBold = false;
      }
      const cell: Cell = { text, bold, header: inHead || isTh };
      const colspan = span(el, 'colspan', MAX_COLSPAN);
      const rowspan = Math.min(span(el, 'rowspan', MAX_ROWSPAN), rows.length - r);
      for (let dr = 0; dr < rowspan; dr++) {
        const target = cells[r + dr];
        for (let dc = 0; dc < colspan; dc++) target[c + dc] = dr === 0 && dc === 0 ? cell : { ...cell };
      }
      c += colspan;
    }
    firstRowBold.push(allBold && anyText);
  });

  const width = cells.reduce((w, row) => Math.max(w, row.length), 0);
  for (const row of cells) {
    for (let c = 0; c < width; c++) if (!row[c]) row[c] = { ...EMPTY };
  }

  let headerRows = 0;
  while (headerRows < rows.length && headerFlags[headerRows]) headerRows++;
  // Cards often write the header row as <td><strong>…</strong></td>: a bold first row over a plain body.
  if (headerRows === 0 && rows.length > 1 && firstRowBold[0] && !firstRowBold[1]) headerRows = 1;

  const latexml = (table.getAttribute('class') ?? '').includes('ltx_tabular');
  return { caption: captionOf(table), cells, headerRows, source: latexml ? 'latexml' : 'html' };
}
