import { describe, expect, it } from 'vitest';
import { capturePage } from '../../lib/extract/registry';
import { FIXED_NOW, fixture, htmlDocument, mapContext } from '../helpers';

// No real ModelScope response could be saved (see ../shared/fixtures/PROVENANCE.md). This fixture is
// hand-made from the documented legacy model API shape (reference/domain.md §2.2): the envelope
// { Code, Success, Message, Data } and Data's PascalCase keys, README in ReadMeContent.
const API = 'https://modelscope.cn/api/v1/models/qwen/Qwen2-7B';
const opts = { id: 'cap-ms', now: FIXED_NOW };
const EMPTY = '<!doctype html><html><head><title>ModelScope</title></head><body><div id="app"></div></body></html>';

describe('ModelScope model extractor', () => {
  it('reads the model API: identity, licence, architecture, paper, README tables and sections', async () => {
    const page = 'https://www.modelscope.cn/models/qwen/Qwen2-7B/summary';
    const ctx = mapContext({ [API]: fixture('modelscope/api-qwen--Qwen2-7B.json') });
    const c = await capturePage(htmlDocument(EMPTY, page), page, ctx, opts);
    expect(ctx.asked).toEqual([API]);
    expect(c.site).toBe('modelscope');
    expect(c.title).toBe('Qwen2-7B');
    expect(c.model).toMatchObject({ id: 'qwen/Qwen2-7B', name: 'Qwen2-7B', org: 'qwen', license: 'Apache License 2.0', architectures: ['Qwen2ForCausalLM'], modelType: 'qwen2', pipelineTag: 'text-generation' });
    expect(c.links.paper.map((l) => l.url)).toEqual(['https://arxiv.org/abs/2407.10671']);
    expect(c.links.model[0].url).toBe('https://modelscope.cn/models/qwen/Qwen2-7B');
    expect(c.links.code.map((l) => l.url)).toEqual(['https://github.com/QwenLM/Qwen2']);
    expect(c.datasets).toEqual(['wikipedia']);
    expect(c.benchmarks).toHaveLength(20);
    expect(c.benchmarks.find((b) => b.model === 'Qwen2-7B' && b.benchmark === 'c-eval')).toMatchObject({ value: 83.2, annotations: ['best'] });
    expect(c.sections.map((s) => [s.field, s.heading])).toEqual([
      ['architecture', '模型介绍'],
      ['training', '训练'],
      ['evaluation', '评测结果'],
    ]);
    expect(c.sections.find((s) => s.field === 'training')?.text).toContain('预训练使用 7T tokens');
  });

  it('a refusal or an outage of the API says what happened and falls back to the generic extractor', async () => {
    const page = 'https://modelscope.cn/models/qwen/Nope';
    const refused = mapContext({ 'https://modelscope.cn/api/v1/models/qwen/Nope': JSON.stringify({ Code: 10010205001, Success: false, Message: '模型不存在', Data: null }) });
    const c = await capturePage(htmlDocument(EMPTY, page), page, refused, opts);
    expect(c.extractor).toBe('generic');
    expect(c.warnings[0]).toBe('The ModelScope model page extractor failed (the ModelScope API refused qwen/Nope: 模型不存在); captured with the generic extractor instead.');
    const down = mapContext({ 'https://modelscope.cn/api/v1/models/qwen/Nope': { ok: false, status: 429, text: '' } });
    const d = await capturePage(htmlDocument(EMPTY, page), page, down, opts);
    expect(d.warnings[0]).toContain('rate-limited, HTTP 429');
  });
});
