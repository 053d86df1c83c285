import { describe, expect, it } from 'vitest';
import { newCardFromCapture } from '../../lib/cards/from-capture';
import { mergeCaptureIntoCard } from '../../lib/cards/merge';
import { detachCapture } from '../../lib/cards/detach';
import { proposeCards } from '../../lib/cards/identity';
import { Capture, type CaptureInput } from '../../lib/schema';
import { FIXED_NOW } from '../helpers';

function modelPage(id: string, site: 'huggingface' | 'modelscope', over: Partial<CaptureInput> = {}): Capture {
  const host = site === 'huggingface' ? `https://huggingface.co/${id}` : `https://modelscope.cn/models/${id}`;
  return Capture.parse({
    id: `cap-${site}-${id}`,
    site,
    extractor: `${site}-model`,
    url: host,
    capturedAt: '2026-11-28T10:00:00.000Z',
    title: id.split('/')[1],
    links: { model: [{ url: host }] },
    paper: { arxivId: '2407.10671' },
    model: { id, name: id.split('/')[1], org: id.split('/')[0], parameters: 7.6e9, license: 'apache-2.0' },
    ...over,
  });
}

function paper(arxivId: string, over: Partial<CaptureInput> = {}): Capture {
  return Capture.parse({
    id: `cap-paper-${arxivId}`,
    site: 'arxiv',
    extractor: 'arxiv-abs',
    url: `https://arxiv.org/abs/${arxivId}`,
    capturedAt: '2026-11-28T11:00:00.000Z',
    title: `Paper ${arxivId}`,
    links: { paper: [{ url: `https://arxiv.org/abs/${arxivId}` }] },
    paper: { arxivId, title: `Paper ${arxivId}`, abstract: `Abstract of ${arxivId}.` },
    model: {},
    ...over,
  });
}

const card = (c: Capture, id: string) => newCardFromCapture(c, id, FIXED_NOW);

describe('which card a capture belongs to', () => {
  it('Qwen/Qwen2-7B on Hugging Face and qwen/Qwen2-7B on ModelScope are one card', () => {
    const hf = card(modelPage('Qwen/Qwen2-7B', 'huggingface'), 'hf');
    const proposals = proposeCards([hf], modelPage('qwen/Qwen2-7B', 'modelscope'));
    expect(proposals.map((p) => [p.card.id, p.reason])).toEqual([['hf', 'same-model']]);
  });

  it('the same repository name under another organisation spelling is proposed, after an exact match', () => {
    const thudm = card(modelPage('THUDM/glm-4-9b-chat', 'huggingface', { paper: {} }), 'thudm');
    const exact = card(modelPage('ZhipuAI/glm-4-9b-chat', 'modelscope', { paper: {} }), 'exact');
    const proposals = proposeCards([thudm, exact], modelPage('ZhipuAI/glm-4-9b-chat', 'modelscope', { paper: {} }));
    expect(proposals.map((p) => [p.card.id, p.reason])).toEqual([
      ['exact', 'same-model'],
      ['thudm', 'same-model-name'],
    ]);
  });

  it('a base model and its instruct variant stay two cards, though they share a paper', () => {
    const base = card(modelPage('Qwen/Qwen2-7B', 'huggingface'), 'base');
    expect(proposeCards([base], modelPage('Qwen/Qwen2-7B-Instruct', 'huggingface'))).toEqual([]);
  });

  it('the paper proposes every card holding it; a model page joins a paper-only card', () => {
    const paperCard = card(paper('2407.10671'), 'paper-card');
    const base = card(modelPage('Qwen/Qwen2-7B', 'huggingface'), 'base');
    expect(proposeCards([paperCard, base], paper('2407.10671')).map((p) => p.card.id).sort()).toEqual(['base', 'paper-card']);
    expect(proposeCards([paperCard, base], modelPage('Qwen/Qwen2-7B-Instruct', 'huggingface')).map((p) => p.card.id)).toEqual(['paper-card']);
  });

  it('an article or a second paper that links the model proposes its card', () => {
    const base = card(modelPage('Qwen/Qwen2-7B', 'huggingface'), 'base');
    const secondPaper = paper('2412.15115', { links: { paper: [{ url: 'https://arxiv.org/abs/2412.15115' }], model: [{ url: 'https://huggingface.co/qwen/qwen2-7b' }] } });
    expect(proposeCards([base], secondPaper).map((p) => [p.card.id, p.reason])).toEqual([['base', 'linked-model']]);
    const article = Capture.parse({ ...secondPaper, id: 'wx', site: 'wechat', paper: {}, links: { model: [{ url: 'https://modelscope.cn/models/qwen/Qwen2-7B' }] } });
    expect(proposeCards([base], article).map((p) => p.card.id)).toEqual(['base']);
  });

  it('two papers for one model: both stay on the card, with both arXiv ids', () => {
    let c = card(modelPage('Qwen/Qwen2-7B', 'huggingface'), 'base');
    c = mergeCaptureIntoCard(c, paper('2407.10671'), FIXED_NOW).card;
    c = mergeCaptureIntoCard(c, paper('2412.15115', { links: { paper: [{ url: 'https://arxiv.org/abs/2412.15115' }], model: [{ url: 'https://huggingface.co/Qwen/Qwen2-7B' }] } }), FIXED_NOW).card;
    expect(c.identity.arxivIds).toEqual(['2407.10671', '2412.15115']);
    expect(c.fields.paperTitle.value).toBe('Paper 2407.10671');
    expect(c.fields.paperTitle.alternatives.map((a) => a.value)).toEqual(['Paper 2412.15115']);
    expect(c.links.paper.map((l) => l.url)).toEqual(['https://arxiv.org/abs/2407.10671', 'https://arxiv.org/abs/2412.15115']);
  });
});

describe('detaching a capture', () => {
  it('removes what only it brought and keeps the user\'s edits and what others also gave', () => {
    const hf = modelPage('Qwen/Qwen2-7B', 'huggingface');
    const p = paper('2407.10671');
    let c = card(hf, 'base');
    c = mergeCaptureIntoCard(c, p, FIXED_NOW).card;
    c.fields.training.value = 'typed by me';
    c.fields.training.sources = [{ kind: 'user', at: FIXED_NOW.toISOString() }];
    const after = detachCapture(c, p.id, [hf, p], FIXED_NOW);
    expect(after.captureIds).toEqual([hf.id]);
    expect(after.fields.summary.value).toBe('');
    expect(after.fields.paperTitle.value).toBe('');
    expect(after.fields.training.value).toBe('typed by me');
    expect(after.fields.model.value).toBe('Qwen/Qwen2-7B');
    expect(after.links.model.map((l) => l.url)).toEqual(['https://huggingface.co/Qwen/Qwen2-7B']);
    // The paper link came from both pages' links? Only the paper capture gave it.
    expect(after.links.paper).toEqual([]);
    expect(after.identity).toEqual({ modelIds: ['qwen/qwen2-7b'], arxivIds: ['2407.10671'] });
    expect(after.facts.parameters).toBe(7.6e9);
  });
});
