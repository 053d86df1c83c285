import { capturePage } from '@/lib/extract/registry';
import type { ExtractContext, FetchResult } from '@/lib/extract/types';
import { newId } from '@/lib/util/ids';
import { loadSettings } from '@/lib/settings';

// Injected into the tab only when the user captures; its return value is what executeScript reports.
export default defineUnlistedScript(async () => {
  const ctx: ExtractContext = {
    async fetch(url: string): Promise<FetchResult> {
      // The page's origin cannot reach other APIs; the background fetches with the extension's host access.
      const reply = (await browser.runtime.sendMessage({ type: 'net.fetch', url })) as
        | { ok: true; data: FetchResult }
        | { ok: false; error: { message: string } };
      return reply?.ok ? reply.data : { ok: false, status: 0, text: '', error: reply?.error?.message ?? 'no answer' };
    },
    parseXml: (text) => new DOMParser().parseFromString(text, 'application/xml'),
    parseHtml: (text) => new DOMParser().parseFromString(text, 'text/html'),
  };
  try {
    const { keepTranslation } = await loadSettings();
    const capture = await capturePage(document, location.href, ctx, { id: newId(), now: new Date(), keepTranslation });
    return { ok: true, capture };
  } catch (e) {
    return { ok: false, error: (e as Error).message || String(e) };
  }
});
