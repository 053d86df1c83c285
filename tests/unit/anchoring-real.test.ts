import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as group, expect, it } from 'vitest';
import { anchor, anchorAll, describe, insideForeign, isForeign, pageText, type AnnotationLike } from '../../lib/anchoring';
import { TRANSLATOR_SELECTOR } from '../../lib/extract/clean';
import { CJK, allTextNodes, between, load } from '../fixtures/anchoring/helpers';

// Real pages from the shared fixtures folder (../shared/fixtures/arxiv): skipped when it is absent.

const SHARED = '/work/shared/fixtures/arxiv';
const BILINGUAL = join(SHARED, 'html-1706.03762-immersive-translate-bilingual-export.html');
const BIG = join(SHARED, 'html-2501.11120v1.html');

if (!existsSync(BILINGUAL)) console.warn(`anchoring-real: ${BILINGUAL} is absent; bilingual round-trip tests skipped`);
if (!existsSync(BIG)) console.warn(`anchoring-real: ${BIG} is absent; speed test skipped`);

const ms = (t0: number) => `${(performance.now() - t0).toFixed(0)} ms`;

/** Text nodes of an element that are the page's own (not translator text). */
const ownText = (el: Element) => allTextNodes(el).filter((t) => !insideForeign(t) && t.data.trim());

function byId(doc: Document, id: string): Element {
  const el = doc.getElementById(id);
  if (!el) throw new Error(`no #${id}`);
  return el;
}

group.skipIf(!existsSync(BILINGUAL))('real page saved with Immersive Translate (bilingual), 1706.03762', () => {
  const html = existsSync(BILINGUAL) ? readFileSync(BILINGUAL, 'utf8') : '';
  const doc = load(html);
  /** The same page as it was before the translator ran: its insertions removed. */
  const plain = load(html);
  plain.querySelectorAll(TRANSLATOR_SELECTOR).forEach((n) => n.remove());

  /** Selections a user could make on the bilingual page. */
  const selections: Record<string, (d: Document) => Range> = {
    'inside the abstract': (d) => {
      const t = ownText(byId(d, 'id10.id1'))[0];
      return between(d, t, t.data.indexOf('We propose'), t, t.data.indexOf('entirely.') + 'entirely.'.length);
    },
    'across two paragraphs and the translation between them': (d) => {
      const a = ownText(byId(d, 'S1.p1.1')).at(-1)!;
      const b = ownText(byId(d, 'S1.p2.3'))[0];
      return between(d, a, 0, b, 40);
    },
    'from inside a translation into the next paragraph': (d) => {
      const zh = allTextNodes(byId(d, 'S1.p1.1')).find((t) => CJK.test(t.data))!;
      const b = ownText(byId(d, 'S1.p2.3'))[0];
      return between(d, zh, 3, b, 40);
    },
    'a paragraph with inline math': (d) => {
      const p = [...d.querySelectorAll('p.ltx_p')].find((e) => e.querySelector('math') && e.id.startsWith('S3'))!;
      const r = d.createRange();
      r.selectNodeContents(p);
      return r;
    },
    'a table header cell with an inline translation': (d) => {
      const th = [...d.querySelectorAll('th')].find((e) => e.textContent!.startsWith('Layer Type'))!;
      const r = d.createRange();
      r.selectNodeContents(th);
      return r;
    },
    'a paragraph heading': (d) => {
      const h = [...d.querySelectorAll('h5')].find((e) => e.textContent!.startsWith('Decoder:'))!;
      const r = d.createRange();
      r.selectNodeContents(h);
      return r;
    },
  };

  it('reads the same page text with and without the translation nodes', () => {
    const t0 = performance.now();
    const bilingual = pageText(doc).text;
    console.log(`anchoring-real: page text of the bilingual page (${(html.length / 1024).toFixed(0)} KB HTML, ${bilingual.length} chars) in ${ms(t0)}`);
    expect(bilingual).not.toMatch(CJK);
    expect(bilingual).toBe(pageText(plain).text);
  });

  it('tells translator nodes apart exactly as TRANSLATOR_SELECTOR does (the quick pre-test misses none)', () => {
    const expected = new Set(doc.body.querySelectorAll(TRANSLATOR_SELECTOR));
    expect(expected.size).toBeGreaterThan(500);
    for (const el of doc.body.querySelectorAll('*')) expect(isForeign(el), el.outerHTML.slice(0, 120)).toBe(expected.has(el));
  });

  for (const [name, make] of Object.entries(selections)) {
    it(`round trip describe → anchor: ${name}`, () => {
      const page = pageText(doc);
      const d = describe(make(doc), doc, { page })!;
      expect(d).not.toBeNull();
      expect(d.quote.exact.length).toBeGreaterThan(5);
      expect(d.quote.exact).not.toMatch(CJK);
      expect(page.text.slice(d.position.start, d.position.end)).toBe(d.quote.exact);

      // On the bilingual page itself.
      const a = anchor(d, doc, { page })!;
      expect(a.method).toBe('position');
      expect(page.map.offsetsOf(a.range)).toEqual(d.position);
      expect(insideForeign(a.range.startContainer)).toBe(false);
      expect(insideForeign(a.range.endContainer)).toBe(false);

      // On the page without translations: same place, and the same selectors from the same text.
      const plainPage = pageText(plain);
      const b = anchor(d, plain, { page: plainPage })!;
      expect(b.method).toBe('position');
      expect(plainPage.text.slice(b.start, b.end)).toBe(d.quote.exact);
      const again = describe(b.range, plain, { page: plainPage })!;
      expect(again.quote).toEqual(d.quote);
      expect(again.position).toEqual(d.position);
      expect(again.translation).toBeUndefined();
    });
  }

  it('sends the translation beside the original when the selection has one', () => {
    for (const name of [
      'across two paragraphs and the translation between them',
      'from inside a translation into the next paragraph',
      'a table header cell with an inline translation',
      'a paragraph heading',
    ]) {
      const d = describe(selections[name](doc), doc)!;
      expect(d.translation, name).toMatch(CJK);
    }
    const across = describe(selections['across two paragraphs and the translation between them'](doc), doc)!;
    expect(across.translation!.split('\n')).toHaveLength(2); // both paragraphs' translations
  });
});

/** Deterministic pseudo-random numbers. */
function rng(seed: number) {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

group.skipIf(!existsSync(BIG))('speed on the 700 KB paper (html-2501.11120v1)', () => {
  it('anchors 50 annotations, printed timings', () => {
    const html = readFileSync(BIG, 'utf8');
    let t0 = performance.now();
    const doc = load(html);
    const parse = ms(t0);

    t0 = performance.now();
    const page = pageText(doc);
    const read = ms(t0);

    // 50 quotes of 40–200 characters from paragraphs spread over the paper.
    const paras = [...doc.querySelectorAll('p.ltx_p')].filter((p) => (p.textContent ?? '').length > 300);
    const random = rng(7);
    const picked = Array.from({ length: 50 }, (_, i) => paras[Math.floor((i * paras.length) / 50)]);
    const annotations: AnnotationLike[] = [];
    t0 = performance.now();
    picked.forEach((p, i) => {
      const s = page.map.fromDom(p, 0, 'start');
      const e = page.map.fromDom(p, p.childNodes.length, 'end');
      const len = 40 + Math.floor(random() * 160);
      const from = s + Math.floor(random() * Math.max(1, e - s - len));
      const range = page.map.range(from, Math.min(e, from + len))!;
      annotations.push({ id: `a${i}`, ...describe(range, doc, { page })! });
    });
    const described = ms(t0);

    t0 = performance.now();
    const same = anchorAll(annotations, doc);
    const unchanged = ms(t0);
    expect(same.orphans).toEqual([]);
    expect(same.anchored.every((a) => a.method === 'position')).toBe(true);

    // The paper changes: a sentence at the top (every position shifts), one character changed inside
    // ten quotes, five paragraphs deleted.
    const first = doc.querySelector('p.ltx_p')!;
    first.insertBefore(doc.createTextNode('This version adds a note on reproducibility. '), first.firstChild);
    for (let i = 0; i < 10; i++) {
      const range = same.anchored[i].range;
      const t = range.startContainer as Text;
      const at = range.startOffset + Math.min(5, t.data.length - range.startOffset - 1);
      t.replaceData(at, 1, t.data[at] === 'x' ? 'y' : 'x');
    }
    for (let i = 10; i < 15; i++) picked[i].remove();

    t0 = performance.now();
    const after = anchorAll(annotations, doc);
    const changed = ms(t0);
    const methods: Record<string, number> = {};
    for (const a of after.anchored) methods[a.method] = (methods[a.method] ?? 0) + 1;

    console.log(
      `anchoring-real: ${(html.length / 1024).toFixed(0)} KB page, ${page.text.length} chars of text, ${page.map.nodes.length} text nodes\n` +
        `  jsdom parse ${parse}; pageText ${read}; describe ×50 ${described}\n` +
        `  anchorAll ×50 unchanged page ${unchanged} (all by position)\n` +
        `  anchorAll ×50 after edits ${changed}: ${JSON.stringify(methods)}, orphans ${after.orphans.length}`,
    );
    expect(after.orphans).toEqual(['a10', 'a11', 'a12', 'a13', 'a14']);
    expect(methods.fuzzy).toBe(10);
    expect(methods.quote).toBe(35);
    const fixedPage = pageText(doc);
    for (const a of after.anchored) {
      const i = Number(a.id.slice(1));
      const { exact } = annotations[i].quote;
      const found = fixedPage.text.slice(a.start, a.end);
      if (i < 10) expect(found.length).toBe(exact.length);
      else expect(found).toBe(exact);
    }
  });
});
