import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { BenchmarkResult } from '../../lib/schema/benchmark';
import { markdownTables } from '../../lib/tables/markdown';
import { gridToResults } from '../../lib/tables/results';
import { hasSharedFixtures, sharedFiles, SKIP_NOTE } from '../corpus/shared-fixtures';

/**
 * Every real README in ../shared/fixtures/model-cards through markdownTables + gridToResults: no
 * exception, every result valid, and a handful of rows checked by hand against the cards.
 */

const win = new JSDOM('').window;
const parseHtml = (html: string) => new win.DOMParser().parseFromString(html, 'text/html');
const cards = sharedFiles('model-cards', /\.md$/);

function extract(file: string) {
  const grids = markdownTables(readFileSync(file, 'utf8'), parseHtml);
  const tables = grids.map((grid) => gridToResults(grid, { defaultModel: 'THIS-MODEL', sourceUrl: 'https://example.org/card' }));
  return { grids, tables, results: tables.flatMap((t) => t.results) };
}

describe.skipIf(!hasSharedFixtures || !cards.length)('tables corpus: real model cards', () => {
  it('reads every card without throwing and produces only valid results', () => {
    const lines: string[] = [];
    for (const file of cards) {
      const { grids, tables, results } = extract(file);
      for (const r of results) expect(() => BenchmarkResult.parse(r), `${basename(file)}: ${JSON.stringify(r)}`).not.toThrow();
      for (const r of results) expect(Number.isFinite(r.value)).toBe(true);
      const kept = tables.filter((t) => t.kind === 'results').length;
      lines.push(`${basename(file).padEnd(68)} tables ${String(grids.length).padStart(2)}  results tables ${String(kept).padStart(2)}  results ${String(results.length).padStart(4)}`);
    }
    console.log(`tables corpus (${cards.length} cards):\n${lines.join('\n')}`);
  });

  const card = (name: string) => cards.find((f) => basename(f) === name);
  const find = (name: string, model: string, benchmark: string, setting?: string) => {
    const file = card(name);
    if (!file) return undefined;
    return extract(file).results.filter((r) => r.model === model && r.benchmark === benchmark && (setting === undefined || r.setting === setting));
  };

  it.each([
    // [card, model, benchmark, setting, metric, value, annotations]
    ['deepseek-ai-DeepSeek-V3-README.md', 'DeepSeek-V3', 'mmlu', '5-shot', 'acc', 87.1, ['best']],
    ['deepseek-ai-DeepSeek-V3-README.md', 'LLaMA3.1 405B', 'arc-challenge', '25-shot', 'acc', 95.3, ['best']],
    ['deepseek-ai-DeepSeek-V3-README.md', 'DeepSeek-V2', 'arc-easy', '25-shot', 'acc', 97.6, []],
    ['deepseek-ai-DeepSeek-V3-README.md', 'DeepSeek V3', 'gpqa', 'diamond pass@1', '', 59.1, []],
    ['deepseek-ai-DeepSeek-V3-README.md', 'DeepSeek-V3', 'alpacaeval', '2.0', '', 70, ['best']],
    ['QwenLM-Qwen-README.md', 'Qwen-7B', 'math', '4-shot', '', 11.6, []],
    ['QwenLM-Qwen-README.md', 'Qwen-72B', 'mmlu', '5-shot', '', 77.4, ['best']],
    ['hf-HuggingFaceH4--zephyr-7b-beta-README.md', 'Zephyr-7b-β 🪁', 'mt-bench', '', 'score', 7.34, ['best']],
    ['hf-HuggingFaceH4--zephyr-7b-beta-README.md', 'THIS-MODEL', 'arc-challenge', '25-shot', '', 62.03, []],
    ['meta-llama-llama3-MODEL_CARD.md', 'Llama 3 8B', 'mmlu', '5-shot', '', 66.6, []],
    ['meta-llama-llama3-MODEL_CARD.md', 'Llama 3 70B', 'gpqa', '0-shot', '', 39.5, []],
    ['baichuan-inc-Baichuan2-README.md', 'Baichuan2-13B-Base', 'c-eval', '5-shot', '', 58.1, []],
  ])('%s: %s on %s [%s]', (name, model, benchmark, setting, metric, value, annotations) => {
    const found = find(name, model, benchmark, setting);
    if (!found) return console.log(`SKIPPED: ${name} is not in the shared fixtures`);
    expect(found.map((r) => ({ metric: r.metric, value: r.value, annotations: r.annotations }))).toContainEqual({ metric, value, annotations });
  });

  it('keeps download, memory, hyper-parameter and training-log tables out', () => {
    const yi = card('01-ai-Yi-README.md');
    if (yi) expect(extract(yi).results).toEqual([]);
    const zephyr = card('hf-HuggingFaceH4--zephyr-7b-beta-README.md');
    if (zephyr) expect(extract(zephyr).results.some((r) => /loss|epoch|step/i.test(r.benchmarkRaw))).toBe(false);
  });
});

describe.skipIf(hasSharedFixtures && cards.length > 0)('tables corpus: skipped', () => {
  it('says it skipped', () => console.log(SKIP_NOTE));
});
