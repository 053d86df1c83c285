// A tiny OpenAI-compatible chat completions server for tests, on 127.0.0.1 and a random port.
//
//   const srv = await startTranslateServer({ failFirst: 1 });   // srv.url is the base URL (…/v1)
//   … configure endpoint srv.url, key 'test-key', model 'test-model' …
//   srv.requests   // what it received (the key itself is not recorded, only whether it matched)
//   await srv.close();
//
// POST /v1/chat/completions with `Authorization: Bearer test-key` answers a deterministic
// "translation": '[zh] ' + the user text when the system prompt asks for Chinese, '[en] ' + it otherwise.
// Options:
//   failFirst  the first N chat requests fail with `status` (default 429, with Retry-After: retryAfter)
//   status     the failing status; given without failFirst, every request fails with it
//   retryAfter seconds for Retry-After on 429/503 (default 1)
//   key        the accepted key (default 'test-key')
// Models with special behaviour (any other model than these and 'test-model' gets a 404):
//   'malformed-json' (truncated JSON), 'not-completion' (JSON without choices), 'html' (a web page),
//   'empty' (empty content), 'truncated' (finish_reason 'length'), 'slow' (answers after slowMs),
//   'no-temperature' (400 when temperature is sent), 'echo-key' (400 whose message echoes the
//   Authorization header, to test that clients scrub it), 'redirect' (307 to another URL).
// Bounded: bodies over 1 MB get 413, at most maxRequests requests are served (then 503), the last 200
// are recorded, and the server closes itself after lifetimeMs (10 min) and never keeps a test process alive.
import http from 'node:http';

export const TEST_KEY = 'test-key';
export const TEST_MODEL = 'test-model';

const MAX_BODY = 1024 * 1024;
const MAX_RECORDED = 200;

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'POST, OPTIONS',
  'Access-Control-Allow-Headers': 'authorization, content-type, accept',
  'Access-Control-Expose-Headers': 'retry-after',
};

function send(res, status, body, headers = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const type = typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json';
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...CORS, ...headers });
  res.end(text);
}

function apiError(message, type, code) {
  return { error: { message, type, code } };
}

function completion(model, content, finishReason = 'stop') {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: 1700000000,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: finishReason }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  };
}

export async function startTranslateServer(options = {}) {
  const {
    status,
    retryAfter = 1,
    key = TEST_KEY,
    slowMs = 2000,
    maxRequests = 1000,
    lifetimeMs = 10 * 60_000,
  } = options;
  const failStatus = status ?? 429;
  const failFirst = options.failFirst ?? (status !== undefined ? Infinity : 0);
  const requests = [];
  let served = 0;
  let chatCount = 0;
  const timers = new Set();

  const server = http.createServer((req, res) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS);
      return res.end();
    }
    if (++served > maxRequests) return send(res, 503, apiError('test server: request limit reached', 'server_error'));

    const chunks = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (c) => {
      size += c.length;
      if (size > MAX_BODY) tooLarge = true;
      else chunks.push(c);
    });
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      const authorized = req.headers.authorization === `Bearer ${key}`;
      const record = { method: req.method, path, authorized, model: null, target: null, text: null, temperature: undefined, at: Date.now() };
      requests.push(record);
      if (requests.length > MAX_RECORDED) requests.shift();

      if (tooLarge) return send(res, 413, apiError('Request too large', 'invalid_request_error'));
      if (req.method !== 'POST' || path !== '/v1/chat/completions') return send(res, 404, apiError(`Unknown path ${path}`, 'invalid_request_error'));
      if (!authorized) return send(res, 401, apiError('Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key'));

      let body;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return send(res, 400, apiError('We could not parse the JSON body of your request.', 'invalid_request_error'));
      }
      const messages = Array.isArray(body?.messages) ? body.messages : [];
      const system = messages.find((m) => m?.role === 'system')?.content ?? '';
      const user = messages.filter((m) => m?.role === 'user').map((m) => String(m.content ?? '')).join('\n');
      record.model = body?.model ?? null;
      record.target = /Chinese/.test(system) ? 'zh' : 'en';
      record.text = user;
      record.temperature = body?.temperature;

      if (++chatCount <= failFirst) {
        const headers = failStatus === 429 || failStatus === 503 ? { 'Retry-After': String(retryAfter) } : {};
        const message = failStatus === 429 ? 'Rate limit reached for requests' : `test server failure ${failStatus}`;
        return send(res, failStatus, apiError(message, failStatus === 429 ? 'requests' : 'server_error', failStatus === 429 ? 'rate_limit_exceeded' : null), headers);
      }

      const model = record.model;
      const translation = `[${record.target}] ${user}`;
      switch (model) {
        case TEST_MODEL:
          return send(res, 200, completion(model, translation));
        case 'malformed-json':
          res.writeHead(200, { 'Content-Type': 'application/json', ...CORS });
          return res.end('{"choices": [{"message": {"content": "[zh] ');
        case 'not-completion':
          return send(res, 200, { result: translation });
        case 'html':
          res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...CORS });
          return res.end('<!doctype html><html><body>Welcome</body></html>');
        case 'empty':
          return send(res, 200, completion(model, '   '));
        case 'truncated':
          return send(res, 200, completion(model, translation.slice(0, 5), 'length'));
        case 'no-temperature':
          if (body.temperature !== undefined)
            return send(res, 400, apiError("Unsupported value: 'temperature' does not support 0 with this model.", 'invalid_request_error', 'unsupported_value'));
          return send(res, 200, completion(model, translation));
        case 'echo-key':
          return send(res, 400, apiError(`Bad request from ${req.headers.authorization}`, 'invalid_request_error'));
        case 'redirect':
          res.writeHead(307, { Location: 'http://127.0.0.1:9/v1/chat/completions', ...CORS });
          return res.end();
        case 'slow': {
          const t = setTimeout(() => {
            timers.delete(t);
            if (!res.destroyed) send(res, 200, completion(model, translation));
          }, slowMs);
          timers.add(t);
          return;
        }
        default:
          return send(res, 404, apiError(`The model \`${model}\` does not exist or you do not have access to it.`, 'invalid_request_error', 'model_not_found'));
      }
    });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.unref();

  let closed = null;
  function close() {
    if (!closed) {
      clearTimeout(lifetime);
      for (const t of timers) clearTimeout(t);
      timers.clear();
      closed = new Promise((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    }
    return closed;
  }
  const lifetime = setTimeout(close, lifetimeMs);
  lifetime.unref();

  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/v1`, origin: `http://127.0.0.1:${port}`, port, key, requests, close };
}

// `node e2e/translate-server.mjs` runs one by hand until Ctrl-C.
if (import.meta.url === `file://${process.argv[1]}`) {
  const srv = await startTranslateServer({ lifetimeMs: 60 * 60_000 });
  console.log(`OpenAI-compatible test server at ${srv.url} (key ${srv.key}, model ${TEST_MODEL})`);
  setInterval(() => {}, 1 << 30);
  process.on('SIGINT', () => srv.close().then(() => process.exit(0)));
}
