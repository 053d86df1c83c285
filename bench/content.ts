// `npm run bench -- content`: what the content script adds to a page load of the largest fixture page
// (the 1.7 MB bilingual arXiv export): main-thread script and task time with and without the extension.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '..');
const EXT = resolve(ROOT, '.output/chrome-mv3');
const PAGE_FILE = resolve(ROOT, '../shared/fixtures/arxiv/html-1706.03762-immersive-translate-bilingual-export.html');
const URL_ = 'https://arxiv.org/html/1706.03762v7';
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function context(withExtension: boolean): Promise<BrowserContext> {
  const args = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'];
  const c = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'lsc-cs-')), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: withExtension ? [`--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`, ...args] : args,
  });
  const html = readFileSync(PAGE_FILE, 'utf8');
  await c.route('**/*', (r) => (r.request().url() === URL_ ? r.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }) : /^(chrome-extension|data):/.test(r.request().url()) ? r.continue() : r.abort()));
  return c;
}

/** Script and task time of one page load, until the load event and a settle period for document_idle scripts. */
async function measure(c: BrowserContext): Promise<{ script: number; task: number }> {
  const page = await c.newPage();
  const cdp = await c.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(URL_, { waitUntil: 'load' });
  await page.waitForTimeout(800);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (n: string) => (metrics.find((m: { name: string }) => m.name === n)?.value ?? 0) * 1000;
  await page.close();
  return { script: get('ScriptDuration'), task: get('TaskDuration') };
}

if (!existsSync(PAGE_FILE) || !existsSync(join(EXT, 'manifest.json')) || !existsSync('/usr/bin/chromium')) {
  console.log('SKIPPED content-script bench: needs ../shared/fixtures, a build (npm run build) and /usr/bin/chromium.');
} else {
  const cs = readFileSync(join(EXT, 'content-scripts/annotate.js'));
  console.log(`\n## Content script on page load (largest fixture page, ${(readFileSync(PAGE_FILE).length / 1024).toFixed(0)} KB)\n`);
  console.log(`- size: ${(cs.length / 1024).toFixed(1)} KB, ${(gzipSync(cs).length / 1024).toFixed(1)} KB gzipped`);
  const results: Record<string, { script: number[]; task: number[] }> = {};
  for (const withExt of [false, true]) {
    const c = await context(withExt);
    const key = withExt ? 'with the extension' : 'without';
    results[key] = { script: [], task: [] };
    await measure(c); // warm-up
    for (let i = 0; i < RUNS; i++) {
      const m = await measure(c);
      results[key].script.push(m.script);
      results[key].task.push(m.task);
    }
    await c.close();
  }
  for (const [k, v] of Object.entries(results)) {
    console.log(`- ${k}: script ${median(v.script).toFixed(1)} ms (min ${Math.min(...v.script).toFixed(1)}, max ${Math.max(...v.script).toFixed(1)}), main-thread tasks ${median(v.task).toFixed(1)} ms, n=${RUNS}`);
  }
  const added = median(results['with the extension'].script) - median(results.without.script);
  console.log(`- added script time (median difference): ${added.toFixed(1)} ms`);
}
