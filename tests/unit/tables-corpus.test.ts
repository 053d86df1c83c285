import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { BenchmarkResult } from '../../lib/schema/benchmark';
import { htmlTableToGrid } from '../../lib/tables/grid';
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

/**
 * Research papers as arXiv renders them (LaTeXML): every top-level tabular through htmlTableToGrid +
 * gridToResults, the verdicts printed, and the Transformer paper's tables checked by hand.
 */
const papers = sharedFiles('arxiv', /^html-.*\.html$/);

function paperTables(file: string) {
  const doc = new JSDOM(readFileSync(file, 'utf8')).window.document;
  const tables = [...doc.querySelectorAll('table.ltx_tabular')].filter((t) => !t.parentElement?.closest('table.ltx_tabular'));
  const t0 = performance.now();
  const read = tables.map((t) => {
    const grid = htmlTableToGrid(t);
    return { grid, r: gridToResults(grid, { sourceUrl: 'https://arxiv.org/html/x' }) };
  });
  return { read, ms: performance.now() - t0 };
}

describe.skipIf(!hasSharedFixtures || !papers.length)('tables corpus: arXiv HTML papers', () => {
  it('reads every paper table without throwing and prints the verdicts', () => {
    const lines: string[] = [];
    for (const file of papers) {
      const { read, ms } = paperTables(file);
      for (const { r } of read) for (const x of r.results) expect(() => BenchmarkResult.parse(x)).not.toThrow();
      const kept = read.filter(({ r }) => r.kind === 'results');
      lines.push(`${basename(file).padEnd(60)} tables ${String(read.length).padStart(2)}  results tables ${String(kept.length).padStart(2)}  (${ms.toFixed(0)} ms)`);
      for (const { grid, r } of kept) lines.push(`    ${grid.caption.slice(0, 50).padEnd(50)} ${r.results.length} results`);
    }
    console.log(`tables corpus (${papers.length} arXiv HTML papers):\n${lines.join('\n')}`);
  });

  const transformer = papers.find((f) => basename(f) === 'html-1706.03762v7-chrome-saved-2026.html');

  it.skipIf(!transformer)('takes BLEU and WSJ F1 from the Transformer paper, not cost, complexity or ablation rows', () => {
    const [complexity, translation, variations, parsing] = paperTables(transformer!).read.map(({ r }) => r);
    expect(complexity.kind).toBe('other');
    expect(variations.kind).toBe('other');
    const bleu = translation.results.map((x) => [x.model, x.benchmark, x.metric, x.value]);
    expect(bleu).toHaveLength(17);
    expect(bleu).toContainEqual(['Transformer (big)', 'wmt14-en-de', 'bleu', 28.4]);
    expect(bleu).toContainEqual(['Transformer (base model)', 'wmt14-en-fr', 'bleu', 38.1]);
    expect(bleu).toContainEqual(['Deep-Att + PosUnk', 'wmt14-en-fr', 'bleu', 39.2]);
    expect(bleu.every(([, benchmark]) => benchmark === 'wmt14-en-de' || benchmark === 'wmt14-en-fr')).toBe(true);
    const f1 = parsing.results.map((x) => [x.model, x.benchmark, x.setting, x.metric, x.value]);
    expect(f1).toHaveLength(12);
    expect(f1).toContainEqual(['Transformer (4 layers)', 'ptb-wsj23', 'semi-supervised', 'f1', 92.7]);
    expect(f1).toContainEqual(['Transformer (4 layers)', 'ptb-wsj23', 'WSJ only, discriminative', 'f1', 91.3]);
  });
});

describe.skipIf(hasSharedFixtures && cards.length > 0)('tables corpus: skipped', () => {
  it('says it skipped', () => console.log(SKIP_NOTE));
});
