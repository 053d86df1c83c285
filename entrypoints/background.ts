import { openSurveyDb } from '@/lib/db/database';
import { CardsRepo } from '@/lib/db/cards-repo';
import { AssetsRepo } from '@/lib/db/assets-repo';
import { AnnotationsRepo } from '@/lib/db/annotations-repo';
import { translate } from '@/lib/translate';
import { loadTranslationSettings } from '@/lib/translate/settings';
import { translateErrorText } from '@/lib/translate/strings';
import { pickLocale } from '@/lib/i18n/messages';
import { loadSettings } from '@/lib/settings';
import { handleMessage, UserFacingError } from '@/lib/messaging/handler';
import { ExtractorReply, type CardsChanged } from '@/lib/messaging/protocol';
import { fetchAllowed } from '@/lib/net/allowed-fetch';
import { newId } from '@/lib/util/ids';
import { cropPng } from '@/lib/shots/crop';
import { z } from '@/lib/schema/zod';

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

const RegionReply = z.object({ x: z.number(), y: z.number(), width: z.number().positive(), height: z.number().positive(), dpr: z.number().positive() }).nullable();

/** The picker runs in the tab; the visible tab is photographed once the overlay is gone, then cropped. */
async function screenshotRegion(tabId: number): Promise<{ bytes: Uint8Array; pageUrl: string } | null> {
  const tab = await browser.tabs.get(tabId).catch(() => null);
  if (!tab?.url || !/^https?:/.test(tab.url)) throw new UserFacingError('capture-failed', 'This tab does not show a web page to take a screenshot of.');
  let results;
  try {
    await browser.tabs.update(tabId, { active: true });
    results = await browser.scripting.executeScript({ target: { tabId }, files: ['/region-picker.js'] });
  } catch (e) {
    throw new UserFacingError('forbidden', `The extension may not use ${new URL(tab.url).hostname} (${(e as Error).message}). Click the toolbar button on that page first.`);
  }
  const region = RegionReply.safeParse(results?.[0]?.result);
  if (!region.success) throw new UserFacingError('capture-failed', 'The page did not return a region; reload it and try again.');
  if (!region.data) return null;
  let dataUrl: string;
  try {
    dataUrl = await browser.tabs.captureVisibleTab(tab.windowId!, { format: 'png' });
  } catch (e) {
    throw new UserFacingError('forbidden', `The browser refused the screenshot (${(e as Error).message}). Start it from the toolbar button or the shortcut on that page.`);
  }
  const png = await (await fetch(dataUrl)).blob();
  const cropped = await cropPng(png, region.data);
  return { bytes: new Uint8Array(await cropped.arrayBuffer()), pageUrl: tab.url };
}

/** commands.onCommand, where the browser has it (WXT's test browser and some Firefox builds do not). */
function onShortcut(listener: (command: string, tab?: Browser.tabs.Tab) => void): void {
  try {
    browser.commands.onCommand.addListener(listener);
  } catch {
    /* no keyboard commands here; the popup button still works */
  }
}

const MENU_FIELDS = ['summary', 'architecture', 'training', 'evaluation', 'showcase', 'notes'] as const;
const MENU_LABELS: Record<(typeof MENU_FIELDS)[number], string> = {
  summary: '论文简介 · Summary',
  architecture: '算法结构 · Architecture',
  training: '训练方法 · Training',
  evaluation: '评估报告 · Evaluation',
  showcase: '效果展示 · Showcase',
  notes: '笔记 · Notes',
};
const GrabbedSelection = z
  .object({
    url: z.string().url(),
    title: z.string(),
    quote: z.object({ exact: z.string().min(1), prefix: z.string(), suffix: z.string() }),
    position: z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }),
    translation: z.string(),
  })
  .nullable();

export default defineBackground(() => {
  const db = openSurveyDb();
  const repo = new CardsRepo(db);
  const deps = {
    repo,
    assets: new AssetsRepo(db),
    annotations: new AnnotationsRepo(db),
    // The endpoint is called from here: the key stays in the background, never in a page.
    async translate(text: string, target: 'zh' | 'en') {
      const settings = await loadTranslationSettings(browser.storage.local);
      try {
        const r = await translate(text, { target, settings, deps: { builtin: null, fetch: (u, i) => fetch(u, i) } });
        return { text: r.text, via: r.via };
      } catch (e) {
        const locale = pickLocale((await loadSettings()).locale, navigator.language);
        throw new UserFacingError('translate-failed', translateErrorText(locale, e as never));
      }
    },
    extractInTab,
    fetchAllowed: (url: string) => fetchAllowed(url),
    screenshotRegion,
    newId,
    now: () => new Date(),
    notifyChanged(ids: string[]) {
      const msg: CardsChanged = { type: 'cards.changed', ids };
      // No page may be open to hear it; that is fine.
      browser.runtime.sendMessage(msg).catch(() => {});
    },
  };

  /** The selection of any tab (activeTab is granted by the menu click or the shortcut) into a field of the last card. */
  async function sendSelection(tabId: number, field: (typeof MENU_FIELDS)[number]): Promise<void> {
    const { lastCardId } = await browser.storage.local.get('lastCardId');
    const badge = (text: string) => browser.action.setBadgeText({ tabId, text }).catch(() => {});
    if (typeof lastCardId !== 'string') return void badge('?');
    const results = await browser.scripting.executeScript({ target: { tabId }, files: ['/grab-selection.js'] }).catch(() => null);
    const grabbed = GrabbedSelection.safeParse(results?.[0]?.result);
    if (!grabbed.success || !grabbed.data) return void badge('!');
    const g = grabbed.data;
    const reply = await handleMessage(
      { type: 'annotations.add', annotation: { url: g.url, quote: g.quote, position: g.position, cardId: lastCardId, field, pageTitle: g.title } },
      deps,
    );
    await badge(reply.ok ? '✓' : '!');
  }

  try {
    browser.contextMenus.removeAll().then(() => {
      browser.contextMenus.create({ id: 'lsc-send', title: 'LLM Survey Cards', contexts: ['selection'] });
      for (const f of MENU_FIELDS) browser.contextMenus.create({ id: `lsc-send-${f}`, parentId: 'lsc-send', title: MENU_LABELS[f], contexts: ['selection'] });
    });
    browser.contextMenus.onClicked.addListener((info, tab) => {
      const field = MENU_FIELDS.find((f) => info.menuItemId === `lsc-send-${f}`);
      if (field && tab?.id != null) sendSelection(tab.id, field);
    });
  } catch {
    /* no context menus here (WXT's test browser) */
  }

  // The shortcuts: a region of the current tab into the card used last, and the selection to its notes.
  onShortcut(async (command, tab) => {
    if (command === 'send-selection' && tab?.id != null) return sendSelection(tab.id, 'notes');
    if (command !== 'capture-region' || tab?.id == null) return;
    const { lastCardId } = await browser.storage.local.get('lastCardId');
    if (typeof lastCardId !== 'string') return;
    const reply = await handleMessage({ type: 'shot.region', tabId: tab.id, cardId: lastCardId, caption: tab.title ?? '' }, deps);
    await browser.action.setBadgeText({ tabId: tab.id, text: reply.ok ? ((reply.data as { cancelled: boolean }).cancelled ? '' : '✓') : '!' });
  });

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
