import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newCardFromCapture } from '../../lib/cards/from-capture';
import { cardToMarkdown } from '../../lib/export/markdown';
import { Capture, type Card } from '../../lib/schema';
import { FIXED_NOW } from '../helpers';

/** Golden files are reviewed in the diff; UPDATE_GOLDEN=1 rewrites them. */
function golden(name: string, actual: string) {
  const path = resolve(process.cwd(), 'tests/fixtures/golden', name);
  if (process.env.UPDATE_GOLDEN) writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

function fullCard(): Card {
  const capture = Capture.parse({
    id: 'cap-1',
    site: 'arxiv',
    extractor: 'arxiv-abs',
    url: 'https://arxiv.org/abs/2401.00001v2',
    capturedAt: '2026-11-28T10:00:00.000Z',
    title: 'Tiny-LM: A Small Model',
    links: {
      paper: [{ url: 'https://arxiv.org/abs/2401.00001' }, { url: 'https://arxiv.org/pdf/2401.00001v2' }],
      code: [{ url: 'https://github.com/example/tiny-lm' }],
      model: [{ url: 'https://huggingface.co/example/Tiny-LM' }],
    },
    paper: { arxivId: '2401.00001', title: 'Tiny-LM: A Small Model', abstract: 'We train <b>Tiny-LM</b> | a 1B model.' },
    model: { id: 'example/Tiny-LM', name: 'Tiny-LM', org: 'example' },
    datasets: ['The Pile', 'C4'],
    benchmarks: [
      { model: 'Tiny-LM', benchmark: 'mmlu', benchmarkRaw: 'MMLU', setting: '5-shot', value: 45.2, annotations: ['best'] },
      { model: 'Baseline', benchmark: 'mmlu', benchmarkRaw: 'MMLU', setting: '5-shot', value: 41 },
      { model: 'Tiny-LM', benchmark: 'gsm8k', benchmarkRaw: 'GSM8K', setting: '8-shot', metric: 'acc', value: 20.5, annotations: ['†'] },
    ],
  });
  const card = newCardFromCapture(capture, 'card-1', FIXED_NOW);
  card.fields.architecture.value = 'Decoder-only transformer; RoPE.\nGQA with 8 groups.';
  card.fields.training.value = 'Pre-training on 2T tokens, then SFT.';
  card.fields.showcase.value = 'See the demo.';
  card.images = [{ assetId: 'img-1', caption: 'Chat [demo]' }];
  return card;
}

describe('markdown export', () => {
  it('renders every field in the Chinese template', () => golden('card-full.zh.md', cardToMarkdown(fullCard())));
  it('renders every field in the English template', () => golden('card-full.en.md', cardToMarkdown(fullCard(), { lang: 'en' })));

  it('keeps the template shape when the card is empty', () => {
    const card = fullCard();
    for (const f of Object.values(card.fields)) f.value = '';
    card.links = { paper: [], code: [], model: [], dataset: [], other: [] };
    card.datasets = [];
    card.benchmarks = [];
    card.images = [];
    golden('card-empty.zh.md', cardToMarkdown(card));
  });

  it('never emits raw HTML or a non-web link from a value', () => {
    const card = fullCard();
    card.title = '<img src=x onerror=alert(1)>';
    card.fields.training.value = '<script>alert(1)</script>';
    card.links.code = [{ url: 'https://github.com/a/b)<script>', label: '', sources: [] }];
    const md = cardToMarkdown(card);
    expect(md).not.toMatch(/<(img|script)/i);
    expect(md).toContain('# &lt;img src=x onerror=alert(1)&gt;');
    expect(md).toContain('git地址: https://github.com/a/b%29%3Cscript%3E');
  });
});
