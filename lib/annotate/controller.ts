import { anchorAll, describe, highlightCss, highlightPieces, HIGHLIGHT_NAME } from '../anchoring';
import { call as send, pagePreferences } from './bridge';
import type { Annotation } from '../schema';
import { pickLocale, translate as t, type Locale, type MessageKey } from '../i18n/messages';
import { builtinTranslator } from '../translate/builtin';
import { SelectionToolbar } from './toolbar';

const FIELDS: { id: string; key: MessageKey }[] = [
  { id: 'summary', key: 'fieldSummary' },
  { id: 'architecture', key: 'fieldArchitecture' },
  { id: 'training', key: 'fieldTraining' },
  { id: 'evaluation', key: 'fieldEvaluation' },
  { id: 'showcase', key: 'fieldShowcase' },
  { id: 'notes', key: 'notes' },
];

export interface Lifetime {
  addEventListener: (target: EventTarget, type: string, listener: (e: Event) => void, options?: AddEventListenerOptions) => void;
  onInvalidated: (cb: () => void) => void;
  setTimeout: (cb: () => void, ms: number) => number;
}

/**
 * The page's own title for the quote's link: Immersive Translate rewrites <title> as
 * "translation --- original", so the original part is taken back.
 */
export function originalTitle(doc: Document): string {
  const meta = doc.querySelector('meta[name="citation_title"], meta[property="og:title"]')?.getAttribute('content')?.trim();
  if (meta) return meta;
  const m = /^(.*?)\s+---\s+(.*)$/.exec(doc.title.trim());
  return m && /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/.test(m[1]) && !/[\u3400-\u9fff]/.test(m[2]) ? m[2] : doc.title.trim();
}

/** The page address annotations are kept under: without the fragment. */
export function annotationUrl(href: string): string {
  const u = new URL(href);
  u.hash = '';
  return u.href;
}

/**
 * Selection toolbar and highlights on one page. Highlights are painted with the CSS Custom Highlight API,
 * so the page's own nodes are never wrapped or changed; they are found again when the page (or a
 * translator) changes its DOM, and the ones that cannot be found are reported as orphans.
 */
export class Annotator {
  private toolbar: SelectionToolbar;
  private annotations: Annotation[] = [];
  private locale: Locale = 'en';
  private lastCardId = '';
  private repaintTimer = 0;

  constructor(
    private doc: Document,
    private life: Lifetime,
  ) {
    this.toolbar = new SelectionToolbar(doc);
  }

  async start(): Promise<void> {
    const prefs = await pagePreferences();
    this.locale = pickLocale(prefs.locale, navigator.language);
    const { lastCardId } = await browser.storage.local.get('lastCardId');
    this.lastCardId = typeof lastCardId === 'string' ? lastCardId : '';
    this.installStyle();
    await this.reload();
    this.life.addEventListener(this.doc, 'mouseup', (e) => this.onSelect(e));
    this.life.addEventListener(this.doc, 'keyup', (e) => (e as KeyboardEvent).shiftKey && this.onSelect(e));
    this.life.addEventListener(this.doc, 'mousedown', (e) => {
      if (!this.toolbar.contains(e.target as Node)) this.toolbar.hide();
    });
    // Translators and single-page apps change the DOM after load: find the highlights again.
    const observer = new MutationObserver((records) => {
      if (records.every((r) => this.toolbar.contains(r.target))) return;
      clearTimeout(this.repaintTimer);
      this.repaintTimer = this.life.setTimeout(() => this.paint(), 300);
    });
    observer.observe(this.doc.body, { childList: true, subtree: true, characterData: true });
    this.life.onInvalidated(() => {
      observer.disconnect();
      this.toolbar.hide();
      CSS.highlights?.delete(HIGHLIGHT_NAME);
    });
  }

  private installStyle(): void {
    // A constructed sheet: styles the highlight without adding a node to the page.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(highlightCss());
    this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, sheet];
  }

  async reload(): Promise<void> {
    this.annotations = await send('annotations.forUrl', { url: annotationUrl(location.href) });
    await this.paint();
  }

  private async paint(): Promise<void> {
    if (!CSS.highlights || !this.annotations.length) return;
    const { anchored, orphans, page } = anchorAll(this.annotations, this.doc.body);
    // Only the page's own text nodes are painted, never a translation that sits inside the range.
    CSS.highlights.set(HIGHLIGHT_NAME, new Highlight(...anchored.flatMap((a) => highlightPieces(page, a.start, a.end))));
    const known = this.annotations.filter((a) => a.orphan).map((a) => a.id).sort();
    if (known.join() !== [...orphans].sort().join()) {
      await send('annotations.orphans', { url: annotationUrl(location.href), ids: orphans });
      this.annotations = this.annotations.map((a) => ({ ...a, orphan: orphans.includes(a.id) }));
    }
  }

  private async onSelect(e: Event): Promise<void> {
    if (this.toolbar.contains(e.target as Node)) return;
    const sel = this.doc.getSelection();
    if (!sel || sel.isCollapsed || !sel.rangeCount || !sel.toString().trim()) return;
    const range = sel.getRangeAt(0).cloneRange();
    const cards = await send('cards.recent', { limit: 12 }).catch(() => []);
    const cardId = cards.some((c) => c.id === this.lastCardId) ? this.lastCardId : (cards[0]?.id ?? '');
    const L = (k: MessageKey, p?: Record<string, string | number>) => t(this.locale, k, p);
    this.toolbar.show(range.getBoundingClientRect(), {
      fields: FIELDS.map((f) => ({ id: f.id, label: L(f.key).replace(/\s*\(.*\)$/, '') })),
      cards: cards.map((c) => ({ id: c.id, title: c.title })),
      cardId,
      labels: { highlight: L('highlightAction'), translate: L('translateAction'), note: L('notePlaceholder'), card: L('saveTo') },
      onSend: (field, id, note) => this.save(range, id, field, note),
      onHighlight: (id, note) => this.save(range, id, undefined, note),
      onTranslate: () => this.translate(range.toString()),
    });
  }

  private async save(range: Range, cardId: string, field: string | undefined, note: string): Promise<void> {
    const L = (k: MessageKey, p?: Record<string, string | number>) => t(this.locale, k, p);
    if (field && !cardId) {
      this.toolbar.say(L('noCardYet'));
      return;
    }
    const selectors = describe(range, this.doc.body);
    if (!selectors) {
      this.toolbar.say(L('selectionNotText'));
      return;
    }
    const { keepTranslation } = await pagePreferences();
    try {
      await send('annotations.add', {
        annotation: {
          url: annotationUrl(location.href),
          quote: selectors.quote,
          position: selectors.position,
          note,
          cardId: cardId || undefined,
          field: field as Annotation['field'],
          pageTitle: originalTitle(this.doc),
        },
        translation: keepTranslation ? selectors.translation || undefined : undefined,
      });
      if (cardId) {
        this.lastCardId = cardId;
        await browser.storage.local.set({ lastCardId: cardId });
      }
      this.toolbar.say(field ? L('sentToField') : L('highlightSaved'));
      await this.reload();
    } catch (e) {
      this.toolbar.say((e as Error).message);
    }
  }

  private async translate(text: string): Promise<void> {
    const target = this.locale === 'zh' || !/[\u4e00-\u9fff]/.test(text) ? 'zh' : 'en';
    const L = (k: MessageKey) => t(this.locale, k);
    this.toolbar.say(L('translating'));
    try {
      // The browser's own on-device translator where it has one; nothing leaves the machine then.
      const builtin = builtinTranslator();
      if (builtin.present) {
        const source = (await builtin.detect(text))?.language ?? (target === 'zh' ? 'en' : 'zh');
        if ((await builtin.check(source, target)).use === 'now') {
          this.toolbar.say(await builtin.translate(text, source, target));
          return;
        }
      }
      const res = await send('translate.text', { text, target });
      this.toolbar.say(res.text);
    } catch (e) {
      this.toolbar.say((e as Error).message);
    }
  }
}
