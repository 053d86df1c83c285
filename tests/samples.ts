import { Capture, Card, type BenchmarkResult, type CaptureInput, type CardInput } from '../lib/schema';

/** A small, valid arXiv capture to build cards from. */
export function sampleCapture(over: Partial<CaptureInput> = {}): Capture {
  return Capture.parse({
    id: 'cap-a',
    site: 'arxiv',
    extractor: 'arxiv-abs',
    url: 'https://arxiv.org/abs/2401.00001',
    capturedAt: '2026-11-28T10:00:00.000Z',
    title: 'Tiny-LM: A Small Model',
    links: {
      paper: [{ url: 'https://arxiv.org/abs/2401.00001', label: 'arXiv' }],
      code: [{ url: 'https://github.com/example/tiny-lm', label: '' }],
    },
    paper: { arxivId: '2401.00001', title: 'Tiny-LM: A Small Model', authors: ['Wei Zhang'], published: '2024-01-02', abstract: 'We train Tiny-LM.' },
    model: {},
    ...over,
  });
}

type ResultSpec = Partial<BenchmarkResult> & Pick<BenchmarkResult, 'model' | 'benchmark' | 'value'>;

/** A card holding the given results (benchmarkRaw defaults to the id in capitals), for compare tests. */
export function cardWithResults(id: string, title: string, results: ResultSpec[], over: Partial<CardInput> = {}): Card {
  return Card.parse({
    id,
    title,
    fields: {},
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    revision: 1,
    ...over,
    benchmarks: results.map((r) => ({ benchmarkRaw: r.benchmark.toUpperCase(), setting: '', metric: '', annotations: [], ...r })),
  });
}
