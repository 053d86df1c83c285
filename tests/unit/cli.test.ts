import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The command exactly as the README gives it.
function capture(...args: string[]) {
  const r = spawnSync('npm', ['run', '-s', 'capture', '--', ...args], { cwd: process.cwd(), encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const fx = (p: string) => resolve(process.cwd(), 'tests/fixtures', p);

describe('capture CLI', () => {
  it('prints the capture as JSON with the documented keys', () => {
    const r = capture('--url', 'https://arxiv.org/abs/2401.00001v2', fx('arxiv/abs-2401.00001v2.html'));
    expect(r.code, r.err).toBe(0);
    const c = JSON.parse(r.out);
    for (const key of ['site', 'url', 'title', 'links', 'paper', 'model', 'datasets', 'benchmarks', 'warnings']) expect(c).toHaveProperty(key);
    expect(Object.keys(c.links)).toEqual(['paper', 'code', 'model', 'dataset', 'other']);
    expect(c.paper).toMatchObject({ arxivId: '2401.00001', published: '2024-01-02', authors: ['Wei Zhang', 'Jane Q. Smith'] });
    expect(c.model).toMatchObject({ id: '', name: '', org: '', parameters: null, architectures: [] });
  });

  it('prints the card as markdown in the template, from a page plus its Atom answer', () => {
    const r = capture('--url', 'https://arxiv.org/abs/2401.00002', '--format', 'md', fx('arxiv/query-2401.00002.atom.xml'), fx('arxiv/abs-2401.00002-no-abstract.html'));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('# A Paper Whose Abstract Did Not Load\n');
    expect(r.out).toContain('论文地址: https://arxiv.org/abs/2401.00002\n');
    expect(r.out).toContain('论文简介: The abstract, as the API gives it, hard-wrapped.\n');
    expect(r.out).toContain('git地址: https://github.com/example/no-abs\n');
  });

  it('says what is wrong with the command line', () => {
    expect(capture(fx('arxiv/abs-2401.00001v2.html'))).toMatchObject({ code: 2, err: expect.stringContaining('usage: npm run -s capture') });
    expect(capture('--url', 'arxiv.org/abs/1', fx('arxiv/abs-2401.00001v2.html'))).toMatchObject({
      code: 2,
      err: expect.stringContaining(`--url must be the page's http(s) address, got "arxiv.org/abs/1"`),
    });
    expect(capture('--url', 'https://arxiv.org/abs/2401.00001', '/nonexistent/page.html')).toMatchObject({
      code: 2,
      err: expect.stringContaining('cannot read /nonexistent/page.html: ENOENT'),
    });
  });

  it('captures a page that is not arXiv with the generic extractor', () => {
    const r = capture('--url', 'https://arxiv.org/abs/2401.00009', fx('arxiv/query-error.atom.xml'));
    expect(r.code).toBe(0);
    const c = JSON.parse(r.out);
    expect(c.extractor).toBe('generic');
    expect(r.err).toContain('warning: The arXiv abstract page extractor failed');
  });
});
