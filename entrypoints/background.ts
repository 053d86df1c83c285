import { openSurveyDb } from '@/lib/db/database';
import { CardsRepo } from '@/lib/db/cards-repo';
import { AssetsRepo } from '@/lib/db/assets-repo';
import { handleMessage, UserFacingError } from '@/lib/messaging/handler';
import { ExtractorReply, type CardsChanged } from '@/lib/messaging/protocol';
import { fetchAllowed } from '@/lib/net/allowed-fetch';
import { newId } from '@/lib/util/ids';

/** Runs the on-demand extractor in the tab; pages pay nothing for it until the user captures. */
async function extractInTab(tabId: number): Promise<unknown> {
  let tab;
  try {
    tab = await browser.tabs.get(tabId);
  } catch {
    throw new UserFacingError('capture-failed', 'That tab is gone; open the page again and capture.');
  }
  if (!tab.url || !/^https?:/.test(tab.url)) {
    throw new UserFacingError('capture-failed', 'This tab does not show a web page. Open a paper or model page (arXiv, Hugging Face, ModelScope, a WeChat article) and capture again.');
  }
  let results;
  try {
    results = await browser.scripting.executeScript({ target: { tabId }, files: ['/extractor.js'] });
  } catch (e) {
    throw new UserFacingError(
      'forbidden',
      `The extension may not read ${new URL(tab.url).hostname} (${(e as Error).message}). Click the toolbar button on that page to give it access, then capture again.`,
    );
  }
  const reply = ExtractorReply.safeParse(results?.[0]?.result);
  if (!reply.success) throw new UserFacingError('capture-failed', 'The page did not answer the capture (it may still be loading). Reload it and try again.');
  if (!reply.data.ok) throw new UserFacingError('capture-failed', `Capture failed on ${new URL(tab.url).hostname}: ${reply.data.error}`);
  return reply.data.capture;
}

export default defineBackground(() => {
  const db = openSurveyDb();
  const repo = new CardsRepo(db);
  const deps = {
    repo,
    assets: new AssetsRepo(db),
    extractInTab,
    fetchAllowed: (url: string) => fetchAllowed(url),
    newId,
    now: () => new Date(),
    notifyChanged(ids: string[]) {
      const msg: CardsChanged = { type: 'cards.changed', ids };
      // No page may be open to hear it; that is fine.
      browser.runtime.sendMessage(msg).catch(() => {});
    },
  };

  browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse?: (r: unknown) => void) => {
    if ((message as { type?: string })?.type === 'cards.changed') return undefined;
    const reply = handleMessage(message, deps);
    // Chrome wants sendResponse + true; WXT's fake browser only reads a returned promise.
    if (typeof sendResponse === 'function') {
      reply.then(sendResponse);
      return true;
    }
    return reply;
  });
});
