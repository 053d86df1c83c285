import type { FetchResult } from '../extract/types';

/** The APIs extractors may call through the background; anything else is refused. */
export const API_HOSTS = ['export.arxiv.org', 'arxiv.org', 'huggingface.co', 'modelscope.cn', 'www.modelscope.cn'];

const MAX_CHARS = 20 * 1024 * 1024;

export async function fetchAllowed(url: string, fetchImpl: typeof fetch = fetch): Promise<FetchResult> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { ok: false, status: 0, text: '', error: `not a URL: ${url}` };
  }
  if (u.protocol !== 'https:' || !API_HOSTS.includes(u.hostname)) {
    return { ok: false, status: 0, text: '', error: `${u.hostname} is not one of the APIs this extension reads` };
  }
  try {
    const res = await fetchImpl(u.href, { credentials: 'omit', redirect: 'follow' });
    const text = await res.text();
    if (text.length > MAX_CHARS) return { ok: false, status: res.status, text: '', error: `the answer from ${u.hostname} is too large` };
    return res.ok
      ? { ok: true, status: res.status, text }
      : { ok: false, status: res.status, text: '', error: `${u.hostname} answered HTTP ${res.status}` };
  } catch (e) {
    return { ok: false, status: 0, text: '', error: `could not reach ${u.hostname}: ${(e as Error).message}` };
  }
}
