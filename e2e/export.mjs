// End to end in Chromium: a region screenshot into a card, the survey zip exported, unpacked and checked,
// and a backup restored. Runs on the e2e build (wxt build --mode e2e), which adds <all_urls>: a test cannot
// click the toolbar button that grants activeTab, which tabs.captureVisibleTab needs.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { chromium } from 'playwright-core';
import { ARTIFACTS, assert, runAll, SkipSuite, test, waitFor } from './harness.mjs';
import { own } from './pages.mjs';

const EXT = resolve(import.meta.dirname, '../.output/chrome-mv3-e2e');
const CHROMIUM = ['/usr/bin/chromium', '/usr/lib/chromium/chromium'].find(existsSync);
const PAGE = 'https://arxiv.org/abs/2401.00001v2';
// A page whose top-left corner is a solid colour, so the cropped screenshot can be checked pixel by pixel.
const HTML = own('arxiv/abs-2401.00001v2.html').replace('<body>', '<body style="margin:0"><div style="position:fixed;left:0;top:0;width:300px;height:200px;background:rgb(255,0,0);z-index:9"></div>');

async function setup() {
  if (!CHROMIUM) throw new SkipSuite('no Chromium found (apt-get install chromium)');
  if (!existsSync(join(EXT, 'manifest.json'))) throw new Error(`no e2e build at ${EXT}; run: npx wxt build --mode e2e`);
  const profile = mkdtempSync(join(tmpdir(), 'lsc-export-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1200, height: 800 },
    acceptDownloads: true,
    args: [`--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`, '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--force-device-scale-factor=1'],
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (/^(chrome-extension|data|blob):/.test(url)) return route.continue();
    if (url === PAGE) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: HTML });
    return route.abort();
  });
  let [sw] = context.serviceWorkers();
  if (!sw) sw = await context.waitForEvent('serviceworker');
  return {
    context,
    sw,
    profile,
    extId: new URL(sw.url()).host,
    async onFailure(name) {
      for (const [i, p] of context.pages().entries()) await p.screenshot({ path: join(ARTIFACTS, `export-failed-${name.replace(/\W+/g, '-')}-${i}.png`) }).catch(() => {});
    },
  };
}

async function teardown(env) {
  await env.context.close();
  rmSync(env.profile, { recursive: true, force: true });
}

const cards = (env) =>
  env.sw.evaluate(
    () =>
      new Promise((res) => {
        const r = indexedDB.open('llm-survey-cards');
        r.onsuccess = () => {
          const q = r.result.transaction('cards').objectStore('cards').getAll();
          q.onsuccess = () => {
            res(q.result);
            r.result.close();
          };
        };
      }),
  );

function pngSize(bytes) {
  assert.equal(Buffer.from(bytes.subarray(0, 8)).toString('hex'), '89504e470d0a1a0a', 'a PNG');
  const b = Buffer.from(bytes);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

test('screenshot a region of the page into a card from the popup', async (env) => {
  const page = await env.context.newPage();
  await page.goto(PAGE);
  const tabId = await env.sw.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0].id, PAGE);
  const popup = await env.context.newPage();
  await popup.goto(`chrome-extension://${env.extId}/popup.html?tabId=${tabId}`);
  await popup.getByTestId('capture').click();
  await popup.getByTestId('save').click();
  await popup.getByTestId('saved').waitFor();
  await popup.getByTestId('shot-caption').fill('Chat demo');
  await popup.getByTestId('shot-start').click();
  // The picker overlay is in the page; drag a 120×80 rectangle inside the red square.
  await page.bringToFront();
  await waitFor(() => page.evaluate(() => !!document.querySelector('[data-llm-survey-cards="region-picker"]')), { what: 'the region picker' });
  await page.mouse.move(20, 30);
  await page.mouse.down();
  await page.mouse.move(80, 70, { steps: 4 });
  await page.mouse.move(140, 110, { steps: 4 });
  await page.mouse.up();
  await popup.getByTestId('shot-status').filter({ hasText: 'Screenshot added to the card.' }).waitFor();
  assert.equal(await page.evaluate(() => document.querySelectorAll('[data-llm-survey-cards]').length), 0, 'the overlay is gone');
  const [card] = await cards(env);
  assert.equal(card.images.length, 1);
  assert.equal(card.images[0].caption, 'Chat demo');
  await page.close();
  await popup.close();
});

test('export the survey zip, unpack it, and find the markdown and the image it links', async (env) => {
  const options = await env.context.newPage();
  await options.goto(`chrome-extension://${env.extId}/options.html#export`);
  const [download] = await Promise.all([options.waitForEvent('download'), options.getByTestId('export-zip').click()]);
  const path = join(env.profile, 'survey.zip');
  await download.saveAs(path);
  await options.getByTestId('export-status').filter({ hasText: 'Downloaded the zip: 1 cards, 1 images.' }).waitFor();
  await options.screenshot({ path: join(ARTIFACTS, 'export-panel.png'), fullPage: true });
  const files = unzipSync(new Uint8Array(readFileSync(path)));
  const names = Object.keys(files);
  assert.ok(names.includes('survey.md'), names.join(' '));
  const md = strFromU8(files['survey.md']);
  assert.match(md, /论文地址: https:\/\/arxiv\.org\/abs\/2401\.00001/);
  const link = /!\[Chat demo\]\((image\/[^)]+\.png)\)/.exec(md);
  assert.ok(link, md);
  assert.ok(files[link[1]], `the zip holds ${link[1]}`);
  const size = pngSize(files[link[1]]);
  assert.deepEqual(size, { width: 120, height: 80 });
  // The picked region was inside the red square: the image is red, not the page behind the overlay.
  const ok = await options.evaluate(async (b64) => {
    const bmp = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
    const c = new OffscreenCanvas(bmp.width, bmp.height).getContext('2d');
    c.drawImage(bmp, 0, 0);
    const [r, g, b] = c.getImageData(60, 40, 1, 1).data;
    return [r, g, b];
  }, Buffer.from(files[link[1]]).toString('base64'));
  assert.deepEqual(ok, [255, 0, 0]);
  await options.close();
});

test('back up, restore the same backup (nothing to do), and refuse a file that is not a backup', async (env) => {
  const options = await env.context.newPage();
  await options.goto(`chrome-extension://${env.extId}/options.html#export`);
  const [download] = await Promise.all([options.waitForEvent('download'), options.getByTestId('backup').click()]);
  const path = join(env.profile, 'backup.zip');
  await download.saveAs(path);
  await options.getByTestId('restore-input').setInputFiles(path);
  await options.getByTestId('restore-plan').waitFor();
  const planText = await options.getByTestId('restore-plan').textContent();
  assert.match(planText, /Cards0001/, planText);
  await options.getByTestId('restore-keep-local').click();
  await options.getByTestId('export-status').filter({ hasText: 'Nothing to restore' }).waitFor();
  const before = await cards(env);
  await options.getByTestId('restore-input').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') });
  const msg = await waitFor(async () => {
    const text = await options.getByTestId('export-status').textContent();
    return text.includes('Nothing to restore') ? '' : text;
  }, { what: 'the refusal' });
  console.log(`    refusal: ${msg}`);
  assert.match(msg, /not a backup|backup of LLM Survey Cards|format/i, msg);
  assert.equal(await options.getByTestId('restore-plan').count(), 0, 'no plan for a refused file');
  assert.deepEqual(await cards(env), before);
  await options.close();
});

await runAll({ setup, teardown, suite: 'Chromium export end-to-end' });
