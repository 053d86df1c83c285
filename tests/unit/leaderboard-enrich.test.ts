import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import {
  arxivApiUrl,
  choosePrimaryPaper,
  draftCardFields,
  emptyCard,
  familyWords,
  fillEmpty,
  hubApiUrl,
  leaderboardResults,
  papersApiUrl,
  planRequests,
  readHubApi,
  readmeUrl,
  runEnrichment,
  unfinished,
  type EnrichOptions,
  type HttpFetch,
  type ModelProgress,
} from '../../lib/leaderboard/enrich';
import { backoffMs, fetchWithRetry, rateLimitResetSeconds, CancelledError, type HttpEnv } from '../../lib/leaderboard/http';
import { parseRowsPages, rowsPageUrl, type LeaderboardEntry } from '../../lib/leaderboard/rows';
import { loadLeaderboardRows } from '../../lib/leaderboard/load';
import { topN } from '../../lib/leaderboard/select';
import { fixture } from '../helpers';

const win = new JSDOM('', { virtualConsole: new VirtualConsole() }).window;
const parseXml = (t: string) => new win.DOMParser().parseFromString(t, 'application/xml');
const parseHtml = (t: string) => new win.DOMParser().parseFromString(t, 'text/html');

const START = Date.parse('2026-11-28T12:00:00.000Z');
const AT = '2026-11-28T12:00:00.000Z';

type Reply = { status?: number; body?: string; headers?: Record<string, string> } | 'network-error';

/** A network answering from a table (a list per URL is answered in turn, its last reply repeating), a clock only sleep moves. */
function fakeWorld(routes: Record<string, Reply | Reply[]>, hooks: { onFetch?(url: string): void } = {}) {
  const asked: string[] = [];
  const sleeps: number[] = [];
  const served = new Map<string, number>();
  let t = START;
  const fetch: HttpFetch = async (url, init) => {
    asked.push(url);
    hooks.onFetch?.(url);
    if (init?.signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
    const route = routes[url];
    const list = route === undefined ? [{ status: 404, body: 'Entry not found' }] : Array.isArray(route) ? route : [route];
    const n = served.get(url) ?? 0;
    served.set(url, n + 1);
    const r = list[Math.min(n, list.length - 1)];
    if (r === 'network-error') throw new TypeError('Failed to fetch');
    const headers = Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    const status = r.status ?? 200;
    return { status, ok: status >= 200 && status < 300, headers: { get: (k: string) => headers[k.toLowerCase()] ?? null }, text: async () => r.body ?? '' };
  };
  const sleep = async (ms: number) => {
    sleeps.push(ms);
    t += ms;
  };
  return { fetch, sleep, now: () => t, asked, sleeps };
}

const FAM = 'example-org/Fam-7B';
const PICO = 'tiny/Pico-0.5B';
const BROKEN = 'broken/Gone-1B';
const FAM_ARXIV = arxivApiUrl(['2309.00071', '2401.00001']);

const ok = (body: string): Reply => ({ status: 200, body });
const famRoutes = (): Record<string, Reply | Reply[]> => ({
  [hubApiUrl(FAM)]: ok(fixture('leaderboard/hub-api-example-org--Fam-7B.json')),
  [readmeUrl(FAM)]: ok(fixture('leaderboard/README-example-org--Fam-7B.md')),
  [FAM_ARXIV]: ok(fixture('leaderboard/arxiv-2309.00071-2401.00001.atom.xml')),
  [papersApiUrl('2401.00001')]: ok(fixture('leaderboard/papers-2401.00001.json')),
  [hubApiUrl(PICO)]: ok(fixture('leaderboard/hub-api-tiny--Pico-0.5B.json')),
  // Pico has no README (404 by default): a warning, not a failure.
});

function smallLeaderboard(): Map<string, LeaderboardEntry> {
  const p = parseRowsPages([JSON.parse(fixture('leaderboard/rows-v2-page0.json')), JSON.parse(fixture('leaderboard/rows-v2-page1.json'))]);
  return new Map(topN(p.entries, { n: Infinity }).map((e) => [e.fullname, e]));
}

function options(world: ReturnType<typeof fakeWorld>, extra: Partial<EnrichOptions> = {}): EnrichOptions {
  return {
    fetch: world.fetch,
    sleep: world.sleep,
    now: world.now,
    parseXml,
    parseHtml,
    policy: { hostIntervalMs: {} },
    ...extra,
  };
}

describe('request plan', () => {
  it('asks the Hub first, then arXiv for the ids it names, then Papers for the model’s own paper', () => {
    expect(planRequests(FAM).map((r) => [r.kind, r.url, r.required])).toEqual([
      ['hub-api', 'https://huggingface.co/api/models/example-org/Fam-7B', true],
      ['readme', 'https://huggingface.co/example-org/Fam-7B/raw/main/README.md', false],
    ]);
    const full = planRequests(FAM, { arxivIds: ['2309.00071', '2401.00001', '2309.00071'], primaryArxivId: '2401.00001' });
    expect(full.map((r) => [r.kind, r.url, r.label])).toEqual([
      ['hub-api', 'https://huggingface.co/api/models/example-org/Fam-7B', 'Hub model info'],
      ['readme', 'https://huggingface.co/example-org/Fam-7B/raw/main/README.md', 'model card (README)'],
      ['arxiv', 'https://export.arxiv.org/api/query?id_list=2309.00071%2C2401.00001', 'arXiv (2 papers)'],
      ['papers', 'https://huggingface.co/api/papers/2401.00001', 'Hugging Face Papers (2401.00001)'],
    ]);
    expect(planRequests(FAM, { arxivIds: ['1', '2', '3'] }, 2)[2].label).toBe('arXiv (2 papers)');
  });

  it('picks the paper whose title names the family, else the first', () => {
    expect(familyWords('Qwen/Qwen2.5-72B-Instruct')).toEqual({ name: ['qwen'], org: [] });
    expect(familyWords('meta-llama/Meta-Llama-3-70B')).toEqual({ name: ['meta', 'llama'], org: [] });
    expect(familyWords('tiiuae/Falcon3-10B-Base')).toEqual({ name: ['falcon'], org: ['tiiuae'] });
    const papers = [
      { arxivId: '2309.00071', title: 'YaRN: Efficient Context Window Extension of Large Language Models' },
      { arxivId: '2407.10671', title: 'Qwen2 Technical Report' },
    ];
    expect(choosePrimaryPaper('Qwen/Qwen2-72B', ['2309.00071', '2407.10671'], papers)).toBe('2407.10671');
    expect(choosePrimaryPaper('x/Unrelated-7B', ['2309.00071', '2407.10671'], papers)).toBe('2309.00071');
    expect(choosePrimaryPaper('x/Unrelated-7B', [], papers)).toBe('');
  });
});

describe('waiting out rate limits (fetchWithRetry)', () => {
  const URL_ = 'https://huggingface.co/api/models/a/b';
  const env = (world: ReturnType<typeof fakeWorld>, policy: HttpEnv['policy'] = {}) => {
    const waits: unknown[] = [];
    return { waits, env: { fetch: world.fetch, sleep: world.sleep, now: world.now, policy: { hostIntervalMs: {}, ...policy }, onWait: (w) => waits.push(w) } as HttpEnv };
  };

  it('honours Retry-After in seconds and as a date, and the Hub’s RateLimit header', async () => {
    const world = fakeWorld({
      [URL_]: [
        { status: 429, headers: { 'Retry-After': '7' } },
        { status: 429, headers: { 'Retry-After': new Date(START + 7000 + 12_000).toUTCString() } },
        { status: 429, headers: { RateLimit: '"api";r=0;t=55', 'RateLimit-Policy': '"fixed window";"api";q=500;w=300' } },
        ok('{}'),
      ],
    });
    const { env: e, waits } = env(world);
    const out = await fetchWithRetry(URL_, e);
    expect(out).toEqual({ ok: true, url: URL_, status: 200, text: '{}', attempts: 4 });
    expect(world.sleeps).toEqual([7000, 12_000, 55_000]);
    expect(waits).toEqual([
      { url: URL_, ms: 7000, reason: 'retry-after', status: 429, retry: 1 },
      { url: URL_, ms: 12_000, reason: 'retry-after', status: 429, retry: 2 },
      { url: URL_, ms: 55_000, reason: 'ratelimit', status: 429, retry: 3 },
    ]);
  });

  it('backs off exponentially with a cap when the server says nothing, then gives up with the reason', async () => {
    const world = fakeWorld({ [URL_]: { status: 429 } });
    const { env: e } = env(world, { maxRetries: 4, baseDelayMs: 1000, maxDelayMs: 5000 });
    const out = await fetchWithRetry(URL_, e);
    expect(world.sleeps).toEqual([1000, 2000, 4000, 5000]);
    expect(out).toEqual({ ok: false, url: URL_, status: 429, attempts: 5, error: 'still answered HTTP 429 (rate-limited) after 4 retries', transient: true });
    expect([1, 2, 3, 4, 5, 6, 7].map((r) => backoffMs(r, { baseDelayMs: 1000, maxDelayMs: 60_000 }))).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 60_000]);
  });

  it('retries 5xx and network errors, but not a 404', async () => {
    const world = fakeWorld({ [URL_]: ['network-error', { status: 503 }, ok('fine')], 'https://huggingface.co/api/models/no/such': { status: 404 } });
    const { env: e } = env(world);
    expect(await fetchWithRetry(URL_, e)).toMatchObject({ ok: true, attempts: 3 });
    expect(world.sleeps).toEqual([1000, 2000]);
    expect(await fetchWithRetry('https://huggingface.co/api/models/no/such', e)).toEqual({
      ok: false,
      url: 'https://huggingface.co/api/models/no/such',
      status: 404,
      attempts: 1,
      error: 'answered HTTP 404 (not found)',
      transient: false,
    });
    expect(world.sleeps).toEqual([1000, 2000]);
  });

  it('does not wait longer than maxWaitMs: a server asking for an hour fails the request at once', async () => {
    const world = fakeWorld({ [URL_]: { status: 429, headers: { 'Retry-After': '3600' } } });
    const { env: e } = env(world);
    const out = await fetchWithRetry(URL_, e);
    expect(out).toMatchObject({ ok: false, attempts: 1, error: 'answered HTTP 429 (rate-limited) and asked to wait 3600 s, longer than the 300 s this run waits' });
    expect(world.sleeps).toEqual([]);
  });

  it('reads the reset of both RateLimit drafts', () => {
    expect(rateLimitResetSeconds('"api";r=0;t=55')).toBe(55);
    expect(rateLimitResetSeconds('limit=100, remaining=0, reset=30')).toBe(30);
    expect(rateLimitResetSeconds('"api";r=12')).toBeNull();
    expect(rateLimitResetSeconds(null)).toBeNull();
  });

  it('spaces requests to one host (arXiv: 3 s) and stops when cancelled during a wait', async () => {
    const world = fakeWorld({ 'https://export.arxiv.org/api/query?id_list=1': ok('a'), 'https://export.arxiv.org/api/query?id_list=2': { status: 503 } });
    const lastRequestAt = new Map<string, number>();
    const waits: unknown[] = [];
    const ctrl = new AbortController();
    const e: HttpEnv = {
      fetch: world.fetch,
      now: world.now,
      lastRequestAt,
      onWait: (w) => waits.push(w),
      signal: ctrl.signal,
      sleep: async (ms) => {
        await world.sleep(ms);
        if (ms === 1000) ctrl.abort(); // the backoff after the 503
      },
    };
    await fetchWithRetry('https://export.arxiv.org/api/query?id_list=1', e);
    await expect(fetchWithRetry('https://export.arxiv.org/api/query?id_list=2', e)).rejects.toBeInstanceOf(CancelledError);
    expect(waits).toEqual([
      { url: 'https://export.arxiv.org/api/query?id_list=2', ms: 3000, reason: 'politeness', status: 0, retry: 0 },
      { url: 'https://export.arxiv.org/api/query?id_list=2', ms: 1000, reason: 'backoff', status: 503, retry: 1 },
    ]);
    expect(world.asked).toHaveLength(2);
  });
});

describe('runEnrichment', () => {
  it('waits out a 429 and succeeds, fails for good after maxRetries, and reports every model’s progress', async () => {
    const lb = smallLeaderboard();
    const routes = famRoutes();
    routes[hubApiUrl(FAM)] = [{ status: 429, headers: { 'Retry-After': '7' } }, routes[hubApiUrl(FAM)] as Reply];
    routes[hubApiUrl(BROKEN)] = { status: 429, headers: { RateLimit: '"api";r=0;t=30' } };
    const world = fakeWorld(routes);
    const progress: ModelProgress[] = [];
    const run = await runEnrichment([lb.get(FAM)!, BROKEN, lb.get(PICO)!], options(world, { maxRetries: 2, onProgress: (p) => progress.push(p) }));

    expect(run.results.map((r) => [r.fullname, r.state])).toEqual([
      [FAM, 'done'],
      [BROKEN, 'failed'],
      [PICO, 'done'],
    ]);
    expect(run.cancelled).toBe(false);
    // The waits asked of sleep: Fam's Retry-After once, Broken's RateLimit reset twice, then it gives up.
    expect(run.waits.map((w) => [w.url, w.ms, w.reason, w.retry])).toEqual([
      [hubApiUrl(FAM), 7000, 'retry-after', 1],
      [hubApiUrl(BROKEN), 30_000, 'ratelimit', 1],
      [hubApiUrl(BROKEN), 30_000, 'ratelimit', 2],
    ]);
    expect(world.sleeps).toEqual([7000, 30_000, 30_000]);
    expect(run.waitedMs).toBe(67_000);
    expect(run.elapsedMs).toBe(67_000); // the fake network takes no time
    expect(run.results[1].error).toBe(
      'Hub model info: still answered HTTP 429 (rate-limited) after 2 retries (https://huggingface.co/api/models/broken/Gone-1B)',
    );
    expect(run.results[1].requests).toEqual([{ kind: 'hub-api', url: hubApiUrl(BROKEN), ok: false, status: 429, attempts: 3, error: 'still answered HTTP 429 (rate-limited) after 2 retries' }]);
    expect(unfinished(run)).toEqual([BROKEN]);

    // Fam: every source answered.
    const fam = run.results[0];
    expect(fam.requests.map((r) => [r.kind, r.status, r.attempts])).toEqual([
      ['hub-api', 200, 2],
      ['readme', 200, 1],
      ['arxiv', 200, 1],
      ['papers', 200, 1],
    ]);
    expect(fam.hub).toMatchObject({ id: FAM, license: 'apache-2.0', parameters: 7241732096, architectures: ['LlamaForCausalLM'], datasets: ['example-org/fam-pretrain-mix'] });
    expect(fam.arxivIds).toEqual(['2309.00071', '2401.00001']);
    expect(fam.primaryArxivId).toBe('2401.00001');
    expect(fam.papers.map((p) => [p.arxivId, p.version, p.title])).toEqual([
      ['2309.00071', 'v2', 'YaRN: Efficient Context Window Extension of Large Language Models'],
      ['2401.00001', 'v1', 'Fam: A Family of Open Base Models'],
    ]);
    expect(fam.papersPage).toMatchObject({ githubRepo: 'https://github.com/example-org/Fam', projectPage: 'https://fam.example.org/' });
    // The card's own repository, not the serving library it mentions.
    expect(fam.readme?.codeLinks.map((l) => l.url)).toEqual(['https://github.com/example-org/Fam']);
    expect(fam.readme?.benchmarks.map((b) => [b.model, b.benchmark, b.setting, b.value])).toEqual([
      ['Fam-7B', 'mmlu', '5-shot', 64.1],
      ['Fam-7B', 'gsm8k', '4-shot', 52.3],
      ['Llama-2-7B', 'mmlu', '5-shot', 45.3],
      ['Llama-2-7B', 'gsm8k', '4-shot', 14.6],
    ]);
    expect(fam.warnings).toEqual([]);

    // Pico: no papers, no README: done with a warning, no arXiv or Papers request.
    expect(run.results[2].warnings).toEqual(['model card (README): answered HTTP 404 (not found) (https://huggingface.co/tiny/Pico-0.5B/raw/main/README.md)']);
    expect(world.asked.filter((u) => u.includes('Pico'))).toEqual([hubApiUrl(PICO), readmeUrl(PICO)]);

    // Progress: all queued first, then per model running → (waiting → running) → done/failed.
    expect(progress.slice(0, 3).map((p) => [p.index, p.state])).toEqual([
      [0, 'queued'],
      [1, 'queued'],
      [2, 'queued'],
    ]);
    const states = (i: number) => progress.filter((p) => p.index === i).map((p) => p.state);
    expect(states(0)).toEqual(['queued', 'running', 'running', 'waiting', 'running', 'running', 'running', 'running', 'done']);
    expect(progress.filter((p) => p.index === 0 && p.state === 'waiting').map((p) => p.message)).toEqual(['Hub model info: rate-limited, waiting 7 s']);
    expect(states(1)).toEqual(['queued', 'running', 'running', 'waiting', 'running', 'waiting', 'running', 'failed']);
    expect(progress.at(-1)).toMatchObject({ index: 2, state: 'done', finished: 3, total: 3 });
  });

  it('cancelled mid-run keeps what was read: done models whole, the running one partial, the rest not started', async () => {
    const lb = smallLeaderboard();
    const ctrl = new AbortController();
    const world = fakeWorld(famRoutes(), {
      // The user presses Cancel while Pico's README is being fetched.
      onFetch: (url) => url === readmeUrl(PICO) && ctrl.abort(),
    });
    const run = await runEnrichment([FAM, PICO, 'third/Model-3B'], options(world, { signal: ctrl.signal }));
    expect(run.cancelled).toBe(true);
    expect(run.results.map((r) => r.state)).toEqual(['done', 'cancelled', 'cancelled']);
    expect(run.results[0].papersPage?.githubRepo).toBe('https://github.com/example-org/Fam');
    expect(run.results[1].hub?.id).toBe(PICO); // partial result kept
    expect(run.results[1].readme).toBeNull();
    expect(run.results[2].requests).toEqual([]);
    expect(world.asked.some((u) => u.includes('third'))).toBe(false);
    expect(unfinished(run)).toEqual([PICO, 'third/Model-3B']);
    // The partial facts of the interrupted model still fill its card.
    const { card } = fillEmpty(emptyCard('c', AT), draftCardFields(lb.get(PICO)!, run.results[1]));
    expect(card.facts.parameters).toBe(494032768);
    expect(card.facts.parameters).not.toBe(494_000_000); // the Hub's count, not the leaderboard's rounded one
  });

  it('cancelled before it starts: nothing is fetched, every model is cancelled', async () => {
    const ctrl = new AbortController();
    ctrl.abort();
    const world = fakeWorld(famRoutes());
    const run = await runEnrichment([FAM, PICO], options(world, { signal: ctrl.signal }));
    expect(run.results.map((r) => r.state)).toEqual(['cancelled', 'cancelled']);
    expect(world.asked).toEqual([]);
  });

  it('a missing paper on Papers is a warning; a model not on the Hub fails; an id that is not a hub id fails without a request', async () => {
    const routes = famRoutes();
    delete routes[papersApiUrl('2401.00001')];
    routes['https://huggingface.co/api/models/gone/Model'] = { status: 404, body: '{"error":"Repository not found"}' };
    const world = fakeWorld(routes);
    const run = await runEnrichment([FAM, 'gone/Model', 'llama 65b?'], options(world));
    expect(run.results.map((r) => r.state)).toEqual(['done', 'failed', 'failed']);
    expect(run.results[0].warnings).toEqual(['Hugging Face Papers (2401.00001): answered HTTP 404 (not found) (https://huggingface.co/api/papers/2401.00001)']);
    expect(run.results[1].error).toBe('Hub model info: answered HTTP 404 (not found) (https://huggingface.co/api/models/gone/Model)');
    expect(run.results[2].error).toBe('"llama 65b?" is not a Hugging Face model id, so there is nothing to look up.');
    expect(world.asked.filter((u) => u.includes('gone'))).toEqual(['https://huggingface.co/api/models/gone/Model']);
  });

  it('a transient failure of an optional request fails the model but keeps what came before', async () => {
    const routes = famRoutes();
    routes[FAM_ARXIV] = { status: 503 };
    const world = fakeWorld(routes);
    const run = await runEnrichment([FAM], options(world, { maxRetries: 1 }));
    const r = run.results[0];
    expect(r.state).toBe('failed');
    expect(r.error).toBe(`arXiv (2 papers): still answered HTTP 503 after 1 retry (${FAM_ARXIV})`);
    expect(r.hub?.id).toBe(FAM);
    expect(r.readme?.codeLinks).toHaveLength(1);
    expect(world.asked).not.toContain(papersApiUrl('2401.00001'));
  });

  it('spaces arXiv requests across models by 3 s by default', async () => {
    const routes = famRoutes();
    const other = 'example-org/Fam-72B';
    routes[hubApiUrl(other)] = ok(fixture('leaderboard/hub-api-example-org--Fam-7B.json').replace('"example-org/Fam-7B"', `"${other}"`));
    const world = fakeWorld(routes);
    const run = await runEnrichment([FAM, other], { ...options(world), policy: undefined });
    expect(run.waits.map((w) => [w.reason, w.ms, w.url])).toEqual([['politeness', 3000, FAM_ARXIV]]);
  });
});

describe('loading a leaderboard through the dataset viewer', () => {
  const V2 = { dataset: 'open-llm-leaderboard/contents', config: 'default', split: 'train' };
  const page = (offset: number, length: number) => rowsPageUrl(V2.dataset, V2.config, V2.split, offset, length);

  it('reads the first page, plans the rest from num_rows_total, and waits out a 429 on the way', async () => {
    const world = fakeWorld({
      [page(0, 3)]: ok(fixture('leaderboard/rows-v2-page0.json')),
      [page(3, 2)]: [{ status: 429, headers: { 'Retry-After': '2' } }, ok(fixture('leaderboard/rows-v2-page1.json'))],
    });
    const progress: [number, number][] = [];
    const p = await loadLeaderboardRows(V2, { fetch: world.fetch, sleep: world.sleep, now: world.now }, { pageSize: 3, onPage: (r, t) => progress.push([r, t]) });
    expect(world.asked).toEqual([page(0, 3), page(3, 2), page(3, 2)]);
    expect(world.sleeps).toEqual([2000]);
    expect(progress).toEqual([
      [3, 5],
      [5, 5],
    ]);
    expect(p.entries).toHaveLength(5);
    expect(p.notes).toEqual([]);
    expect(p.source.url).toBe('https://huggingface.co/datasets/open-llm-leaderboard/contents');
  });

  it('stops at a row limit, and names the page that could not be had', async () => {
    const world = fakeWorld({ [page(0, 3)]: ok(fixture('leaderboard/rows-v2-page0.json')), [page(3, 2)]: { status: 500 } });
    const env = { fetch: world.fetch, sleep: world.sleep, now: world.now, policy: { maxRetries: 1 } };
    const limited = await loadLeaderboardRows(V2, env, { pageSize: 3, limit: 3 });
    expect(limited.notes).toEqual(['Only 3 of 5 rows were read; the ranking covers those rows only.']);
    await expect(loadLeaderboardRows(V2, env, { pageSize: 3 })).rejects.toThrow(`The dataset viewer still answered HTTP 500 after 1 retry (${page(3, 2)}).`);
  });
});

describe('draft card fields', () => {
  async function famRun() {
    const world = fakeWorld(famRoutes());
    return runEnrichment([FAM], options(world));
  }

  it('offers each value with its source, best source first', async () => {
    const entry = smallLeaderboard().get(FAM)!;
    const run = await famRun();
    const values = draftCardFields(entry, run.results[0]);
    const show = (target: string) => values.filter((v) => v.target === target).map((v) => [JSON.stringify(v.value), v.source.name]);
    expect(show('title')).toEqual([['"Fam-7B"', 'Open LLM Leaderboard v2']]);
    expect(show('fields.model')).toEqual([['"example-org/Fam-7B"', 'Open LLM Leaderboard v2']]);
    expect(show('fields.paperTitle')).toEqual([
      ['"Fam: A Family of Open Base Models"', 'arXiv API'],
      ['"Fam: A Family of Open Base Models"', 'Hugging Face Papers'],
    ]);
    expect(show('facts.parameters')).toEqual([
      ['7241732096', 'Hugging Face Hub API'],
      ['7240000000', 'Open LLM Leaderboard v2'],
    ]);
    expect(show('links.code')).toEqual([
      ['{"url":"https://github.com/example-org/Fam","label":"code"}', 'Hugging Face Papers'],
      ['{"url":"https://github.com/example-org/Fam","label":""}', 'model card (README)'],
    ]);
    expect(show('links.other').map(([v]) => JSON.parse(v).url)).toEqual([
      'https://fam.example.org/',
      'https://huggingface.co/datasets/open-llm-leaderboard/example-org__Fam-7B-details',
    ]);
    expect(values.filter((v) => v.target === 'links.paper').map((v) => [(v.value as { url: string }).url, v.source.url])).toEqual([
      ['https://arxiv.org/abs/2401.00001', 'https://arxiv.org/abs/2401.00001'],
      ['https://arxiv.org/abs/2309.00071', 'https://arxiv.org/abs/2309.00071'],
    ]);
    const fromLb = values.filter((v) => v.target === 'benchmarks' && v.source.name === 'Open LLM Leaderboard v2');
    expect(fromLb.map((v) => v.value)).toEqual(leaderboardResults(entry, run.results[0].finishedAt!));
    expect(values.find((v) => v.target === 'fields.summary')?.source.ref).toEqual({
      kind: 'import',
      id: 'arxiv-api',
      url: 'https://arxiv.org/abs/2401.00001',
      at: run.results[0].papers[1].fetchedAt,
    });
  });

  it('gives the leaderboard scores as the card’s own results, with the leaderboard, its version and URL as source', () => {
    const entry = smallLeaderboard().get(FAM)!;
    const results = leaderboardResults(entry, AT);
    expect(results).toHaveLength(6);
    expect(results[0]).toEqual({
      model: FAM,
      benchmark: 'ifeval',
      benchmarkRaw: 'IFEval',
      setting: '0-shot',
      metric: 'strict acc (prompt + instruction), normalised',
      value: 30,
      annotations: [],
      sourceUrl: 'https://huggingface.co/datasets/open-llm-leaderboard/contents',
      table: 'Open LLM Leaderboard v2',
      own: true,
      source: { kind: 'import', id: 'leaderboard:v2', url: 'https://huggingface.co/datasets/open-llm-leaderboard/contents', at: AT },
    });
  });

  it('fills only empty fields, never overwriting, and a second fill adds nothing', async () => {
    const entry = smallLeaderboard().get(FAM)!;
    const run = await famRun();
    const values = draftCardFields(entry, run.results[0]);

    const fresh = fillEmpty(emptyCard('card-1', AT), values);
    const c = fresh.card;
    expect(c.title).toBe('Fam-7B');
    expect(c.fields.model.value).toBe(FAM);
    expect(c.fields.paperTitle).toMatchObject({ value: 'Fam: A Family of Open Base Models', sources: [{ kind: 'import', id: 'arxiv-api' }] });
    expect(c.fields.summary.value).toMatch(/^We release Fam, a family of open base models/);
    expect(c.facts).toEqual({
      org: 'example-org',
      license: 'apache-2.0',
      parameters: 7241732096,
      architectures: ['LlamaForCausalLM'],
      modelType: 'llama',
      contextLength: null,
      baseModels: [],
    });
    expect(c.links.code.map((l) => l.url)).toEqual(['https://github.com/example-org/Fam']);
    expect(c.links.model.map((l) => l.url)).toEqual(['https://huggingface.co/example-org/Fam-7B']);
    expect(c.datasets).toEqual([{ name: 'example-org/fam-pretrain-mix', url: 'https://huggingface.co/datasets/example-org/fam-pretrain-mix', sources: [expect.objectContaining({ id: 'hf-api' })] }]);
    expect(c.benchmarks.map((b) => [b.model, b.benchmark, b.value, b.table])).toEqual([
      [FAM, 'ifeval', 30, 'Open LLM Leaderboard v2'],
      [FAM, 'bbh', 25, 'Open LLM Leaderboard v2'],
      [FAM, 'math-lvl5', 5, 'Open LLM Leaderboard v2'],
      [FAM, 'gpqa', 6, 'Open LLM Leaderboard v2'],
      [FAM, 'musr', 10, 'Open LLM Leaderboard v2'],
      [FAM, 'mmlu-pro', 47, 'Open LLM Leaderboard v2'],
      ['Fam-7B', 'mmlu', 64.1, 'Evaluation'],
      ['Fam-7B', 'gsm8k', 52.3, 'Evaluation'],
      ['Llama-2-7B', 'mmlu', 45.3, 'Evaluation'],
      ['Llama-2-7B', 'gsm8k', 14.6, 'Evaluation'],
    ]);
    expect(c.identity).toEqual({ modelIds: ['example-org/fam-7b'], arxivIds: ['2309.00071', '2401.00001'] });
    expect(fresh.skipped.map((s) => [s.value.target, s.value.source.name, s.reason])).toEqual(
      expect.arrayContaining([
        ['fields.paperTitle', 'Hugging Face Papers', 'the field already says this'],
        ['facts.parameters', 'Open LLM Leaderboard v2', 'the fact is known'],
        ['links.code', 'model card (README)', 'the card has this link'],
      ]),
    );

    // A card the user already wrote in: their words stay.
    const mine = emptyCard('card-2', AT);
    mine.title = 'Fam 7B (base)';
    mine.fields.summary = { value: 'My own summary.', sources: [{ kind: 'user', at: AT }], alternatives: [] };
    mine.facts.license = 'custom';
    const kept = fillEmpty(mine, values);
    expect(kept.card.title).toBe('Fam 7B (base)');
    expect(kept.card.fields.summary.value).toBe('My own summary.');
    expect(kept.card.facts.license).toBe('custom');
    expect(kept.card.fields.paperTitle.value).toBe('Fam: A Family of Open Base Models');
    expect(mine.fields.paperTitle.value).toBe(''); // the input card is not changed

    const again = fillEmpty(fresh.card, values);
    expect(again.filled).toEqual([]);
    expect(again.card).toEqual(fresh.card);
  });

  it('a draft straight from the leaderboard (before enrichment) has the model and its scores', () => {
    const entry = smallLeaderboard().get(PICO)!;
    expect(() => draftCardFields(entry, null)).toThrow(/needs opts\.at/);
    const { card } = fillEmpty(emptyCard('c', AT), draftCardFields(entry, null, { at: AT }));
    expect(card.title).toBe('Pico-0.5B');
    expect(card.links.model.map((l) => [l.url, l.sources[0].id])).toEqual([['https://huggingface.co/tiny/Pico-0.5B', 'leaderboard:v2']]);
    expect(card.facts).toMatchObject({ org: 'tiny', license: 'apache-2.0', parameters: 494_000_000, architectures: ['Qwen2ForCausalLM'], baseModels: ['Qwen/Qwen2-0.5B'] });
    expect(card.benchmarks).toHaveLength(6);
    expect(card.fields.paperTitle.value).toBe('');
  });

  it('uses the Papers API’s title and abstract when arXiv gave none', async () => {
    const routes = famRoutes();
    // One paper only (no YaRN tag, no YaRN line in the card), and arXiv has no entry for it.
    routes[hubApiUrl(FAM)] = ok(fixture('leaderboard/hub-api-example-org--Fam-7B.json').replace('"arxiv:2309.00071", ', ''));
    routes[readmeUrl(FAM)] = ok(fixture('leaderboard/README-example-org--Fam-7B.md').replace(/^Context is extended.*$/m, ''));
    routes[arxivApiUrl(['2401.00001'])] = ok('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>');
    const run = await runEnrichment([FAM], options(fakeWorld(routes)));
    const r = run.results[0];
    expect(r.warnings).toEqual(['arXiv has no entry for 2401.00001.']);
    expect(r.primaryArxivId).toBe('2401.00001');
    const { card } = fillEmpty(emptyCard('c', AT), draftCardFields(smallLeaderboard().get(FAM)!, r));
    expect(card.fields.paperTitle).toMatchObject({ value: 'Fam: A Family of Open Base Models', sources: [{ id: 'hf-papers', url: 'https://huggingface.co/papers/2401.00001' }] });
    expect(card.fields.summary.sources[0].id).toBe('hf-papers');
  });
});

const SHARED = resolve(process.cwd(), '../shared/fixtures');
const sharedPresent = existsSync(resolve(SHARED, 'hf-api/models-HuggingFaceH4--zephyr-7b-beta.json'));
if (!sharedPresent) console.log(`SKIPPED real Hub answers for the enrichment: ${SHARED} is absent.`);

describe.skipIf(!sharedPresent)('enrichment on real Hub answers (shared fixtures)', () => {
  it('reads zephyr-7b-beta’s model info and README', async () => {
    const id = 'HuggingFaceH4/zephyr-7b-beta';
    const api = readFileSync(resolve(SHARED, 'hf-api/models-HuggingFaceH4--zephyr-7b-beta.json'), 'utf8');
    const readme = readFileSync(resolve(SHARED, 'model-cards/hf-HuggingFaceH4--zephyr-7b-beta-README.md'), 'utf8');
    const hub = readHubApi(JSON.parse(api), id, AT);
    expect(hub).toMatchObject({
      id,
      license: 'mit',
      parameters: 7241732096,
      architectures: ['MistralForCausalLM'],
      baseModels: ['mistralai/Mistral-7B-v0.1'],
      datasets: ['HuggingFaceH4/ultrachat_200k', 'HuggingFaceH4/ultrafeedback_binarized'],
      arxivIds: ['2305.18290', '2310.16944', '2305.14233', '2310.01377'],
    });
    expect(hub.benchmarks.length).toBeGreaterThan(0);

    const world = fakeWorld({ [hubApiUrl(id)]: ok(api), [readmeUrl(id)]: ok(readme) });
    const run = await runEnrichment([id], options(world));
    const r = run.results[0];
    // No arXiv or Papers answers recorded for it: those requests fail with 404 here, which are warnings.
    expect(r.state).toBe('done');
    expect(r.readme!.benchmarks.length).toBeGreaterThan(0);
    expect(r.arxivIds.slice(0, 4)).toEqual(['2305.18290', '2310.16944', '2305.14233', '2310.01377']);
    const { card } = fillEmpty(emptyCard('z', AT), draftCardFields({ ...smallLeaderboard().get(FAM)!, fullname: id }, r));
    expect(card.facts.license).toBe('mit');
    expect(card.links.paper.map((l) => l.url)).toContain('https://arxiv.org/abs/2310.16944');
  });
});
