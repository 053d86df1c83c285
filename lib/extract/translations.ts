import { squash, TRANSLATOR_SELECTOR } from './clean';

const WRAPPER = 'font.immersive-translate-target-wrapper, [id^="immersive-translate-target-wrapper-"]';
const INNER = '.immersive-translate-target-inner, font[class*="immersive-translate-target-dual"]';
const MAX_PAIRS = 2000;

/**
 * Original and in-page translation side by side, for users who want both (Immersive Translate's
 * bilingual view). Reads the page without changing it: originals come from copies with translator nodes removed.
 */
export function collectTranslations(doc: Document): { original: string; translation: string; lang: string }[] {
  const out: { original: string; translation: string; lang: string }[] = [];
  const seen = new Set<Element>();
  for (const wrapper of doc.querySelectorAll(WRAPPER)) {
    const host = wrapper.parentElement;
    if (!host || seen.has(host) || wrapper.parentElement?.closest(WRAPPER)) continue;
    seen.add(host);
    const copy = host.cloneNode(true) as Element;
    copy.querySelectorAll(TRANSLATOR_SELECTOR).forEach((n) => n.remove());
    const original = squash(copy.textContent);
    const inner = [...host.querySelectorAll(INNER)].filter((el) => !el.parentElement?.closest(INNER));
    const translation = squash((inner.length ? inner : [wrapper]).map((el) => el.textContent).join(' '));
    if (original && translation && original !== translation) {
      out.push({ original, translation, lang: wrapper.getAttribute('lang') ?? '' });
      if (out.length >= MAX_PAIRS) break;
    }
  }
  return out;
}
