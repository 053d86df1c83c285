/**
 * One GET with the waiting rules of a long enrichment run, with everything that touches the world
 * injected (fetch, sleep, clock), so the rules are tested without a network or real time:
 * - HTTP 429 (and 503 with a Retry-After) is waited out: `Retry-After` (seconds or a date), else the
 *   Hub's `RateLimit: "api";r=0;t=55` header (domain.md 1.1; IETF draft 9, also the older
 *   `reset=` form and `RateLimit-Reset`), else exponential backoff from `baseDelayMs`, capped at `maxDelayMs`.
 * - 5xx and network errors are retried with the same backoff.
 * - After `maxRetries` retries the request fails with a message that says why.
 * - Cancellation (AbortSignal) is checked before every attempt and after every wait.
 * - A host can ask for a minimum interval between requests (arXiv asks for 3 s).
 */

export interface HttpResponse {
  status: number;
  ok: boolean;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** The global fetch fits; tests pass a fake. */
export type HttpFetch = (url: string, init?: { signal?: AbortSignal }) => Promise<HttpResponse>;

export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** First backoff wait; doubled on every retry. */
  baseDelayMs: number;
  /** Cap of the backoff wait. */
  maxDelayMs: number;
  /** The longest wait a server may ask for; beyond it the request fails at once. */
  maxWaitMs: number;
  /** Minimum interval between two requests to one host. */
  hostIntervalMs: Record<string, number>;
}

export const DEFAULT_POLICY: RetryPolicy = {
  maxRetries: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  // The Hub's windows are 5 minutes long.
  maxWaitMs: 300_000,
  // arXiv API terms of use: no more than one request every three seconds.
  hostIntervalMs: { 'export.arxiv.org': 3_000 },
};

export type WaitReason = 'retry-after' | 'ratelimit' | 'backoff' | 'politeness';

export interface WaitEvent {
  url: string;
  ms: number;
  reason: WaitReason;
  /** The status that caused it (0 for a network error or a politeness wait). */
  status: number;
  /** The retry this wait precedes (1 = first retry); 0 for a politeness wait. */
  retry: number;
}

export interface HttpEnv {
  fetch: HttpFetch;
  /** Resolves after `ms` (or earlier when the signal aborts). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Milliseconds since the epoch. */
  now(): number;
  signal?: AbortSignal;
  policy?: Partial<RetryPolicy>;
  onWait?(w: WaitEvent): void;
  /** Called before every attempt (1 = the first). */
  onAttempt?(attempt: number): void;
  /** Shared across requests of one run: when each host was last asked. */
  lastRequestAt?: Map<string, number>;
}

export type FetchOutcome =
  | { ok: true; url: string; status: number; text: string; attempts: number }
  | {
      ok: false;
      url: string;
      status: number;
      attempts: number;
      error: string;
      /** A later retry may succeed (429, 5xx, network); false for a definite answer (404, 403…). */
      transient: boolean;
    };

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

const isAbort = (e: unknown) => e instanceof CancelledError || (e instanceof Error && e.name === 'AbortError');

/** Seconds in `t=` (draft 9: `"api";r=0;t=55`) or `reset=` (earlier drafts: `limit=100, remaining=0, reset=30`). */
export function rateLimitResetSeconds(header: string | null): number | null {
  if (!header) return null;
  const m = /(?:^|[;,\s])(?:t|reset)\s*=\s*(\d+(?:\.\d+)?)/i.exec(header);
  return m ? Number(m[1]) : null;
}

/** What the server asks us to wait, in ms, or null when it does not say. */
export function serverWait(res: HttpResponse, now: number): { ms: number; reason: 'retry-after' | 'ratelimit' } | null {
  const ra = res.headers.get('retry-after')?.trim();
  if (ra) {
    if (/^\d+(\.\d+)?$/.test(ra)) return { ms: Math.round(Number(ra) * 1000), reason: 'retry-after' };
    const date = Date.parse(ra);
    if (Number.isFinite(date)) return { ms: Math.max(0, date - now), reason: 'retry-after' };
  }
  // The RateLimit fields describe the quota window: they say when to come back only on a 429.
  if (res.status !== 429) return null;
  const plain = res.headers.get('ratelimit-reset')?.trim() ?? '';
  const reset = rateLimitResetSeconds(res.headers.get('ratelimit')) ?? (/^\d+(\.\d+)?$/.test(plain) ? Number(plain) : null);
  if (reset !== null) return { ms: Math.round(reset * 1000), reason: 'ratelimit' };
  return null;
}

export function backoffMs(retry: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
}

const RETRY_STATUS = new Set([429, 500, 502, 503, 504]);

function describeStatus(status: number): string {
  if (status === 429) return 'HTTP 429 (rate-limited)';
  if (status === 404) return 'HTTP 404 (not found)';
  if (status === 401 || status === 403) return `HTTP ${status} (no access)`;
  return `HTTP ${status}`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** GET `url` under the policy. Throws CancelledError when the signal aborts; every other failure is an outcome. */
export async function fetchWithRetry(url: string, env: HttpEnv): Promise<FetchOutcome> {
  const policy = { ...DEFAULT_POLICY, ...env.policy };
  const host = hostOf(url);
  const checkCancel = () => {
    if (env.signal?.aborted) throw new CancelledError();
  };
  const wait = async (ms: number, reason: WaitReason, status: number, retry: number) => {
    env.onWait?.({ url, ms, reason, status, retry });
    await env.sleep(ms, env.signal);
    checkCancel();
  };

  let attempts = 0;
  for (let retry = 0; ; retry++) {
    checkCancel();
    const interval = policy.hostIntervalMs[host] ?? 0;
    const last = env.lastRequestAt?.get(host);
    if (interval > 0 && last !== undefined) {
      const gap = env.now() - last;
      if (gap < interval) await wait(interval - gap, 'politeness', 0, 0);
    }
    env.lastRequestAt?.set(host, env.now());
    attempts++;
    env.onAttempt?.(attempts);

    let res: HttpResponse | null = null;
    let networkError = '';
    try {
      res = await env.fetch(url, { signal: env.signal });
    } catch (e) {
      if (isAbort(e) || env.signal?.aborted) throw new CancelledError();
      networkError = (e as Error)?.message || String(e);
    }

    if (res && res.ok) {
      let text: string;
      try {
        text = await res.text();
      } catch (e) {
        if (isAbort(e) || env.signal?.aborted) throw new CancelledError();
        return { ok: false, url, status: res.status, attempts, error: `the answer could not be read: ${(e as Error).message}`, transient: true };
      }
      return { ok: true, url, status: res.status, text, attempts };
    }

    const status = res?.status ?? 0;
    const transient = !res || RETRY_STATUS.has(status);
    const what = res ? describeStatus(status) : `a network error (${networkError})`;
    if (!transient) return { ok: false, url, status, attempts, error: `answered ${what}`, transient: false };
    if (retry >= policy.maxRetries) {
      return {
        ok: false,
        url,
        status,
        attempts,
        error: `${res ? `still answered ${what}` : `failed with ${what}`} after ${policy.maxRetries} ${policy.maxRetries === 1 ? 'retry' : 'retries'}`,
        transient: true,
      };
    }
    const asked = res ? serverWait(res, env.now()) : null;
    if (asked && asked.ms > policy.maxWaitMs) {
      return {
        ok: false,
        url,
        status,
        attempts,
        error: `answered ${what} and asked to wait ${Math.ceil(asked.ms / 1000)} s, longer than the ${Math.round(policy.maxWaitMs / 1000)} s this run waits`,
        transient: true,
      };
    }
    if (asked) await wait(asked.ms, asked.reason, status, retry + 1);
    else await wait(backoffMs(retry + 1, policy), 'backoff', status, retry + 1);
  }
}
