import { afterEach, describe, expect, it, vi } from 'vitest';
import { arxivAbsExtractor } from '../../lib/extract/arxiv-abs';
import { capturePage, pickExtractor } from '../../lib/extract/registry';
import { FIXED_NOW, fixture, htmlDocument, mapContext } from '../helpers';

const opts = { id: 'cap-1', now: FIXED_NOW };

const BLOG = `<!doctype html><html><head><title>Notes on Tiny-LM</title>
<meta property="og:title" content="Notes on Tiny-LM &amp; friends">
<meta name="description" content="A blog post.">
</head><body><article><h1>Notes</h1>
<p>${'Tiny-LM is a small model trained on many tokens, and this paragraph is long enough for a reader to keep it. '.repeat(4)}</p>
<p>Paper: <a href="https://arxiv.org/abs/2401.00001">arXiv</a>, code <a href="https://github.com/example/tiny-lm">repo</a>,
weights <a href="https://huggingface.co/example/Tiny-LM">hub</a>, <a href="javascript:alert(document.cookie)">evil</a>.</p>
<p onclick="alert(1)">${'More text so the article has enough content for the readability heuristics to accept it. '.repeat(4)}</p>
</article></body></html>`;

describe('extractor registry', () => {
  afterEach(() => vi.restoreAllMocks());

  it('picks by URL, then by page, then none', () => {
    expect(pickExtractor(new URL('https://arxiv.org/abs/1706.03762'))?.name).toBe('arxiv-abs');
    const saved = htmlDocument(fixture('arxiv/abs-2401.00001v2.html'), 'https://example.com/x');
    expect(pickExtractor(new URL('https://example.com/x'), saved)?.name).toBe('arxiv-abs');
    expect(pickExtractor(new URL('https://example.com/x'), htmlDocument(BLOG, 'https://example.com/x'))).toBeNull();
  });

  it('captures any other page with the generic extractor: meta tags, main text, classified safe links', async () => {
    const url = 'https://blog.example.com/tiny-lm';
    const c = await capturePage(htmlDocument(BLOG, url), url, mapContext(), opts);
    expect(c.site).toBe('generic');
    expect(c.title).toBe('Notes on Tiny-LM & friends');
    expect(c.description).toBe('A blog post.');
    expect(c.text).toContain('Tiny-LM is a small model');
    expect(c.links.paper.map((l) => l.url)).toEqual(['https://arxiv.org/abs/2401.00001']);
    expect(c.links.code.map((l) => l.url)).toEqual(['https://github.com/example/tiny-lm']);
    expect(c.links.model.map((l) => l.url)).toEqual(['https://huggingface.co/example/Tiny-LM']);
    expect(JSON.stringify(c)).not.toContain('javascript:');
    expect(c.warnings).toEqual([
      'blog.example.com has no dedicated extractor yet; captured its title, description, text and links with the generic extractor.',
    ]);
  });

  it('falls back to the generic extractor with a visible note when a site extractor throws', async () => {
    vi.spyOn(arxivAbsExtractor, 'extract').mockRejectedValue(new TypeError("Cannot read properties of null (reading 'textContent')"));
    const url = 'https://arxiv.org/abs/2401.00001v2';
    const c = await capturePage(htmlDocument(fixture('arxiv/abs-2401.00001v2.html'), url), url, mapContext(), opts);
    expect(c.extractor).toBe('generic');
    expect(c.title).toBe('Tiny-LM: A Small Model for Testing Surveys');
    expect(c.warnings[0]).toBe(
      "The arXiv abstract page extractor failed (Cannot read properties of null (reading 'textContent')); captured with the generic extractor instead.",
    );
  });

  it('a page that is not arXiv at an arXiv address degrades to generic and says why', async () => {
    const url = 'https://arxiv.org/abs/2401.00005';
    const c = await capturePage(htmlDocument(BLOG, url), url, mapContext(), opts);
    expect(c.extractor).toBe('generic');
    expect(c.warnings[0]).toMatch(/^The arXiv abstract page extractor failed \(arXiv:2401\.00005: neither the page nor the arXiv API gave a title\)/);
  });
});
