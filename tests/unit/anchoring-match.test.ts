import { describe, expect, it } from 'vitest';
import {
  anchoredDistance,
  bestApproximate,
  editDistance,
  matchSelectors,
  prefixSimilarity,
  suffixSimilarity,
} from '../../lib/anchoring/match';

// The string half of anchoring: no DOM.

const TEXT =
  'Attention is all you need. The dominant sequence transduction models are based on complex recurrent or ' +
  'convolutional neural networks. We propose a new simple network architecture, the Transformer, based solely on ' +
  'attention mechanisms. Experiments on two machine translation tasks show these models to be superior in quality. ' +
  'The Transformer generalizes well to other tasks. We trained the base models for a total of 100,000 steps or 12 hours. ' +
  'The Transformer generalizes well to other tasks. The big models were trained for 300,000 steps (3.5 days).';

function sel(text: string, exact: string, nth = 0, ctx = 32) {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(exact, start + 1);
  if (start < 0) throw new Error('no ' + exact);
  const end = start + exact.length;
  return {
    quote: { exact, prefix: text.slice(Math.max(0, start - ctx), start), suffix: text.slice(end, end + ctx) },
    position: { start, end },
  };
}

describe('distances', () => {
  it('edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('anchored distance lets the text run on', () => {
    expect(anchoredDistance('abc', 'abcdef')).toBe(0);
    expect(anchoredDistance('abc', 'xabc')).toBe(1);
    expect(anchoredDistance('', 'x')).toBe(0);
  });

  it('best approximate occurrence, with its start', () => {
    const t = 'xxxx the quick brwn fox jumps xxxx';
    expect(bestApproximate('quick brown fox', t, 0, t.length)).toEqual({ start: 9, end: 23, errors: 1 });
    expect(bestApproximate('zzz', 'abc', 0, 3)!.errors).toBe(3);
  });

  it('bit-parallel search agrees with plain dynamic programming (random strings, patterns of 1–150 characters)', () => {
    /** Reference: fewest edits of p against any substring of t (O(|p|·|t|)). */
    const reference = (p: string, t: string) => {
      let prev = new Array(p.length + 1).fill(0).map((_, i) => i);
      let best = prev[p.length];
      for (let j = 1; j <= t.length; j++) {
        const cur = [0];
        for (let i = 1; i <= p.length; i++) {
          cur[i] = Math.min(prev[i - 1] + (p[i - 1] === t[j - 1] ? 0 : 1), prev[i] + 1, cur[i - 1] + 1);
        }
        best = Math.min(best, cur[p.length]);
        prev = cur;
      }
      return best;
    };
    let seed = 3;
    const rnd = (n: number) => ((seed = (seed * 16807) % 2147483647) % n);
    const word = (n: number, abc: string) => Array.from({ length: n }, () => abc[rnd(abc.length)]).join('');
    for (let k = 0; k < 300; k++) {
      const abc = k % 2 ? 'ab' : 'abcdefgh ';
      const t = word(20 + rnd(300), abc);
      // Half the time, plant a mutated copy of a piece of t as the pattern.
      let p = word(1 + rnd(150), abc);
      if (k % 3 === 0 && t.length > 10) {
        const a = rnd(t.length - 5);
        p = t.slice(a, a + 1 + rnd(150)).split('').map((ch) => (rnd(10) === 0 ? abc[rnd(abc.length)] : ch)).join('');
      }
      const found = bestApproximate(p, t, 0, t.length)!;
      expect(found.errors, `${p} in ${t}`).toBe(reference(p, t));
      expect(editDistance(p, t.slice(found.start, found.end))).toBe(found.errors);
    }
  });

  it('context similarity: 1 for the same context, ~0 for unrelated, tolerant of a few inserted words', () => {
    const t = 'alpha beta gamma delta QUOTE epsilon zeta eta theta';
    const q = t.indexOf('QUOTE');
    expect(prefixSimilarity(t, q, 'alpha beta gamma delta ')).toBe(1);
    expect(suffixSimilarity(t, q + 5, ' epsilon zeta eta')).toBe(1);
    expect(prefixSimilarity(t, q, '')).toBe(1);
    expect(prefixSimilarity(t, q, '0123456789')).toBeLessThan(0.2);
    const t2 = 'alpha beta gamma delta and more QUOTE';
    expect(prefixSimilarity(t2, t2.indexOf('QUOTE'), 'alpha beta gamma delta ')).toBeGreaterThan(0.6);
  });
});

describe('matchSelectors', () => {
  it('position when the text there is unchanged', () => {
    const s = sel(TEXT, 'based solely on attention');
    expect(matchSelectors(TEXT, s)).toMatchObject({ ...s.position, method: 'position', errors: 0 });
  });

  it('quote when the text moved', () => {
    const s = sel(TEXT, 'based solely on attention');
    const moved = 'Abstract. ' + TEXT;
    expect(matchSelectors(moved, s)).toMatchObject({ start: s.position.start + 10, method: 'quote' });
  });

  it('repeated sentence: context picks the right one, whichever the position says', () => {
    const s0 = sel(TEXT, 'The Transformer generalizes well to other tasks.', 0);
    const s1 = sel(TEXT, 'The Transformer generalizes well to other tasks.', 1);
    expect(matchSelectors(TEXT, { quote: s1.quote })!.start).toBe(s1.position.start);
    expect(matchSelectors(TEXT, { quote: s0.quote })!.start).toBe(s0.position.start);
    expect(matchSelectors(TEXT, { quote: s1.quote, position: s0.position })!.start).toBe(s1.position.start);
  });

  it('repeated sentence without context: the one nearest the old position', () => {
    const s1 = sel(TEXT, 'The Transformer generalizes well to other tasks.', 1);
    const shifted = 'Intro. ' + TEXT;
    const m = matchSelectors(shifted, { quote: { exact: s1.quote.exact }, position: s1.position })!;
    expect(m.start).toBe(s1.position.start + 7);
  });

  it('fuzzy: a typo fixed, a word changed', () => {
    const typo = TEXT.replace('two machine translation', 'two machnie translation');
    const s = sel(typo, 'Experiments on two machnie translation tasks');
    const m = matchSelectors(TEXT, s)!;
    expect(m.method).toBe('fuzzy');
    expect(TEXT.slice(m.start, m.end)).toBe('Experiments on two machine translation tasks');
    expect(m.errors).toBe(2);
  });

  it('fuzzy: a long quote nearly intact is found even when its surroundings were rewritten', () => {
    const quote = 'We propose a new simple network architecture, the Transformer, based solely on attention mechanisms.';
    const s = sel(TEXT, quote);
    const changed = TEXT.replace('convolutional neural networks.', 'convolutional networks with gates, as in prior work.')
      .replace('Experiments on', 'Our experiments on')
      .replace('new simple network', 'new, simple network');
    const m = matchSelectors(changed, s)!;
    expect(m.method).toBe('fuzzy');
    expect(changed.slice(m.start, m.end)).toBe('We propose a new, simple network architecture, the Transformer, based solely on attention mechanisms.');
  });

  it('whitespace in stored selectors is normalised like the page text', () => {
    const m = matchSelectors(TEXT, { quote: { exact: '  based solely\n   on attention ' } })!;
    expect(TEXT.slice(m.start, m.end)).toBe('based solely on attention');
  });

  it('orphans: gone, rewritten, or too different', () => {
    expect(matchSelectors(TEXT, { quote: { exact: '' } })).toBeNull();
    const s = sel(TEXT, 'The big models were trained for 300,000 steps');
    expect(matchSelectors(TEXT.replace('The big models were trained for 300,000 steps (3.5 days).', ''), s)).toBeNull();
    expect(matchSelectors(TEXT.replace('The big models were trained for 300,000 steps', 'Larger variants ran 300k updates'), s)).toBeNull();
  });

  it('a short quote does not jump to the same word elsewhere when its own context is gone', () => {
    const s = sel(TEXT, 'Transformer', 1); // "The Transformer generalizes…" (first repetition)
    const changed = TEXT.replace(/The Transformer generalizes well to other tasks\. /g, '');
    expect(changed).toContain('Transformer');
    expect(matchSelectors(changed, s)).toBeNull();
  });

  it('a short quote with a typo is found where its context is', () => {
    const typo = TEXT.replace('100,000 steps', '100,000 stpes');
    const s = sel(typo, '100,000 stpes');
    const m = matchSelectors(TEXT, s)!;
    expect(m.method).toBe('fuzzy');
    expect(TEXT.slice(m.start, m.end)).toBe('100,000 steps');
  });

  it('a long quote (over 2048 characters): found after scattered edits and an insertion, orphan when its middle is gone', () => {
    let seed = 11;
    const words = ['model', 'token', 'layer', 'attention', 'data', 'training', 'loss', 'batch', 'step', 'head', 'scale', 'norm'];
    const pick = () => words[(seed = (seed * 16807) % 2147483647) % words.length];
    const sentences = Array.from({ length: 400 }, (_, i) => `Sentence ${i} says ${pick()} ${pick()} ${pick()} and ${pick()}.`);
    const text = sentences.join(' ');
    const start = text.indexOf('Sentence 100 ');
    const end = text.indexOf('Sentence 250 ');
    const s = {
      quote: { exact: text.slice(start, end - 1), prefix: text.slice(start - 32, start), suffix: text.slice(end - 1, end + 31) },
      position: { start, end: end - 1 },
    };
    expect(s.quote.exact.length).toBeGreaterThan(4000);
    const edited = ('New preface. ' + text)
      .replace('Sentence 120 says', 'Sentence 120 said')
      .replace('Sentence 180 ', 'Sentence 180, as the appendix explains at some length, ')
      .replace('Sentence 230 says', 'Sentense 230 says');
    const m = matchSelectors(edited, s)!;
    expect(m.method).toBe('fuzzy');
    expect(edited.slice(m.start, m.start + 14)).toBe('Sentence 100 s');
    expect(edited.slice(m.end - 20, m.end)).toBe(text.slice(end - 21, end - 1));
    const gutted = text.slice(0, text.indexOf('Sentence 110 ')) + text.slice(text.indexOf('Sentence 240 '));
    expect(matchSelectors(gutted, s)).toBeNull();
  });

  it('stricter thresholds turn weak fuzzy matches into orphans', () => {
    const typo = TEXT.replace('two machine translation', 'two machnie translation');
    const s = sel(typo, 'Experiments on two machnie translation tasks');
    expect(matchSelectors(TEXT, s, { maxErrorRate: 0.01 })).toBeNull();
    expect(matchSelectors(TEXT, s, { minScore: 0.999 })).toBeNull();
  });
});
