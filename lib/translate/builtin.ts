/**
 * The browser's built-in on-device Translator API (Chrome 138+ desktop; absent in Firefox, Safari, and in
 * the Chromium used by tests). Text given to it never leaves the device.
 *
 * Translator.availability({ sourceLanguage, targetLanguage }) answers one of four states:
 *   'available'    → can use now
 *   'downloadable' → needs a language-pack download, which Translator.create() starts only during a user
 *                    gesture (a click), so it must be the user who starts it
 *   'downloading'  → a download is under way; create() waits for it (and also wants a user gesture)
 *   'unavailable'  → not possible for this pair on this device
 * and the API being absent, or throwing, counts as 'unavailable'. See classifyAvailability().
 */
import { TranslateError } from './errors';

export type RawAvailability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

/** What the UI can do with the built-in translator for one language pair. */
export type BuiltinUse =
  /** Translate right away, on the device. */
  | 'now'
  /** Offer a "download the language pack" button; the click must start it (Translator.create). */
  | 'download'
  /** Not possible: no API, or this pair is not supported here. Use the endpoint, if one is configured. */
  | 'no';

export interface BuiltinCheck {
  use: BuiltinUse;
  /** What the browser said; 'absent' when there is no API, 'error' when asking it threw. */
  raw: RawAvailability | 'absent' | 'error';
  /** True when raw is 'downloading' (a download already started, maybe by another tab). */
  downloading: boolean;
}

export function classifyAvailability(raw: unknown): BuiltinCheck {
  switch (raw) {
    case 'available':
    case 'readily': // the name Chrome used before 138
      return { use: 'now', raw: 'available', downloading: false };
    case 'downloadable':
    case 'after-download':
      return { use: 'download', raw: 'downloadable', downloading: false };
    case 'downloading':
      return { use: 'download', raw: 'downloading', downloading: true };
    case 'unavailable':
    case 'no':
      return { use: 'no', raw: 'unavailable', downloading: false };
    default:
      return { use: 'no', raw: 'error', downloading: false };
  }
}

// The parts of the API we use, typed loosely: lib.dom has no types for it yet.
interface MonitorLike {
  addEventListener(type: 'downloadprogress', cb: (e: { loaded: number; total?: number }) => void): void;
}
interface TranslatorInstance {
  translate(text: string, opts?: { signal?: AbortSignal }): Promise<string>;
  destroy?(): void;
}
interface TranslatorStatic {
  availability(o: { sourceLanguage: string; targetLanguage: string }): Promise<string>;
  create(o: {
    sourceLanguage: string;
    targetLanguage: string;
    monitor?: (m: MonitorLike) => void;
    signal?: AbortSignal;
  }): Promise<TranslatorInstance>;
}
interface DetectorInstance {
  detect(text: string, opts?: { signal?: AbortSignal }): Promise<{ detectedLanguage?: string; confidence?: number }[]>;
  destroy?(): void;
}
interface DetectorStatic {
  availability(o?: object): Promise<string>;
  create(o?: { signal?: AbortSignal }): Promise<DetectorInstance>;
}

/** Where to look for the API: globalThis in the extension, a plain object in tests. */
export interface BuiltinGlobals {
  Translator?: unknown;
  LanguageDetector?: unknown;
}

export interface BuiltinTranslateOptions {
  signal?: AbortSignal;
  /** Download progress, 0..1, while a language pack downloads. */
  onProgress?: (fraction: number) => void;
}

export interface BuiltinTranslator {
  /** The Translator API exists in this browser (says nothing about language pairs). */
  readonly present: boolean;
  /** The LanguageDetector API exists. */
  readonly canDetect: boolean;
  check(source: string, target: string): Promise<BuiltinCheck>;
  /**
   * Translate on the device. Call it for 'now'; for 'download' only from a user's click (it starts the
   * download). Fails with TranslateError 'builtin-needs-download', 'builtin-failed' or 'aborted'.
   */
  translate(text: string, source: string, target: string, opts?: BuiltinTranslateOptions): Promise<string>;
  /** The most likely language of the text, when a detector is present and ready; otherwise null. */
  detect(text: string, signal?: AbortSignal): Promise<{ language: string; confidence: number } | null>;
  /** Free the cached on-device translators. */
  dispose(): void;
}

/** BCP 47 tag as the Translator API wants it: 'en-US' → 'en', 'zh-CN' → 'zh', 'zh-TW' → 'zh-Hant'. */
export function toTranslatorLanguage(tag: string): string | null {
  const t = tag.trim();
  if (!/^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/i.test(t)) return null;
  const parts = t.toLowerCase().split(/[-_]/);
  if (parts[0] === 'zh') return parts.some((p) => p === 'hant' || p === 'tw' || p === 'hk' || p === 'mo') ? 'zh-Hant' : 'zh';
  return parts[0];
}

function pick<T>(globals: BuiltinGlobals, name: keyof BuiltinGlobals, methods: string[]): T | null {
  try {
    const v = globals[name] as Record<string, unknown> | undefined | null;
    if ((typeof v !== 'function' && typeof v !== 'object') || v === null) return null;
    return methods.every((m) => typeof v[m] === 'function') ? (v as T) : null;
  } catch {
    return null;
  }
}

function errorName(e: unknown): string {
  return e && typeof e === 'object' && 'name' in e ? String((e as { name: unknown }).name) : '';
}

function errorText(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.slice(0, 200);
}

export function builtinTranslator(globals: BuiltinGlobals = globalThis as BuiltinGlobals): BuiltinTranslator {
  const T = pick<TranslatorStatic>(globals, 'Translator', ['availability', 'create']);
  const D = pick<DetectorStatic>(globals, 'LanguageDetector', ['availability', 'create']);
  const translators = new Map<string, Promise<TranslatorInstance>>();
  let detector: Promise<DetectorInstance | null> | null = null;

  async function check(source: string, target: string): Promise<BuiltinCheck> {
    if (!T) return { use: 'no', raw: 'absent', downloading: false };
    const s = toTranslatorLanguage(source);
    const t = toTranslatorLanguage(target);
    if (!s || !t || s === t) return { use: 'no', raw: 'unavailable', downloading: false };
    try {
      return classifyAvailability(await T.availability({ sourceLanguage: s, targetLanguage: t }));
    } catch {
      return { use: 'no', raw: 'error', downloading: false };
    }
  }

  function translatorFor(s: string, t: string, opts: BuiltinTranslateOptions): Promise<TranslatorInstance> {
    const key = `${s}>${t}`;
    let p = translators.get(key);
    if (!p) {
      p = T!.create({
        sourceLanguage: s,
        targetLanguage: t,
        signal: opts.signal,
        monitor(m) {
          m.addEventListener('downloadprogress', (e) => {
            const f = e.total && e.total > 1 ? e.loaded / e.total : e.loaded;
            opts.onProgress?.(Math.max(0, Math.min(1, Number(f) || 0)));
          });
        },
      });
      translators.set(key, p);
      p.catch(() => translators.delete(key));
      // An aborted create() signal also destroys the translator it made: do not keep that one.
      opts.signal?.addEventListener('abort', () => translators.delete(key), { once: true });
    }
    return p;
  }

  async function translate(text: string, source: string, target: string, opts: BuiltinTranslateOptions = {}): Promise<string> {
    const s = toTranslatorLanguage(source);
    const t = toTranslatorLanguage(target);
    const pair = `${source}→${target}`;
    if (!T) throw new TranslateError('builtin-failed', 'this browser has no built-in translator', { pair });
    if (!s || !t) throw new TranslateError('builtin-failed', `the built-in translator does not know the language ${!s ? source : target}`, { pair });
    let translator: TranslatorInstance;
    try {
      translator = await translatorFor(s, t, opts);
    } catch (e) {
      const name = errorName(e);
      if (name === 'AbortError') throw new TranslateError('aborted', 'the translation was cancelled', { pair });
      if (name === 'NotAllowedError')
        throw new TranslateError(
          'builtin-needs-download',
          `the browser's translator must download the ${pair} language pack first, and only a click may start that download`,
          { pair },
        );
      throw new TranslateError('builtin-failed', `the browser's translator could not start for ${pair}: ${errorText(e)}`, { pair, detail: errorText(e) });
    }
    try {
      return await translator.translate(text, { signal: opts.signal });
    } catch (e) {
      if (errorName(e) === 'AbortError') throw new TranslateError('aborted', 'the translation was cancelled', { pair });
      throw new TranslateError('builtin-failed', `the browser's translator failed on ${pair}: ${errorText(e)}`, { pair, detail: errorText(e) });
    }
  }

  async function getDetector(): Promise<DetectorInstance | null> {
    if (!D) return null;
    if (!detector) {
      detector = (async () => {
        // Only use a detector that is ready: starting its download needs a user gesture, and the
        // text-based guess in index.ts is good enough for Chinese vs English.
        if (classifyAvailability(await D.availability()).use !== 'now') return null;
        return D.create();
      })().catch(() => null);
      detector.then((d) => { if (!d) detector = null; });
    }
    return detector;
  }

  async function detect(text: string, signal?: AbortSignal): Promise<{ language: string; confidence: number } | null> {
    try {
      const d = await getDetector();
      if (!d) return null;
      const results = await d.detect(text, { signal });
      const best = results.find((r) => r.detectedLanguage && r.detectedLanguage !== 'und');
      return best ? { language: String(best.detectedLanguage), confidence: Number(best.confidence ?? 0) } : null;
    } catch {
      return null;
    }
  }

  function dispose(): void {
    for (const p of translators.values()) p.then((t) => t.destroy?.(), () => {});
    translators.clear();
    detector?.then((d) => d?.destroy?.(), () => {});
    detector = null;
  }

  return { present: T !== null, canDetect: D !== null, check, translate, detect, dispose };
}
