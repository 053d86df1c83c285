// End to end in Chromium: the Open LLM Leaderboard v2 through the dataset viewer rows API (served from the
// real contents CSV), the top 10 pretrained models as draft cards filled from routed Hub, arXiv and Papers
// answers; one Hub answer is rate-limited once, one fails for good.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { ARTIFACTS, assert, runAll, SkipSuite, test, waitFor } from './harness.mjs';
import { readStoreInContext } from './pages.mjs';

const EXT = resolve(import.meta.dirname, '../.output/chrome-mv3');
const CHROMIUM = ['/usr/bin/chromium', '/usr/lib/chromium/chromium'].find(existsSync);
const CSV = resolve(import.meta.dirname, '../../shared/fixtures/leaderboard/open-llm-leaderboard-v2-contents-full.csv');
const SPACE = 'https://huggingface.co/spaces/open-llm-leaderboard/open_llm_leaderboard';
const ATOM = readFileSync(resolve(import.meta.dirname, '../tests/fixtures/arxiv/query-2401.00002.atom.xml'), 'utf8');

/** RFC 4180 rows, enough for the leaderboard file (quoted fields with commas, doubled quotes, newlines). */
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** The rows API answers as the dataset viewer gives them: typed values, pages of at most 100. */
function rowsApi() {
  const [header, ...body] = parseCsv(readFileSync(CSV, 'utf8')).filter((r) => r.length > 1);
  const typed = (v) => (v === '' ? null : v === 'True' ? true : v === 'False' ? false : /^-?\d+(\.\d+)?(e-?\d+)?$/i.test(v) ? Number(v) : v);
  const rows = body.map((r) => Object.fromEntries(header.map((h, i) => [h, typed(r[i] ?? '')])));
  return (url) => {
    const u = new URL(url);
    const offset = Number(u.searchParams.get('offset'));
    const length = Number(u.searchParams.get('length'));
    return JSON.stringify({
      features: header.map((name, i) => ({ feature_idx: i, name, type: { dtype: 'string', _type: 'Value' } })),
      rows: rows.slice(offset, offset + length).map((row, i) => ({ row_idx: offset + i, row, truncated_cells: [] })),
      num_rows_total: rows.length,
      num_rows_per_page: 100,
      partial: false,
    });
  };
}

async function setup() {
  if (!CHROMIUM) throw new SkipSuite('no Chromium found (apt-get install chromium)');
  if (!existsSync(CSV)) throw new SkipSuite(`${CSV} is absent; this suite serves the real leaderboard data`);
  if (!existsSync(join(EXT, 'manifest.json'))) throw new Error(`no build at ${EXT}; run npm run build`);
  const rows = rowsApi();
  const hits = new Map();
  const profile = mkdtempSync(join(tmpdir(), 'lsc-lb-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, viewport: { width: 1280, height: 900 },
    args: [`--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`, '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const env = { context, profile, hits, flaky: '', broken: '' };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (/^(chrome-extension|data|blob):/.test(url)) return route.continue();
    hits.set(url, (hits.get(url) ?? 0) + 1);
    const json = (body, status = 200, headers = {}) => route.fulfill({ status, contentType: 'application/json', body: typeof body === 'string' ? body : JSON.stringify(body), headers });
    if (url.startsWith('https://datasets-server.huggingface.co/rows?')) return json(rows(url));
    if (url === SPACE) return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Open LLM Leaderboard</title><gradio-app></gradio-app>' });
    const api = /^https:\/\/huggingface\.co\/api\/models\/(.+)$/.exec(url);
    if (api) {
      const id = decodeURIComponent(api[1]);
      if (id === env.flaky && hits.get(url) === 1) return json({ error: 'rate limited' }, 429, { 'retry-after': '1' });
      if (id === env.broken) return json({ error: 'Internal Error' }, 500);
      return json({ id, modelId: id, author: id.split('/')[0], tags: ['transformers', 'license:apache-2.0', 'arxiv:2401.00002'], cardData: { license: 'apache-2.0' }, config: { architectures: ['Qwen2ForCausalLM'], model_type: 'qwen2' }, safetensors: { parameters: { BF16: 7.6e9 }, total: 7.6e9 } });
    }
    if (/^https:\/\/huggingface\.co\/.+\/raw\/main\/README\.md$/.test(url)) return route.fulfill({ status: 404, body: 'Entry not found', headers: { 'x-error-code': 'EntryNotFound' } });
    if (url.startsWith('https://export.arxiv.org/api/query')) return route.fulfill({ status: 200, contentType: 'application/atom+xml', body: ATOM });
    if (url.startsWith('https://huggingface.co/api/papers/')) return json({ id: '2401.00002', title: 'A Paper', githubRepo: 'https://github.com/example/no-abs', projectPage: 'https://example.org/project' });
    return route.abort();
  });
  let [sw] = context.serviceWorkers();
  if (!sw) sw = await context.waitForEvent('serviceworker');
  env.sw = sw;
  env.extId = new URL(sw.url()).host;
  env.onFailure = async (name) => {
    for (const [i, p] of context.pages().entries()) await p.screenshot({ path: join(ARTIFACTS, `leaderboard-failed-${name.replace(/\W+/g, '-')}-${i}.png`) }).catch(() => {});
  };
  return env;
}

async function teardown(env) {
  await env.context.close();
  rmSync(env.profile, { recursive: true, force: true });
}

test('the top 10 pretrained models become ten filled draft cards; a 429 is waited out, a failure is shown', async (env) => {
  const options = await env.context.newPage();
  await options.goto(`chrome-extension://${env.extId}/options.html#leaderboard`);
  await options.getByTestId('lb-load').click();
  await options.getByTestId('lb-status').filter({ hasText: /models read/ }).waitFor({ timeout: 60_000 });
  const names = await options.getByTestId('lb-row').locator('td:nth-child(2)').allTextContents();
  assert.equal(names.length, 10);
  assert.deepEqual(names.slice(0, 3), ['Qwen/Qwen2.5-72B', 'Qwen/Qwen2.5-32B', 'Qwen/Qwen2-72B']);
  env.flaky = names[1];
  env.broken = names[2];
  await options.getByTestId('lb-create').click();
  await options.getByTestId('lb-status').filter({ hasText: /cards created/ }).waitFor({ timeout: 60_000 });
  await options.screenshot({ path: join(ARTIFACTS, 'leaderboard.png'), fullPage: true });
  console.log(`    ${await options.getByTestId('lb-status').textContent()}`);
  assert.match(await options.getByTestId('lb-failures').textContent(), new RegExp(names[2].replace(/[./]/g, '\\$&')));
  assert.ok((env.hits.get(`https://huggingface.co/api/models/${names[1]}`) ?? 0) >= 2, 'the rate-limited request was retried');
  const cards = (await env.sw.evaluate(readStoreInContext)).cards;
  assert.equal(cards.length, 10, 'ten cards, written together');
  const flaky = cards.find((c) => c.identity.modelIds.includes(names[1].toLowerCase()));
  assert.ok(flaky, 'the rate-limited model has its card');
  assert.ok(flaky.benchmarks.some((b) => b.benchmark === 'ifeval'), 'leaderboard scores as results');
  assert.equal(flaky.facts.license, 'apache-2.0', 'filled from the Hub');
  assert.ok(flaky.links.code.some((l) => l.url === 'https://github.com/example/no-abs'), 'code link from the Papers API');
  const broken = cards.find((c) => c.identity.modelIds.includes(names[2].toLowerCase()));
  assert.ok(broken?.benchmarks.length, 'the failed model keeps its leaderboard scores');
  assert.ok(!broken.links.code.length, 'nothing from the Hub or Papers for the failed model yet');
  // Retry the failed one once the Hub answers: its card is filled, not duplicated.
  env.broken = '';
  await options.getByTestId('lb-retry').click();
  await options.getByTestId('lb-status').filter({ hasText: /1 cards created; 0 model/ }).waitFor({ timeout: 60_000 });
  const after = (await env.sw.evaluate(readStoreInContext)).cards;
  assert.equal(after.length, 10, 'no second card for the retried model');
  const retried = after.find((c) => c.id === broken.id);
  assert.ok(retried.links.code.some((l) => l.url === 'https://github.com/example/no-abs'), 'the retried card is filled (empty fields only)');
  assert.equal(retried.revision, broken.revision + 1);
  await options.close();
});

test('on the leaderboard page itself, the popup offers to start a survey from it', async (env) => {
  const page = await env.context.newPage();
  await page.goto(SPACE);
  const tabId = await env.sw.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0].id, SPACE);
  const popup = await env.context.newPage();
  await popup.goto(`chrome-extension://${env.extId}/popup.html?tabId=${tabId}`);
  const [opened] = await Promise.all([env.context.waitForEvent('page'), popup.getByTestId('from-leaderboard').click()]);
  await opened.waitForLoadState();
  assert.match(opened.url(), /options\.html#leaderboard$/);
  await opened.getByTestId('leaderboard').waitFor();
  await Promise.all([page.close(), popup.close(), opened.close()]);
});

await runAll({ setup, teardown, suite: 'Chromium leaderboard end-to-end' });
