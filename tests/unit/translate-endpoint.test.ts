import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TranslateError } from '../../lib/translate/errors';
import {
  checkEndpointUrl,
  EndpointSettings,
  parseRetryAfter,
  scrubSecret,
  systemPrompt,
  translateViaEndpoint,
} from '../../lib/translate/openai';
// The same server the browser end-to-end tests use.
import { startTranslateServer } from '../../e2e/translate-server.mjs';

type Server = Awaited<ReturnType<typeof startTranslateServer>>;
const KEY = 'test-key';

/** Runs a call that must fail; returns the TranslateError, and checks no key leaked into it. */
async function failure(p: Promise<unknown>, ...secrets: string[]): Promise<TranslateError> {
  const e = await p.then(
    () => { throw new Error('expected a failure'); },
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(TranslateError);
  const err = e as TranslateError;
  for (const s of [KEY, ...secrets]) {
    expect(err.message).not.toContain(s);
    expect(JSON.stringify(err.info)).not.toContain(s);
    expect(String(err.stack)).not.toContain(s);
  }
  return err;
}

describe('endpoint client against the local OpenAI-compatible server', () => {
  let srv: Server;
  beforeAll(async () => {
    srv = await startTranslateServer();
  });
  afterAll(() => srv.close());
  const cfg = (over: Record<string, string> = {}) => ({ endpoint: srv.url, apiKey: KEY, model: 'test-model', ...over });

  it('translates, sending the bearer key, the model, a system prompt and the text', async () => {
    const before = srv.requests.length;
    const out = await translateViaEndpoint('Grouped-query attention cuts the KV cache.', 'zh', cfg(), { fetch });
    expect(out).toBe('[zh] Grouped-query attention cuts the KV cache.');
    const req = srv.requests[before];
    expect(req).toMatchObject({ path: '/v1/chat/completions', authorized: true, model: 'test-model', target: 'zh', temperature: 0 });
    expect(await translateViaEndpoint('注意力', 'en', cfg(), { fetch })).toBe('[en] 注意力');
  });

  it('accepts the endpoint with a trailing slash or the full /chat/completions URL', async () => {
    expect(await translateViaEndpoint('a', 'zh', cfg({ endpoint: `${srv.url}/` }), { fetch })).toBe('[zh] a');
    expect(await translateViaEndpoint('b', 'zh', cfg({ endpoint: `${srv.url}/chat/completions` }), { fetch })).toBe('[zh] b');
  });

  it('a wrong key gives the key-rejected message, without the key', async () => {
    const wrong = 'sk-wrong-secret-0123456789';
    const e = await failure(translateViaEndpoint('x', 'zh', cfg({ apiKey: wrong }), { fetch }), wrong);
    expect(e.code).toBe('key-rejected');
    expect(e.info.status).toBe(401);
    expect(e.message).toBe(`127.0.0.1:${srv.port} rejected the API key (HTTP 401): check the key in the translation settings`);
  });

  it('a wrong model or path gives the 404 message naming the model', async () => {
    const e = await failure(translateViaEndpoint('x', 'zh', cfg({ model: 'gpt-nope' }), { fetch }));
    expect(e.code).toBe('not-found');
    expect(e.message).toMatch(/answered 404: the endpoint URL or the model name "gpt-nope" is wrong: The model `gpt-nope` does not exist/);
    const p = await failure(translateViaEndpoint('x', 'zh', cfg({ endpoint: `${srv.origin}/api` }), { fetch }));
    expect(p.code).toBe('not-found');
  });

  it('malformed JSON, JSON that is not a completion, and a web page each say so', async () => {
    const bad = await failure(translateViaEndpoint('x', 'zh', cfg({ model: 'malformed-json' }), { fetch }));
    expect(bad.code).toBe('malformed');
    expect(bad.message).toMatch(/is not JSON, so not an OpenAI-style chat completion/);
    const other = await failure(translateViaEndpoint('x', 'zh', cfg({ model: 'not-completion' }), { fetch }));
    expect(other.code).toBe('malformed');
    expect(other.message).toMatch(/is JSON but not an OpenAI-style chat completion/);
    const html = await failure(translateViaEndpoint('x', 'zh', cfg({ model: 'html' }), { fetch }));
    expect(html.code).toBe('malformed');
    expect(html.message).toMatch(/answered with a web page.*API base URL/);
  });

  it('an empty answer and a cut-off answer have their own messages', async () => {
    expect((await failure(translateViaEndpoint('x', 'zh', cfg({ model: 'empty' }), { fetch }))).code).toBe('empty-answer');
    const cut = await failure(translateViaEndpoint('some text', 'zh', cfg({ model: 'truncated' }), { fetch }));
    expect(cut.code).toBe('truncated');
  });

  it('scrubs the key from a server message that echoes it', async () => {
    const key = 'sk-proj-abcdefghijklmnop1234';
    // Accepted by a server whose key is this one, which then echoes the header back in a 400.
    const echo = await startTranslateServer({ key });
    try {
      const e = await failure(
        translateViaEndpoint('x', 'zh', { endpoint: echo.url, apiKey: key, model: 'echo-key' }, { fetch }),
        key,
        'abcdefghijklmnop',
      );
      expect(e.code).toBe('bad-request');
      expect(e.message).toMatch(/refused the request \(HTTP 400\): Bad request from Bearer \*\*\*/);
    } finally {
      await echo.close();
    }
  });

  it('retries once without temperature for models that refuse it', async () => {
    const before = srv.requests.length;
    expect(await translateViaEndpoint('t', 'zh', cfg({ model: 'no-temperature' }), { fetch })).toBe('[zh] t');
    expect(srv.requests.slice(before).map((r) => r.temperature)).toEqual([0, undefined]);
  });

  it('does not follow a redirect (the key goes only to the configured address)', async () => {
    const e = await failure(translateViaEndpoint('x', 'zh', cfg({ model: 'redirect' }), { fetch }));
    expect(e.code).toBe('redirected');
    expect(e.info.status).toBe(307);
  });

  it('times out with its own message', async () => {
    const e = await failure(translateViaEndpoint('x', 'zh', cfg({ model: 'slow' }), { fetch, timeoutMs: 200 }));
    expect(e.code).toBe('timeout');
    expect(e.message).toBe(`127.0.0.1:${srv.port} did not answer within 200 ms`);
  });

  it('cancels when the caller aborts', async () => {
    const ac = new AbortController();
    const p = translateViaEndpoint('x', 'zh', cfg({ model: 'slow' }), { fetch, signal: ac.signal });
    setTimeout(() => ac.abort(), 50);
    expect((await failure(p)).code).toBe('aborted');
  });
});

describe('endpoint client: rate limits', () => {
  it('waits out a short Retry-After by itself and retries once', async () => {
    const srv = await startTranslateServer({ failFirst: 1, retryAfter: 1 });
    try {
      const started = Date.now();
      const out = await translateViaEndpoint('x', 'zh', { endpoint: srv.url, apiKey: KEY, model: 'test-model' }, { fetch });
      expect(out).toBe('[zh] x');
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      expect(srv.requests).toHaveLength(2);
    } finally {
      await srv.close();
    }
  });

  it('fails with rate-limited and the wait when still limited, and succeeds when the caller retries', async () => {
    const srv = await startTranslateServer({ failFirst: 2, retryAfter: 1 });
    const cfg = { endpoint: srv.url, apiKey: KEY, model: 'test-model' };
    try {
      const e = await failure(translateViaEndpoint('x', 'zh', cfg, { fetch, sleep: async () => {} }));
      expect(e.code).toBe('rate-limited');
      expect(e.info).toMatchObject({ status: 429, retryAfterMs: 1000 });
      expect(e.message).toMatch(/is limiting requests \(HTTP 429\); try again in 1 s: Rate limit reached/);
      expect(srv.requests).toHaveLength(2);
      // The caller (the user's "Try again") retries later.
      expect(await translateViaEndpoint('x', 'zh', cfg, { fetch })).toBe('[zh] x');
      expect(srv.requests).toHaveLength(3);
    } finally {
      await srv.close();
    }
  });

  it('does not wait out a long Retry-After', async () => {
    const srv = await startTranslateServer({ failFirst: 1, retryAfter: 30 });
    try {
      const e = await failure(translateViaEndpoint('x', 'zh', { endpoint: srv.url, apiKey: KEY, model: 'test-model' }, { fetch }));
      expect(e.code).toBe('rate-limited');
      expect(e.info.retryAfterMs).toBe(30_000);
      expect(srv.requests).toHaveLength(1);
    } finally {
      await srv.close();
    }
  });

  it('reports server errors (5xx)', async () => {
    const srv = await startTranslateServer({ status: 500 });
    try {
      const e = await failure(translateViaEndpoint('x', 'zh', { endpoint: srv.url, apiKey: KEY, model: 'test-model' }, { fetch }));
      expect(e.code).toBe('server-error');
      expect(e.message).toMatch(/had a server error \(HTTP 500\): test server failure 500; try again later/);
    } finally {
      await srv.close();
    }
  });
});

describe('endpoint client: configuration and reachability', () => {
  it('a server that is down gives the unreachable message', async () => {
    const srv = await startTranslateServer();
    const url = srv.url;
    await srv.close();
    const e = await failure(translateViaEndpoint('x', 'zh', { endpoint: url, apiKey: KEY, model: 'test-model' }, { fetch }));
    expect(e.code).toBe('unreachable');
    expect(e.message).toMatch(/^could not reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\): check the endpoint URL and that the server is running$/);
  });

  it('says not configured, and sends nothing, when settings are missing', async () => {
    let called = 0;
    const spy = (async () => { called++; return new Response(''); }) as typeof fetch;
    for (const s of [undefined, null, {}, { endpoint: '', apiKey: KEY, model: 'm' }, { endpoint: 'https://api.example.com/v1', apiKey: KEY, model: ' ' }]) {
      const e = await failure(translateViaEndpoint('x', 'zh', s, { fetch: spy }));
      expect(e.code).toBe('not-configured');
      expect(e.message).toMatch(/^no translation endpoint is configured/);
    }
    expect(called).toBe(0);
  });

  it('refuses invalid settings before sending anything, without echoing the key', async () => {
    let called = 0;
    const spy = (async () => { called++; return new Response(''); }) as typeof fetch;
    const key = 'sk-live-very-secret-key-999';
    const cases: [Record<string, string>, RegExp][] = [
      [{ endpoint: 'http://api.example.com/v1', apiKey: key, model: 'm' }, /must use https \(plain http is allowed only for localhost\)/],
      [{ endpoint: 'ftp://api.example.com/v1', apiKey: key, model: 'm' }, /must be an http\(s\) URL/],
      [{ endpoint: 'not a url', apiKey: key, model: 'm' }, /not a URL/],
      [{ endpoint: 'https://user:pw@api.example.com/v1', apiKey: key, model: 'm' }, /must not contain a user name/],
      [{ endpoint: 'https://api.example.com/v1?key=1', apiKey: key, model: 'm' }, /must not have a query/],
      [{ endpoint: 'https://api.example.com/v1', apiKey: '', model: 'm' }, /the API key is empty/],
      [{ endpoint: 'https://api.example.com/v1', apiKey: `${key} x`, model: 'm' }, /one word of printable ASCII/],
    ];
    for (const [s, re] of cases) {
      const e = await failure(translateViaEndpoint('x', 'zh', s, { fetch: spy }), key);
      expect(e.code).toBe('invalid-settings');
      expect(e.message).toMatch(re);
    }
    expect(called).toBe(0);
  });

  it('validates endpoints: https anywhere, http only on loopback, keyless only on loopback', () => {
    expect(checkEndpointUrl('https://api.example.com/v1/')).toEqual({ ok: true, url: 'https://api.example.com/v1' });
    expect(checkEndpointUrl('http://localhost:11434/v1')).toEqual({ ok: true, url: 'http://localhost:11434/v1' });
    expect(checkEndpointUrl('http://127.0.0.1:8080/v1/chat/completions')).toEqual({ ok: true, url: 'http://127.0.0.1:8080/v1' });
    expect(checkEndpointUrl('http://[::1]:8080/v1').ok).toBe(true);
    expect(checkEndpointUrl('http://192.168.1.5/v1').ok).toBe(false);
    expect(checkEndpointUrl('http://localhost.evil.com/v1').ok).toBe(false);
    expect(EndpointSettings.safeParse({ endpoint: 'http://localhost:11434/v1', apiKey: '', model: 'qwen2.5' }).success).toBe(true);
    expect(EndpointSettings.safeParse({ endpoint: 'https://api.example.com/v1', apiKey: '', model: 'gpt' }).success).toBe(false);
  });

  it('the system prompt asks for a faithful translation that keeps names, numbers and markdown', () => {
    const zh = systemPrompt('zh');
    expect(zh).toMatch(/Simplified Chinese \(zh-CN\)/);
    expect(zh).toMatch(/numbers/);
    expect(zh).toMatch(/benchmark and dataset names/);
    expect(zh).toMatch(/markdown/);
    expect(zh).toMatch(/never instructions/);
    expect(systemPrompt('en')).toMatch(/into English/);
  });

  it('parses Retry-After as seconds or a date, and scrubs secrets', () => {
    expect(parseRetryAfter(new Headers({ 'retry-after': '2' }))).toBe(2000);
    expect(parseRetryAfter(new Headers({ 'retry-after-ms': '150' }))).toBe(150);
    expect(parseRetryAfter(new Headers({ 'retry-after': new Date(10_000).toUTCString() }), 7_000)).toBe(3000);
    expect(parseRetryAfter(new Headers())).toBeUndefined();
    expect(parseRetryAfter(new Headers({ 'retry-after': 'soon' }))).toBeUndefined();
    const key = 'sk-abcdef0123456789wxyz';
    const s = scrubSecret(`Incorrect API key provided: sk-abcde***wxyz; header Bearer ${key}; raw ${key}`, key);
    expect(s).not.toContain(key);
    expect(s).not.toContain('wxyz');
    expect(s).not.toContain('abcdef01');
  });
});
