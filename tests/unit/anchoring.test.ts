import { describe as group, expect, it } from 'vitest';
import {
  anchor,
  anchorAll,
  canPaintHighlights,
  describe,
  highlightCss,
  highlightPieces,
  insideForeign,
  isForeign,
  pageText,
  paintHighlights,
  prefilter,
  rangeRects,
} from '../../lib/anchoring';
import { TRANSLATOR_SELECTOR } from '../../lib/extract/clean';
import {
  CJK,
  allTextNodes,
  anchoringFixture,
  findText,
  load,
  select,
  squash,
  translateLive,
} from '../fixtures/anchoring/helpers';

const ARTICLE = anchoringFixture('article.html');
const SENTENCE = 'The model is trained with the AdamW optimizer and a cosine schedule.';

/** The page text a Range covers (the text anchoring sees, not Range.toString()). */
function textOf(range: Range, root: Document): string {
  const page = pageText(root);
  const { start, end } = page.map.offsetsOf(range);
  return page.text.slice(start, end);
}

/** Zh translations for the fixture, as Immersive Translate would add them. */
const ZH = {
  h1: 'Tiny-LM：用于测试调研的小模型',
  '#S1 h2': '1 引言',
  '#p1': 'Tiny-LM 是仅解码器的 Transformer，使用分组查询注意力和 RoPE 位置编码。',
  '#p2': '我们保持配方简单。模型使用 AdamW 优化器和余弦调度训练。',
  '#p3': '预训练时我们使用 4M 词元的批量。',
  '#T1 tr:nth-child(3) td': '皮提亚',
  '#p5': 'Tiny-LM 在我们尝试的每个基准上都胜过 Pythia-1B。',
};

group('page text', () => {
  it('reads the page as a reader sees it: block boundaries and <br> are spaces, whitespace collapsed', () => {
    const { text } = pageText(load(ARTICLE));
    expect(text.startsWith('Tiny-LM: A Small Model for Testing Surveys 1 Introduction Tiny-LM is a decoder-only')).toBe(true);
    expect(text).toContain('grouped-query attention and RoPE positional encoding. It was trained on two trillion tokens');
    expect(text).toContain('averaged over tokens. A second line follows the break.');
    expect(text).toContain('Model MMLU Tiny-LM 41.2 Pythia-1B 26.0');
    expect(text).not.toMatch(/\s{2}|\n/);
  });

  it('leaves out scripts, styles, the <head>, hidden elements and MathML annotations', () => {
    const { text } = pageText(load(ARTICLE));
    expect(text).not.toContain('Hidden text');
    expect(text).not.toContain('notText');
    expect(text).not.toContain('\\mathcal');
    expect(text).not.toContain('Anchoring fixture');
    expect(text).toContain('The loss is L averaged');
  });

  it('leaves out translator insertions and our own UI', () => {
    const plain = pageText(load(ARTICLE)).text;
    const doc = load(ARTICLE);
    translateLive(doc, ZH);
    doc.body.insertAdjacentHTML('beforeend', '<div data-llm-survey-cards class="notranslate" translate="no">Send to 训练方法</div>');
    expect(pageText(doc).text).toBe(plain);
  });

  it('leaves out every kind of translator node TRANSLATOR_SELECTOR names (older builds and UI too)', () => {
    const plain = pageText(load(ARTICLE)).text;
    const doc = load(ARTICLE);
    const inserts = [
      '<span id="immersive-translate-target-wrapper-3" lang="zh-CN">旧版译文</span>',
      '<div class="immersive-translate-loading-spinner">加载中</div>',
      '<span class="immersive-translate-error-wrapper">翻译失败</span>',
      '<div class="immersive-translate-tooltip">提示</div>',
      '<div id="immersive-translate-popup">悬浮球</div>',
      '<div class="imt-caption-container">字幕</div>',
      '<font class="notranslate immersive-translate-target-translation-inline-wrapper">内联</font>',
    ];
    const ps = doc.querySelectorAll('p');
    inserts.forEach((html, i) => ps[i % ps.length].insertAdjacentHTML('beforeend', html));
    for (const el of doc.querySelectorAll(TRANSLATOR_SELECTOR)) expect(isForeign(el)).toBe(true);
    expect(doc.querySelectorAll(TRANSLATOR_SELECTOR).length).toBe(inserts.length);
    expect(pageText(doc).text).toBe(plain);
    // Ordinary elements are not foreign, notranslate alone included (it is the page's own text).
    for (const el of load(ARTICLE.replace('<em>', '<em class="notranslate" translate="no">')).querySelectorAll('body *')) {
      expect(isForeign(el)).toBe(false);
    }
  });

  it('the quick pre-test before el.matches never misses an element the selector matches', () => {
    const doc = load(
      '<div class="a"><p id="x" class="b c"><span id="y" data-x="1">t</span><em lang="zh-CN">e</em></p>' +
        '<section title="a b"><i class="skip">i</i><font class="k">f</font></section><ul><li lang="zh-TW">l</li></ul></div>',
    );
    const selectors = [
      'div.a .b',
      'p > span#y',
      '[data-x] + em',
      'font:not(.skip)',
      'i:not(.a .b)',
      '.b:first-child',
      'ul li[lang|="zh"]',
      'section[title="a b"] i',
      '*',
      'EM',
      TRANSLATOR_SELECTOR,
    ];
    for (const sel of selectors) {
      const quick = prefilter(sel);
      for (const el of doc.querySelectorAll('*')) if (el.matches(sel)) expect(quick(el), `${sel} on ${el.outerHTML}`).toBe(true);
    }
    expect(prefilter('.k')(doc.querySelector('em')!)).toBe(false); // and it does filter
  });

  it('is the same text when the HTML is re-indented', () => {
    const reflowed = ARTICLE.replace(/>\s+</g, '><').replace(/\n\s*/g, '\n\t\t');
    expect(pageText(load(reflowed)).text).toBe(pageText(load(ARTICLE)).text);
  });

  it('maps offsets to DOM points and back', () => {
    const doc = load(ARTICLE);
    const { text, map } = pageText(doc);
    for (let i = 0; i < text.length; i++) {
      if (text[i] === ' ') continue;
      const p = map.toDom(i, 'start')!;
      expect(p.node.data[p.offset]).toBe(text[i]);
      expect(map.fromDom(p.node, p.offset, 'start')).toBe(i);
      const e = map.toDom(i + 1, 'end')!;
      expect(map.fromDom(e.node, e.offset, 'end')).toBe(i + 1);
    }
  });

  it('maps points between elements and inside skipped nodes to the nearest text', () => {
    const doc = load(ARTICLE);
    const { text, map } = pageText(doc);
    const section = doc.querySelector('#S2')!;
    const start = map.fromDom(section, 0, 'start');
    expect(text.slice(start).startsWith('2 Training')).toBe(true);
    const hidden = doc.querySelector('[hidden]')!.firstChild!;
    const after = map.fromDom(hidden, 3, 'start');
    expect(text.slice(after).startsWith('3 Results')).toBe(true);
    const before = map.fromDom(hidden, 3, 'end');
    expect(text.slice(0, before).endsWith('follows the break.')).toBe(true);
  });

  it('reads a sub-tree when given an element', () => {
    const doc = load(ARTICLE);
    expect(pageText(doc.querySelector('#T1')!).text).toBe('Model MMLU Tiny-LM 41.2 Pythia-1B 26.0');
  });
});

group('describe', () => {
  it('gives quote, 32 characters of context each side and the position in the page text', () => {
    const doc = load(ARTICLE);
    const d = describe(select(doc, 'grouped-query attention'), doc)!;
    const { text } = pageText(doc);
    expect(d.quote.exact).toBe('grouped-query attention');
    expect(d.quote.prefix).toBe(text.slice(d.position.start - 32, d.position.start));
    expect(d.quote.prefix.endsWith('decoder-only transformer with ')).toBe(true);
    expect(d.quote.suffix).toBe(' and RoPE positional encoding. I');
    expect(text.slice(d.position.start, d.position.end)).toBe(d.quote.exact);
    expect(d.translation).toBeUndefined();
  });

  it('collapses whitespace and spans elements', () => {
    const doc = load(ARTICLE);
    const d = describe(select(doc, 'RoPE positional', 'eleven days'), doc)!;
    expect(d.quote.exact).toMatch(/^RoPE positional encoding\. It was trained on two trillion tokens of web text\. We keep the recipe simple\. .* Training took eleven days$/);
  });

  it('drops spaces at either end of a selection', () => {
    const doc = load(ARTICLE);
    const p1 = doc.querySelector('#p1')!;
    const r = doc.createRange();
    r.setStart(doc.querySelector('#S1 h2')!.firstChild!, 2); // "Introduction…"
    r.setEnd(p1.firstChild!, 0);
    expect(describe(r, doc)!.quote.exact).toBe('Introduction');
  });

  it('gives null for a selection without page text', () => {
    const doc = load(ARTICLE);
    const r = doc.createRange();
    r.setStart(doc.querySelector('#p1')!.firstChild!, 3);
    expect(describe(r, doc)).toBeNull();
  });
});

group('anchor: page unchanged', () => {
  it('anchors by position, on the same text', () => {
    const doc = load(ARTICLE);
    const d = describe(select(doc, 'grouped-query attention'), doc)!;
    const a = anchor(d, doc)!;
    expect(a.method).toBe('position');
    expect(a.score).toBeGreaterThan(0.99);
    expect(a.range.toString()).toBe('grouped-query attention');
    expect(a.range.startContainer).toBe(findText(doc.body, 'grouped-query').node);
  });

  it('anchors a selection across elements', () => {
    const doc = load(ARTICLE);
    const d = describe(select(doc, 'RoPE positional', 'eleven days'), doc)!;
    const a = anchor(d, doc)!;
    expect(a.method).toBe('position');
    expect(textOf(a.range, doc)).toBe(d.quote.exact);
    expect(squash(a.range.toString())).toBe(d.quote.exact);
  });

  it('anchors a quote without position or context', () => {
    const doc = load(ARTICLE);
    const a = anchor({ quote: { exact: 'cosine schedule. Warm-up' } }, doc)!;
    expect(a.method).toBe('quote');
    expect(squash(a.range.toString())).toBe('cosine schedule. Warm-up');
  });

  it('never changes the page', () => {
    const doc = load(ARTICLE);
    translateLive(doc, ZH);
    const before = doc.documentElement.outerHTML;
    const d = describe(select(doc, 'RoPE positional', 'eleven days'), doc)!;
    anchor(d, doc);
    anchor({ quote: { exact: 'optimiser', prefix: 'nothing like it', suffix: 'at all' } }, doc);
    anchorAll([{ id: 'a', ...d }], doc);
    highlightPieces(pageText(doc), d.position.start, d.position.end);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

group('anchor: after the page text changed a little', () => {
  it('words inserted before the quote: found by quote, not by the stale position', () => {
    const doc = load(ARTICLE);
    const d = describe(select(doc, 'AdamW optimizer and a cosine', 'cosine'), doc)!;
    const changed = load(ARTICLE.replace('We keep the recipe simple.', 'We keep the recipe simple, as explained below in some detail.'));
    const a = anchor(d, changed)!;
    expect(a.method).toBe('quote');
    expect(a.range.toString()).toBe('AdamW optimizer and a cosine');
    expect(changed.querySelector('#p2')!.contains(a.range.startContainer)).toBe(true);
  });

  it('a paragraph added before: found by quote', () => {
    const doc = load(ARTICLE);
    const d = describe(select(doc, 'Tiny-LM beats Pythia-1B', 'every benchmark'), doc)!;
    const changed = load(ARTICLE.replace('<section id="S2">', '<section id="S0"><p>An extra paragraph, added in version two of the paper, about data.</p></section><section id="S2">'));
    const a = anchor(d, changed)!;
    expect(a.method).toBe('quote');
    expect(a.range.toString()).toBe('Tiny-LM beats Pythia-1B on every benchmark');
  });

  it('a typo fixed inside the quote: found fuzzily, on the corrected text', () => {
    const typo = ARTICLE.replace('For pre-training we use a batch of 4M tokens.', 'For pre-trainig we use a bacth of 4M tokens.');
    const doc = load(typo);
    const d = describe(select(doc, 'pre-trainig we use a bacth of 4M'), doc)!;
    const fixed = load(ARTICLE);
    const a = anchor(d, fixed)!;
    expect(a.method).toBe('fuzzy');
    expect(a.range.toString()).toBe('pre-training we use a batch of 4M');
    expect(a.score).toBeGreaterThan(0.9);
  });

  it('a word inserted inside the quote, the page re-indented and the position shifted: fuzzy', () => {
    const doc = load(ARTICLE);
    const d = describe(select(doc, 'decoder-only transformer with grouped-query attention'), doc)!;
    const changed = load(
      ARTICLE.replace('<h2>1 Introduction</h2>', '<h2>1 Introduction and motivation</h2>').replace(
        'decoder-only transformer with grouped-query',
        'decoder-only\n            transformer   with standard grouped-query',
      ),
    );
    const a = anchor(d, changed)!;
    expect(a.method).toBe('fuzzy');
    expect(textOf(a.range, changed)).toBe('decoder-only transformer with standard grouped-query attention');
  });

  it('an element split the quote (a word made bold): still exact, on the new nodes', () => {
    const doc = load(ARTICLE);
    const d = describe(select(doc, 'Warm-up lasts 2000 steps'), doc)!;
    const changed = load(ARTICLE.replace('Warm-up lasts 2000 steps', 'Warm-up lasts <b>2000</b> steps'));
    const a = anchor(d, changed)!;
    expect(['position', 'quote']).toContain(a.method);
    expect(a.range.toString()).toBe('Warm-up lasts 2000 steps');
  });
});

group('anchor: beside Immersive Translate', () => {
  const selections: [string, string][] = [
    ['grouped-query attention', 'grouped-query attention'],
    ['RoPE positional', 'eleven days'],
    ['Warm-up lasts', 'averaged over'],
    ['Pythia-1B', '26.0'],
    ['Tiny-LM: A Small', '1 Introduction'],
  ];

  it('selectors computed before and after translator insertion are identical', () => {
    for (const [from, to] of selections) {
      const doc = load(ARTICLE);
      const before = describe(select(doc, from, to), doc)!;
      translateLive(doc, ZH);
      const after = describe(select(doc, from, to), doc)!;
      expect(after.quote).toEqual(before.quote);
      expect(after.position).toEqual(before.position);
      expect(after.quote.exact).not.toMatch(CJK);
    }
  });

  it('highlights made before translation land on the original text after it (by position)', () => {
    for (const [from, to] of selections) {
      const doc = load(ARTICLE);
      const d = describe(select(doc, from, to), doc)!;
      translateLive(doc, ZH);
      const a = anchor(d, doc)!;
      expect(a.method).toBe('position');
      expect(textOf(a.range, doc)).toBe(d.quote.exact);
      expect(insideForeign(a.range.startContainer)).toBe(false);
      expect(insideForeign(a.range.endContainer)).toBe(false);
      const painted = highlightPieces(pageText(doc), a.start, a.end).map((r) => r.toString()).join(' ');
      expect(painted).not.toMatch(CJK);
      expect(squash(painted)).toBe(d.quote.exact);
    }
  });

  it('highlights made on the translated page anchor on the page without translations', () => {
    const doc = load(ARTICLE);
    translateLive(doc, ZH);
    const d = describe(select(doc, 'RoPE positional', 'eleven days'), doc)!;
    const plain = load(ARTICLE);
    const a = anchor(d, plain)!;
    expect(a.method).toBe('position');
    expect(textOf(a.range, plain)).toBe(d.quote.exact);
  });

  it('a selection spanning translated text gives the original, and the translation beside it', () => {
    const doc = load(ARTICLE);
    translateLive(doc, ZH);
    const r = select(doc, 'RoPE positional', 'eleven days');
    expect(r.toString()).toMatch(CJK); // the user's selection crosses p1's translation
    const d = describe(r, doc)!;
    expect(d.quote.exact).not.toMatch(CJK);
    expect(d.quote.exact.startsWith('RoPE positional encoding. It was trained on two trillion tokens of web text. We keep')).toBe(true);
    expect(d.translation).toBe(`${ZH['#p1']}\n${ZH['#p2']}`);
  });

  it('a selection that starts inside a translation starts at the next original text', () => {
    const doc = load(ARTICLE);
    translateLive(doc, ZH);
    const zh = findText(doc.body, '分组查询注意力');
    const r = doc.createRange();
    r.setStart(zh.node, zh.offset);
    const end = findText(doc.body, 'We keep the recipe');
    r.setEnd(end.node, end.offset + 'We keep the recipe'.length);
    const d = describe(r, doc)!;
    expect(d.quote.exact).toBe('We keep the recipe');
    expect(d.translation).toBe(`${ZH['#p1']}\n${ZH['#p2']}`);
  });

  it('a selection inside a table cell with an inline translation', () => {
    const doc = load(ARTICLE);
    translateLive(doc, ZH);
    const cell = doc.querySelector('#T1 tr:nth-child(3) td')!;
    const r = doc.createRange();
    r.selectNodeContents(cell);
    expect(r.toString()).toContain('皮提亚');
    const d = describe(r, doc)!;
    expect(d.quote.exact).toBe('Pythia-1B');
    expect(d.translation).toBe('皮提亚');
  });

  it('a selection of translated text only has no selectors', () => {
    const doc = load(ARTICLE);
    translateLive(doc, ZH);
    const r = select(doc, '我们保持配方简单');
    expect(describe(r, doc)).toBeNull();
  });
});

group('anchor: ambiguous quotes', () => {
  it('the same sentence twice: each selection comes back to its own paragraph by context', () => {
    const doc = load(ARTICLE);
    const first = describe(select(doc, SENTENCE), doc)!;
    const p3 = doc.querySelector('#p3')!;
    const second = describe(select(doc, SENTENCE, SENTENCE, p3), doc)!;
    expect(first.quote.exact).toBe(second.quote.exact);
    for (const [d, id] of [
      [first, '#p2'],
      [second, '#p3'],
    ] as const) {
      // Without the position (say, the page changed so much that it is useless), context decides.
      const a = anchor({ quote: d.quote }, doc)!;
      expect(a.method).toBe('quote');
      expect(doc.querySelector(id)!.contains(a.range.startContainer)).toBe(true);
    }
  });

  it('context wins over a stale position that points at the other occurrence', () => {
    const doc = load(ARTICLE);
    const p3 = doc.querySelector('#p3')!;
    const second = describe(select(doc, SENTENCE, SENTENCE, p3), doc)!;
    const first = describe(select(doc, SENTENCE), doc)!;
    const a = anchor({ quote: second.quote, position: first.position }, doc)!;
    expect(p3.contains(a.range.startContainer)).toBe(true);
  });

  it('after an edit before both occurrences, each still finds its own', () => {
    const doc = load(ARTICLE);
    const p3 = doc.querySelector('#p3')!;
    const second = describe(select(doc, SENTENCE, SENTENCE, p3), doc)!;
    const changed = load(ARTICLE.replace('<h2>1 Introduction</h2>', '<h2>1 Introduction</h2><p>New opening words.</p>'));
    const a = anchor(second, changed)!;
    expect(a.method).toBe('quote');
    expect(changed.querySelector('#p3')!.contains(a.range.startContainer)).toBe(true);
  });
});

group('orphans', () => {
  it('a quote whose text is gone does not anchor', () => {
    const doc = load(ARTICLE);
    const d = describe(select(doc, 'which surprised us'), doc)!;
    const changed = load(ARTICLE.replace(', which surprised us', ''));
    expect(anchor(d, changed)).toBeNull();
  });

  it('a short quote whose paragraph is gone is not moved to the same words elsewhere', () => {
    const doc = load(ARTICLE);
    const p5 = doc.querySelector('#p5')!;
    const d = describe(select(doc, 'Pythia-1B', 'Pythia-1B', p5), doc)!;
    const changed = load(ARTICLE.replace(/<p id="p5">.*?<\/p>/s, ''));
    expect(pageText(changed).text).toContain('Pythia-1B'); // still in the table
    expect(anchor(d, changed)).toBeNull();
  });

  it('a rewritten sentence is an orphan, not a bad match', () => {
    const doc = load(ARTICLE);
    const d = describe(select(doc, 'We keep the recipe simple.'), doc)!;
    const changed = load(ARTICLE.replace('We keep the recipe simple.', 'Our recipe is deliberately plain.'));
    expect(anchor(d, changed)).toBeNull();
  });

  it('anchorAll keeps the ones that no longer anchor in an orphan list', () => {
    const doc = load(ARTICLE);
    const annotations = [
      { id: 'keep', ...describe(select(doc, 'grouped-query attention'), doc)! },
      { id: 'gone', ...describe(select(doc, 'which surprised us'), doc)! },
      { id: 'moved', ...describe(select(doc, 'Warm-up lasts 2000 steps'), doc)! },
    ];
    const changed = load(
      ARTICLE.replace(', which surprised us', '').replace('<section id="S1">', '<section><p>A new first paragraph.</p></section><section id="S1">'),
    );
    const { anchored, orphans } = anchorAll(annotations, changed);
    expect(orphans).toEqual(['gone']);
    expect(anchored.map((a) => [a.id, a.method, a.range.toString()])).toEqual([
      ['keep', 'quote', 'grouped-query attention'],
      ['moved', 'quote', 'Warm-up lasts 2000 steps'],
    ]);
  });

  it('an orphan anchors again when its text comes back', () => {
    const doc = load(ARTICLE);
    const d = describe(select(doc, 'which surprised us'), doc)!;
    expect(anchor(d, load(ARTICLE.replace(', which surprised us', '')))).toBeNull();
    expect(anchor(d, load(ARTICLE))?.method).toBe('position');
  });
});

group('highlight helpers', () => {
  it('paints with the CSS Custom Highlight API when the window has it', () => {
    const doc = load(ARTICLE);
    const d = describe(select(doc, 'RoPE positional', 'eleven days'), doc)!;
    const a = anchor(d, doc)!;
    const registry = new Map<string, unknown>();
    class FakeHighlight {
      ranges: Range[] = [];
      constructor(...r: Range[]) {
        this.ranges.push(...r);
      }
      add(r: Range) {
        this.ranges.push(r);
      }
    }
    const win = { CSS: { highlights: registry }, Highlight: FakeHighlight };
    expect(canPaintHighlights(win)).toBe(true);
    const pieces = highlightPieces(pageText(doc), a.start, a.end);
    const remove = paintHighlights(win, pieces)!;
    const h = registry.get('llm-survey-cards') as FakeHighlight;
    expect(h.ranges).toHaveLength(pieces.length);
    expect(pieces.length).toBeGreaterThan(3);
    remove();
    expect(registry.size).toBe(0);
    expect(highlightCss()).toBe('::highlight(llm-survey-cards) { background-color: rgba(255, 214, 0, 0.45); }');
  });

  it('says so when the API is missing (jsdom), and rangeRects falls back to layout rectangles', () => {
    const doc = load(ARTICLE);
    expect(canPaintHighlights(doc.defaultView)).toBe(false);
    expect(paintHighlights(doc.defaultView, [])).toBeNull();
    const r = select(doc, 'grouped-query');
    expect(rangeRects(r)).toEqual([]); // jsdom has no layout
    const fake = {
      getClientRects: () => [
        { width: 10, height: 12, x: 1, y: 2 },
        { width: 0, height: 12, x: 0, y: 0 },
      ],
    } as unknown as Range;
    expect(rangeRects([fake])).toEqual([{ width: 10, height: 12, x: 1, y: 2 }]);
  });

  it('pieces cover the original text only, one per text node', () => {
    const doc = load(ARTICLE);
    translateLive(doc, ZH);
    const page = pageText(doc);
    const d = describe(select(doc, 'RoPE positional', 'eleven days'), doc, { page })!;
    const pieces = highlightPieces(page, d.position.start, d.position.end);
    for (const p of pieces) {
      expect(p.startContainer).toBe(p.endContainer);
      expect(insideForeign(p.startContainer)).toBe(false);
    }
    expect(pieces.map((p) => squash(p.toString())).join(' ')).toBe(d.quote.exact);
    expect(allTextNodes(doc.body).some((t) => t.parentElement!.matches(TRANSLATOR_SELECTOR))).toBe(true);
  });
});
