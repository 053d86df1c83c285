// Bundled for the Chromium benchmark: the extension's capture path and Readability, on the page as loaded.
import { Readability } from '@mozilla/readability';
import { capturePage } from '../lib/extract/registry';
import type { ExtractContext } from '../lib/extract/types';

const offline: ExtractContext = {
  // The benchmark measures our code, not the network: API calls answer "unavailable" at once.
  fetch: async () => ({ ok: false, status: 0, text: '', error: 'benchmark: offline' }),
  parseXml: (t) => new DOMParser().parseFromString(t, 'application/xml'),
  parseHtml: (t) => new DOMParser().parseFromString(t, 'text/html'),
};

declare global {
  interface Window {
    __bench: { capture(): Promise<number>; readability(): number; results(): Promise<number> };
  }
}

window.__bench = {
  async capture() {
    const t0 = performance.now();
    await capturePage(document, location.href, offline, { id: 'bench', now: new Date() });
    return performance.now() - t0;
  },
  readability() {
    const t0 = performance.now();
    new Readability(document.cloneNode(true) as Document).parse();
    return performance.now() - t0;
  },
  async results() {
    const c = await capturePage(document, location.href, offline, { id: 'bench', now: new Date() });
    return c.benchmarks.length;
  },
};
