// End to end in Debian's Chromium with the built extension: real site addresses served from fixtures.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { ARTIFACTS, assert, runAll, SkipSuite, test, waitFor } from './harness.mjs';
import { BROKEN_PAGE, own, shared, readStoreInContext } from './pages.mjs';

const EXT = resolve(import.meta.dirname, '../.output/chrome-mv3');
const CHROMIUM = ['/usr/bin/chromium', '/usr/lib/chromium/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);

const ATTENTION = shared('arxiv/abs-1706.03762-2026.html') ?? own('arxiv/abs-2401.00001v2.html');
const ATTENTION_URL = 'https://arxiv.org/abs/1706.03762';
const ATTENTION_TITLE = shared('arxiv/abs-1706.03762-2026.html') ? 'Attention Is All You Need' : 'Tiny-LM: A Small Model for Testing Surveys';

const HF_PAGE = '<!doctype html><html><head><title>example/Tiny-LM · Hugging Face</title></head><body><main><h1>example/Tiny-LM</h1></main></body></html>';
const json = (body) => ({ body, type: 'application/json' });

const ROUTES = {
  [ATTENTION_URL]: { body: ATTENTION },
  'https://huggingface.co/example/Tiny-LM': { body: HF_PAGE },
  'https://huggingface.co/api/models/example/Tiny-LM': json(own('hf/api-example--Tiny-LM.json')),
  'https://huggingface.co/example/Tiny-LM/raw/main/README.md': { body: own('hf/README-example--Tiny-LM.md'), type: 'text/plain' },
  'https://huggingface.co/example/Tiny-LM/resolve/main/config.json': json(own('hf/config-example--Tiny-LM.json')),
  'https://modelscope.cn/models/qwen/Qwen2-7B': { body: '<!doctype html><html><head><title>ModelScope</title></head><body><div id="app"></div></body></html>' },
  'https://modelscope.cn/api/v1/models/qwen/Qwen2-7B': json(own('modelscope/api-qwen--Qwen2-7B.json')),
  'https://arxiv.org/html/2401.00001v1': { body: own('arxiv/html-2401.00001v1.html') },
  'https://arxiv.org/abs/2401.00001v2': { body: own('arxiv/abs-2401.00001v2.html') },
  'https://mp.weixin.qq.com/s/AbCdEfGhIjKlMnOp': { body: own('wechat/article.html') },
  'https://arxiv.org/abs/2401.00002': { body: own('arxiv/abs-2401.00002-no-abstract.html') },
  'https://export.arxiv.org/api/query?id_list=2401.00002': { status: 429, body: 'Rate exceeded.', type: 'text/plain' },
  'https://huggingface.co/blog/training-tricks': { body: BROKEN_PAGE },
};

async function setup() {
  if (!CHROMIUM) throw new SkipSuite('no Chromium found (apt-get install chromium)');
  if (!existsSync(join(EXT, 'manifest.json'))) throw new Error(`no build at ${EXT}; run npm run build`);
  const profile = mkdtempSync(join(tmpdir(), 'lsc-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
    args: [
      `--disable-extensions-except=${EXT}`,
      `--load-extension=${EXT}`,
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--lang=en-US',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    ],
  });
  const requests = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('chrome-extension:') || url.startsWith('data:')) return route.continue();
    requests.push(url);
    const r = ROUTES[url];
    if (r) return route.fulfill({ status: r.status ?? 200, contentType: r.type ?? 'text/html; charset=utf-8', body: r.body });
    return route.abort();
  });
  let [sw] = context.serviceWorkers();
  if (!sw) sw = await context.waitForEvent('serviceworker');
  const extId = new URL(sw.url()).host;
  const env = {
    context,
    sw,
    extId,
    requests,
    profile,
    async onFailure(name) {
      for (const [i, p] of context.pages().entries()) await p.screenshot({ path: join(ARTIFACTS, `chromium-failed-${name.replace(/\W+/g, '-')}-${i}.png`) }).catch(() => {});
    },
  };
  return env;
}

async function teardown(env) {
  await env.context.close();
  rmSync(env.profile, { recursive: true, force: true });
}

const readStore = (sw) => sw.evaluate(readStoreInContext);

async function openPage(env, url) {
  const page = await env.context.newPage();
  await page.goto(url);
  const tabId = await env.sw.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id, url);
  assert.ok(tabId, `no tab for ${url}`);
  return { page, tabId };
}

async function openPopup(env, tabId) {
  const popup = await env.context.newPage();
  await popup.setViewportSize({ width: 400, height: 640 });
  await popup.goto(`chrome-extension://${env.extId}/popup.html?tabId=${tabId}`);
  return popup;
}

async function captureWithPopup(env, url) {
  const { page, tabId } = await openPage(env, url);
  const popup = await openPopup(env, tabId);
  await popup.getByTestId('capture').click();
  await popup.getByTestId('capture-summary').or(popup.getByTestId('error')).waitFor();
  return { page, popup };
}

test('capture an arXiv abs page from the popup into a new card', async (env) => {
  const { page, popup } = await captureWithPopup(env, ATTENTION_URL);
  assert.equal(await popup.getByTestId('capture-title').textContent(), ATTENTION_TITLE);
  const summary = await popup.getByTestId('capture-summary').textContent();
  assert.match(summary, /1706\.03762v7/);
  assert.match(summary, /2017-06-12/);
  assert.match(summary, /Ashish Vaswani, Noam Shazeer/);
  assert.match(summary, /arxiv\.org\/pdf\/1706\.03762v7/);
  assert.equal(await popup.getByTestId('capture-warnings').count(), 0);
  await popup.screenshot({ path: join(ARTIFACTS, 'chromium-popup-review.png'), fullPage: true });
  await popup.getByTestId('save').click();
  await popup.getByTestId('saved').waitFor();
  await popup.screenshot({ path: join(ARTIFACTS, 'chromium-popup-saved.png'), fullPage: true });

  const store = await readStore(env.sw);
  assert.equal(store.version, 20, 'Dexie schema version 2 is IndexedDB version 20');
  assert.equal(store.cards.length, 1);
  const card = store.cards[0];
  assert.equal(card.title, ATTENTION_TITLE);
  assert.equal(card.links.paper[0].url, 'https://arxiv.org/abs/1706.03762');
  assert.match(card.fields.summary.value, /^The dominant sequence transduction models/);
  assert.equal(card.fields.summary.sources[0].url, ATTENTION_URL);
  assert.deepEqual(card.identity.arxivIds, ['1706.03762']);
  assert.equal(store.captures.length, 1);
  assert.equal(store.captures[0].paper.published, '2017-06-12');
  // The page itself was not changed by the capture.
  assert.equal(await page.evaluate(() => document.querySelectorAll('[data-llm-survey-cards]').length), 0);
  await page.close();
  await popup.close();
});

test('the options page lists the card; an edit persists after reload; the markdown has 论文地址', async (env) => {
  const options = await env.context.newPage();
  await options.goto(`chrome-extension://${env.extId}/options.html`);
  const item = options.getByTestId('card-item').filter({ hasText: ATTENTION_TITLE });
  await item.waitFor();
  await item.click();
  await options.getByTestId('editor').waitFor();
  await options.getByTestId('field-training').fill('Trained on WMT 2014 En-De (4.5M sentence pairs) with Adam and warmup.');
  await options.getByTestId('field-architecture').fill('Encoder-decoder Transformer, 6+6 layers, multi-head attention.');
  await options.getByTestId('save-card').click();
  await options.getByTestId('status').filter({ hasText: 'Saved.' }).waitFor();

  await options.reload();
  await options.getByTestId('card-item').filter({ hasText: ATTENTION_TITLE }).click();
  await options.getByTestId('editor').waitFor();
  assert.equal(await options.getByTestId('field-training').inputValue(), 'Trained on WMT 2014 En-De (4.5M sentence pairs) with Adam and warmup.');
  const md = await options.getByTestId('markdown').textContent();
  assert.ok(md.startsWith(`# ${ATTENTION_TITLE}\n`), md.slice(0, 80));
  assert.ok(md.includes('论文地址: https://arxiv.org/abs/1706.03762\n'), md);
  assert.ok(md.includes('训练方法: Trained on WMT 2014 En-De'), md);
  await options.screenshot({ path: join(ARTIFACTS, 'chromium-options-editor.png'), fullPage: true });

  // Copy: the clipboard gets exactly the previewed markdown (watched, since headless grants no clipboard-read).
  await options.evaluate(() => {
    const write = navigator.clipboard.writeText.bind(navigator.clipboard);
    navigator.clipboard.writeText = (text) => {
      window.__copied = text;
      return write(text);
    };
  });
  await options.getByTestId('copy-markdown').click();
  await options.getByTestId('status').filter({ hasText: /Copied|clipboard refused/ }).waitFor();
  assert.equal(await options.evaluate(() => window.__copied), md);
  const store = await readStore(env.sw);
  assert.equal(store.cards[0].revision, 2);
  assert.equal(store.cards[0].fields.training.sources.at(-1).kind, 'user');
  await options.close();
});

test('capturing the same paper again proposes its card and merges without overwriting the edit', async (env) => {
  const { page, popup } = await captureWithPopup(env, ATTENTION_URL);
  const store0 = await readStore(env.sw);
  assert.equal(await popup.getByTestId('target').inputValue(), store0.cards[0].id, 'the existing card is proposed');
  await popup.getByTestId('save').click();
  await popup.getByTestId('saved').waitFor();
  const store = await readStore(env.sw);
  assert.equal(store.cards.length, 1);
  assert.equal(store.captures.length, 2);
  assert.equal(store.cards[0].captureIds.length, 2);
  assert.match(store.cards[0].fields.training.value, /^Trained on WMT 2014/);
  await page.close();
  await popup.close();
});

test('an arXiv page without its abstract, with the API rate-limited: a clear note, and a card anyway', async (env) => {
  const { page, popup } = await captureWithPopup(env, 'https://arxiv.org/abs/2401.00002');
  const notes = await popup.getByTestId('capture-warnings').textContent();
  assert.match(notes, /The page has no abstract and the arXiv API could not supply it: the arXiv API is rate-limiting \(HTTP 429\)/);
  assert.ok(env.requests.includes('https://export.arxiv.org/api/query?id_list=2401.00002'), 'the background called the arXiv API');
  await popup.screenshot({ path: join(ARTIFACTS, 'chromium-popup-no-abstract.png'), fullPage: true });
  await popup.getByTestId('save').click();
  await popup.getByTestId('saved').waitFor();
  const store = await readStore(env.sw);
  const card = store.cards.find((c) => c.identity.arxivIds.includes('2401.00002'));
  assert.equal(card.fields.summary.value, '');
  assert.equal(card.title, 'A Paper Whose Abstract Did Not Load');
  await page.close();
  await popup.close();
});

test('a page that is not arXiv is captured by the generic extractor with a visible note and safe links', async (env) => {
  const { page, popup } = await captureWithPopup(env, 'https://huggingface.co/blog/training-tricks');
  const notes = await popup.getByTestId('capture-warnings').textContent();
  assert.match(notes, /huggingface\.co has no dedicated extractor yet/);
  const hrefs = await popup.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.includes('https://github.com/example/trick'), hrefs.join(' '));
  assert.ok(!hrefs.some((h) => /^javascript:/i.test(h ?? '')), hrefs.join(' '));
  await popup.screenshot({ path: join(ARTIFACTS, 'chromium-popup-generic.png'), fullPage: true });
  await page.close();
  await popup.close();
});

test('a message of the wrong shape is refused with a reason and the store is unchanged', async (env) => {
  const before = await readStore(env.sw);
  const popup = await openPopup(env, 0);
  const reply = await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'cards.update', card: { id: 'x', title: 5 }, baseRevision: -1 }));
  assert.equal(reply.ok, false);
  assert.equal(reply.error.code, 'bad-request');
  assert.match(reply.error.message, /^Refused a message of type "cards.update": /);
  const reply2 = await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'net.fetch', url: 'https://evil.example.com/' }));
  assert.equal(reply2.data.ok, false);
  assert.deepEqual(await readStore(env.sw), before);
  await popup.close();
});

async function captureAndSave(env, url) {
  const { page, popup } = await captureWithPopup(env, url);
  const summary = await popup.getByTestId('capture-summary').textContent();
  await popup.getByTestId('target').selectOption('new');
  await popup.getByTestId('save').click();
  await popup.getByTestId('saved').waitFor();
  return { page, popup, summary };
}

test('a Hugging Face model page fills a card from the Hub API, README and config', async (env) => {
  const { page, popup, summary } = await captureAndSave(env, 'https://huggingface.co/example/Tiny-LM');
  assert.match(summary, /example\/Tiny-LM/);
  assert.match(summary, /1\.1B/);
  assert.match(summary, /LlamaForCausalLM · llama · context 2048/);
  assert.match(summary, /apache-2\.0/);
  assert.match(summary, /results from \d+ results table/);
  await popup.screenshot({ path: join(ARTIFACTS, 'chromium-popup-huggingface.png'), fullPage: true });
  for (const api of ['https://huggingface.co/api/models/example/Tiny-LM', 'https://huggingface.co/example/Tiny-LM/raw/main/README.md']) {
    assert.ok(env.requests.includes(api), `called ${api}`);
  }
  const card = (await readStore(env.sw)).cards.find((c) => c.identity.modelIds.includes('example/tiny-lm'));
  assert.equal(card.facts.contextLength, 2048);
  assert.ok(card.benchmarks.some((b) => b.benchmark === 'mmlu' && b.value === 45.2));
  assert.equal(card.links.model[0].url, 'https://huggingface.co/example/Tiny-LM');
  await page.close();
  await popup.close();
});

test('hostile model card content stays inert in the popup, the options page and the markdown', async (env) => {
  const options = await env.context.newPage();
  const dialogs = [];
  options.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  await options.goto(`chrome-extension://${env.extId}/options.html`);
  await options.getByTestId('card-item').filter({ hasText: 'Tiny-LM' }).first().click();
  await options.getByTestId('editor').waitFor();
  // Put the card's hostile README text into a field, as a user pasting it would.
  await options.getByTestId('field-showcase').fill('<img src=x onerror=alert(1)><script>alert(2)</script> [x](javascript:alert(3))');
  await options.getByTestId('save-card').click();
  await options.getByTestId('status').filter({ hasText: 'Saved.' }).waitFor();
  const md = await options.getByTestId('markdown').textContent();
  assert.ok(!/<img|<script/i.test(md), md);
  assert.ok(md.includes('&lt;script&gt;'), md);
  assert.equal(await options.locator('img[src="x"], script:not([src])').count(), 0);
  const hrefs = await options.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  assert.ok(!hrefs.some((h) => /^javascript:/i.test(h)), hrefs.join(' '));
  await options.waitForTimeout(200);
  assert.deepEqual(dialogs, []);
  await options.close();
});

test('a ModelScope model page is read through its model API', async (env) => {
  const { page, popup, summary } = await captureAndSave(env, 'https://modelscope.cn/models/qwen/Qwen2-7B');
  assert.match(summary, /qwen\/Qwen2-7B/);
  assert.match(summary, /Qwen2ForCausalLM/);
  assert.match(summary, /20 results/);
  await popup.screenshot({ path: join(ARTIFACTS, 'chromium-popup-modelscope.png'), fullPage: true });
  await page.close();
  await popup.close();
});

test('an arXiv HTML paper gives its results tables and offers its architecture and training sections', async (env) => {
  const { page, popup, summary } = await captureAndSave(env, 'https://arxiv.org/html/2401.00001v1');
  assert.match(summary, /6 results from 1 results table\(s\); 2 table\(s\) in all/);
  assert.match(summary, /Architecture \(算法结构\): Model Architecture/);
  assert.match(summary, /Training \(训练方法\): Training/);
  await page.close();
  await popup.close();
  // The editor offers the section; inserting it is the user's choice.
  const options = await env.context.newPage();
  await options.goto(`chrome-extension://${env.extId}/options.html`);
  await options.getByTestId('card-item').filter({ hasText: 'Tiny-LM: A Small Model' }).first().click();
  await options.getByTestId('suggestions-training').locator('summary').click();
  await options.getByTestId('suggestions-training').getByRole('button', { name: 'Insert' }).click();
  assert.match(await options.getByTestId('field-training').inputValue(), /^We pre-train on 2T tokens/);
  await options.screenshot({ path: join(ARTIFACTS, 'chromium-options-suggestions.png'), fullPage: true });
  await options.close();
});

test('a WeChat article gives its account, date, hidden body, links, images and tables', async (env) => {
  const { page, popup, summary } = await captureAndSave(env, 'https://mp.weixin.qq.com/s/AbCdEfGhIjKlMnOp');
  assert.match(summary, /大模型观察 · 张伟 · 2024-01-03/);
  assert.match(summary, /github\.com\/example\/tiny-lm/);
  assert.match(summary, /4 results/);
  const card = (await readStore(env.sw)).cards.find((c) => c.title.startsWith('Tiny-LM 开源'));
  assert.ok(card, 'card saved');
  await popup.screenshot({ path: join(ARTIFACTS, 'chromium-popup-wechat.png'), fullPage: true });
  await page.close();
  await popup.close();
});

async function openOptions(env, hash = '') {
  const options = await env.context.newPage();
  await options.goto(`chrome-extension://${env.extId}/options.html${hash}`);
  return options;
}

test('a model\'s Hugging Face page and its arXiv paper become one card', async (env) => {
  const before = (await readStore(env.sw)).cards.filter((c) => c.identity.modelIds.includes('example/tiny-lm'));
  assert.equal(before.length, 1, 'the Hugging Face card from the earlier test');
  const { page, popup } = await captureWithPopup(env, 'https://arxiv.org/abs/2401.00001v2');
  assert.equal(await popup.getByTestId('target').inputValue(), before[0].id, 'the model card is proposed for its paper');
  assert.match(await popup.getByTestId('target').locator('option:checked').textContent(), /links this model|same paper/);
  assert.match(await popup.getByTestId('what-is-new').textContent(), /fills summary|fills paperTitle|fills/);
  await popup.screenshot({ path: join(ARTIFACTS, 'chromium-popup-merge-proposal.png'), fullPage: true });
  await popup.getByTestId('save').click();
  await popup.getByTestId('saved').waitFor();
  const after = (await readStore(env.sw)).cards.filter((c) => c.identity.modelIds.includes('example/tiny-lm'));
  assert.equal(after.length, 1);
  assert.equal(after[0].captureIds.length, 2);
  assert.match(after[0].fields.summary.value, /^We train Tiny-LM/);
  assert.equal(after[0].fields.model.value, 'example/Tiny-LM');
  await page.close();
  await popup.close();
});

test('a conflicting merge shows both values; the user picks the capture\'s', async (env) => {
  const store = await readStore(env.sw);
  const card = store.cards.find((c) => c.identity.modelIds.includes('example/tiny-lm'));
  const options = await openOptions(env, `#card=${card.id}`);
  await options.getByTestId('editor').waitFor();
  await options.getByTestId('field-summary').fill('My own one-line summary.');
  await options.getByTestId('save-card').click();
  await options.getByTestId('status').filter({ hasText: 'Saved.' }).waitFor();
  // The HTML paper brings a different abstract: it must wait beside the typed one.
  const { page, popup } = await captureWithPopup(env, 'https://arxiv.org/html/2401.00001v1');
  await popup.getByTestId('target').selectOption(card.id);
  assert.match(await popup.getByTestId('what-is-new').textContent(), /keeps a different value beside yours for .*summary/);
  await popup.getByTestId('save').click();
  await popup.getByTestId('saved').waitFor();
  await page.close();
  await popup.close();
  await options.getByTestId('alternatives-summary').waitFor();
  assert.equal(await options.getByTestId('field-summary').inputValue(), 'My own one-line summary.');
  await options.screenshot({ path: join(ARTIFACTS, 'chromium-options-conflict.png'), fullPage: true });
  await options.getByTestId('use-alternative-summary').first().click();
  await options.getByTestId('save-card').click();
  await options.getByTestId('status').filter({ hasText: 'Saved.' }).waitFor();
  const saved = (await readStore(env.sw)).cards.find((c) => c.id === card.id);
  assert.match(saved.fields.summary.value, /^We train Tiny-LM, a 1B model with 2\\times fewer layers/);
  await options.close();
});

test('editing in the options page while the popup edits the same card loses nothing silently', async (env) => {
  const { page, popup } = await captureAndSave(env, 'https://huggingface.co/blog/training-tricks');
  const cardId = (await readStore(env.sw)).cards.find((c) => c.title === 'Not a paper').id;
  const options = await openOptions(env, `#card=${cardId}`);
  await options.getByTestId('editor').waitFor();
  // The popup's quick edit reaches an options page with nothing unsaved: it just updates.
  await popup.getByTestId('quick-tags').fill('blog, tricks');
  await popup.getByTestId('quick-save').click();
  await popup.getByText('Saved.').waitFor();
  await waitFor(async () => (await options.getByTestId('tags').inputValue()) === 'blog, tricks', { what: 'options page to follow the popup' });
  // Now both edit: the options page has unsaved text when the popup saves again.
  await options.getByTestId('field-training').fill('From the options page.');
  await popup.getByTestId('quick-notes').fill('From the popup.');
  await popup.getByTestId('quick-save').click();
  await options.getByTestId('conflict').waitFor();
  await options.screenshot({ path: join(ARTIFACTS, 'chromium-options-changed-elsewhere.png'), fullPage: true });
  // Saving without resolving is refused with the reason; "keep mine" then writes over it knowingly.
  await options.getByTestId('save-card').click();
  await options.getByTestId('conflict').filter({ hasText: /changed elsewhere/ }).waitFor();
  await options.getByTestId('keep-mine').click();
  await options.getByTestId('status').filter({ hasText: 'Saved.' }).waitFor();
  const card = (await readStore(env.sw)).cards.find((c) => c.id === cardId);
  assert.equal(card.fields.training.value, 'From the options page.');
  await page.close();
  await popup.close();
  await options.close();
});

test('the compare view shows three cards by benchmark, best marked, and copies as markdown', async (env) => {
  const options = await openOptions(env);
  for (const title of ['Tiny-LM', 'Qwen2-7B', 'Tiny-LM: A Small Model for Testing Surveys']) {
    await options.getByTestId('search').fill(title);
    const row = options.locator('.card-row').filter({ has: options.getByText(title, { exact: true }) }).first();
    await row.getByTestId('card-check').check();
  }
  await options.getByTestId('search').fill('');
  await options.getByTestId('bulk').filter({ hasText: '3 selected' }).waitFor();
  await options.getByTestId('compare-selected').click();
  await options.getByTestId('compare-table').waitFor();
  const best = await options.locator('[data-testid="compare-cell"][data-best="true"]').count();
  assert.ok(best >= 1, 'best values are marked');
  assert.ok(await options.getByTestId('bar-chart').count() >= 1, 'bar charts drawn');
  const tableText = await options.getByTestId('compare-table').textContent();
  assert.match(tableText, /Qwen2-7B/);
  assert.match(tableText, /MMLU/);
  await options.screenshot({ path: join(ARTIFACTS, 'chromium-compare.png'), fullPage: true });
  await options.evaluate(() => {
    navigator.clipboard.writeText = (text) => {
      window.__copied = text;
      return Promise.resolve();
    };
  });
  await options.getByTestId('copy-markdown-table').click();
  const md = await options.evaluate(() => window.__copied);
  assert.match(md, /^\| .+ \|\n\| :?---/);
  assert.match(md, /\| Qwen2-7B \|/);
  await options.close();
});

test('the library searches, filters, tags several cards and undoes a delete', async (env) => {
  const options = await openOptions(env);
  await options.getByTestId('card-item').first().waitFor();
  const total = Number((await options.getByTestId('count').textContent()).match(/\d+/)[0]);
  await options.getByTestId('search').fill('grouped-query');
  await waitFor(async () => Number((await options.getByTestId('count').textContent()).match(/\d+/)[0]) < total, { what: 'search to narrow' });
  await options.getByTestId('search').fill('');
  await options.getByTestId('filter-site').selectOption('modelscope');
  await waitFor(async () => (await options.getByTestId('card-item').count()) === 1, { what: 'site filter' });
  assert.equal(await options.getByTestId('card-item').first().locator('.card-item-title').textContent(), 'Qwen2-7B');
  await options.getByTestId('filter-site').selectOption('');
  await options.getByTestId('params-min').fill('1');
  await options.getByTestId('params-max').fill('2');
  await waitFor(async () => (await options.getByTestId('card-item').count()) === 1, { what: 'parameter filter' });
  assert.equal(await options.getByTestId('card-item').first().locator('.card-item-title').textContent(), 'Tiny-LM');
  await options.getByTestId('params-min').fill('');
  await options.getByTestId('params-max').fill('');
  await waitFor(async () => (await options.getByTestId('card-item').count()) === total, { what: 'the whole list back' });
  // Tag two cards at once, then delete them and undo.
  const checks = options.getByTestId('card-check');
  await checks.nth(0).check();
  await options.getByTestId('bulk').filter({ hasText: '1 selected' }).waitFor();
  await checks.nth(1).check();
  await options.getByTestId('bulk').filter({ hasText: '2 selected' }).waitFor();
  await options.getByTestId('bulk-tag').fill('survey-2026');
  await options.getByTestId('bulk-tag-add').click();
  await waitFor(async () => (await readStore(env.sw)).cards.filter((c) => c.tags.includes('survey-2026')).length === 2, { what: 'tags written' });
  await options.getByTestId('filter-tag').selectOption('survey-2026');
  await waitFor(async () => (await options.getByTestId('card-item').count()) === 2, { what: 'tag filter' });
  await options.getByTestId('card-check').nth(0).check();
  await options.getByTestId('card-check').nth(1).check();
  await options.getByTestId('bulk').filter({ hasText: '2 selected' }).waitFor();
  await options.getByTestId('bulk-delete').click();
  await options.getByTestId('undo').waitFor();
  assert.equal((await readStore(env.sw)).cards.filter((c) => c.tags.includes('survey-2026')).length, 0);
  await options.screenshot({ path: join(ARTIFACTS, 'chromium-library-undo.png') });
  await options.getByTestId('undo-delete').click();
  await waitFor(async () => (await readStore(env.sw)).cards.filter((c) => c.tags.includes('survey-2026')).length === 2, { what: 'undo to restore' });
  await options.close();
});

test('the benchmark grid edits a result, marks it the model\'s own, and the images field takes a picture', async (env) => {
  const card = (await readStore(env.sw)).cards.find((c) => c.title === 'Qwen2-7B');
  const options = await openOptions(env, `#card=${card.id}`);
  await options.getByTestId('benchmark-grid').waitFor();
  await options.getByTestId('bench-value').first().fill('64.5');
  await options.getByTestId('bench-own').first().check();
  await options.getByTestId('image-input').setInputFiles(resolve(import.meta.dirname, '../public/icon/128.png'));
  await options.locator('.thumb img').first().waitFor();
  await options.getByTestId('image-input').setInputFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('<svg onload=alert(1)>') });
  await options.getByTestId('status').filter({ hasText: 'fake.png: That file is not a PNG, JPEG, GIF or WebP image.' }).waitFor();
  await options.getByTestId('save-card').click();
  await options.getByTestId('status').filter({ hasText: 'Saved.' }).waitFor();
  const saved = (await readStore(env.sw)).cards.find((c) => c.id === card.id);
  assert.equal(saved.benchmarks[0].value, 64.5);
  assert.equal(saved.benchmarks[0].own, true);
  assert.equal(saved.benchmarks[0].source.kind, 'user');
  assert.equal(saved.images.length, 1);
  assert.match(await options.getByTestId('markdown').textContent(), /!\[128\]\(image\/.+\.png\)/);
  await options.screenshot({ path: join(ARTIFACTS, 'chromium-options-grid.png'), fullPage: true });
  await options.close();
});

test('the UI switches to Chinese in settings', async (env) => {
  const options = await env.context.newPage();
  await options.goto(`chrome-extension://${env.extId}/options.html`);
  await options.getByTestId('open-settings').click();
  await options.getByTestId('locale').selectOption('zh');
  await waitFor(async () => (await options.getByTestId('open-settings').textContent()) === '设置', { what: 'zh UI' });
  await options.getByTestId('open-settings').click();
  await options.getByTestId('card-item').first().click();
  await options.getByText('训练方法').first().waitFor();
  await options.screenshot({ path: join(ARTIFACTS, 'chromium-options-zh.png'), fullPage: true });
  const popup = await openPopup(env, 0);
  assert.equal(await popup.getByTestId('capture').textContent(), '收录本页');
  assert.equal(await popup.getByTestId('open-library').textContent(), '卡片库');
  await options.close();
  await popup.close();
});

await runAll({ setup, teardown, suite: 'Chromium end-to-end' });
