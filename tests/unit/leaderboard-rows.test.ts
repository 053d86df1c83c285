import { describe, expect, it } from 'vitest';
import { parseCsv, CsvError } from '../../lib/leaderboard/csv';
import {
  LeaderboardFormatError,
  cellNumber,
  detectColumns,
  modelIdFromCell,
  normaliseModelType,
  paramsFromName,
  parseLeaderboardFile,
  parseLeaderboardJson,
  parseRowsPage,
  parseRowsPages,
  planRowPages,
  rowsPageUrl,
} from '../../lib/leaderboard/rows';
import { selectTop, topN } from '../../lib/leaderboard/select';
import { fixture } from '../helpers';

const json = (rel: string) => JSON.parse(fixture(`leaderboard/${rel}`)) as unknown;
const formatError = (f: () => unknown): LeaderboardFormatError => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(LeaderboardFormatError);
    return e as LeaderboardFormatError;
  }
  throw new Error('expected a LeaderboardFormatError');
};

describe('CSV reader', () => {
  it('reads quotes, doubled quotes, delimiters and line breaks inside quotes, CRLF and a BOM', () => {
    const text = '\uFEFFa,b,c\r\n1,"x, ""y""",3\n"multi\nline",,\r\n\n4,5,6';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, "y"', '3'],
      ['multi\nline', '', ''],
      ['4', '5', '6'],
    ]);
  });

  it('finds tab and semicolon delimiters from the header', () => {
    expect(parseCsv('a\tb\n1\t2\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsv('a;"b;c"\n1;2')).toEqual([['a', 'b;c'], ['1', '2']]);
  });

  it('says where an unterminated quote starts', () => {
    expect(() => parseCsv('a,b\n1,"oops\n2,3')).toThrow(CsvError);
    expect(() => parseCsv('a,b\n1,"oops\n2,3')).toThrow(/line 2/);
  });
});

describe('cell values', () => {
  it('reads empty, NaN, "nan", null and text as missing, never as zero', () => {
    for (const v of ['', '  ', 'NaN', 'nan', 'None', 'null', 'N/A', null, undefined, Number.NaN, Infinity, 'abc', true]) {
      expect(cellNumber(v)).toBeNull();
    }
    expect(cellNumber('0')).toBe(0);
    expect(cellNumber(' 12.5 ')).toBe(12.5);
    expect(cellNumber(-1)).toBe(-1);
  });

  it('normalises every model type seen in the data, with or without its emoji', () => {
    const seen: Record<string, string> = {
      '🟢 pretrained': 'pretrained',
      '🟩 continuously pretrained': 'continuously-pretrained',
      '🔶 fine-tuned on domain-specific datasets': 'fine-tuned',
      '💬 chat models (RLHF, DPO, IFT, ...)': 'chat',
      '🤝 base merges and moerges': 'merge',
      '🌸 multimodal': 'multimodal',
      '❓ other': 'other',
      '🔶 fine-tuned': 'fine-tuned',
      '⭕ instruction-tuned': 'instruction-tuned',
      '🟦 RL-tuned': 'rl-tuned',
      '🟢 Pretrained': 'pretrained',
      pretrained: 'pretrained',
      '🟢': 'pretrained',
      '🟩': 'continuously-pretrained',
      '🤝': 'merge',
      '': 'unknown',
      'something new': 'unknown',
    };
    for (const [raw, id] of Object.entries(seen)) expect([raw, normaliseModelType(raw)]).toEqual([raw, id]);
  });

  it('takes the hub id from the v2 Model anchor, a hub URL or plain text', () => {
    expect(modelIdFromCell('<a target="_blank" href="https://huggingface.co/a/b">a/b</a>  <a href="x">📑</a>')).toBe('a/b');
    expect(modelIdFromCell('https://huggingface.co/org/Model-7B')).toBe('org/Model-7B');
    expect(modelIdFromCell(' org/name ')).toBe('org/name');
  });

  it('reads a size from a model name only when it states one', () => {
    expect(paramsFromName('meta-llama/Llama-2-70b-hf')).toBe(70);
    expect(paramsFromName('Corianas/111m')).toBeCloseTo(0.111);
    expect(paramsFromName('upstage/SOLAR-10.7B-v1.0')).toBe(10.7);
    expect(paramsFromName('01-ai/Yi-1.5-34B')).toBe(34);
    expect(paramsFromName('mistralai/Mixtral-8x7B-v0.1')).toBeNull();
    expect(paramsFromName('gpt2-xl')).toBeNull();
  });
});

describe('dataset viewer /rows', () => {
  it('builds page URLs with the dataset id encoded and refuses pages over 100 rows', () => {
    expect(rowsPageUrl('open-llm-leaderboard/contents', 'default', 'train', 200, 100)).toBe(
      'https://datasets-server.huggingface.co/rows?dataset=open-llm-leaderboard%2Fcontents&config=default&split=train&offset=200&length=100',
    );
    expect(() => rowsPageUrl('d', 'c', 's', 0, 101)).toThrow(RangeError);
    expect(() => rowsPageUrl('d', 'c', 's', -1, 10)).toThrow(RangeError);
  });

  it('plans the first page before the total is known, then the rest', () => {
    expect(planRowPages(null)).toEqual([{ offset: 0, length: 100 }]);
    const rest = planRowPages(3827, { from: 100 });
    expect(rest).toHaveLength(38);
    expect(rest[0]).toEqual({ offset: 100, length: 100 });
    expect(rest.at(-1)).toEqual({ offset: 3800, length: 27 });
    expect(planRowPages(250, { pageSize: 500 })).toEqual([
      { offset: 0, length: 100 },
      { offset: 100, length: 100 },
      { offset: 200, length: 50 },
    ]);
    expect(planRowPages(1000, { limit: 150 })).toEqual([
      { offset: 0, length: 100 },
      { offset: 100, length: 50 },
    ]);
    expect(planRowPages(0)).toEqual([]);
  });

  it('reads two v2 pages (given in any order) into entries with every field', () => {
    const p = parseRowsPages([json('rows-v2-page1.json'), json('rows-v2-page0.json')]);
    expect(p.format).toBe('rows-api');
    expect(p.source).toEqual({ name: 'Open LLM Leaderboard', version: 'v2', url: 'https://huggingface.co/datasets/open-llm-leaderboard/contents' });
    expect(p.entries.map((e) => [e.row, e.fullname])).toEqual([
      [0, 'example-org/Fam-7B'],
      [1, 'example-org/Fam-7B'],
      [2, 'someone/Fam-7B-merge'],
      [3, 'other/Mixer-2x7B'],
      [4, 'tiny/Pico-0.5B'],
    ]);
    expect(p.notes).toEqual([]);
    const [fam] = p.entries;
    expect(fam).toMatchObject({
      modelType: 'pretrained',
      typeRaw: '🟢 pretrained',
      params: 7.24,
      paramsFrom: 'column',
      average: 20.5,
      flagged: false,
      merged: false,
      moe: false,
      availableOnHub: true,
      officialProvider: true,
      precision: 'bfloat16',
      architecture: 'LlamaForCausalLM',
      license: 'apache-2.0',
      baseModel: 'example-org/Fam-7B',
      detailsUrl: 'https://huggingface.co/datasets/open-llm-leaderboard/example-org__Fam-7B-details',
    });
    expect(fam.scores.map((s) => [s.benchmark, s.setting, s.value, s.raw])).toEqual([
      ['ifeval', '0-shot', 30, 0.3],
      ['bbh', '3-shot', 25, 0.45],
      ['math-lvl5', '4-shot', 5, undefined],
      ['gpqa', '0-shot', 6, undefined],
      ['musr', '0-shot', 10, undefined],
      ['mmlu-pro', '5-shot', 47, undefined],
    ]);
  });

  it('keeps missing values missing: null and "NaN" scores are left out, -1 params and a null average are null', () => {
    const p = parseRowsPages([json('rows-v2-page0.json'), json('rows-v2-page1.json')]);
    const merge = p.entries.find((e) => e.fullname === 'someone/Fam-7B-merge')!;
    expect(merge.scores.map((s) => s.benchmark)).toEqual(['bbh', 'gpqa', 'musr', 'mmlu-pro']);
    expect(merge.params).toBeNull();
    expect(merge.license).toBe('');
    expect(merge).toMatchObject({ flagged: true, merged: true, availableOnHub: false, modelType: 'merge' });
    const mixer = p.entries.find((e) => e.fullname === 'other/Mixer-2x7B')!;
    expect(mixer.average).toBeNull();
    expect(mixer.moe).toBe(true);
    expect(mixer.scores.some((s) => s.benchmark === 'bbh')).toBe(false);
  });

  it('notes a partial read, and cells the viewer cut short', () => {
    const p = parseRowsPages([json('rows-v2-page0.json')]);
    expect(p.notes).toEqual(['Only 3 of 5 rows were read; the ranking covers those rows only.']);
    const v1 = parseRowsPages([json('rows-v1-archive.json')]);
    expect(v1.notes).toEqual(['The dataset viewer says its copy of this dataset is partial.', '1 rows had a model id or score cut short by the dataset viewer.']);
  });

  it('reads the early v2 "Not_Merged" column as the inverse of Merged', () => {
    const p = parseLeaderboardJson(json('rows-v2-early.json'));
    expect(p.entries.map((e) => [e.fullname, e.merged])).toEqual([
      ['a/Base-1B', false],
      ['b/Merge-1B', true],
    ]);
    expect(p.entries[0].moe).toBeNull(); // no MoE column: unknown, not false
  });

  it('reads the v1 archive shape with v1 types and the six v1 benchmarks at their leaderboard settings', () => {
    const p = parseLeaderboardJson(json('rows-v1-archive.json'));
    expect(p.source.version).toBe('v1');
    expect(p.source.url).toBe('https://huggingface.co/datasets/open-llm-leaderboard-old/contents');
    expect(p.entries.map((e) => e.modelType)).toEqual(['fine-tuned', 'instruction-tuned', 'rl-tuned']);
    expect(p.entries[0].scores.map((s) => `${s.benchmarkRaw}=${s.benchmark} ${s.setting} ${s.metric}`)).toEqual([
      'ARC=arc-challenge 25-shot acc_norm',
      'HellaSwag=hellaswag 10-shot acc_norm',
      'MMLU=mmlu 5-shot acc',
      'TruthfulQA=truthfulqa 0-shot mc2',
      'Winogrande=winogrande 5-shot acc',
      'GSM8K=gsm8k 5-shot acc',
    ]);
    expect(p.entries[1].scores.map((s) => s.benchmark)).toEqual(['arc-challenge', 'hellaswag', 'mmlu', 'truthfulqa']);
    expect(p.entries[2].params).toBeNull(); // 0 is the placeholder for unknown
    expect(p.entries[2].merged).toBe(true);
  });

  it('throws the viewer error message and rejects what is not a /rows answer', () => {
    expect(formatError(() => parseLeaderboardJson(json('viewer-error.json'))).message).toMatch(/^The dataset viewer answered with an error: The dataset does not exist/);
    expect(formatError(() => parseRowsPage({ rows: [{ row: {} }], num_rows_total: 1 })).message).toMatch(/not a dataset viewer \/rows answer: rows\.0\.row_idx/);
  });

  it('ranks the small pages: duplicates collapsed to the best row, the missing average left out, ties by name', () => {
    const p = parseRowsPages([json('rows-v2-page0.json'), json('rows-v2-page1.json')]);
    const sel = selectTop(p.entries, { n: 10 });
    expect(sel.entries.map((e) => [e.fullname, e.average, e.precision])).toEqual([
      ['someone/Fam-7B-merge', 24, 'bfloat16'],
      ['example-org/Fam-7B', 20.5, 'bfloat16'],
      ['tiny/Pico-0.5B', 20.5, 'bfloat16'],
    ]);
    expect(sel.counts).toEqual({ rows: 5, filteredOut: 0, missingAverage: 1, duplicates: 1, ranked: 3 });
    expect(topN(p.entries, { n: 10, excludeFlagged: true, excludeMerged: true }).map((e) => e.fullname)).toEqual(['example-org/Fam-7B', 'tiny/Pico-0.5B']);
    expect(topN(p.entries, { n: 10, types: ['🟩 continuously pretrained', 'pretrained'] }).map((e) => e.fullname)).toEqual(['example-org/Fam-7B', 'tiny/Pico-0.5B']);
    expect(topN(p.entries, { n: 1, paramsMax: 1 }).map((e) => e.fullname)).toEqual(['tiny/Pico-0.5B']);
    expect(() => topN(p.entries, { n: 1, types: ['pretrain-ish'] })).toThrow(/Unknown model type "pretrain-ish"/);
    expect(() => topN(p.entries, { n: 1, paramsMin: 10, paramsMax: 1 })).toThrow(/range is empty/);
  });
});

describe('files the user downloaded', () => {
  const v2Csv = [
    ',eval_name,Precision,Type,T,fullname,Average ⬆️,#Params (B),Flagged,Merged,MoE,IFEval Raw,IFEval,BBH,MMLU-PRO',
    '0,a_X-7B_bfloat16,bfloat16,🟢 pretrained,🟢,a/X-7B,12.5,7.0,False,False,False,0.25,25.0,10.0,2.5',
    '1,b_Y_bfloat16,bfloat16,"💬 chat models (RLHF, DPO, IFT, ...)",💬,b/Y,nan,,False,True,False,,,9.0,',
  ].join('\n');

  it('reads a v2-shaped CSV with missing cells as missing', () => {
    const p = parseLeaderboardFile(v2Csv, { file: 'mine.csv' });
    expect(p.format).toBe('csv');
    expect(p.source.file).toBe('mine.csv');
    expect(p.entries[1]).toMatchObject({ fullname: 'b/Y', modelType: 'chat', average: null, params: null, merged: true });
    expect(p.entries[1].scores.map((s) => [s.benchmark, s.value])).toEqual([['bbh', 9]]);
    expect(p.entries[0].scores[0]).toEqual({ benchmarkRaw: 'IFEval', benchmark: 'ifeval', setting: '0-shot', metric: expect.any(String), value: 25, raw: 0.25 });
  });

  it('reads JSON records, pandas "split", a header row in JSON, and Python NaN as missing', () => {
    const records = '[{"fullname":"a/X","Type":"🟢 pretrained","Average ⬆️":NaN,"IFEval":1.5},{"fullname":"b/Y","Type":"🟢 pretrained","Average ⬆️":3,"IFEval":-Infinity}]';
    const r = parseLeaderboardFile(records);
    expect(r.format).toBe('json-records');
    expect(r.entries.map((e) => [e.fullname, e.average, e.scores.length])).toEqual([
      ['a/X', null, 1],
      ['b/Y', 3, 0],
    ]);
    const split = parseLeaderboardJson({ columns: ['Model', 'Average', 'ARC', 'GSM8K'], data: [['c/Z', 50, 45.5, null]] });
    expect(split.format).toBe('json-split');
    expect(split.entries[0].scores.map((s) => [s.benchmark, s.setting])).toEqual([['arc-challenge', '25-shot']]);
    const table = parseLeaderboardJson([['fullname', 'Average', 'IFEval'], ['d/W', 10, 20]]);
    expect(table.format).toBe('json-table');
    expect(table.entries[0].source.version).toBe('v2');
  });

  it('says which columns a file that is not a leaderboard lacks', () => {
    const e = formatError(() => parseLeaderboardFile(fixture('leaderboard/not-a-leaderboard.csv'), { file: 'papers.csv' }));
    expect(e.missing).toEqual([
      'the model id (a "fullname" or "Model" column)',
      'the average score (an "Average ⬆️" or "Average" column)',
      expect.stringMatching(/^benchmark scores \(v2: IFEval, BBH, MATH Lvl 5, GPQA, MUSR, MMLU-PRO; v1: ARC, HellaSwag/),
    ]);
    expect(e.message).toMatch(/^This is not an Open LLM Leaderboard table: it has no column for the model id .* Columns found: "title", "author", "year"\.$/);

    const onlyScores = formatError(() => parseLeaderboardFile('Model,IFEval\na/b,1'));
    expect(onlyScores.missing).toEqual(['the average score (an "Average ⬆️" or "Average" column)']);
    expect(formatError(() => detectColumns(['fullname', 'Average', 'Hub ❤️'])).missing).toEqual([expect.stringMatching(/^benchmark scores/)]);
  });

  it('gives a specific message for each kind of bad file', () => {
    const cases: Array<[string, RegExp]> = [
      ['', /^The file is empty\.$/],
      ['   \n', /^The file is empty\.$/],
      ['<!doctype html><html><body>Leaderboard</body></html>', /is a web page \(HTML or XML\)/],
      ['{"fullname": "a/b", ', /^The file is not valid JSON: /],
      ['{"models": [1, 2]}', /it is an object with "models"/],
      ['42', /^This is not an Open LLM Leaderboard table: .* Columns found: "42"\.$/],
      ['[]', /^The JSON list is empty\.$/],
      ['[["a/b", 1, 2]]', /lists of 3 values without a header/],
      ['fullname,Average,IFEval\n', /has a header but no rows/],
      ['fullname,Average,IFEval\na,"1', /^The CSV file could not be read: unterminated quoted field starting on line 2\.$/],
    ];
    for (const [text, re] of cases) expect([text, formatError(() => parseLeaderboardFile(text)).message]).toEqual([text, expect.stringMatching(re)]);
    expect(formatError(() => parseLeaderboardJson(42)).message).toMatch(/it is a single number, not a list of rows/);
    expect(formatError(() => parseLeaderboardJson(null)).message).toMatch(/it is a single null/);
  });

  it('skips rows without a model id and says so', () => {
    const p = parseLeaderboardFile('fullname,Average,IFEval\n,1,2\na/b,3,4');
    expect(p.entries.map((e) => e.fullname)).toEqual(['a/b']);
    expect(p.skipped).toEqual([{ row: 0, reason: 'no model id' }]);
  });
});
