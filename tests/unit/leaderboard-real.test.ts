import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLeaderboardFile, type LeaderboardEntry, type ParsedLeaderboard } from '../../lib/leaderboard/rows';
import { selectTop, topN } from '../../lib/leaderboard/select';
import { draftCardFields, emptyCard, fillEmpty, hubApiUrl, runEnrichment, type HttpFetch } from '../../lib/leaderboard/enrich';

// The real leaderboard data beside the checkout (../shared/fixtures/leaderboard; PROVENANCE.md there).
const DIR = resolve(process.cwd(), '../shared/fixtures/leaderboard');
const V2_FULL = 'open-llm-leaderboard-v2-contents-full.csv';
const V2_OFFICIAL = 'open-llm-leaderboard-v2-contents-official-providers.csv';
const present = existsSync(resolve(DIR, V2_FULL));
if (!present) console.log(`SKIPPED leaderboard real-data tests: ${DIR} is absent (it sits beside the checkout in CI).`);

const read = (f: string) => readFileSync(resolve(DIR, f), 'utf8');
const cache = new Map<string, ParsedLeaderboard>();
const parsed = (f: string) => cache.get(f) ?? cache.set(f, parseLeaderboardFile(read(f), { file: f })).get(f)!;

/**
 * An independent, deliberately simple reading of the v2 CSV for the expected values: one row per
 * line (the export has no line breaks inside cells) split by a regex, values compared as text.
 */
function naiveRows(text: string): Record<string, string>[] {
  const split = (line: string) =>
    [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].map((m) => (m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1]));
  const [head, ...lines] = text.split('\n').filter((l) => l.length);
  const headers = split(head);
  return lines.map((l) => Object.fromEntries(split(l).slice(0, headers.length).map((v, i) => [headers[i], v])));
}

/**
 * Best average per model among the rows kept, highest first, ties by name: the rule, written plainly.
 * Hub ids ignore case, so "Quazim0t0/ODB-14B-sce" and "Quazim0t0/ODB-14b-sce" (two rows of the file) are one model.
 */
function expectedTop(rows: Record<string, string>[], keep: (r: Record<string, string>) => boolean, n: number): [string, number][] {
  const best: Record<string, [string, number]> = {};
  for (const r of rows) {
    if (!keep(r)) continue;
    const avg = Number(r['Average ⬆️']);
    const key = r.fullname.toLowerCase();
    if (!(key in best) || avg > best[key][1]) best[key] = [r.fullname, avg];
  }
  return Object.values(best)
    .sort((a, b) => b[1] - a[1] || (a[0].toLowerCase() < b[0].toLowerCase() ? -1 : 1))
    .slice(0, n);
}

const modelCount = (rows: Record<string, string>[]) => new Set(rows.map((r) => r.fullname.toLowerCase())).size;

const names = (es: LeaderboardEntry[]) => es.map((e) => e.fullname);

describe.skipIf(!present)('Open LLM Leaderboard v2 contents (real export, 3827 rows)', () => {
  const rows = present ? naiveRows(read(V2_FULL)) : [];

  it('parses the 3.9 MB CSV well under a second, every row, with the six v2 benchmarks and their raw values', () => {
    const text = read(V2_FULL);
    const t0 = performance.now();
    const p = parseLeaderboardFile(text, { file: V2_FULL });
    const ms = performance.now() - t0;
    console.log(`parsed ${V2_FULL}: ${p.entries.length} entries in ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(1000);
    expect(p.entries).toHaveLength(3827);
    expect(rows).toHaveLength(3827);
    expect(p.skipped).toEqual([]);
    expect(p.source).toEqual({ name: 'Open LLM Leaderboard', version: 'v2', url: 'https://huggingface.co/datasets/open-llm-leaderboard/contents', file: V2_FULL });
    expect(p.columns.benchmarks.map((b) => [b.header, b.id, b.setting, p.columns.headers[b.rawIndex]])).toEqual([
      ['IFEval', 'ifeval', '0-shot', 'IFEval Raw'],
      ['BBH', 'bbh', '3-shot', 'BBH Raw'],
      ['MATH Lvl 5', 'math-lvl5', '4-shot', 'MATH Lvl 5 Raw'],
      ['GPQA', 'gpqa', '0-shot', 'GPQA Raw'],
      ['MUSR', 'musr', '0-shot', 'MUSR Raw'],
      ['MMLU-PRO', 'mmlu-pro', '5-shot', 'MMLU-PRO Raw'],
    ]);
    // Every value is the file's, row by row.
    p.entries.forEach((e, i) => {
      const r = rows[i];
      expect(e.fullname).toBe(r.fullname);
      expect(e.average).toBe(Number(r['Average ⬆️']));
      expect(e.scores.map((s) => [s.value, s.raw])).toEqual(
        ['IFEval', 'BBH', 'MATH Lvl 5', 'GPQA', 'MUSR', 'MMLU-PRO'].map((b) => [Number(r[b]), Number(r[`${b} Raw`])]),
      );
    });
  });

  it('reads every Type value of the file to a model type, keeping the text', () => {
    const p = parsed(V2_FULL);
    const pairs = new Map(p.entries.map((e) => [e.typeRaw, e.modelType]));
    expect(Object.fromEntries(pairs)).toEqual({
      '💬 chat models (RLHF, DPO, IFT, ...)': 'chat',
      '🟢 pretrained': 'pretrained',
      '🔶 fine-tuned on domain-specific datasets': 'fine-tuned',
      '🤝 base merges and moerges': 'merge',
      '🟩 continuously pretrained': 'continuously-pretrained',
      '🌸 multimodal': 'multimodal',
      '❓ other': 'other',
    });
  });

  it('top 10 pretrained models by average: the rule computed independently, and the top 3 read from the file', () => {
    const top = topN(parsed(V2_FULL).entries, { n: 10, types: ['pretrained'] });
    const expected = expectedTop(rows, (r) => r.Type === '🟢 pretrained', 10);
    expect(top.map((e) => [e.fullname, e.average])).toEqual(expected);
    // Read by hand in the CSV (lines 1239, 1235, 1219).
    expect(names(top).slice(0, 3)).toEqual(['Qwen/Qwen2.5-72B', 'Qwen/Qwen2.5-32B', 'Qwen/Qwen2-72B']);
    expect(top[0].average).toBe(38.36561487162947);
    expect(top.every((e) => e.modelType === 'pretrained')).toBe(true);
  });

  it('breaks ties by name, whatever the input order', () => {
    const entries = parsed(V2_FULL).entries;
    const all = topN(entries, { n: Infinity });
    const reversed = topN([...entries].reverse(), { n: Infinity });
    expect(names(reversed)).toEqual(names(all));
    // Two pretrained models share 14.215362442692104 in the file.
    const pre = names(topN(entries, { n: Infinity, types: ['pretrained'] }));
    const a = pre.indexOf('mistral-community/Mistral-7B-v0.2');
    expect(pre[a + 1]).toBe('mistralai/Mistral-7B-v0.3');
    // Four models at 7.287062057653856, names compared without case: matouLeLoup before Qwen.
    const tied = all.filter((e) => e.average === 7.287062057653856);
    expect(names(tied)).toEqual([
      'matouLeLoup/ECE-PRYMMAL-0.5B-FT-EnhancedMUSREnsembleV3',
      'matouLeLoup/ECE-PRYMMAL-0.5B-FT-MUSR-ENSEMBLE-V2Mathis',
      'matouLeLoup/ECE-PRYMMAL-0.5B-FT-V4-MUSR-ENSEMBLE-Mathis',
      'Qwen/Qwen2-0.5B',
    ]);
  });

  it('collapses a model listed once per precision to its best row among those that pass the filters', () => {
    const entries = parsed(V2_FULL).entries;
    const sel = selectTop(entries, { n: Infinity });
    expect(sel.counts.duplicates).toBe(3827 - modelCount(rows));
    expect(sel.entries).toHaveLength(modelCount(rows));
    // One repository written two ways (two revisions evaluated): the better row stays.
    expect(sel.entries.filter((e) => e.fullname.toLowerCase() === 'quazim0t0/odb-14b-sce').map((e) => [e.fullname, e.average])).toEqual([
      ['Quazim0t0/ODB-14b-sce', 41.33656100926671],
    ]);
    // microsoft/phi-4: float16 row "pretrained" 29.48, bfloat16 row "chat" 34.25.
    const phiAll = sel.entries.find((e) => e.fullname === 'microsoft/phi-4')!;
    expect([phiAll.precision, phiAll.modelType, phiAll.average]).toEqual(['bfloat16', 'chat', 34.245424902332246]);
    const phiPre = topN(entries, { n: 10, types: ['pretrained'] }).find((e) => e.fullname === 'microsoft/phi-4')!;
    expect([phiPre.precision, phiPre.modelType, phiPre.average]).toEqual(['float16', 'pretrained', 29.48341679122318]);
    // gpt2: two pretrained rows; the higher (bfloat16) stands for it.
    expect(topN(entries, { n: Infinity, search: 'gpt2' }).find((e) => e.fullname === 'gpt2')?.precision).toBe('bfloat16');
  });

  it('keeps missing values missing: the -1 and 0 params placeholders are null, empty licences empty, never 0', () => {
    const entries = parsed(V2_FULL).entries;
    const placeholders = rows.filter((r) => Number(r['#Params (B)']) <= 0).map((r) => r.fullname);
    expect(placeholders.sort()).toEqual([
      'Corianas/llama-3-reactor',
      'cognitivecomputations/dolphin-2.9.2-Phi-3-Medium',
      'google/gemma-2-2b',
      'google/umt5-base',
      'pankajmathur/orca_mini_v8_1_70b',
    ]);
    expect(entries.filter((e) => e.params === null).map((e) => e.fullname).sort()).toEqual(placeholders.sort());
    expect(entries.filter((e) => e.params !== null && e.params <= 0)).toEqual([]);
    expect(entries.filter((e) => e.license === '')).toHaveLength(rows.filter((r) => r['Hub License'] === '').length);
    expect(entries.filter((e) => e.architecture === '').map((e) => e.fullname)).toEqual(['shivank21/mistral_dpo_self']);
    // No model without an average here, so none is left out for it.
    expect(selectTop(entries, { n: 10 }).counts.missingAverage).toBe(0);
  });

  it('filters by type, parameter range, flagged, merged, MoE, hub availability and official providers', () => {
    const entries = parsed(V2_FULL).entries;
    const all = (opts: Parameters<typeof topN>[1]) => new Set(names(topN(entries, opts)));
    const expectedNames = (keep: (r: Record<string, string>) => boolean) => new Set(expectedTop(rows, keep, Infinity).map(([n]) => n));

    expect(all({ n: Infinity, types: ['pretrained'] })).toEqual(expectedNames((r) => r.T === '🟢'));
    expect(all({ n: Infinity, types: ['pretrained', 'continuously-pretrained'] })).toEqual(expectedNames((r) => r.T === '🟢' || r.T === '🟩'));

    const inRange = topN(entries, { n: Infinity, paramsMin: 7, paramsMax: 14 });
    expect(inRange.every((e) => e.params! >= 7 && e.params! <= 14)).toBe(true);
    expect(new Set(names(inRange))).toEqual(expectedNames((r) => Number(r['#Params (B)']) >= 7 && Number(r['#Params (B)']) <= 14));
    expect(all({ n: Infinity, paramsMin: 0 }).has('google/umt5-base')).toBe(false); // unknown size is out of any range

    expect(all({ n: Infinity }).has('newsbang/Homer-v0.5-Qwen2.5-7B')).toBe(true);
    expect(all({ n: Infinity, excludeFlagged: true })).toEqual(expectedNames((r) => r.Flagged === 'False'));
    expect(all({ n: Infinity, excludeFlagged: true }).has('newsbang/Homer-v0.5-Qwen2.5-7B')).toBe(false);
    expect(all({ n: Infinity, excludeMerged: true })).toEqual(expectedNames((r) => r.Merged === 'False'));
    expect(all({ n: Infinity, excludeMoE: true })).toEqual(expectedNames((r) => r.MoE === 'False'));
    expect(all({ n: Infinity, onlyAvailableOnHub: true })).toEqual(expectedNames((r) => r['Available on the hub'] === 'True'));
    expect(all({ n: Infinity, precisions: ['float16'] })).toEqual(expectedNames((r) => r.Precision === 'float16'));

    // The MoE at rank 4 of the pretrained list leaves it, and the 11th model moves up.
    const pre10 = names(topN(entries, { n: 10, types: ['pretrained'] }));
    const noMoE = names(topN(entries, { n: 10, types: ['pretrained'], excludeMoE: true }));
    expect(pre10[3]).toBe('ehristoforu/Falcon3-MoE-2x7B-Insruct');
    expect(noMoE).toEqual([...pre10.filter((n) => n !== 'ehristoforu/Falcon3-MoE-2x7B-Insruct'), 'tiiuae/Falcon3-10B-Base']);

    // Everything together.
    const combined = topN(entries, { n: 10, types: ['pretrained'], paramsMax: 15, excludeFlagged: true, excludeMerged: true, excludeMoE: true });
    expect(combined.map((e) => [e.fullname, e.average])).toEqual(
      expectedTop(rows, (r) => r.T === '🟢' && Number(r['#Params (B)']) > 0 && Number(r['#Params (B)']) <= 15 && r.Flagged === 'False' && r.Merged === 'False' && r.MoE === 'False', 10),
    );
  });

  it('agrees with the official-providers export: "Official Providers" selects the same models', () => {
    const official = parsed(V2_OFFICIAL);
    expect(official.entries).toHaveLength(459);
    const fromFull = new Set(names(topN(parsed(V2_FULL).entries, { n: Infinity, onlyOfficialProviders: true })));
    expect(fromFull).toEqual(new Set(names(topN(official.entries, { n: Infinity }))));
    expect(names(topN(official.entries, { n: 3, types: ['pretrained'] }))).toEqual(['Qwen/Qwen2.5-72B', 'Qwen/Qwen2.5-32B', 'Qwen/Qwen2-72B']);
  });
});

describe.skipIf(!present)('from the real top 10 to ten draft cards (answers routed, one 429 then success, one failing for good)', () => {
  it('enriches nine, lists the failure, and every card has its leaderboard scores and only empty fields filled', async () => {
    const top = topN(parsed(V2_FULL).entries, { n: 10, types: ['pretrained'] });
    const [slow, broken] = [top[1].fullname, top[6].fullname];
    let t = Date.parse('2026-11-28T12:00:00.000Z');
    const sleeps: number[] = [];
    const served = new Map<string, number>();
    const fetch: HttpFetch = async (url) => {
      const n = (served.get(url) ?? 0) + 1;
      served.set(url, n);
      const id = top.find((e) => url === hubApiUrl(e.fullname))?.fullname;
      const status = !id ? 404 : id === broken || (id === slow && n === 1) ? 429 : 200;
      const body = status === 200 ? JSON.stringify({ id, author: id!.split('/')[0], safetensors: { parameters: { BF16: 1e9 } } }) : '';
      return { status, ok: status === 200, headers: { get: (h) => (status === 429 && h.toLowerCase() === 'retry-after' ? '5' : null) }, text: async () => body };
    };
    const sleep = async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    };
    // No README and no papers are routed (404s): the parsers are never needed.
    const noParser = (): Document => {
      throw new Error('not expected');
    };
    const run = await runEnrichment(top, { fetch, sleep, now: () => t, maxRetries: 2, parseXml: noParser, parseHtml: noParser });
    expect(run.results.filter((r) => r.state === 'done')).toHaveLength(9);
    expect(run.results.filter((r) => r.state === 'failed').map((r) => [r.fullname, r.error])).toEqual([
      [broken, `Hub model info: still answered HTTP 429 (rate-limited) after 2 retries (${hubApiUrl(broken)})`],
    ]);
    expect(sleeps).toEqual([5000, 5000, 5000]);

    const cards = top.map((e, i) => fillEmpty(emptyCard(`card-${i}`, run.finishedAt), draftCardFields(e, run.results[i], { at: run.startedAt })).card);
    expect(cards.map((c) => c.title)).toEqual(top.map((e) => e.fullname.split('/')[1]));
    for (const [i, c] of cards.entries()) {
      expect(c.benchmarks.map((b) => [b.benchmark, b.value, b.table])).toEqual(top[i].scores.map((s) => [s.benchmark, s.value, 'Open LLM Leaderboard v2']));
      // The Hub's count where the Hub answered, the leaderboard's own otherwise.
      expect(c.facts.parameters).toBe(top[i].fullname === broken ? Math.round(top[i].params! * 1e9) : 1e9);
    }
  });
});

describe.skipIf(!present)('Open LLM Leaderboard v1 snapshots (2023)', () => {
  const V1 = {
    csv0915: 'h4-open-llm-leaderboard-snapshot-20230915.csv',
    json0915: 'h4-open-llm-leaderboard-snapshot-20230915.json',
    csv1031: 'h4-open-llm-leaderboard-snapshot-20231031.csv',
    json1031_7b: 'h4-open-llm-leaderboard-snapshot-20231031-7b.json',
  };

  it('parse, all four files, with the scores normalised to catalogue ids at the v1 settings', () => {
    for (const f of Object.values(V1)) {
      const p = parsed(f);
      expect(p.source).toEqual({ name: 'Open LLM Leaderboard', version: 'v1', url: 'https://huggingface.co/spaces/HuggingFaceH4/open_llm_leaderboard', file: f });
      expect(p.skipped).toEqual([]);
      for (const e of p.entries) {
        expect(e.scores.map((s) => [s.benchmark, s.setting, s.metric])).toEqual([
          ['arc-challenge', '25-shot', 'acc_norm'],
          ['hellaswag', '10-shot', 'acc_norm'],
          ['mmlu', '5-shot', 'acc'],
          ['truthfulqa', '0-shot', 'mc2'],
        ]);
        expect(e.modelType).toBe('unknown');
        expect([e.flagged, e.merged, e.moe]).toEqual([null, null, null]);
      }
    }
    expect(parsed(V1.csv0915).entries[0].scores.map((s) => s.benchmarkRaw)).toEqual(['ARC(25-shot)', 'HellaSwag(10-shot)', 'MMLU(5-shot)', 'TruthfulQA(0-shot)']);
    expect(parsed(V1.json0915).entries[0].scores.map((s) => s.benchmarkRaw)).toEqual(['ARC', 'HellaSwag', 'MMLU', 'TruthfulQA']);
    expect(parsed(V1.json0915).format).toBe('json-positional');
    expect(parsed(V1.csv1031).entries).toHaveLength(109);
    expect(parsed(V1.json1031_7b).entries).toHaveLength(61);
  });

  it('the CSV and the JSON of 2023-09-15 are one snapshot: same models and averages, scores equal to the CSV rounding', () => {
    const csv = parsed(V1.csv0915).entries;
    const json = parsed(V1.json0915).entries;
    expect(csv).toHaveLength(1240);
    expect(names(csv)).toEqual(names(json));
    csv.forEach((c, i) => {
      expect(c.average).toBe(json[i].average);
      c.scores.forEach((s, k) => expect(Math.abs(s.value - json[i].scores[k].value)).toBeLessThanOrEqual(0.05 + 1e-9));
    });
    expect(topN(json, { n: 1 }).map((e) => [e.fullname, e.average])).toEqual([['AIDC-ai-business/Marcoroni-70B', 73.94]]);
  });

  it('does not take the relative "Parameters" column for billions; sizes come from the names', () => {
    const p = parsed(V1.csv0915);
    expect(p.notes[0]).toMatch(/"Parameters" column of this file is a relative size/);
    const byName = new Map(p.entries.map((e) => [e.fullname, e]));
    expect(byName.get('AIDC-ai-business/Marcoroni-70B')).toMatchObject({ params: 70, paramsFrom: 'name' });
    expect(byName.get('Corianas/111m')!.params).toBeCloseTo(0.111); // its "Parameters" cell says 0.1586
    expect(byName.get('uni-tianyan/Uni-TianYan')).toMatchObject({ params: null, paramsFrom: null }); // its cell says 0.0
    // The size filter then works on what the names state.
    const small = topN(p.entries, { n: 5, paramsMax: 13 });
    expect(small.every((e) => e.params! <= 13)).toBe(true);
  });

  it('collapses the duplicate rows of the 7B bucket to the best, and a type filter leaves nothing (no types in 2023)', () => {
    const entries = parsed(V1.json1031_7b).entries;
    const sel = selectTop(entries, { n: Infinity });
    expect(sel.counts.duplicates).toBe(3);
    expect(sel.entries).toHaveLength(58);
    expect(sel.entries[0]).toMatchObject({ fullname: 'ehartford/dolphin-2.1-mistral-7b', average: 67.06, row: 0 });
    expect(topN(entries, { n: 10, types: ['pretrained'] })).toEqual([]);
    expect(parsed(V1.json1031_7b).notes).toEqual(['This source has no model type column: every model is of type "unknown", so a type filter leaves none.']);
  });
});
