// `npm run bench`: median extraction time per real page, ours beside Readability on the same page in the
// same run (the ratio is the figure), in jsdom and in Chromium; and the size of what pages load.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { resolve, basename } from 'node:path';
import { build } from 'esbuild';
import { Readability } from '@mozilla/readability';
import { chromium } from 'playwright-core';
import { capturePage } from '../lib/extract/registry';
import { htmlDocument, offlineContext } from '../scripts/node-pages';

const ROOT = resolve(import.meta.dirname, '..');
const SHARED = resolve(ROOT, '../shared/fixtures');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

interface Page {
  file: string;
  url: string;
  html: string;
}

function pages(): Page[] {
  if (!existsSync(SHARED)) {
    console.log(`SKIPPED: ${SHARED} is absent; the benchmark measures the real saved pages there.`);
    return [];
  }
  const out: Page[] = [];
  const add = (dir: string, re: RegExp, url: (f: string) => string) => {
    for (const f of readdirSync(resolve(SHARED, dir)).filter((x) => re.test(x)).sort()) {
      out.push({ file: `${dir}/${f}`, url: url(f), html: readFileSync(resolve(SHARED, dir, f), 'utf8') });
    }
  };
  add('arxiv', /^abs-.*\.html$/, (f) => `https://arxiv.org/abs/${/abs-([\d.]+)-/.exec(f)![1]}`);
  add('arxiv', /^html-.*\.html$/, (f) => `https://arxiv.org/html/${/html-([\d.]+(v\d+)?)/.exec(f)![1]}`);
  add('wechat', /\.html$/, (f) => `https://mp.weixin.qq.com/s/${basename(f, '.html')}`);
  const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : null;
  return only ? out.filter((p) => only.test(p.file)) : out;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const spread = (xs: number[]) => `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`;
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;

async function inJsdom(list: Page[]) {
  console.log(`\n## jsdom (Node ${process.version}), ${RUNS} runs each, median ms (min–max)\n`);
  console.log(row(['page', 'KB', 'ours', 'Readability', 'ours / Readability', 'results']));
  console.log(row(['---', '---:', '---:', '---:', '---:', '---:']));
  const ctx = offlineContext([]);
  for (const p of list) {
    const ours: number[] = [];
    const theirs: number[] = [];
    let results = 0;
    for (let i = 0; i < RUNS; i++) {
      const doc = htmlDocument(p.html, p.url);
      let t0 = performance.now();
      const c = await capturePage(doc, p.url, ctx, { id: 'bench', now: new Date() });
      ours.push(performance.now() - t0);
      results = c.benchmarks.length;
      t0 = performance.now();
      new Readability(doc.cloneNode(true) as Document).parse();
      theirs.push(performance.now() - t0);
    }
    console.log(row([p.file, (p.html.length / 1024).toFixed(0), `${median(ours).toFixed(1)} (${spread(ours)})`, `${median(theirs).toFixed(1)} (${spread(theirs)})`, (median(ours) / median(theirs)).toFixed(2), results]));
  }
}

async function inChromium(list: Page[]) {
  const exe = ['/usr/bin/chromium', '/usr/lib/chromium/chromium'].find(existsSync);
  if (!exe) {
    console.log('\nSKIPPED Chromium: no /usr/bin/chromium (apt-get install chromium).');
    return;
  }
  const bundle = await build({ entryPoints: [resolve(ROOT, 'bench/browser-entry.ts')], bundle: true, write: false, format: 'iife', minify: true, target: 'chrome120' });
  const script = bundle.outputFiles[0].text;
  const browser = await chromium.launch({ executablePath: exe, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
  const page = await browser.newPage();
  await page.route('**/*', (route) => {
    const url = route.request().url();
    const p = list.find((x) => x.url === url);
    return p ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: p.html }) : route.abort();
  });
  await page.setViewportSize({ width: 1280, height: 900 });
  console.log(`\n## Chromium ${browser.version()} (headless), ${RUNS} runs each after one warm-up, median ms (min–max)\n`);
  console.log(row(['page', 'ours', 'Readability', 'ours / Readability', 'results']));
  console.log(row(['---', '---:', '---:', '---:', '---:']));
  for (const p of list) {
    await page.goto(p.url, { waitUntil: 'domcontentloaded' });
    await page.addScriptTag({ content: script });
    await page.evaluate(() => window.__bench.capture());
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      ours.push(await page.evaluate(() => window.__bench.capture()));
      theirs.push(await page.evaluate(() => window.__bench.readability()));
    }
    const results = await page.evaluate(() => window.__bench.results());
    console.log(row([p.file, `${median(ours).toFixed(1)} (${spread(ours)})`, `${median(theirs).toFixed(1)} (${spread(theirs)})`, (median(ours) / median(theirs)).toFixed(2), results]));
  }
  await browser.close();
}

function sizes() {
  const out = resolve(ROOT, '.output/chrome-mv3');
  console.log('\n## What pages load (built extension, .output/chrome-mv3)\n');
  if (!existsSync(resolve(out, 'manifest.json'))) {
    console.log('SKIPPED: no build; run npm run build first.');
    return;
  }
  const manifest = JSON.parse(readFileSync(resolve(out, 'manifest.json'), 'utf8'));
  const onLoad: string[] = (manifest.content_scripts ?? []).flatMap((c: { js?: string[] }) => c.js ?? []);
  const gz = (f: string) => gzipSync(readFileSync(resolve(out, f))).length;
  const total = onLoad.reduce((a, f) => a + gz(f), 0);
  console.log(`- scripts run on every page load of the served sites: ${onLoad.length ? onLoad.join(', ') : 'none'} — ${(total / 1024).toFixed(1)} KB gzipped`);
  console.log(`- extractor injected only when the user captures: extractor.js — ${(statSync(resolve(out, 'extractor.js')).size / 1024).toFixed(0)} KB, ${(gz('extractor.js') / 1024).toFixed(1)} KB gzipped`);
}

const list = pages();
const only = process.argv.slice(2);
if (!only.length || only.includes('jsdom')) await inJsdom(list);
if (!only.length || only.includes('chromium')) await inChromium(list);
if (!only.length || only.includes('sizes')) sizes();
if (!only.length || only.includes('export')) await import('./export');
if (!only.length || only.includes('content')) await import('./content');
if (!only.length || only.includes('library')) await import('./library');
if (!only.length || only.includes('leaderboard')) await import('./leaderboard');
