import { describe, expect, it } from 'vitest';
import { arxivAbsExtractor, toIsoDate } from '../../lib/extract/arxiv-abs';
import { capturePage } from '../../lib/extract/registry';
import { cloneForExtraction } from '../../lib/extract/clean';
import { FIXED_NOW, fixture, htmlDocument, mapContext } from '../helpers';

const ABS_URL = 'https://arxiv.org/abs/2401.00001v2';
const opts = { id: 'cap-1', now: FIXED_NOW };

describe('arXiv abs extractor', () => {
  it('reads title, authors, dates, id, version, abstract and subjects from the page', async () => {
    const doc = htmlDocument(fixture('arxiv/abs-2401.00001v2.html'), ABS_URL);
    const ctx = mapContext();
    const c = await capturePage(doc, ABS_URL, ctx, opts);
    expect(c.site).toBe('arxiv');
    expect(c.extractor).toBe('arxiv-abs');
    expect(c.title).toBe('Tiny-LM: A Small Model for Testing Surveys');
    expect(c.paper).toMatchObject({
      arxivId: '2401.00001',
      version: 'v2',
      authors: ['Wei Zhang', 'Jane Q. Smith'],
      published: '2024-01-02',
      updated: '2024-03-15',
      categories: ['cs.CL', 'cs.LG'],
      comments: '12 pages; project page this https URL',
    });
    expect(c.paper.abstract).toMatch(/^We train Tiny-LM, a 1B model, on 2T tokens\. Code is at this https URL/);
    expect(c.paper.abstract).not.toContain('Abstract:');
    expect(c.warnings).toEqual([]);
    // A complete page needs no API call.
    expect(ctx.asked).toEqual([]);
  });

  it('finds the paper, PDF, HTML, code, model and project links, and drops javascript: links', async () => {
    const doc = htmlDocument(fixture('arxiv/abs-2401.00001v2.html'), ABS_URL);
    const c = await capturePage(doc, ABS_URL, mapContext(), opts);
    expect(c.links.paper.map((l) => l.url)).toEqual([
      'https://arxiv.org/abs/2401.00001',
      'https://arxiv.org/pdf/2401.00001v2',
      'https://arxiv.org/html/2401.00001v2',
    ]);
    expect(c.links.code.map((l) => l.url)).toEqual(['https://github.com/example/tiny-lm']);
    expect(c.links.model.map((l) => l.url)).toEqual(['https://huggingface.co/example/Tiny-LM']);
    expect(c.links.other.map((l) => l.url)).toEqual(['https://example.org/tiny']);
    const all = Object.values(c.links).flat().map((l) => l.url);
    expect(all.some((u) => u.startsWith('javascript:'))).toBe(false);
  });

  it('takes the id from the page when the address is a mirror without one', async () => {
    const doc = htmlDocument(fixture('arxiv/abs-2401.00001v2.html'), 'https://example.com/saved.html');
    const c = await capturePage(doc, 'https://example.com/saved.html', mapContext(), opts);
    expect(c.extractor).toBe('arxiv-abs');
    expect(c.paper.arxivId).toBe('2401.00001');
  });

  it('fills a missing abstract from the arXiv API through ctx.fetch', async () => {
    const url = 'https://arxiv.org/abs/2401.00002';
    const doc = htmlDocument(fixture('arxiv/abs-2401.00002-no-abstract.html'), url);
    const ctx = mapContext({
      'https://export.arxiv.org/api/query?id_list=2401.00002': fixture('arxiv/query-2401.00002.atom.xml'),
    });
    const c = await capturePage(doc, url, ctx, opts);
    expect(ctx.asked).toEqual(['https://export.arxiv.org/api/query?id_list=2401.00002']);
    expect(c.paper.abstract).toBe('The abstract, as the API gives it, hard-wrapped.');
    // The page's own values win over the API's.
    expect(c.paper.authors).toEqual(['John Doe']);
    expect(c.paper.updated).toBe('2024-02-10');
    expect(c.links.code.map((l) => l.url)).toEqual(['https://github.com/example/no-abs']);
    expect(c.warnings).toEqual([]);
  });

  it('says the abstract is missing when the API cannot be reached, and still captures the rest', async () => {
    const url = 'https://arxiv.org/abs/2401.00002';
    const doc = htmlDocument(fixture('arxiv/abs-2401.00002-no-abstract.html'), url);
    const ctx = mapContext({
      'https://export.arxiv.org/api/query?id_list=2401.00002': { ok: false, status: 429, text: '' },
    });
    const c = await capturePage(doc, url, ctx, opts);
    expect(c.extractor).toBe('arxiv-abs');
    expect(c.title).toBe('A Paper Whose Abstract Did Not Load');
    expect(c.paper.abstract).toBe('');
    expect(c.warnings).toEqual([
      'The page has no abstract and the arXiv API could not supply it: the arXiv API is rate-limiting (HTTP 429); try again in a minute.',
      'arXiv:2401.00002: no abstract found; 论文简介 stays empty.',
    ]);
  });

  it('captures from the API alone when the page is empty (a page still loading, or the CLI with only Atom)', async () => {
    const url = 'https://arxiv.org/abs/2401.00002v3';
    const doc = htmlDocument('<!doctype html><title></title>', url);
    const ctx = mapContext({
      'https://export.arxiv.org/api/query?id_list=2401.00002': fixture('arxiv/query-2401.00002.atom.xml'),
    });
    const c = await capturePage(doc, url, ctx, opts);
    expect(c.paper).toMatchObject({
      arxivId: '2401.00002',
      version: 'v3',
      title: 'A Paper Whose Abstract Did Not Load',
      authors: ['John Doe', 'Ana Lopez'],
      published: '2024-01-05',
    });
  });

  it('reports an arXiv API error feed in words', async () => {
    const url = 'https://arxiv.org/abs/2401.00009';
    const doc = htmlDocument('<!doctype html><title></title>', url);
    const ctx = mapContext({ 'https://export.arxiv.org/api/query?id_list=2401.00009': fixture('arxiv/query-error.atom.xml') });
    const c = await capturePage(doc, url, ctx, opts);
    expect(c.extractor).toBe('generic');
    expect(c.warnings[0]).toBe(
      'The arXiv abstract page extractor failed (arXiv:2401.00009: neither the page nor the arXiv API gave a title); captured with the generic extractor instead.',
    );
  });

  it('never reads translator nodes or our own UI, and leaves the live page untouched', async () => {
    const html = fixture('arxiv/abs-2401.00001v2.html').replace(
      'Tiny-LM: A   Small Model\n     for Testing Surveys</h1>',
      'Tiny-LM: A   Small Model\n     for Testing Surveys<font class="notranslate immersive-translate-target-wrapper" data-immersive-translate-translation-element-mark="1">微型语言模型</font></h1><div data-llm-survey-cards>toolbar</div>',
    ).replace('<meta name="citation_title" content="Tiny-LM: A Small Model for Testing Surveys" />', '');
    const doc = htmlDocument(html, ABS_URL);
    const before = doc.documentElement.outerHTML;
    const c = await capturePage(doc, ABS_URL, mapContext(), opts);
    expect(c.title).toBe('Tiny-LM: A Small Model for Testing Surveys');
    expect(doc.documentElement.outerHTML).toBe(before);
    // Cleaning works on a copy.
    expect(cloneForExtraction(doc)).not.toBe(doc);
  });

  it('declines pages it cannot read, with a reason', async () => {
    const doc = htmlDocument('<!doctype html><title>x</title>', 'https://arxiv.org/abs/2401.00003');
    await expect(
      arxivAbsExtractor.extract(doc, new URL('https://arxiv.org/abs/2401.00003'), mapContext()),
    ).rejects.toThrow('arXiv:2401.00003: neither the page nor the arXiv API gave a title');
  });
});

describe('toIsoDate', () => {
  it.each([
    ['2017/06/12', '2017-06-12'],
    ['12 Jun 2017 ', '2017-06-12'],
    ['2 Jan 2024', '2024-01-02'],
    ['2024-05-09T10:00:00Z', '2024-05-09'],
    ['June', ''],
  ])('%s -> %s', (input, out) => expect(toIsoDate(input)).toBe(out));
});
