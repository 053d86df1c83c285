import { describe, expect, it } from 'vitest';
import { newCardFromCapture } from '../../lib/cards/from-capture';
import { mergeCaptureIntoCard } from '../../lib/cards/merge';
import { proposeCards } from '../../lib/cards/identity';
import { cardToForm, formToCard } from '../../lib/cards/edit';
import { Capture } from '../../lib/schema';
import { FIXED_NOW } from '../helpers';
import { sampleCapture } from '../samples';


describe('card from capture', () => {
  it('fills the template fields and remembers the source of each', () => {
    const card = newCardFromCapture(sampleCapture(), 'card-1', FIXED_NOW);
    expect(card.title).toBe('Tiny-LM: A Small Model');
    expect(card.fields.paperTitle.value).toBe('Tiny-LM: A Small Model');
    expect(card.fields.summary.value).toBe('We train Tiny-LM.');
    expect(card.fields.summary.sources).toEqual([{ kind: 'capture', id: 'cap-a', url: 'https://arxiv.org/abs/2401.00001', at: '2026-11-28T10:00:00.000Z' }]);
    expect(card.fields.architecture.value).toBe('');
    expect(card.links.code[0].url).toBe('https://github.com/example/tiny-lm');
    expect(card.identity).toEqual({ modelIds: [], arxivIds: ['2401.00001'] });
    expect(card.captureIds).toEqual(['cap-a']);
  });
});

describe('merge', () => {
  it('fills empty fields, never overwrites typed ones, and keeps the differing value beside', () => {
    const card = newCardFromCapture(sampleCapture(), 'card-1', FIXED_NOW);
    card.fields.summary.value = 'My own summary.';
    card.fields.summary.sources.push({ kind: 'user', at: FIXED_NOW.toISOString() });
    const hf = sampleCapture({
      id: 'cap-b',
      site: 'huggingface',
      url: 'https://huggingface.co/example/Tiny-LM',
      model: { id: 'example/Tiny-LM', name: 'Tiny-LM', org: 'example' },
      description: 'A 1B model.',
      paper: Capture.shape.paper.parse({ arxivId: '2401.00001', abstract: 'Different abstract.' }),
      links: Capture.shape.links.parse({
        model: [{ url: 'https://huggingface.co/example/Tiny-LM' }],
        code: [{ url: 'https://github.com/example/tiny-lm/' }],
      }),
      datasets: ['HuggingFaceH4/ultrachat_200k'],
    });
    const { card: merged, report } = mergeCaptureIntoCard(card, hf, FIXED_NOW);
    expect(merged.fields.summary.value).toBe('My own summary.');
    expect(merged.fields.summary.alternatives).toEqual([{ value: 'Different abstract.', source: expect.objectContaining({ id: 'cap-b' }) }]);
    expect(merged.fields.model.value).toBe('example/Tiny-LM');
    expect(report.filled).toEqual(['model']);
    expect(report.conflicts).toEqual(['summary']);
    expect(merged.links.model.map((l) => l.url)).toEqual(['https://huggingface.co/example/Tiny-LM']);
    // The same repository with a trailing slash is not a second code link.
    expect(merged.links.code).toHaveLength(1);
    expect(merged.links.code[0].sources.map((s) => s.id)).toEqual(['cap-a', 'cap-b']);
    expect(merged.datasets.map((d) => d.name)).toEqual(['HuggingFaceH4/ultrachat_200k']);
    expect(merged.identity).toEqual({ modelIds: ['example/tiny-lm'], arxivIds: ['2401.00001'] });
    expect(merged.captureIds).toEqual(['cap-a', 'cap-b']);
    // The input card is not mutated.
    expect(card.captureIds).toEqual(['cap-a']);
  });

  it('merging the same capture twice changes nothing', () => {
    const card = newCardFromCapture(sampleCapture(), 'card-1', FIXED_NOW);
    const again = mergeCaptureIntoCard(card, sampleCapture(), FIXED_NOW);
    expect(again.card).toBe(card);
  });

  it('proposes cards sharing the arXiv id or the hub id in any case', () => {
    const a = newCardFromCapture(sampleCapture(), 'a', FIXED_NOW);
    const b = newCardFromCapture(sampleCapture({ id: 'x', paper: Capture.shape.paper.parse({ arxivId: '2402.00002' }), model: { id: 'Qwen/Qwen2-7B', name: '', org: '' } }), 'b', FIXED_NOW);
    expect(proposeCards([a, b], sampleCapture({ id: 'n' })).map((p) => p.card.id)).toEqual(['a']);
    const ms = sampleCapture({ id: 'm', paper: Capture.shape.paper.parse({}), model: { id: 'qwen/Qwen2-7B', name: '', org: '' } });
    expect(proposeCards([a, b], ms).map((p) => p.card.id)).toEqual(['b']);
  });
});

describe('editor form', () => {
  it('round-trips a card and marks only changed fields as the user\'s', () => {
    const card = newCardFromCapture(sampleCapture(), 'card-1', FIXED_NOW);
    const form = cardToForm(card);
    form.fields.training = 'SFT then DPO.';
    form.links.code = 'https://github.com/example/tiny-lm\nhttps://gitee.com/example/tiny-lm';
    form.datasets = 'Pile\nPile\n C4 ';
    form.tags = '7B, base，zh';
    const { card: next, invalid } = formToCard(card, form, FIXED_NOW);
    expect(invalid).toEqual([]);
    expect(next.fields.training).toMatchObject({ value: 'SFT then DPO.', sources: [{ kind: 'user', at: FIXED_NOW.toISOString() }] });
    expect(next.fields.summary).toEqual(card.fields.summary);
    expect(next.links.code.map((l) => l.url)).toEqual(['https://github.com/example/tiny-lm', 'https://gitee.com/example/tiny-lm']);
    expect(next.links.code[0].sources[0].kind).toBe('capture');
    expect(next.datasets.map((d) => d.name)).toEqual(['Pile', 'C4']);
    expect(next.tags).toEqual(['7B', 'base', 'zh']);
    expect(cardToForm(next).fields.training).toBe('SFT then DPO.');
  });

  it('refuses lines that are not web links', () => {
    const card = newCardFromCapture(sampleCapture(), 'card-1', FIXED_NOW);
    const form = cardToForm(card);
    form.links.code = 'javascript:alert(1)\nhttps://github.com/a/b';
    const { invalid, card: next } = formToCard(card, form, FIXED_NOW);
    expect(invalid).toEqual(['javascript:alert(1)']);
    expect(next.links.code.map((l) => l.url)).toEqual(['https://github.com/a/b']);
  });
});
