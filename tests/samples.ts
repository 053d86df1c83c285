import { Capture, type CaptureInput } from '../lib/schema';

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
