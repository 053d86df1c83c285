import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { BenchmarkResult } from '../../lib/schema/benchmark';
import { htmlTableToGrid, texToText, type Grid } from '../../lib/tables/grid';
import { markdownTables } from '../../lib/tables/markdown';
import { gridToResults } from '../../lib/tables/results';
import { roleOf } from '../../lib/tables/labels';
import { parseValue } from '../../lib/tables/value';

const fixture = (name: string) => readFileSync(resolve(process.cwd(), 'tests/fixtures/tables', name), 'utf8');
const win = new JSDOM('').window;
const parseHtml = (html: string) => new win.DOMParser().parseFromString(html, 'text/html');
const tablesIn = (html: string) => Array.from(new JSDOM(html).window.document.querySelectorAll('table'));
const texts = (grid: Grid) => grid.cells.map((row) => row.map((c) => c.text));
/** Results as compact rows for readable expectations. */
const rows = (grid: Grid, opts: Parameters<typeof gridToResults>[1] = {}) =>
  gridToResults(grid, opts).results.map((r) => [r.model, r.benchmark, r.setting, r.metric, r.value, r.annotations.join(',')]);

describe('parseValue', () => {
  it.each([
    ['71.2', 71.2, []],
    ['  71.2  ', 71.2, []],
    ['71', 71, []],
    ['0.606', 0.606, []],
    ['.5', 0.5, []],
    ['-1.5', -1.5, []],
    ['−2.0', -2, []],
    ['1,234.5', 1234.5, []],
    ['2,040', 2040, []],
    ['71.2*', 71.2, ['*']],
    ['71.2†', 71.2, ['†']],
    ['71.2‡', 71.2, ['‡']],
    ['71.2^a', 71.2, ['^a']],
    ['71.2^{b}', 71.2, ['^b']],
    ['71.2^†', 71.2, ['†']],
    ['71.2 [1]', 71.2, ['^1']],
    ['71.2 ± 0.3', 71.2, ['±0.3']],
    ['71.2±0.3', 71.2, ['±0.3']],
    ['71.2 +/- 0.3', 71.2, ['±0.3']],
    ['71.2_± 0.3', 71.2, ['±0.3']],
    ['71.2 (±0.3)', 71.2, ['±0.3']],
    ['71.2%', 71.2, ['%']],
    ['98.0 %', 98, ['%']],
    ['71.2 (70.1)', 71.2, ['(70.1)']],
    ['71.2 (+3.1)', 71.2, ['(+3.1)']],
    ['(71.2)', 71.2, ['parenthesised']],
    ['**71.2**', 71.2, ['best']],
    ['__71.2__', 71.2, ['best']],
    ['~71', 71, ['~']],
    ['<0.1', 0.1, ['<']],
    ['2/30', 2, ['/30']],
    ['71.2*†', 71.2, ['*†']],
  ])('%s -> %s %j', (text, value, annotations) => {
    expect(parseValue(text)).toEqual({ value, annotations });
  });

  it.each(['', ' ', '-', '--', '—', '–', '/', 'N/A', 'n/a', 'NA', 'OOM', '×', '✗', '?', 'TBD'])('%j is missing, not zero', (text) => {
    expect(parseValue(text)).toBeNull();
  });

  it.each(['21B', '16.3GB', '1.3M', '16K', '> 80 GB', '3.0 x 10^-4', '23.11.30', 'MoE', 'Yes', '71,2', '2e-5', '6.7G / 1.0s/it'])(
    '%j is not a score',
    (text) => expect(parseValue(text)).toBeNull(),
  );
});

describe('texToText', () => {
  it('reads the TeX LaTeXML keeps in alttext', () => {
    expect(texToText('75.2\\pm 0.3')).toEqual({ text: '75.2± 0.3', bold: false });
    expect(texToText('\\mathbf{52.3}')).toEqual({ text: '52.3', bold: true });
    expect(texToText('30.1_{\\pm 1.2}').text).toBe('30.1_± 1.2');
    expect(texToText('45.9^{\\dagger}').text).toBe('45.9^†');
    expect(texToText('d_{\\text{model}}').text).toBe('d_model');
    expect(texToText('12\\%').text).toBe('12%');
  });
});

describe('htmlTableToGrid', () => {
  it('expands row and column spans so every row has the same length', () => {
    const [table] = tablesIn(fixture('spans.html'));
    const grid = htmlTableToGrid(table);
    expect(grid.source).toBe('html');
    expect(grid.caption).toBe('Table 2: Results on math, code and knowledge');
    expect(grid.headerRows).toBe(2);
    expect(texts(grid)).toEqual([
      ['Model', 'Size', 'Math', 'Math', 'Code', 'Code', 'MMLU^a'],
      ['Model', 'Size', 'GSM8K', 'MATH', 'HumanEval', 'MBPP', 'MMLU^a'],
      ['Alpha', '7B', '52.1', '12.0*', '30.5 ± 0.4', '—', '60.2'],
      ['Alpha', '13B', '61.0', '18.3^†', '35.1±0.6', '40.0', 'N/A'],
      ['Beta-7B', '7B', '1,234.5', '(9.8)', '28.0%', '38.2 (37.9)', '66.6'],
    ]);
    expect(grid.cells.every((row) => row.length === 7)).toBe(true);
    expect(grid.cells[0][0].header).toBe(true);
    expect(grid.cells[2][0].header).toBe(false);
    expect(grid.cells[3][2].bold).toBe(true);
    expect(grid.cells[4][6].bold).toBe(true);
    expect(grid.cells[2][2].bold).toBe(false);
  });

  it('reads LaTeXML: figure caption, math alttext, ltx_font_bold, footnote sups, no citations', () => {
    const [t3, t4, equation] = tablesIn(fixture('latexml.html'));
    const grid = htmlTableToGrid(t3);
    expect(grid.source).toBe('latexml');
    expect(grid.caption).toBe('Table 3: Comparison with open models of similar size.');
    expect(grid.headerRows).toBe(2);
    expect(texts(grid)).toEqual([
      ['Model', 'ARC', 'ARC', 'GSM8K'],
      ['Model', 'Easy', 'Challenge', '8-shot'],
      ['Llama-2-7B', '75.2± 0.3', '45.9^†', '14.6'],
      ['Ours-7B', '80.1', '52.3', '-'],
    ]);
    expect(grid.cells[3][1].bold).toBe(true);
    expect(grid.cells[3][2].bold).toBe(true);
    // Caption after the table, header rows written as <td> without <thead>.
    const g4 = htmlTableToGrid(t4);
    expect(g4.caption).toBe('Table 4: Chat benchmarks.');
    expect(g4.headerRows).toBe(0);
    expect(texts(g4)[2]).toEqual(['Ours-7B-Chat', '8.10', '7.25', '30.1_± 1.2']);
    expect(htmlTableToGrid(equation).cells).toHaveLength(1);
  });

  it('takes a bold first row of <td>s as the header (cards write <td><strong>…</strong></td>)', () => {
    const [table] = tablesIn(
      '<table><tr><td><strong>Benchmark</strong></td><td><strong>A</strong></td></tr><tr><td>MMLU</td><td>50.1</td></tr></table>',
    );
    expect(htmlTableToGrid(table).headerRows).toBe(1);
  });

  it('ignores translator nodes, buttons and scripts, and joins <br>-split names', () => {
    const [table] = tablesIn(
      '<table><tr><th>Model</th><th>Hella<br>Swag</th></tr><tr><td>LLaMA-2<br>-7B<button>Report issue</button></td>' +
        '<td>75.6<font data-immersive-translate-translation-element-mark="1">七十五</font><script>x()</script></td></tr></table>',
    );
    expect(texts(htmlTableToGrid(table))).toEqual([
      ['Model', 'Hella Swag'],
      ['LLaMA-2-7B', '75.6'],
    ]);
  });

  it('survives hostile spans', () => {
    const [table] = tablesIn('<table><tr><td colspan="100000" rowspan="99999">x</td></tr><tr><td>y</td></tr></table>');
    const grid = htmlTableToGrid(table);
    expect(grid.cells).toHaveLength(2);
    expect(grid.cells[0].length).toBeLessThanOrEqual(101);
  });
});

describe('markdownTables', () => {
  const grids = markdownTables(fixture('model-card.md'), parseHtml);

  it('finds pipe tables, HTML tables and tables in code fences, in document order', () => {
    expect(grids.map((g) => [g.source, g.caption])).toEqual([
      ['markdown', 'Base model'],
      ['html', 'The chat model against a peer of its size:'],
      ['markdown', 'Harness output'],
      ['markdown', 'Training hyper-parameters'],
      ['markdown', 'Files'],
      ['markdown', 'Downloads'],
    ]);
  });

  it('renders inline markdown before reading cells: bold, links, footnote marks', () => {
    const base = grids[0];
    expect(base.headerRows).toBe(1);
    expect(texts(base)[3]).toEqual(['Demo-7B', '64.1', '70.2', '55.3†', '-', '63.2']);
    expect(base.cells[3][1].bold).toBe(true);
    expect(base.cells[3][3].bold).toBe(false);
    expect(texts(grids[5])[1]).toEqual(['Demo-7B', '32K', '🤗 Hugging Face']);
  });

  it('expands spans in HTML embedded in markdown', () => {
    expect(texts(grids[1]).map((r) => r[0])).toEqual(['Category', 'General', 'General', 'Chat']);
  });

  it('keeps an HTML table whole across blank lines, and reads tables in quotes and lists', () => {
    const md = [
      'Intro',
      '',
      '<table>',
      '<tr><th>Model</th><th>MMLU</th></tr>',
      '',
      '<tr><td>A</td><td>50.0</td></tr>',
      '</table>',
      '',
      '> | Model | GSM8K |',
      '> |---|---|',
      '> | B | 40.0 |',
      '',
      '- item',
      '',
      '  | Model | MATH |',
      '  |---|---|',
      '  | C | 30.0 |',
    ].join('\n');
    const found = markdownTables(md, parseHtml);
    expect(found.map(texts)).toEqual([
      [
        ['Model', 'MMLU'],
        ['A', '50.0'],
      ],
      [
        ['Model', 'GSM8K'],
        ['B', '40.0'],
      ],
      [
        ['Model', 'MATH'],
        ['C', '30.0'],
      ],
    ]);
  });

  it('uses the last sentence of a long paragraph as the caption', () => {
    const md = `${'Filler words go here. '.repeat(12)}We also tested on LongBench, with the results below.\n\n| Model | Summary |\n|---|---|\n| A | 20.1 |\n`;
    expect(markdownTables(md, parseHtml)[0].caption).toBe('We also tested on LongBench, with the results below.');
  });

  it('returns nothing for a document without tables', () => {
    expect(markdownTables('# Title\n\nNo tables here.\n', parseHtml)).toEqual([]);
  });
});

describe('gridToResults', () => {
  const card = markdownTables(fixture('model-card.md'), parseHtml);

  it('reads models down, benchmarks across, with a settings row under the header', () => {
    const r = gridToResults(card[0], { sourceUrl: 'https://huggingface.co/example/demo-7b', defaultModel: 'Demo-7B' });
    expect(r.kind).toBe('results');
    expect(rows(card[0])).toEqual([
      ['LLaMA2-7B', 'mmlu', '5-shot', '', 46.8, ''],
      ['LLaMA2-7B', 'c-eval', '5-shot', '', 32.5, ''],
      ['LLaMA2-7B', 'gsm8k', '8-shot', '', 16.7, ''],
      ['LLaMA2-7B', 'humaneval', '0-shot', '', 12.8, ''],
      ['Demo-7B', 'mmlu', '5-shot', '', 64.1, 'best'],
      ['Demo-7B', 'c-eval', '5-shot', '', 70.2, 'best'],
      ['Demo-7B', 'gsm8k', '8-shot', '', 55.3, '†'],
    ]);
    const first = r.results[0];
    expect(first).toMatchObject({ benchmarkRaw: 'MMLU', sourceUrl: 'https://huggingface.co/example/demo-7b', table: 'Base model' });
    for (const res of r.results) expect(() => BenchmarkResult.parse(res)).not.toThrow();
  });

  it('reads the transposed layout from an HTML table in markdown, skipping the category column', () => {
    expect(rows(card[1])).toEqual([
      ['Demo-7B-Chat', 'mmlu', '0-shot CoT', '', 68.2, ''],
      ['Other-7B-Chat', 'mmlu', '0-shot CoT', '', 61, ''],
      ['Demo-7B-Chat', 'arc-challenge', '25-shot', '', 80, ''],
      ['Demo-7B-Chat', 'mt-bench', '', '', 7.9, ''],
      ['Other-7B-Chat', 'mt-bench', '', '', 6.85, ''],
    ]);
  });

  it('gives a single Value column to the default model and keeps Stderr as ±', () => {
    expect(rows(card[2], { defaultModel: 'Demo-7B' })).toEqual([
      ['Demo-7B', 'arc-challenge', '', 'acc', 0.599, '±0.0143'],
      ['Demo-7B', 'arc-challenge', '', 'acc_norm', 0.6425, '±0.014'],
      ['Demo-7B', 'hellaswag', '', 'acc', 0.6661, '±0.0047'],
    ]);
    expect(gridToResults(card[2]).results[0].model).toBe('');
  });

  it.each([
    [3, /caption/],
    [4, /no column of numbers/],
    [5, /no column of numbers/],
  ])('calls card table %i (hyper-parameters, files, downloads) other', (i, reason) => {
    const r = gridToResults(card[i]);
    expect(r.kind).toBe('other');
    expect(r.results).toEqual([]);
    expect(r.reason).toMatch(reason);
  });

  it('calls memory, speed, training-log, carbon and licence tables other', () => {
    const grids = markdownTables(fixture('other-tables.md'), parseHtml);
    expect(grids).toHaveLength(5);
    for (const g of grids) expect(gridToResults(g).kind, texts(g)[0].join(' | ')).toBe('other');
  });

  it('reads the DeepSeek layout: metric in brackets, shots column, attribute rows dropped', () => {
    const [deepseek, llama] = markdownTables(fixture('transposed.md'), parseHtml);
    const r = gridToResults(deepseek);
    expect(r.reason).toMatch(/benchmarks in column 2/);
    const got = rows(deepseek);
    expect(got).toHaveLength(17);
    expect(got.slice(0, 3)).toEqual([
      ['Model-A 7B', 'mmlu', '5-shot', 'acc', 60.1, ''],
      ['Model-B 16B', 'mmlu', '5-shot', 'acc', 58.3, ''],
      ['Ours 3B', 'mmlu', '5-shot', 'acc', 63, 'best'],
    ]);
    expect(got).toContainEqual(['Ours 3B', 'arc-easy', '25-shot', 'acc', 85.5, 'best']);
    expect(got).toContainEqual(['Model-A 7B', 'arc-challenge', '25-shot', 'acc', 55.1, '']);
    expect(got).toContainEqual(['Ours 3B', 'humaneval', '0-shot pass@1', '', 35.4, 'best']);
    // A bare count in the shots column is a shot count; "-" is missing, not zero.
    expect(got).toContainEqual(['Model-A 7B', 'mbpp-plus', '3-shot', '', 40, '']);
    expect(got.filter((x) => x[1] === 'mbpp-plus')).toHaveLength(2);
    expect(got.some((x) => /architecture|params/i.test(String(x[1])))).toBe(false);
    expect(r.results[0].benchmarkRaw).toBe('MMLU (Acc.)');

    expect(rows(llama)).toEqual([
      ['Model-A 7B', 'mmlu', '5-shot Portuguese', 'macro_avg/acc', 50.1, ''],
      ['Ours 3B', 'mmlu', '5-shot Portuguese', 'macro_avg/acc', 55.2, ''],
      ['Model-A 7B', 'mmlu', '5-shot Spanish', 'macro_avg/acc', 51.3, ''],
      ['Ours 3B', 'mmlu', '5-shot Spanish', 'macro_avg/acc', 56, ''],
      ['Model-A 7B', 'drop', '3-shot English', 'f1', 58.4, ''],
      ['Ours 3B', 'drop', '3-shot English', 'f1', 60.7, ''],
    ]);
  });

  it('flattens group headers, tells repeated model names apart by size, keeps marks and drops missing cells', () => {
    const grid = htmlTableToGrid(tablesIn(fixture('spans.html'))[0]);
    expect(rows(grid)).toEqual([
      ['Alpha 7B', 'gsm8k', '', '', 52.1, ''],
      ['Alpha 7B', 'math', '', '', 12, '*'],
      ['Alpha 7B', 'humaneval', '', '', 30.5, '±0.4'],
      ['Alpha 7B', 'mmlu', '', '', 60.2, ''],
      ['Alpha 13B', 'gsm8k', '', '', 61, 'best'],
      ['Alpha 13B', 'math', '', '', 18.3, '†'],
      ['Alpha 13B', 'humaneval', '', '', 35.1, '±0.6'],
      ['Alpha 13B', 'mbpp', '', '', 40, ''],
      ['Beta-7B', 'gsm8k', '', '', 1234.5, ''],
      ['Beta-7B', 'math', '', '', 9.8, 'parenthesised'],
      ['Beta-7B', 'humaneval', '', '', 28, '%'],
      ['Beta-7B', 'mbpp', '', '', 38.2, '(37.9)'],
      ['Beta-7B', 'mmlu', '', '', 66.6, 'best'],
    ]);
    const r = gridToResults(grid);
    expect(r.results.find((x) => x.benchmark === 'mmlu')?.benchmarkRaw).toBe('MMLU');
    expect(r.results[0].table).toBe('Table 2: Results on math, code and knowledge');
  });

  it('reads LaTeXML tables: variant leaves under a group, settings as leaves, headers without markup', () => {
    const [t3, t4] = tablesIn(fixture('latexml.html')).map(htmlTableToGrid);
    expect(rows(t3)).toEqual([
      ['Llama-2-7B', 'arc-easy', '', '', 75.2, '±0.3'],
      ['Llama-2-7B', 'arc-challenge', '', '', 45.9, '†'],
      ['Llama-2-7B', 'gsm8k', '8-shot', '', 14.6, ''],
      ['Ours-7B', 'arc-easy', '', '', 80.1, 'best'],
      ['Ours-7B', 'arc-challenge', '', '', 52.3, 'best'],
    ]);
    expect(gridToResults(t3).results[0].benchmarkRaw).toBe('ARC Easy');
    expect(rows(t4)).toEqual([
      ['Ours-7B-Chat', 'mt-bench', 'Turn 1', '', 8.1, ''],
      ['Ours-7B-Chat', 'mt-bench', 'Turn 2', '', 7.25, ''],
      ['Ours-7B-Chat', 'alpacaeval', '2.0', 'lc', 30.1, '±1.2'],
    ]);
  });

  it('reads the Open LLM Leaderboard "Metric | Value" table as the default model', () => {
    const [g] = markdownTables(
      '| Metric | Value |\n|---|---|\n| Avg. | 52.15 |\n| ARC (25-shot) | 62.03 |\n| HellaSwag (10-shot) | 84.36 |\n| MMLU (5-shot) | 61.07 |\n',
      parseHtml,
    );
    expect(rows(g, { defaultModel: 'zephyr-7b-beta' })).toEqual([
      ['zephyr-7b-beta', 'arc-challenge', '25-shot', '', 62.03, ''],
      ['zephyr-7b-beta', 'hellaswag', '10-shot', '', 84.36, ''],
      ['zephyr-7b-beta', 'mmlu', '5-shot', '', 61.07, ''],
    ]);
  });

  it('applies a setting written in the label header to the whole table', () => {
    const [g] = markdownTables('| Model 5-shot | C-Eval | MMLU |\n|---|---|---|\n| A-13B-Chat | 56.74 | 57.32 |\n', parseHtml);
    expect(rows(g)).toEqual([
      ['A-13B-Chat', 'c-eval', '5-shot', '', 56.74, ''],
      ['A-13B-Chat', 'mmlu', '5-shot', '', 57.32, ''],
    ]);
  });

  it('files sub-scores under the one benchmark the caption names', () => {
    const md = 'We also tested the models on LongBench:\n\n| Model | Average | Summary | Single-Doc QA |\n|---|---|---|---|\n| A-6B-32K | 41.5 | 24.8 | 37.6 |\n';
    const [g] = markdownTables(md, parseHtml);
    expect(rows(g)).toEqual([
      ['A-6B-32K', 'longbench', '', '', 41.5, ''],
      ['A-6B-32K', 'longbench', 'Summary', '', 24.8, ''],
      ['A-6B-32K', 'longbench', 'Single-Doc QA', '', 37.6, ''],
    ]);
  });

  it('accepts unlisted benchmarks only when the rows are plainly models', () => {
    const [scores, config] = markdownTables(
      '| Model | Tool Selection | Tool Input |\n|---|---|---|\n| GPT-4 | 98.0% | 0.953 |\n| Qwen-7B-Chat | 95.5% | 0.900 |\n\n' +
        '| Setting | Run 1 | Run 2 |\n|---|---|---|\n| warmup ratio | 0.1 | 0.2 |\n| dropout | 0.0 | 0.1 |\n',
      parseHtml,
    );
    const r = gridToResults(scores);
    expect(r.kind).toBe('results');
    expect(r.results.map((x) => [x.model, x.benchmark, x.value])).toEqual([
      ['GPT-4', 'toolselection', 98],
      ['GPT-4', 'toolinput', 0.953],
      ['Qwen-7B-Chat', 'toolselection', 95.5],
      ['Qwen-7B-Chat', 'toolinput', 0.9],
    ]);
    expect(gridToResults(config).kind).toBe('other');
  });

  it('drops a full-width title row and finds the header of an HTML table without markup', () => {
    const [table] = tablesIn(
      '<table><tr><td colspan="3">Chinese Tool-Use Benchmark</td></tr><tr><td>Model</td><td>GSM8K</td><td>MATH</td></tr>' +
        '<tr><td>A-7B</td><td>50.1</td><td>20.2</td></tr></table>',
    );
    expect(rows(htmlTableToGrid(table))).toEqual([
      ['A-7B', 'gsm8k', '', '', 50.1, ''],
      ['A-7B', 'math', '', '', 20.2, ''],
    ]);
  });

  it('uses the given table label and leaves out a non-web source URL', () => {
    const r = gridToResults(card[0], { table: 'README § Evaluation', sourceUrl: 'javascript:alert(1)' });
    expect(r.results[0].table).toBe('README § Evaluation');
    expect(r.results[0].sourceUrl).toBeUndefined();
  });

  it('says why a table is too small', () => {
    const [one] = tablesIn('<table><tr><td>only</td></tr></table>');
    expect(gridToResults(htmlTableToGrid(one))).toEqual({ results: [], kind: 'other', reason: 'fewer than two rows or columns' });
  });
});

describe('roleOf', () => {
  it.each([
    ['d_model', 'config'],
    ['P_drop', 'config'],
    ['ε_ls', 'config'],
    ['h', 'config'],
    ['Training Cost (FLOPs)', 'config'],
    ['#Params (M)', 'config'],
    ['Dataset size', 'config'],
    ['LR multiplier', 'config'],
    ['# Runs', 'config'],
    ['Year', 'config'],
    ['Time (s)', 'config'],
    ['Training', 'qualifier'],
    // Measures and programming languages are not hyper-parameters.
    ['F_1', 'none'],
    ['R_5', 'none'],
    ['C', 'none'],
    ['R', 'none'],
    ['EN-DE', 'none'],
    ['2B Params', 'none'],
  ])('%s -> %s', (header, role) => expect(roleOf(header)).toBe(role));
});

describe('gridToResults on research-paper tables (LaTeXML)', () => {
  const [complexity, translation, ablation, parsing, datasets, transposed, finetuning] = tablesIn(fixture('paper-tables.html')).map(htmlTableToGrid);

  it('keeps a complexity table with O(n^2·d) cells out', () => {
    expect(gridToResults(complexity)).toMatchObject({ kind: 'other', reason: 'no column of numbers' });
  });

  it('reads BLEU over language pairs, drops the training-cost columns, and ignores a caption about cost', () => {
    const r = gridToResults(translation);
    expect(r.kind).toBe('results');
    expect(rows(translation)).toEqual([
      ['SliceNet', 'wmt14-en-de', '', 'bleu', 22.1, ''],
      ['LSTM + Attention', 'wmt14-en-de', '', 'bleu', 23.5, ''],
      ['LSTM + Attention', 'wmt14-en-fr', '', 'bleu', 38.7, ''],
      ['LSTM + Attention Ensemble', 'wmt14-en-de', '', 'bleu', 25.02, ''],
      ['LSTM + Attention Ensemble', 'wmt14-en-fr', '', 'bleu', 40.1, 'best'],
      ['Ours (small)', 'wmt14-en-de', '', 'bleu', 26.4, ''],
      ['Ours (small)', 'wmt14-en-fr', '', 'bleu', 37.9, ''],
      ['Ours (large)', 'wmt14-en-de', '', 'bleu', 27.8, '†,best'],
      ['Ours (large)', 'wmt14-en-fr', '', 'bleu', 39.95, ''],
    ]);
    expect(r.results.map((x) => x.benchmarkRaw)).not.toContain('Training Cost (FLOPs)');
    expect(r.results[0].table).toMatch(/^Table 2: .*training cost\.$/);
  });

  it('calls an ablation whose rows repeat "(A)", "(B)" and differ only in hyper-parameters other', () => {
    const r = gridToResults(ablation);
    expect(r.kind).toBe('other');
    expect(r.reason).toMatch(/rows are configurations, not models: 4 of 7 rows share a label \("\(A\)"\)/);
  });

  it('reads a parsing table: parsers down, the training regime as the setting, F1 on WSJ section 23', () => {
    expect(rows(parsing)).toEqual([
      ['Garcia et al. (2011)', 'ptb-wsj23', 'WSJ only, discriminative', 'f1', 89.6, ''],
      ['Ours (2 layers)', 'ptb-wsj23', 'WSJ only, discriminative', 'f1', 90.9, ''],
      ['Garcia et al. (2011)', 'ptb-wsj23', 'semi-supervised', 'f1', 90.8, ''],
      ['Ours (2 layers)', 'ptb-wsj23', 'semi-supervised', 'f1', 92.4, 'best'],
      ['Okafor & Lin (2015)', 'ptb-wsj23', 'generative', 'f1', 92, ''],
    ]);
    expect(gridToResults(parsing).results[0].benchmarkRaw).toBe('WSJ 23 F1');
  });

  it('reads unlisted datasets with metric leaves, ± and marks, and drops the Params and Time columns', () => {
    const r = gridToResults(datasets);
    expect(r.reason).toMatch(/unlisted benchmarks \(measures named in the column headers\)/);
    expect(rows(datasets)).toEqual([
      ['Retriever-Reader', 'reefqa', '', 'em', 41.2, '±0.8'],
      ['Retriever-Reader', 'reefqa', '', 'f1', 50.3, ''],
      ['Retriever-Reader', 'tidesum', '', 'rouge-l', 30.1, '^a'],
      ['Ours', 'reefqa', '', 'em', 47.9, '±0.5,best'],
      ['Ours', 'reefqa', '', 'f1', 56, 'best'],
      ['Ours', 'tidesum', '', 'rouge-l', 33.4, 'best'],
      ['+ re-ranking', 'reefqa', '', 'em', 46.5, ''],
      ['+ re-ranking', 'reefqa', '', 'f1', 55.1, ''],
      ['w/o pre-training', 'reefqa', '', 'em', 38, ''],
      ['w/o pre-training', 'reefqa', '', 'f1', 47.7, ''],
      ['w/o pre-training', 'tidesum', '', 'rouge-l', 28.9, ''],
    ]);
  });

  it('reads measures down the side with fine-tuned models across, not mistaking "Section C.3" for the C3 benchmark', () => {
    expect(rows(transposed)).toEqual([
      ['FT on unsafe answers', 'rateofunsafeanswers', '', '', 0.81, '±0.02'],
      ['FT on safe answers', 'rateofunsafeanswers', '', '', 0.05, '±0.01'],
      ['GPT-4o', 'rateofunsafeanswers', '', '', 0.12, ''],
      ['FT on unsafe answers', 'selfreportedsafety', '0 to 1', '', 0.3, '±0.10'],
      ['FT on safe answers', 'selfreportedsafety', '0 to 1', '', 0.88, '±0.04'],
      ['GPT-4o', 'selfreportedsafety', '0 to 1', '', 0.71, ''],
    ]);
  });

  it('keeps a fine-tuning details table (batch size, LR multiplier, epochs, runs) out', () => {
    expect(gridToResults(finetuning)).toMatchObject({ kind: 'other', results: [] });
  });

  it('reads unlisted language pairs under a BLEU group header even when the caption speaks of cost', () => {
    const [table] = tablesIn(
      '<table><tr><th rowspan="2">Model</th><th colspan="2">BLEU</th><th rowspan="2">Cost (GPU days)</th></tr>' +
        '<tr><th>EN-RO</th><th>EN-CS</th></tr><tr><td>Baseline</td><td>30.2</td><td>22.4</td><td>12</td></tr>' +
        '<tr><td>Ours</td><td>31.0</td><td>23.9</td><td>3</td></tr><caption>BLEU and training cost</caption></table>',
    );
    const grid = htmlTableToGrid(table);
    expect(rows(grid)).toEqual([
      ['Baseline', 'enro', '', 'bleu', 30.2, ''],
      ['Baseline', 'encs', '', 'bleu', 22.4, ''],
      ['Ours', 'enro', '', 'bleu', 31, ''],
      ['Ours', 'encs', '', 'bleu', 23.9, ''],
    ]);
  });

  it('drops numeric #Params and Year columns and keeps a Dev / Test group as the setting', () => {
    const [withAttributes, splits] = tablesIn(
      '<table><tr><th>Model</th><th>#Params (M)</th><th>Year</th><th>SST-2 Acc</th><th>CoLA MCC</th></tr>' +
        '<tr><td>BERT-base</td><td>110</td><td>2018</td><td>92.7</td><td>52.1</td></tr></table>' +
        '<table><tr><th rowspan="2">Model</th><th colspan="2">Dev</th><th colspan="2">Test</th></tr>' +
        '<tr><th>CoralNER</th><th>KelpRE</th><th>CoralNER</th><th>KelpRE</th></tr>' +
        '<tr><td>SpanBERT</td><td>81.0</td><td>70.2</td><td>80.1</td><td>69.9</td></tr></table>',
    ).map(htmlTableToGrid);
    expect(rows(withAttributes)).toEqual([
      ['BERT-base', 'sst2', '', 'acc', 92.7, ''],
      ['BERT-base', 'cola', '', 'mcc', 52.1, ''],
    ]);
    expect(rows(splits)).toEqual([
      ['SpanBERT', 'coralner', 'dev', '', 81, ''],
      ['SpanBERT', 'kelpre', 'dev', '', 70.2, ''],
      ['SpanBERT', 'coralner', 'test', '', 80.1, ''],
      ['SpanBERT', 'kelpre', 'test', '', 69.9, ''],
    ]);
  });

  it('keeps rows that repeat a model name but differ in another label column', () => {
    const [g] = markdownTables('| Model | Type | MMLU |\n|---|---|---|\n| Demo-7B | Base | 60.1 |\n| Demo-7B | Chat | 62.3 |\n', parseHtml);
    expect(gridToResults(g).kind).toBe('results');
    expect(rows(g).map((r) => r[4])).toEqual([60.1, 62.3]);
  });

  it('lets the caption decide only when the grid names no measure', () => {
    const table = (caption: string) =>
      htmlTableToGrid(
        tablesIn(`<table><caption>${caption}</caption><tr><th>Method</th><th>Batch 1</th><th>Batch 8</th></tr><tr><td>Ours</td><td>41.0</td><td>212.5</td></tr></table>`)[0],
      );
    expect(gridToResults(table('Decoding speed of each method')).reason).toMatch(/^caption suggests/);
    expect(gridToResults(table('Each method on two splits')).kind).toBe('results');
  });

  it('files a lone measure column under the one benchmark the caption names', () => {
    const [g] = markdownTables('Results on GSM8K:\n\n| Method | Acc. | Params |\n|---|---|---|\n| Ours | 61.2 | 7B |\n| + self-consistency | 66.0 | 7B |\n', parseHtml);
    expect(rows(g)).toEqual([
      ['Ours', 'gsm8k', '', 'acc', 61.2, ''],
      ['+ self-consistency', 'gsm8k', '', 'acc', 66, ''],
    ]);
  });
});
