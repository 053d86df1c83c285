import { describe, expect, it } from 'vitest';
import {
  buildCompareMatrix,
  csvField,
  escapeMarkdownCell,
  formatValue,
  matrixToCsv,
  matrixToMarkdown,
  modelMatchKey,
  type CompareMatrix,
} from '../../lib/compare/matrix';
import { cardWithResults } from '../samples';
import type { Card } from '../../lib/schema';



const card = cardWithResults;

const at = (day: number) => ({ kind: 'capture' as const, at: `2026-11-${String(day).padStart(2, '0')}T00:00:00.000Z` });
const cellOf = (m: CompareMatrix, row: number, label: string) => m.rows[row].cells[m.columns.findIndex((c) => c.label === label)];

describe('which result fills a cell', () => {
  it('takes the card model’s own number and never a baseline’s', () => {
    const qwen = card('q', 'Qwen2-7B', [
      { model: 'Qwen2-7B', benchmark: 'mmlu', setting: '5-shot', value: 70.3 },
      { model: 'Llama-3-8B', benchmark: 'mmlu', setting: '5-shot', value: 66.6 },
      { model: 'Llama-3-8B', benchmark: 'gsm8k', value: 56 },
    ]);
    const m = buildCompareMatrix([qwen]);
    expect(m.columns.map((c) => c.label)).toEqual(['MMLU · 5-shot']);
    expect(m.rows[0].cells[0]?.value).toBe(70.3);
    expect(m.rows[0].cells[0]?.alternatives).toEqual([]);
  });

  it('matches model names ignoring case, punctuation, spaces and "(ours)"; against the title, the 模型 field and hub ids', () => {
    const byTitle = card('a', 'Qwen2-7B', [{ model: 'qwen2 7b (Ours)', benchmark: 'mmlu', value: 70 }]);
    const byField = card('b', 'DeepSeek-V2: A Strong MoE Model', [{ model: 'DEEPSEEK_V2†', benchmark: 'mmlu', value: 78 }], {
      fields: { model: { value: 'DeepSeek-V2' } },
    });
    const byId = card('c', 'GLM-4 technical report', [{ model: 'glm-4-9b-chat', benchmark: 'mmlu', value: 72 }], {
      identity: { modelIds: ['thudm/glm-4-9b-chat'] },
    });
    const other = card('d', 'Qwen2-7B-Instruct', [{ model: 'Qwen2-7B', benchmark: 'mmlu', value: 70 }]);
    const m = buildCompareMatrix([byTitle, byField, byId, other]);
    expect(m.rows.map((r) => r.cells[0]?.value ?? null)).toEqual([70, 78, 72, null]);
    expect(modelMatchKey('Qwen2-7B（本文）')).toBe('qwen27b');
    expect(modelMatchKey('Ours')).toBe('ours');
  });

  it('prefers rows marked own; own: false is never used; ownOnly keeps only the marked rows', () => {
    const c = card('a', 'Tiny-LM', [
      { model: 'Ours', benchmark: 'mmlu', value: 45.2, own: true },
      { model: 'Tiny-LM', benchmark: 'mmlu', value: 44, verified: true },
      { model: 'Tiny-LM', benchmark: 'gsm8k', value: 20, own: false },
      { model: 'Tiny-LM', benchmark: 'hellaswag', value: 60 },
    ]);
    const m = buildCompareMatrix([c]);
    expect(m.columns.map((x) => x.benchmark)).toEqual(['mmlu', 'hellaswag']);
    expect(cellOf(m, 0, 'MMLU')?.value).toBe(45.2);
    expect(cellOf(m, 0, 'MMLU')?.alternatives.map((a) => a.value)).toEqual([44]);

    const own = buildCompareMatrix([c], { ownOnly: true });
    expect(own.ownOnly).toBe(true);
    expect(own.columns.map((x) => x.benchmark)).toEqual(['mmlu']);
    expect(own.rows[0].cells[0]?.alternatives).toEqual([]);
  });

  it('keeps a card empty when only other models have numbers, and a bare "Ours" unmarked is not taken', () => {
    const c = card('a', 'Tiny-LM', [
      { model: 'Ours', benchmark: 'mmlu', value: 45 },
      { model: 'Baseline', benchmark: 'mmlu', value: 41 },
    ]);
    const m = buildCompareMatrix([c, card('b', 'Other', [{ model: 'Other', benchmark: 'mmlu', value: 50 }])]);
    expect(m.rows[0].cells).toEqual([null]);
    expect(m.rows[1].cells[0]?.value).toBe(50);
  });

  it('takes a result with no model name (a single-score table of the captured page)', () => {
    const m = buildCompareMatrix([card('a', 'Tiny-LM', [{ model: '', benchmark: 'mmlu', value: 45 }])]);
    expect(m.rows[0].cells[0]?.value).toBe(45);
  });

  it('among several results prefers verified, then the most recent source, keeping the rest as alternatives', () => {
    const c = card('a', 'Tiny-LM', [
      { model: 'Tiny-LM', benchmark: 'mmlu', value: 40, source: at(1) },
      { model: 'Tiny-LM', benchmark: 'mmlu', metric: 'acc', value: 41, source: at(20), verified: true },
      { model: 'tiny lm', benchmark: 'mmlu', value: 42, source: at(25) },
      { model: 'Tiny-LM', benchmark: 'gsm8k', value: 10, source: at(2) },
      { model: 'Tiny-LM', benchmark: 'gsm8k', value: 11, source: at(9) },
      { model: 'Tiny-LM', benchmark: 'gsm8k', value: 12 },
    ]);
    const m = buildCompareMatrix([c]);
    const mmlu = cellOf(m, 0, 'MMLU')!;
    expect(mmlu.value).toBe(41);
    expect(mmlu.alternatives.map((a) => a.value)).toEqual([42, 40]);
    const gsm = cellOf(m, 0, 'GSM8K')!;
    expect(gsm.value).toBe(11);
    expect(gsm.alternatives.map((a) => a.value)).toEqual([10, 12]);
  });
});

describe('columns', () => {
  it('keeps settings apart: MMLU 5-shot and MMLU 0-shot are two columns (setting case and spaces folded)', () => {
    const a = card('a', 'A', [
      { model: 'A', benchmark: 'mmlu', setting: '5-shot', value: 70 },
      { model: 'A', benchmark: 'mmlu', setting: '0-shot', value: 65 },
    ]);
    const b = card('b', 'B', [{ model: 'B', benchmark: 'mmlu', setting: '5-Shot ', value: 71 }]);
    const m = buildCompareMatrix([a, b]);
    expect(m.columns.map((c) => c.label)).toEqual(['MMLU · 5-shot', 'MMLU · 0-shot']);
    expect(m.columns.map((c) => c.count)).toEqual([2, 1]);
    expect(m.rows.map((r) => r.cells.map((c) => c?.value ?? null))).toEqual([
      [70, 65],
      [71, null],
    ]);
  });

  it('orders columns by how many cards have them, then catalogue category, then name', () => {
    const a = card('a', 'A', [
      { model: 'A', benchmark: 'humaneval', value: 30 },
      { model: 'A', benchmark: 'gsm8k', value: 50 },
      { model: 'A', benchmark: 'mmlu-pro', value: 40 },
      { model: 'A', benchmark: 'mmlu', value: 60 },
      { model: 'A', benchmark: 'zzz-local', benchmarkRaw: 'ZZZ Local (5-shot)', value: 1 },
      { model: 'A', benchmark: 'aaa-local', benchmarkRaw: 'AAA Local', value: 1 },
    ]);
    const b = card('b', 'B', [{ model: 'B', benchmark: 'humaneval', value: 31 }]);
    const m = buildCompareMatrix([a, b]);
    // humaneval: 2 cards; then knowledge (MMLU, MMLU-Pro), math (GSM8K), then unknown benchmarks by name.
    expect(m.columns.map((c) => c.name)).toEqual(['HumanEval', 'MMLU', 'MMLU-Pro', 'GSM8K', 'AAA Local', 'ZZZ Local']);
    expect(m.columns.find((c) => c.benchmark === 'zzz-local')).toMatchObject({ known: false, category: '', higherIsBetter: true });
  });

  it('marks the best value per column, lower being better where the catalogue says so (Pile bits per byte)', () => {
    const cards = [
      card('a', 'A', [
        { model: 'A', benchmark: 'pile-test', value: 0.62 },
        { model: 'A', benchmark: 'mmlu', value: 70 },
      ]),
      card('b', 'B', [
        { model: 'B', benchmark: 'pile-test', value: 0.55 },
        { model: 'B', benchmark: 'mmlu', value: 72 },
      ]),
      card('c', 'C', [{ model: 'C', benchmark: 'mmlu', value: 72 }]),
    ];
    const m = buildCompareMatrix(cards);
    const pile = m.columns.find((c) => c.benchmark === 'pile-test')!;
    expect(pile.higherIsBetter).toBe(false);
    expect(m.rows.map((r) => r.cells.map((c) => c?.best ?? null))).toEqual([
      [false, false],
      [true, true],
      [true, null],
    ]);
  });

  it('marks no best in a column with a single value, and leaves missing cells null (never 0)', () => {
    const m = buildCompareMatrix([card('a', 'A', [{ model: 'A', benchmark: 'mmlu', value: 0 }]), card('b', 'B', [])]);
    expect(m.rows[0].cells[0]).toMatchObject({ value: 0, display: '0', best: false });
    expect(m.rows[1].cells).toEqual([null]);
  });

  it('records the metrics of a column so mixed measures can be flagged', () => {
    const m = buildCompareMatrix([
      card('a', 'A', [{ model: 'A', benchmark: 'hellaswag', metric: 'acc', value: 80 }]),
      card('b', 'B', [{ model: 'B', benchmark: 'hellaswag', metric: 'acc_norm', value: 82 }]),
    ]);
    expect(m.columns[0].metrics).toEqual(['acc', 'acc_norm']);
  });

  it('writes numbers as written: no grouping, no exponent', () => {
    expect(formatValue(1200)).toBe('1200');
    expect(formatValue(85.3)).toBe('85.3');
    expect(formatValue(-0.5)).toBe('-0.5');
    expect(formatValue(1e-7)).toBe('0.0000001');
    expect(formatValue(1.5e21)).toBe('1500000000000000000000');
    expect(formatValue(-0)).toBe('0');
  });
});

function surveyCards(): Card[] {
  return [
    card('q', 'Qwen2-7B', [
      { model: 'Qwen2-7B', benchmark: 'mmlu', setting: '5-shot', value: 70.3 },
      { model: 'Llama-3-8B', benchmark: 'mmlu', setting: '5-shot', value: 66.6 },
      { model: 'Qwen2-7B', benchmark: 'gsm8k', setting: '4-shot', value: 79.9 },
      { model: 'Qwen2-7B', benchmark: 'pile-test', value: 0.52 },
    ]),
    card('l', 'Llama 3 8B', [
      { model: 'Llama-3-8B', benchmark: 'mmlu', setting: '5-shot', value: 66.6 },
      { model: 'Llama-3-8B', benchmark: 'pile-test', value: 0.55 },
    ]),
    card('g', 'GLM-4-9B', [{ model: 'GLM-4-9B', benchmark: 'mmlu', setting: '5-shot', value: 74.7 }]),
  ];
}

describe('markdown and CSV', () => {
  it('writes a GFM table with best values in bold and empty cells empty', () => {
    const m = buildCompareMatrix(surveyCards());
    expect(matrixToMarkdown(m, 'zh')).toBe(
      [
        '| 模型 | MMLU · 5-shot | Pile test | GSM8K · 4-shot |',
        '| :--- | ---: | ---: | ---: |',
        '| Qwen2-7B | 70.3 | **0.52** | 79.9 |',
        '| Llama 3 8B | 66.6 | 0.55 |  |',
        '| GLM-4-9B | **74.7** |  |  |',
        '',
      ].join('\n'),
    );
    expect(matrixToMarkdown(m, 'en').split('\n')[0]).toBe('| Model | MMLU · 5-shot | Pile test | GSM8K · 4-shot |');
    expect(matrixToMarkdown(buildCompareMatrix([]), 'en')).toBe('');
  });

  it('writes CSV with a BOM, one header row, CRLF line ends and empty cells empty', () => {
    const m = buildCompareMatrix(surveyCards());
    expect(matrixToCsv(m)).toBe(
      '\uFEFF' +
        'model,MMLU · 5-shot,Pile test,GSM8K · 4-shot\r\n' +
        'Qwen2-7B,70.3,0.52,79.9\r\n' +
        'Llama 3 8B,66.6,0.55,\r\n' +
        'GLM-4-9B,74.7,,\r\n',
    );
    expect(matrixToCsv(m, { bom: false }).startsWith('model,')).toBe(true);
  });

  it('escapes hostile names in markdown and quotes them in CSV', () => {
    const hostile = card('h', '<img src=x onerror=alert(1)>', [
      { model: '<img src=x onerror=alert(1)>', benchmark: 'a-b', benchmarkRaw: 'A|B', setting: '1|2', value: 1234.5 },
    ]);
    const quoted = card('q', 'Model "X", v2', [{ model: 'Model "X", v2', benchmark: 'a-b', benchmarkRaw: 'A|B', setting: '1|2', value: -3 }]);
    const formula = card('f', '=HYPERLINK("http://x")', [{ model: '=HYPERLINK("http://x")', benchmark: 'a-b', benchmarkRaw: 'A|B', setting: '1|2', value: 2 }]);
    const m = buildCompareMatrix([hostile, quoted, formula]);
    expect(m.columns[0].label).toBe('A|B · 1|2');
    expect(matrixToMarkdown(m, 'en')).toBe(
      [
        '| Model | A\\|B · 1\\|2 |',
        '| :--- | ---: |',
        '| &lt;img src=x onerror=alert(1)&gt; | **1234.5** |',
        '| Model "X", v2 | -3 |',
        '| =HYPERLINK("http://x") | 2 |',
        '',
      ].join('\n'),
    );
    expect(matrixToCsv(m, { bom: false })).toBe(
      'model,A|B · 1|2\r\n' + '<img src=x onerror=alert(1)>,1234.5\r\n' + '"Model ""X"", v2",-3\r\n' + '"\'=HYPERLINK(""http://x"")",2\r\n',
    );
  });

  it('escapes markdown punctuation and line breaks in cells', () => {
    expect(escapeMarkdownCell('a*b_c `d` [e](f) ~g~ \\ |\nh')).toBe('a\\*b\\_c \\`d\\` \\[e\\](f) \\~g\\~ \\\\ \\| h');
    expect(escapeMarkdownCell('AT&amp;T <b>')).toBe('AT&amp;amp;T &lt;b&gt;');
  });

  it('quotes CSV fields by RFC 4180', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('-1 model')).toBe("'-1 model");
    expect(csvField('通义千问')).toBe('通义千问');
  });
});
