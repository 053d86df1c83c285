import { describe, expect, it } from 'vitest';
import { LibraryIndex } from '../../lib/db/library-index';
import { newCardFromCapture } from '../../lib/cards/from-capture';
import { Capture } from '../../lib/schema';
import { FIXED_NOW } from '../helpers';

function card(id: string, title: string, org: string, params: number | null, tags: string[], updated: string, bench: string[] = [], site = 'huggingface.co') {
  const c = newCardFromCapture(
    Capture.parse({
      id: `cap-${id}`,
      site: 'huggingface',
      extractor: 'x',
      url: `https://${site}/${org}/${title}`,
      capturedAt: FIXED_NOW.toISOString(),
      title,
      paper: { abstract: `${title} is trained with grouped-query attention.` },
      model: { id: `${org}/${title}`, name: title, org, parameters: params },
      description: 'x',
      links: {},
      benchmarks: bench.map((b) => ({ model: title, benchmark: b, benchmarkRaw: b.toUpperCase(), value: 1 })),
    }),
    id,
    FIXED_NOW,
  );
  return { ...c, tags, updatedAt: updated, fields: { ...c.fields, summary: { ...c.fields.summary, sources: [{ kind: 'capture' as const, id: 'x', url: `https://${site}/x`, at: updated }] } } };
}

const cards = [
  card('a', 'Qwen2-7B', 'Qwen', 7.6e9, ['base'], '2026-11-01T00:00:00.000Z', ['mmlu', 'gsm8k']),
  card('b', 'Llama-3-70B', 'meta-llama', 70e9, ['base', 'big'], '2026-11-03T00:00:00.000Z', ['mmlu']),
  card('c', 'TinyLlama', 'TinyLlama', 1.1e9, [], '2026-11-02T00:00:00.000Z', [], 'arxiv.org'),
  card('d', 'Mystery', 'unknown', null, ['base'], '2026-10-01T00:00:00.000Z'),
];
const q = (over: object = {}) => ({ text: '', filters: {}, sort: 'updated' as const, offset: 0, limit: 100, ...over });

describe('library index', () => {
  const index = new LibraryIndex(cards);

  it('searches all text, every word, any case', () => {
    expect(index.query(q({ text: 'GROUPED-query qwen' })).items.map((c) => c.id)).toEqual(['a']);
    expect(index.query(q({ text: 'attention' })).total).toBe(4);
    expect(index.query(q({ text: 'nothing-like-this' })).total).toBe(0);
  });

  it('filters by organisation, tag, site, parameter range and benchmark', () => {
    expect(index.query(q({ filters: { org: 'qwen' } })).items.map((c) => c.id)).toEqual(['a']);
    expect(index.query(q({ filters: { tag: 'base' } })).items.map((c) => c.id)).toEqual(['b', 'a', 'd']);
    expect(index.query(q({ filters: { site: 'arxiv' } })).items.map((c) => c.id)).toEqual(['c']);
    expect(index.query(q({ filters: { paramsMin: 5, paramsMax: 10 } })).items.map((c) => c.id)).toEqual(['a']);
    expect(index.query(q({ filters: { paramsMax: 2 } })).items.map((c) => c.id)).toEqual(['c']);
    expect(index.query(q({ filters: { benchmark: 'mmlu' } })).items.map((c) => c.id)).toEqual(['b', 'a']);
  });

  it('sorts, pages and reports facets', () => {
    expect(index.query(q({ sort: 'params' })).items.map((c) => c.id)).toEqual(['b', 'a', 'c', 'd']);
    expect(index.query(q({ sort: 'title' })).items.map((c) => c.title)).toEqual(['Llama-3-70B', 'Mystery', 'Qwen2-7B', 'TinyLlama']);
    expect(index.query(q({ sort: 'results' })).items[0].id).toBe('a');
    const page = index.query(q({ offset: 1, limit: 2 }));
    expect([page.total, page.items.map((c) => c.id)]).toEqual([4, ['c', 'a']]);
    expect(page.facets.orgs).toEqual(['meta-llama', 'Qwen', 'TinyLlama', 'unknown']);
    expect(page.facets.benchmarks).toEqual(['gsm8k', 'mmlu']);
  });

  it('follows writes and deletes', () => {
    const i = new LibraryIndex(cards);
    i.put({ ...cards[2], title: 'TinyLlama-1.1B-Chat', tags: ['chat'] });
    i.remove('d');
    expect(i.query(q({ text: 'chat' })).items.map((c) => c.id)).toEqual(['c']);
    expect(i.size).toBe(3);
  });
});
