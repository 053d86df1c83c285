// `npm run bench -- library`: the options page on a library of 10,000 cards with 20 results each, in
// Chromium with the built extension: first render of the list, a search per keystroke, opening a card.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };

const ROOT = resolve(import.meta.dirname, '..');
const EXT = resolve(ROOT, '.output/chrome-mv3');
const CARDS = Number(process.env.BENCH_CARDS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const show = (xs: number[]) => `median ${median(xs).toFixed(1)} ms (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)}, n=${xs.length})`;

async function launch(profile: string): Promise<{ context: BrowserContext; extId: string }> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [`--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`, '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // tsx names functions with an __name helper; give the pages one so evaluate() callbacks run there.
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await context.route('**/*', (r) => (/^(chrome-extension|data):/.test(r.request().url()) ? r.continue() : r.abort()));
  let [sw] = context.serviceWorkers();
  if (!sw) sw = await context.waitForEvent('serviceworker');
  return { context, extId: new URL(sw.url()).host };
}

/** Writes the synthetic library straight into the store from an extension page (same origin as the background). */
async function seed(context: BrowserContext, extId: string) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extId}/options.html`);
  await page.evaluate(() => chrome.runtime.sendMessage({ type: 'cards.recent', limit: 1 })); // the background opens the store
  const t0 = Date.now();
  await page.evaluate(async (n) => {
    const orgs = ['Qwen', 'meta-llama', 'deepseek-ai', 'THUDM', '01-ai', 'mistralai', 'google', 'microsoft', 'internlm', 'baichuan-inc'];
    const benches = ['mmlu', 'gsm8k', 'math', 'humaneval', 'mbpp', 'c-eval', 'cmmlu', 'arc-challenge', 'hellaswag', 'winogrande', 'truthfulqa', 'bbh', 'gpqa', 'ifeval', 'mt-bench', 'agieval', 'triviaqa', 'drop', 'race', 'piqa'];
    const words = 'transformer attention decoder mixture experts rotary grouped query pretraining tokens instruction tuning preference optimisation reward model alignment long context multilingual code math reasoning'.split(' ');
    const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
    const db: IDBDatabase = await new Promise((res, rej) => {
      const r = indexedDB.open('llm-survey-cards');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const tx = db.transaction('cards', 'readwrite');
    const store = tx.objectStore('cards');
    for (let i = 0; i < n; i++) {
      const org = orgs[i % orgs.length];
      const name = `model-${i}-${[7, 14, 32, 70][i % 4]}b`;
      const src = { kind: 'capture', id: `cap-${i}`, url: `https://huggingface.co/${org}/${name}`, at: at(i) };
      const text = Array.from({ length: 120 }, (_, k) => words[(i * 7 + k * 13) % words.length]).join(' ');
      const f = (value: string) => ({ value, sources: value ? [src] : [], alternatives: [] });
      store.put({
        id: `card-${i}`,
        title: name,
        fields: { model: f(`${org}/${name}`), paperTitle: f(`Paper about ${name}`), summary: f(text), architecture: f(''), training: f(''), evaluation: f(''), showcase: f('') },
        links: { paper: [], code: [], model: [{ url: src.url, label: '', sources: [src] }], dataset: [], other: [] },
        datasets: [],
        facts: { org, license: 'apache-2.0', parameters: [7, 14, 32, 70][i % 4] * 1e9, architectures: ['LlamaForCausalLM'], modelType: 'llama', contextLength: 4096, baseModels: [] },
        benchmarks: benches.map((b, k) => ({ model: name, benchmark: b, benchmarkRaw: b.toUpperCase(), setting: k % 3 ? '5-shot' : '', metric: '', value: ((i * 31 + k * 17) % 900) / 10, annotations: [], source: src })),
        identity: { modelIds: [`${org}/${name}`.toLowerCase()], arxivIds: [] },
        tags: i % 5 ? [] : ['base'],
        notes: '',
        images: [],
        captureIds: [`cap-${i}`],
        createdAt: at(i),
        updatedAt: at(i),
        revision: 1,
      });
    }
    await new Promise((res, rej) => {
      tx.oncomplete = res;
      tx.onerror = () => rej(tx.error);
    });
    db.close();
  }, CARDS);
  console.log(`seeded ${CARDS} cards × 20 results in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  await page.close();
}

/** ms from navigation start until the first row of the list is in the DOM. */
async function firstRender(context: BrowserContext, extId: string): Promise<number> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extId}/options.html`, { waitUntil: 'commit' });
  const ms = await page.waitForFunction(() => (document.querySelector('[data-testid="card-item"]') ? performance.now() : 0), null, { polling: 'raf', timeout: 30_000 });
  const v = (await ms.jsonValue()) as number;
  await page.close();
  return v;
}

async function main() {
  if (!existsSync(join(EXT, 'manifest.json'))) {
    console.log('SKIPPED library bench: no build; run npm run build first.');
    return;
  }
  if (!existsSync('/usr/bin/chromium')) {
    console.log('SKIPPED library bench: no /usr/bin/chromium.');
    return;
  }
  const profile = mkdtempSync(join(tmpdir(), 'lsc-bench-'));
  let { context, extId } = await launch(profile);
  await seed(context, extId);
  await context.close();

  // Cold: a fresh browser, so the background builds its index from the store.
  ({ context, extId } = await launch(profile));
  const cold = await firstRender(context, extId);
  // Warm: the background's search index has been built (any search waits for it).
  const probe = await context.newPage();
  await probe.goto(`chrome-extension://${extId}/options.html`);
  const t0 = Date.now();
  await probe.evaluate(() => chrome.runtime.sendMessage({ type: 'cards.query', query: { text: 'model' } }));
  console.log(`(search index ready ${Date.now() - t0} ms after the first search asked for it)`);
  await probe.close();
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i++) warm.push(await firstRender(context, extId));
  console.log(`\n## Library of ${CARDS} cards × 20 results, Chromium headless\n`);
  console.log(`- first render of the list, cold (fresh browser, index built from the store): ${cold.toFixed(1)} ms`);
  console.log(`- first render of the list, warm: ${show(warm)}`);

  const page = await context.newPage();
  await page.goto(`chrome-extension://${extId}/options.html`);
  await page.getByTestId('card-item').first().waitFor();
  const perKey: number[] = [];
  for (let round = 0; round < 3; round++) {
    await page.getByTestId('search').fill('');
    await page.waitForFunction(() => document.querySelector('[data-testid="count"]')?.getAttribute('data-result-for') === '');
    for (const ch of 'model-12 rotary') {
      const ms = await page.evaluate(
        (c) =>
          new Promise<number>((res) => {
            const input = document.querySelector<HTMLInputElement>('[data-testid="search"]')!;
            const count = document.querySelector('[data-testid="count"]')!;
            const want = input.value + c;
            const t0 = performance.now();
            const obs = new MutationObserver(() => {
              if (count.getAttribute('data-result-for') === want) {
                obs.disconnect();
                requestAnimationFrame(() => res(performance.now() - t0));
              }
            });
            obs.observe(count, { attributes: true });
            // What a keystroke does: the input's value changes and React hears an input event.
            const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
            setter.call(input, want);
            input.dispatchEvent(new Event('input', { bubbles: true }));
          }),
        ch,
      );
      perKey.push(ms);
    }
  }
  console.log(`- search, per keystroke (query "model-12 rotary" typed 3 times, to the list updated and painted): ${show(perKey)}`);
  console.log(`  result count for the full query: ${await page.getByTestId('count').textContent()}`);

  await page.getByTestId('search').fill('');
  const open: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const ms = await page.evaluate(
      (n) =>
        new Promise<number>((res) => {
          const rows = document.querySelectorAll<HTMLButtonElement>('[data-testid="card-item"]');
          const target = rows[n % rows.length];
          const title = target.querySelector('.card-item-title')!.textContent;
          const t0 = performance.now();
          const check = () => {
            const input = document.querySelector<HTMLInputElement>('[data-testid="card-title"]');
            if (input && input.value === title) requestAnimationFrame(() => res(performance.now() - t0));
            else requestAnimationFrame(check);
          };
          target.click();
          check();
        }),
      i + 1,
    );
    open.push(ms);
  }
  console.log(`- opening a card (click to the editor filled and painted): ${show(open)}`);
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

await main();
