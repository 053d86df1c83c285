import { describe, expect, it } from 'vitest';
import { capturePage } from '../../lib/extract/registry';
import { parameterCount } from '../../lib/extract/huggingface';
import { FIXED_NOW, fixture, htmlDocument, mapContext } from '../helpers';

const PAGE = 'https://huggingface.co/example/Tiny-LM';
const opts = { id: 'cap-hf', now: FIXED_NOW };
const EMPTY = '<!doctype html><html><head><title>example/Tiny-LM · Hugging Face</title></head><body></body></html>';

function hubContext(over: Record<string, string | { ok: false; status: number; text: string }> = {}) {
  return mapContext({
    'https://huggingface.co/api/models/example/Tiny-LM': fixture('hf/api-example--Tiny-LM.json'),
    'https://huggingface.co/example/Tiny-LM/raw/main/README.md': fixture('hf/README-example--Tiny-LM.md'),
    'https://huggingface.co/example/Tiny-LM/resolve/main/config.json': fixture('hf/config-example--Tiny-LM.json'),
    ...over,
  });
}

describe('Hugging Face model extractor', () => {
  it('reads identity, licence, size, architecture, base model, datasets and links from the API, README and config', async () => {
    const ctx = hubContext();
    const c = await capturePage(htmlDocument(EMPTY, PAGE), PAGE, ctx, opts);
    expect(c.site).toBe('huggingface');
    expect(c.extractor).toBe('huggingface-model');
    expect(c.title).toBe('Tiny-LM');
    expect(c.model).toEqual({
      id: 'example/Tiny-LM',
      name: 'Tiny-LM',
      org: 'example',
      license: 'apache-2.0',
      parameters: 1100048384,
      architectures: ['LlamaForCausalLM'],
      modelType: 'llama',
      contextLength: 2048,
      baseModels: ['example/Tiny-LM-Base'],
      pipelineTag: 'text-generation',
    });
    expect(c.datasets).toEqual(['HuggingFaceH4/ultrachat_200k', 'allenai/c4']);
    expect(c.links.model.map((l) => l.url)).toEqual(['https://huggingface.co/example/Tiny-LM', 'https://huggingface.co/example/Tiny-LM-Base']);
    expect(c.links.paper.map((l) => l.url)).toEqual(['https://arxiv.org/abs/2401.00001', 'https://arxiv.org/abs/2305.18290']);
    expect(c.links.code.map((l) => l.url)).toEqual(['https://github.com/example/tiny-lm']);
    expect(c.links.dataset.map((l) => l.url)).toEqual([
      'https://huggingface.co/datasets/HuggingFaceH4/ultrachat_200k',
      'https://huggingface.co/datasets/allenai/c4',
    ]);
    expect(c.paper.arxivId).toBe('2401.00001');
    expect(c.warnings).toEqual([]);
  });

  it('takes every benchmark result once: model-index, the markdown table and the embedded HTML table', async () => {
    const c = await capturePage(htmlDocument(EMPTY, PAGE), PAGE, hubContext(), opts);
    const rows = c.benchmarks.map((b) => [b.model, b.benchmark, b.setting, b.value]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['Tiny-LM', 'arc-challenge', '25-shot', 48.72],
        ['Tiny-LM', 'gsm8k', '5-shot', 21.5],
        ['Tiny-LM', 'mmlu', '5-shot', 45.2],
        ['Llama-2-7B', 'mmlu', '5-shot', 45.3],
        ['Tiny-LM', 'hellaswag', '', 60.1],
        ['Phi-1.5', 'hellaswag', '', 62.6],
        ['Tiny-LM', 'arc-easy', '', 55.3],
      ]),
    );
    // "—" and "N/A" are missing, never zero.
    expect(c.benchmarks.some((b) => b.model === 'Llama-2-7B' && b.benchmark === 'humaneval')).toBe(false);
    expect(c.benchmarks.some((b) => b.model === 'Phi-1.5' && b.benchmark === 'arc-easy')).toBe(false);
    // The leaderboard bot's table repeats model-index: no duplicates.
    expect(c.benchmarks.filter((b) => b.benchmark === 'arc-challenge' && b.value === 48.72)).toHaveLength(1);
    const bold = c.benchmarks.find((b) => b.model.includes('Tiny-LM') && b.benchmark === 'mmlu' && b.value === 45.2);
    expect(bold?.annotations).toContain('best');
    const dagger = c.benchmarks.find((b) => b.benchmark === 'humaneval');
    expect(dagger).toMatchObject({ value: 12.8, annotations: expect.arrayContaining(['†']) });
    // The hyper-parameter table is a table, not results.
    expect(c.tables.find((t) => t.rows[0]?.[0] === 'Hyperparameter')?.kind).toBe('other');
  });

  it('offers the architecture and training sections, and images without badges', async () => {
    const c = await capturePage(htmlDocument(EMPTY, PAGE), PAGE, hubContext(), opts);
    expect(c.sections.find((s) => s.field === 'architecture')?.text).toMatch(/^Tiny-LM is a decoder-only transformer with 22 layers/);
    expect(c.sections.find((s) => s.field === 'training')?.text).toMatch(/^We fine-tuned on UltraChat with SFT/);
    expect(c.images).toEqual([{ url: 'https://huggingface.co/example/Tiny-LM/resolve/main/assets/demo.png', alt: 'chat demo' }]);
  });

  it('keeps hostile card HTML inert: no javascript: link, no script text, no handler survives', async () => {
    const c = await capturePage(htmlDocument(EMPTY, PAGE), PAGE, hubContext(), opts);
    const urls = [...Object.values(c.links).flat().map((l) => l.url), ...c.images.map((i) => i.url)];
    expect(urls.every((u) => u.startsWith('https://'))).toBe(true);
    expect(JSON.stringify(c.links)).not.toMatch(/javascript:/i);
    expect(JSON.stringify(c.sections)).not.toContain('<script');
    // The card text keeps the README as data; renderers show it as text (see markdown and UI tests).
    expect(c.text).toContain('<script>alert(2)</script>');
  });

  it('still captures the README when the API is rate-limited, and says so', async () => {
    const ctx = hubContext({ 'https://huggingface.co/api/models/example/Tiny-LM': { ok: false, status: 429, text: '' } });
    const c = await capturePage(htmlDocument(EMPTY, PAGE), PAGE, ctx, opts);
    expect(c.extractor).toBe('huggingface-model');
    expect(c.warnings[0]).toBe('The Hub API did not answer for example/Tiny-LM (rate-limited (HTTP 429)); only the page text was read.');
    expect(c.model.license).toBe('apache-2.0');
    expect(c.datasets).toEqual(['HuggingFaceH4/ultrachat_200k', 'allenai/c4']);
    expect(c.benchmarks.length).toBeGreaterThan(5);
  });

  it('works from /tree and /blob sub-pages', async () => {
    for (const page of ['https://huggingface.co/example/Tiny-LM/tree/main', 'https://huggingface.co/example/Tiny-LM/blob/main/config.json']) {
      const c = await capturePage(htmlDocument(EMPTY, page), page, hubContext(), opts);
      expect(c.model.id).toBe('example/Tiny-LM');
    }
  });

  it('counts weights, not bookkeeping tensors', () => {
    expect(parameterCount({ parameters: { F32: 124056578, I64: 514 }, total: 124057092 })).toBe(124056578);
    expect(parameterCount({ parameters: { I32: 100 }, total: 100 })).toBe(100);
    expect(parameterCount(undefined)).toBeNull();
  });
});
