import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureFromFiles } from '../../scripts/capture';
import type { Capture } from '../../lib/schema';
import { hasSharedFixtures, SHARED_FIXTURES, SKIP_NOTE, sharedFiles } from './shared-fixtures';

// Every file in ../shared/fixtures through the CLI path, with the page address it came from. Nothing may
// throw; per site we print how many pages gave a title, links and benchmark results.

interface Run {
  name: string;
  url: string;
  files: string[];
  group: string;
}

function runs(): Run[] {
  const out: Run[] = [];
  const id = (f: string, re: RegExp) => re.exec(basename(f))?.[1] ?? '';
  for (const f of sharedFiles('arxiv', /^abs-.*\.html$/)) out.push({ name: basename(f), url: `https://arxiv.org/abs/${id(f, /abs-([\d.]+)-/)}`, files: [f], group: 'arxiv abs' });
  for (const f of sharedFiles('arxiv', /\.atom\.xml$/)) out.push({ name: basename(f), url: `https://arxiv.org/abs/${/<id>http:\/\/arxiv\.org\/abs\/([\d.]+)/.exec(readFileSync(f, 'utf8'))?.[1]}`, files: [f], group: 'arxiv atom' });
  for (const f of sharedFiles('arxiv', /^html-.*\.html$/)) out.push({ name: basename(f), url: `https://arxiv.org/html/${id(f, /html-([\d.]+(?:v\d+)?)/)}`, files: [f], group: 'arxiv html' });
  for (const f of sharedFiles('hf-api', /\.json$/)) {
    const modelId = JSON.parse(readFileSync(f, 'utf8')).id as string;
    const readme = resolve(SHARED_FIXTURES, 'model-cards', `hf-${modelId.replace('/', '--')}-README.md`);
    out.push({ name: basename(f), url: `https://huggingface.co/${modelId}`, files: existsSync(readme) ? [f, readme] : [f], group: 'huggingface (API JSON)' });
  }
  for (const f of sharedFiles('model-cards', /\.md$/)) {
    const hf = /^hf-(.+?)--(.+)-README\.md$/.exec(basename(f));
    if (hf) out.push({ name: basename(f), url: `https://huggingface.co/${hf[1]}/${hf[2]}`, files: [f], group: 'huggingface (README only)' });
    else {
      // GitHub READMEs: owner-repo-FILE.md; the page is the repository on GitHub.
      const gh = /^(.+?)-(.+?)-(README|MODEL_CARD)/.exec(basename(f));
      out.push({ name: basename(f), url: `https://github.com/${gh?.[1] ?? 'unknown'}/${gh?.[2] ?? 'unknown'}`, files: [f], group: 'github readme (generic)' });
    }
  }
  for (const f of sharedFiles('wechat', /\.html$/)) out.push({ name: basename(f), url: `https://mp.weixin.qq.com/s/${basename(f, '.html')}`, files: [f], group: 'wechat' });
  for (const f of sharedFiles('modelscope', /\.json$/)) {
    const first = (JSON.parse(readFileSync(f, 'utf8')).models ?? [])[0]?.id ?? 'unknown/unknown';
    out.push({ name: basename(f), url: `https://modelscope.cn/models/${first}`, files: [f], group: 'modelscope (not an API answer)' });
  }
  for (const f of sharedFiles('leaderboard', /\.(csv|json)$/)) {
    out.push({ name: basename(f), url: 'https://huggingface.co/spaces/open-llm-leaderboard/open_llm_leaderboard', files: [f], group: 'leaderboard data (not a page)' });
  }
  return out;
}

describe.skipIf(!hasSharedFixtures)('corpus: every shared fixture through the CLI', () => {
  const all = runs();
  const results = new Map<string, Capture>();

  afterAll(() => {
    const groups = [...new Set(all.map((r) => r.group))];
    const lines = ['', 'site                            pages  title  links  results  (results rows)'];
    for (const g of groups) {
      const caps = all.filter((r) => r.group === g).map((r) => results.get(r.name)).filter((c): c is Capture => !!c);
      const withLinks = caps.filter((c) => Object.values(c.links).some((l) => l.length > 0)).length;
      const withResults = caps.filter((c) => c.benchmarks.length > 0);
      const rows = withResults.reduce((a, c) => a + c.benchmarks.length, 0);
      lines.push(`${g.padEnd(32)}${String(caps.length).padStart(5)}${String(caps.filter((c) => c.title).length).padStart(7)}${String(withLinks).padStart(7)}${String(withResults.length).padStart(9)}  (${rows})`);
    }
    console.log(lines.join('\n'));
  });

  it('covers every file in the folder', () => {
    const covered = new Set(all.flatMap((r) => r.files.map((f) => basename(f))));
    const every = ['arxiv', 'hf-api', 'model-cards', 'wechat', 'modelscope', 'leaderboard'].flatMap((d) => sharedFiles(d, /./).map((f) => basename(f)));
    expect(every.filter((f) => !covered.has(f))).toEqual([]);
  });

  for (const r of all) {
    it(`${r.group}: ${r.name}`, async () => {
      const c = await captureFromFiles(r.url, r.files);
      results.set(r.name, c);
      expect(c.url).toBeTruthy();
      if (!r.group.includes('not ')) expect(c.title.length).toBeGreaterThan(0);
    });
  }

  it('site pages give their site extractor, not the generic fallback', () => {
    for (const r of all.filter((x) => /^(arxiv|huggingface|wechat)/.test(x.group))) {
      const c = results.get(r.name);
      expect(c?.extractor, `${r.name}: ${c?.warnings.join(' ')}`).not.toBe('generic');
    }
  });
});

describe.skipIf(hasSharedFixtures)('corpus: every shared fixture (skipped)', () => {
  it('explains the skip', () => {
    console.warn(SKIP_NOTE);
    expect(hasSharedFixtures).toBe(false);
  });
});
