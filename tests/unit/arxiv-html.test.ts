import { describe, expect, it } from 'vitest';
import { capturePage } from '../../lib/extract/registry';
import { FIXED_NOW, fixture, htmlDocument, mapContext } from '../helpers';

const PAGE = 'https://arxiv.org/html/2401.00001v1';
const opts = { id: 'cap-html', now: FIXED_NOW };

describe('arXiv HTML (LaTeXML) extractor', () => {
  it('reads title, authors, abstract with math as TeX, and the paper links, without bibliography links', async () => {
    const c = await capturePage(htmlDocument(fixture('arxiv/html-2401.00001v1.html'), PAGE), PAGE, mapContext(), opts);
    expect(c.extractor).toBe('arxiv-html');
    expect(c.title).toBe('Tiny-LM: A Small Model for Testing Surveys');
    expect(c.paper.authors).toEqual(['Wei Zhang', 'Jane Q. Smith']);
    expect(c.paper.abstract).toBe('We train Tiny-LM, a 1B model with 2\\times fewer layers. Code: https://github.com/example/tiny-lm.');
    expect(c.paper).toMatchObject({ arxivId: '2401.00001', version: 'v1' });
    expect(c.links.paper.map((l) => l.url)).toEqual(['https://arxiv.org/abs/2401.00001', 'https://arxiv.org/pdf/2401.00001v1', 'https://arxiv.org/html/2401.00001v1']);
    expect(c.links.code.map((l) => l.url)).toEqual(['https://github.com/example/tiny-lm']);
  });

  it('offers the architecture and training sections, and never the introduction', async () => {
    const c = await capturePage(htmlDocument(fixture('arxiv/html-2401.00001v1.html'), PAGE), PAGE, mapContext(), opts);
    expect(c.sections.map((s) => [s.field, s.heading])).toEqual([
      ['architecture', 'Model Architecture'],
      ['training', 'Training'],
      ['evaluation', 'Evaluation'],
    ]);
    expect(c.sections[0].text).toBe('Tiny-LM is a decoder-only transformer with grouped-query attention and RoPE positional encoding.');
  });

  it('reads every results table with caption, models in rows, grouped headers flattened, setting apart', async () => {
    const c = await capturePage(htmlDocument(fixture('arxiv/html-2401.00001v1.html'), PAGE), PAGE, mapContext(), opts);
    expect(c.tables.map((t) => [t.caption, t.kind])).toEqual([
      ['Table 1: Training hyper-parameters.', 'other'],
      ['Table 2: Main results.', 'results'],
    ]);
    const rows = c.benchmarks.map((b) => [b.model, b.benchmark, b.benchmarkRaw, b.setting, b.value]);
    expect(rows).toEqual([
      ['Pythia-1B', 'mmlu', 'MMLU (5-shot)', '5-shot', 26.3],
      ['Pythia-1B', 'arc-challenge', 'ARC-C', '', 27.1],
      ['Pythia-1B', 'gsm8k', 'GSM8K', '', 2.1],
      ['Tiny-LM (ours)', 'mmlu', 'MMLU (5-shot)', '5-shot', 45.2],
      ['Tiny-LM (ours)', 'arc-challenge', 'ARC-C', '', 38.4],
      ['Tiny-LM (ours)', 'gsm8k', 'GSM8K', '', 21.5],
    ]);
    const arc = c.benchmarks.find((b) => b.model === 'Tiny-LM (ours)' && b.benchmark === 'arc-challenge');
    expect(arc?.annotations).toEqual(expect.arrayContaining(['best', '^∗']));
    const gsm = c.benchmarks.find((b) => b.model === 'Tiny-LM (ours)' && b.benchmark === 'gsm8k');
    expect(gsm?.annotations.join(' ')).toContain('0.4');
    expect(c.benchmarks.every((b) => b.table === 'Table 2: Main results.')).toBe(true);
  });

  it('fills dates and clean authors from the arXiv API when it answers', async () => {
    const ctx = mapContext({
      'https://export.arxiv.org/api/query?id_list=2401.00001': `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry>
        <id>http://arxiv.org/abs/2401.00001v1</id><published>2024-01-02T00:00:00Z</published><updated>2024-01-02T00:00:00Z</updated>
        <title>Tiny-LM</title><summary>x</summary><author><name>Wei Zhang</name></author><author><name>Jane Q. Smith</name></author></entry></feed>`,
    });
    const c = await capturePage(htmlDocument(fixture('arxiv/html-2401.00001v1.html'), PAGE), PAGE, ctx, opts);
    expect(c.paper.published).toBe('2024-01-02');
    expect(c.warnings).toEqual([]);
  });
});
