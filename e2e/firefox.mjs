// End to end in Debian's Firefox ESR with the Firefox (MV2) build: the same arXiv capture as the Chromium suite,
// driven by puppeteer-core over WebDriver BiDi (Playwright's Firefox needs its own patched build, which we cannot get).
//
// Firefox over BiDi, and what this file does about it (shared/reference/toolchain.md, gotcha 17):
// - moz-extension:// pages open only with --remote-allow-system-access, and page.goto()/reload() to them never
//   settle ("Frame detached"): navigations are started without awaiting them and the page is polled.
// - request.resourceType() throws over BiDi; isNavigationRequest() works.
// - The add-on's internal UUID is pinned with the extensions.webextensions.uuids pref, so extension URLs are known.
// - Page request interception does not see the background page's own fetches, so Firefox also gets a dead proxy.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { ARTIFACTS, assert, runAll, SkipSuite, test, waitFor } from './harness.mjs';
import { own, shared, readStoreInContext } from './pages.mjs';

const FIREFOX = '/usr/bin/firefox-esr';
const EXT = resolve(import.meta.dirname, '../.output/firefox-mv2');
const ADDON_ID = 'llm-survey-cards@survey-cards.dev'; // wxt.config.ts, browser_specific_settings.gecko.id
const UUID = '5c1e2d3a-7b8f-4e6a-9c0d-1f2e3a4b5c6d';
const ORIGIN = `moz-extension://${UUID}`;

const REAL = shared('arxiv/abs-1706.03762-2026.html');
const ATTENTION = REAL ?? own('arxiv/abs-2401.00001v2.html');
const ATTENTION_URL = 'https://arxiv.org/abs/1706.03762';
const ATTENTION_TITLE = REAL ? 'Attention Is All You Need' : 'Tiny-LM: A Small Model for Testing Surveys';
const ROUTES = { [ATTENTION_URL]: { body: ATTENTION } };

const TRAINING = 'Trained on WMT 2014 En-De (4.5M sentence pairs) with Adam and warmup.';
const STEP = 15_000; // the bound on any single wait
const RUN_LIMIT = 120_000; // the bound on the whole run

// Nothing may hang the run: a last-resort watchdog kills the Firefox this script started, then exits.
let launched;
const watchdog = setTimeout(() => {
  console.error(`Firefox ESR end-to-end: still running after ${RUN_LIMIT / 1000} s; killing Firefox`);
  launched?.process()?.kill('SIGKILL');
  process.exit(1);
}, RUN_LIMIT);
watchdog.unref();

async function setup() {
  if (!existsSync(FIREFOX)) throw new SkipSuite('Firefox ESR not installed (apt-get install firefox-esr)');
  const manifestPath = join(EXT, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`no Firefox build at ${EXT}; run: npx wxt build -b firefox`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  assert.equal(manifest.browser_specific_settings?.gecko?.id, ADDON_ID, `the build at ${EXT} does not carry the add-on id`);

  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocolTimeout: 30_000,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
      'intl.locale.requested': 'en-US',
      'intl.accept_languages': 'en-US, en',
      // Requests no page interception sees (the background page's own fetches) go to a dead proxy.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
    },
  });
  launched = browser;
  const env = {
    browser,
    requests: [], // every request the routed tabs made, other than moz-extension:/data:/blob:
    problems: [], // uncaught errors and console errors in the extension's pages
    pages: [],
    async onFailure(name) {
      for (const [i, p] of env.pages.entries()) {
        if (!p.isClosed()) await p.screenshot({ path: join(ARTIFACTS, `firefox-failed-${name.replace(/\W+/g, '-')}-${i}.png`) }).catch(() => {});
      }
      if (env.problems.length) console.error(`    errors in extension pages:\n      ${env.problems.join('\n      ')}`);
    },
  };
  try {
    assert.equal(await browser.installExtension(EXT), ADDON_ID); // a temporary add-on, gone with the profile
    // The MV2 background page answers once it has loaded.
    const probe = await openExtPage(env, 'popup.html');
    const reply = await waitFor(
      () => probe.evaluate(() => browser.runtime.sendMessage({ type: 'cards.recent', limit: 1 })),
      { timeout: STEP, what: 'the background page to answer' },
    );
    assert.equal(reply.ok, true, JSON.stringify(reply));
    await closeExtPage(env, probe);
  } catch (e) {
    await closeBrowser(browser);
    throw e;
  }
  return env;
}

async function closeBrowser(browser) {
  let timer;
  const late = new Promise((_, rej) => {
    timer = setTimeout(() => rej(new Error('browser.close() took over 10 s')), 10_000);
  });
  await Promise.race([browser.close(), late])
    .catch((e) => {
      console.error(`Firefox ESR end-to-end: ${e.message}; killing Firefox`);
      browser.process()?.kill('SIGKILL');
    })
    .finally(() => clearTimeout(timer));
}

async function teardown(env) {
  await closeBrowser(env.browser);
}

/** A new tab whose requests are routed: moz-extension: (and local data:/blob:) pass, ROUTES are served, the rest aborted. */
async function newPage(env, viewport = { width: 1280, height: 900 }) {
  const page = await env.browser.newPage();
  env.pages.push(page);
  page.setDefaultTimeout(STEP);
  await page.setViewport(viewport);
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    if (req.isInterceptResolutionHandled()) return;
    const url = req.url();
    if (/^(moz-extension|data|blob):/.test(url)) return req.continue();
    env.requests.push(url);
    const r = ROUTES[url];
    if (r && req.isNavigationRequest()) return req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: r.body });
    return req.abort();
  });
  return page;
}

/**
 * Navigates `page` to `url` and waits until that document is complete. goto() to moz-extension: never settles in
 * Firefox over BiDi and evaluating during the process switch can throw, so the navigation is started without
 * awaiting it and the page is polled.
 */
async function navigate(page, url) {
  page.goto(url, { timeout: 0 }).catch(() => {}); // timeout 0: no timer left behind; the poll below is the bound
  await waitFor(() => page.evaluate((u) => location.href === u && document.readyState === 'complete', url), {
    timeout: STEP,
    what: `${url} to load`,
  });
}

/** Reloads the page (reload() has the same problem as goto()) and waits for the new document. */
async function reload(page, what) {
  await page.evaluate(() => {
    window.__beforeReload = true;
    setTimeout(() => location.reload(), 0);
  });
  await waitFor(() => page.evaluate(() => !window.__beforeReload && document.readyState === 'complete'), {
    timeout: STEP,
    what: `${what} to reload`,
  });
  await watchErrors(page);
}

/**
 * Records uncaught errors, unhandled rejections and console.error calls in an extension page. Puppeteer's
 * 'console' and 'pageerror' events never arrive from moz-extension: pages (its frame is "detached" and page.url()
 * stays stale after the navigation), so the page keeps them itself and closeExtPage() collects them.
 */
function watchErrors(page) {
  return page.evaluate(() => {
    if (window.__e2eProblems) return;
    const problems = (window.__e2eProblems = []);
    addEventListener('error', (e) => problems.push(`uncaught ${e.message}`));
    addEventListener('unhandledrejection', (e) => problems.push(`unhandled rejection: ${e.reason?.message ?? e.reason}`));
    const error = console.error.bind(console);
    console.error = (...args) => {
      problems.push(`console.error: ${args.map(String).join(' ')}`);
      error(...args);
    };
  });
}

/** Opens an extension page in a new tab, once React has rendered into #root. */
async function openExtPage(env, path, viewport) {
  const page = await newPage(env, viewport);
  await navigate(page, `${ORIGIN}/${path}`);
  await watchErrors(page);
  await page.waitForFunction(() => document.getElementById('root')?.childElementCount > 0, { timeout: STEP });
  page.extPath = path;
  return page;
}

/** Closes an extension page, keeping what watchErrors() saw there. */
async function closeExtPage(env, page) {
  const problems = await page.evaluate(() => window.__e2eProblems ?? []).catch((e) => [`could not read its errors: ${e.message}`]);
  env.problems.push(...problems.map((p) => `${page.extPath}: ${p}`));
  await page.close();
}

const click = (page, sel) => page.locator(sel).setTimeout(STEP).click();
const textOf = (page, sel) => page.$eval(sel, (el) => el.textContent);

/** Waits for an element matching `sel` whose text contains `text`. */
function waitForText(page, sel, text) {
  return page.waitForFunction((s, t) => [...document.querySelectorAll(s)].some((el) => el.textContent.includes(t)), { timeout: STEP }, sel, text);
}

/** Waits for `sel`, failing with the page's own message if [data-testid=error] shows instead. */
async function waitForOrError(page, sel, doing) {
  await page.waitForSelector(`${sel}, [data-testid=error]`, { timeout: STEP });
  const error = await page.$('[data-testid=error]');
  if (error) throw new Error(`${doing} failed in Firefox: ${await error.evaluate((el) => el.textContent)}`);
}

const readStore = (page) => page.evaluate(readStoreInContext);

test('capture the arXiv abs page from the popup into a new card', async (env) => {
  const page = await newPage(env);
  await navigate(page, ATTENTION_URL);
  assert.equal(await page.evaluate(() => document.querySelector('meta[name=citation_title]')?.content), ATTENTION_TITLE, 'the saved page is served');

  const helper = await openExtPage(env, 'popup.html');
  const tabs = await helper.evaluate(async () => (await browser.tabs.query({ url: 'https://arxiv.org/abs/*' })).map((t) => ({ id: t.id, url: t.url })));
  await closeExtPage(env, helper);
  assert.equal(tabs.length, 1, JSON.stringify(tabs));
  assert.equal(tabs[0].url, ATTENTION_URL);

  const popup = await openExtPage(env, `popup.html?tabId=${tabs[0].id}`, { width: 400, height: 640 });
  await click(popup, '[data-testid=capture]');
  await waitForOrError(popup, '[data-testid=capture-summary]', 'the capture');
  assert.equal(await textOf(popup, '[data-testid=capture-title]'), ATTENTION_TITLE);
  const summary = await textOf(popup, '[data-testid=capture-summary]');
  if (REAL) {
    assert.match(summary, /1706\.03762v7/);
    assert.match(summary, /2017-06-12/);
    assert.match(summary, /Ashish Vaswani, Noam Shazeer/);
    assert.match(summary, /arxiv\.org\/pdf\/1706\.03762v7/);
    assert.equal(await popup.$('[data-testid=capture-warnings]'), null, 'no warnings on the real page');
  }
  await popup.screenshot({ path: join(ARTIFACTS, 'firefox-popup-review.png'), fullPage: true });
  await click(popup, '[data-testid=save]');
  await waitForOrError(popup, '[data-testid=saved]', 'saving');
  await popup.screenshot({ path: join(ARTIFACTS, 'firefox-popup-saved.png'), fullPage: true });

  const store = await readStore(popup);
  assert.equal(store.cards.length, 1, 'exactly one card');
  const card = store.cards[0];
  assert.equal(card.title, ATTENTION_TITLE);
  assert.equal(card.links.paper[0].url, ATTENTION_URL);
  assert.equal(store.captures.length, 1, 'exactly one capture');
  if (REAL) {
    assert.match(card.fields.summary.value, /^The dominant sequence transduction models/);
    assert.equal(card.fields.summary.sources[0].url, ATTENTION_URL);
    assert.deepEqual(card.identity.arxivIds, ['1706.03762']);
    assert.equal(store.captures[0].paper.published, '2017-06-12');
  }
  // The page itself was not changed by the capture.
  assert.equal(await page.evaluate(() => document.querySelectorAll('[data-llm-survey-cards]').length), 0);
  await closeExtPage(env, popup);
  await page.close();
});

test('the options page lists the card; an edit persists after reload; the markdown has 论文地址', async (env) => {
  const options = await openExtPage(env, 'options.html');
  await waitForText(options, '[data-testid=card-item]', ATTENTION_TITLE);
  await click(options, '[data-testid=card-item]');
  await options.waitForSelector('[data-testid=editor]', { timeout: STEP });
  await options.locator('[data-testid=field-training]').setTimeout(STEP).fill(TRAINING);
  await click(options, '[data-testid=save-card]');
  await waitForText(options, '[data-testid=status]', 'Saved.');

  await reload(options, 'options.html');
  await waitForText(options, '[data-testid=card-item]', ATTENTION_TITLE);
  await click(options, '[data-testid=card-item]');
  await options.waitForSelector('[data-testid=editor]', { timeout: STEP });
  assert.equal(await options.$eval('[data-testid=field-training]', (el) => el.value), TRAINING);
  const md = await textOf(options, '[data-testid=markdown]');
  assert.ok(md.startsWith(`# ${ATTENTION_TITLE}\n`), md.slice(0, 80));
  assert.ok(md.includes('论文地址: https://arxiv.org/abs/1706.03762'), md);
  assert.ok(md.includes(`训练方法: ${TRAINING}`), md);
  await options.screenshot({ path: join(ARTIFACTS, 'firefox-options.png'), fullPage: true });

  // Copy: the clipboard gets exactly the previewed markdown (watched through writeText, as in the Chromium suite).
  await options.evaluate(() => {
    const write = navigator.clipboard.writeText.bind(navigator.clipboard);
    navigator.clipboard.writeText = (text) => {
      window.__copied = text;
      return write(text);
    };
  });
  await click(options, '[data-testid=copy-markdown]');
  await waitForText(options, '[data-testid=status]', 'Copied');
  assert.equal(await options.evaluate(() => window.__copied), md);

  const store = await readStore(options);
  assert.equal(store.cards.length, 1);
  assert.equal(store.cards[0].revision, 2);
  assert.equal(store.cards[0].fields.training.value, TRAINING);
  assert.equal(store.cards[0].fields.training.sources.at(-1).kind, 'user');
  await closeExtPage(env, options);
});

test('nothing reached the network: only the arXiv page was served; the background cannot fetch either', async (env) => {
  assert.deepEqual([...new Set(env.requests.filter((u) => u in ROUTES))], [ATTENTION_URL]);
  const page = await openExtPage(env, 'popup.html');
  const reply = await page.evaluate(() => browser.runtime.sendMessage({ type: 'net.fetch', url: 'https://export.arxiv.org/api/query?id_list=1706.03762' }));
  await closeExtPage(env, page);
  assert.equal(reply.ok, true, JSON.stringify(reply));
  assert.equal(reply.data.ok, false, 'the background fetch was blocked');
  assert.equal(reply.data.status, 0, JSON.stringify(reply.data));
  assert.deepEqual(env.problems, [], 'no errors in the extension pages (while the test watched them)');
});

await runAll({ setup, teardown, suite: 'Firefox ESR end-to-end' });
clearTimeout(watchdog);
