// End to end in Chromium on the real arXiv page saved with Immersive Translate's bilingual view: select,
// send to 训练方法, reload and find the highlight again, let a translator insert nodes after load, translate
// a selection through a local OpenAI-compatible server. Runs on the e2e build (wxt build --mode e2e), whose
// <all_urls> lets the background reach the local server without the permission prompt a test cannot answer.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { ARTIFACTS, assert, runAll, SkipSuite, test, waitFor } from './harness.mjs';
import { own, readStoreInContext, shared } from './pages.mjs';
import { startTranslateServer, TEST_KEY, TEST_MODEL } from './translate-server.mjs';

const EXT = resolve(import.meta.dirname, '../.output/chrome-mv3-e2e');
const CHROMIUM = ['/usr/bin/chromium', '/usr/lib/chromium/chromium'].find(existsSync);
const REAL = shared('arxiv/html-1706.03762-immersive-translate-bilingual-export.html');
const URL_ = 'https://arxiv.org/html/1706.03762v7';
const PAGE = REAL ?? own('arxiv/html-2401.00001v1.html');
// A sentence of the page's own text (English), next to its Chinese translation in the bilingual export.
const QUOTE = REAL ? 'We trained on the standard WMT 2014 English-German dataset consisting of about 4.5 million sentence pairs.' : 'We pre-train on 2T tokens with AdamW, then fine-tune with SFT and DPO on preference pairs.';

let served = PAGE;

async function setup() {
  if (!CHROMIUM) throw new SkipSuite('no Chromium found (apt-get install chromium)');
  if (!existsSync(join(EXT, 'manifest.json'))) throw new Error(`no e2e build at ${EXT}; run: npx wxt build --mode e2e`);
  if (!REAL) console.log('    note: ../shared/fixtures absent; using the project\'s own LaTeXML fixture instead of the real bilingual page');
  const server = await startTranslateServer();
  const profile = mkdtempSync(join(tmpdir(), 'lsc-annotate-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [`--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`, '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (/^(chrome-extension|data|blob):/.test(url) || url.startsWith(server.origin)) return route.continue();
    if (url === URL_) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: served });
    return route.abort();
  });
  let [sw] = context.serviceWorkers();
  if (!sw) sw = await context.waitForEvent('serviceworker');
  return {
    context, sw, profile, server, extId: new URL(sw.url()).host,
    async onFailure(name) {
      for (const [i, p] of context.pages().entries()) await p.screenshot({ path: join(ARTIFACTS, `annotate-failed-${name.replace(/\W+/g, '-')}-${i}.png`) }).catch(() => {});
    },
  };
}

async function teardown(env) {
  await env.context.close();
  await env.server.close();
  rmSync(env.profile, { recursive: true, force: true });
}

/** Selects the quote in the page's own text, as a user dragging over it would, and lets go of the mouse. */
async function selectQuote(page, quote) {
  await page.evaluate((q) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.data.indexOf(q);
      if (i >= 0 && !n.parentElement.closest('[data-immersive-translate-translation-element-mark], font.immersive-translate-target-wrapper')) {
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + q.length);
        n.parentElement.scrollIntoView({ block: 'center' });
        getSelection().removeAllRanges();
        getSelection().addRange(r);
        const rect = r.getBoundingClientRect();
        document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: rect.right, clientY: rect.bottom }));
        return;
      }
    }
    throw new Error(`quote not found: ${q}`);
  }, quote);
}

const toolbar = (page) => page.locator('[data-llm-survey-cards="toolbar"]');

/** The text of the painted highlights, read in the page (the registry belongs to the document). */
const highlighted = (page) => page.evaluate(() => [...(CSS.highlights.get('llm-survey-cards') ?? [])].map((r) => r.toString()).join(''));

test('select on the bilingual page, send to 训练方法, and find the quote in the card with its link', async (env) => {
  // A card to send to: capture the page first.
  const page = await env.context.newPage();
  await page.goto(URL_);
  const tabId = await env.sw.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0].id, URL_);
  const popup = await env.context.newPage();
  await popup.goto(`chrome-extension://${env.extId}/popup.html?tabId=${tabId}`);
  await popup.getByTestId('capture').click();
  await popup.getByTestId('save').click();
  await popup.getByTestId('saved').waitFor();
  await popup.close();

  await page.bringToFront();
  await selectQuote(page, QUOTE);
  await toolbar(page).getByTestId('lsc-toolbar').waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'annotate-toolbar.png') });
  await toolbar(page).getByTestId('lsc-send-training').click();
  await toolbar(page).getByText('Sent to the card').waitFor();
  const store = await env.sw.evaluate(readStoreInContext);
  const card = store.cards[0];
  assert.ok(card.fields.training.value.startsWith(`> ${QUOTE}`), card.fields.training.value);
  assert.match(card.fields.training.value, /— \[.*\]\(https:\/\/arxiv\.org\/html\/1706\.03762v7\)$/);
  assert.ok(!/[\u4e00-\u9fff]/.test(card.fields.training.value), 'only the original text, not the translation');
  await waitFor(async () => (await highlighted(page)) === QUOTE, { what: 'the new highlight' });
  await page.close();
});

test('the highlight comes back after a reload, and stays when a translator inserts nodes after load', async (env) => {
  const page = await env.context.newPage();
  await page.goto(URL_);
  await waitFor(async () => (await highlighted(page)) === QUOTE, { what: 'the highlight restored after reload' });
  // Immersive Translate adds its <font> wrapper after load, inside the very paragraph of the quote.
  await page.evaluate((q) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.data.includes(q)) {
        const font = document.createElement('font');
        font.className = 'notranslate immersive-translate-target-wrapper';
        font.setAttribute('data-immersive-translate-translation-element-mark', '1');
        font.textContent = ' 我们在标准的 WMT 2014 英德数据集上训练。';
        n.parentElement.insertBefore(font, n.nextSibling);
        const before = document.createElement('font');
        before.className = 'notranslate immersive-translate-target-wrapper';
        before.setAttribute('data-immersive-translate-translation-element-mark', '1');
        before.textContent = '（译文）';
        n.parentElement.insertBefore(before, n);
        return;
      }
    }
  }, QUOTE);
  await page.waitForTimeout(600);
  assert.equal(await highlighted(page), QUOTE, 'the highlight covers the original text only');
  await page.screenshot({ path: join(ARTIFACTS, 'annotate-highlight.png') });
  await page.close();
});

test('translate a selection through the configured OpenAI-compatible endpoint (no built-in translator here)', async (env) => {
  const options = await env.context.newPage();
  await options.goto(`chrome-extension://${env.extId}/options.html#settings`);
  await options.getByTestId('translation-endpoint').fill(`${env.server.url}`);
  await options.getByTestId('translation-apiKey').fill(TEST_KEY);
  await options.getByTestId('translation-model').fill(TEST_MODEL);
  await options.getByTestId('translation-save').click();
  await options.getByTestId('translation-status').filter({ hasText: 'Saved.' }).waitFor();
  await options.close();
  const page = await env.context.newPage();
  await page.goto(URL_);
  const builtin = await page.evaluate(() => typeof globalThis.Translator);
  console.log(`    built-in Translator API in this Chromium: ${builtin === 'undefined' ? 'absent' : 'present'}`);
  await selectQuote(page, QUOTE);
  await toolbar(page).getByTestId('lsc-translate').click();
  await toolbar(page).getByText(`[zh] ${QUOTE}`).waitFor();
  assert.ok(env.server.requests.length >= 1, 'the endpoint was called');
  assert.ok(env.server.requests.every((r) => r.keyOk !== false), 'with the configured key');
  await page.close();
});

test('a quote whose text is gone is listed as an orphan on the card, not dropped', async (env) => {
  served = PAGE.replace(QUOTE, 'This sentence was rewritten entirely by the authors in a later version of the paper.');
  const page = await env.context.newPage();
  await page.goto(URL_);
  await waitFor(async () => (await env.sw.evaluate(() => new Promise((res) => {
    const r = indexedDB.open('llm-survey-cards');
    r.onsuccess = () => { const q = r.result.transaction('annotations').objectStore('annotations').getAll(); q.onsuccess = () => { res(q.result); r.result.close(); }; };
  }))).some((a) => a.orphan), { what: 'the annotation marked orphan' });
  const cardId = (await env.sw.evaluate(readStoreInContext)).cards[0].id;
  const options = await env.context.newPage();
  await options.goto(`chrome-extension://${env.extId}/options.html#card=${cardId}`);
  await options.getByTestId('orphans').waitFor();
  assert.match(await options.getByTestId('orphans').textContent(), /WMT 2014|pre-train/);
  await options.screenshot({ path: join(ARTIFACTS, 'annotate-orphans.png'), fullPage: true });
  served = PAGE;
  await options.close();
  await page.close();
});

await runAll({ setup, teardown, suite: 'Chromium annotate end-to-end' });
