import { describe, expect, it, vi } from 'vitest';
import { builtinTranslator, classifyAvailability, toTranslatorLanguage, type BuiltinGlobals } from '../../lib/translate/builtin';
import { TranslateError } from '../../lib/translate/errors';

type Avail = 'unavailable' | 'downloadable' | 'downloading' | 'available';

/** A fake of Chrome's Translator global: availability per pair, create() with a monitor, translate(). */
function fakeTranslator(avail: Avail | ((s: string, t: string) => Avail), opts: { createError?: Error; translateError?: Error } = {}) {
  const calls = { availability: [] as string[], create: [] as string[], translate: [] as string[], destroyed: 0 };
  const Translator = {
    async availability({ sourceLanguage, targetLanguage }: { sourceLanguage: string; targetLanguage: string }) {
      calls.availability.push(`${sourceLanguage}>${targetLanguage}`);
      return typeof avail === 'function' ? avail(sourceLanguage, targetLanguage) : avail;
    },
    async create(o: { sourceLanguage: string; targetLanguage: string; monitor?: (m: { addEventListener: (t: string, cb: (e: { loaded: number }) => void) => void }) => void }) {
      calls.create.push(`${o.sourceLanguage}>${o.targetLanguage}`);
      if (opts.createError) throw opts.createError;
      const a = typeof avail === 'function' ? avail(o.sourceLanguage, o.targetLanguage) : avail;
      if (a === 'downloadable' || a === 'downloading') {
        o.monitor?.({
          addEventListener: (_t, cb) => {
            cb({ loaded: 0 });
            cb({ loaded: 0.5 });
            cb({ loaded: 1 });
          },
        });
      }
      return {
        async translate(text: string) {
          calls.translate.push(text);
          if (opts.translateError) throw opts.translateError;
          return `[${o.targetLanguage}] ${text}`;
        },
        destroy() {
          calls.destroyed++;
        },
      };
    },
  };
  return { Translator, calls };
}

function domError(name: string, message: string): Error {
  const e = new Error(message);
  e.name = name;
  return e;
}

describe('built-in Translator: feature detection', () => {
  it('is absent (and never throws) when the globals lack it, as in Firefox and test Chromium', async () => {
    for (const globals of [{}, { Translator: undefined }, { Translator: null }, { Translator: 42 }, { Translator: { availability: 'x' } }] as BuiltinGlobals[]) {
      const b = builtinTranslator(globals);
      expect(b.present).toBe(false);
      expect(b.canDetect).toBe(false);
      expect(await b.check('en', 'zh')).toEqual({ use: 'no', raw: 'absent', downloading: false });
      expect(await b.detect('hello')).toBeNull();
      await expect(b.translate('hi', 'en', 'zh')).rejects.toMatchObject({ code: 'builtin-failed' });
    }
  });

  it('survives a global whose getter throws', async () => {
    const globals = Object.defineProperty({}, 'Translator', { get: () => { throw new Error('boom'); } }) as BuiltinGlobals;
    const b = builtinTranslator(globals);
    expect(b.present).toBe(false);
    expect((await b.check('en', 'zh')).use).toBe('no');
  });

  it('looks at the real globalThis by default without throwing (Node has no Translator)', async () => {
    const b = builtinTranslator();
    expect(b.present).toBe(false);
    expect((await b.check('en', 'zh')).raw).toBe('absent');
  });

  it('maps the four availability states to now / download / no', () => {
    expect(classifyAvailability('available').use).toBe('now');
    expect(classifyAvailability('downloadable')).toEqual({ use: 'download', raw: 'downloadable', downloading: false });
    expect(classifyAvailability('downloading')).toEqual({ use: 'download', raw: 'downloading', downloading: true });
    expect(classifyAvailability('unavailable').use).toBe('no');
    expect(classifyAvailability(undefined)).toEqual({ use: 'no', raw: 'error', downloading: false });
    expect(classifyAvailability('readily').use).toBe('now'); // pre-138 name
  });

  it('reports unavailable for a pair the browser does not have', async () => {
    const { Translator } = fakeTranslator('unavailable');
    const b = builtinTranslator({ Translator });
    expect(b.present).toBe(true);
    expect(await b.check('en', 'zh')).toEqual({ use: 'no', raw: 'unavailable', downloading: false });
  });

  it('reports "no" when availability() throws, and for unknown or equal languages without asking', async () => {
    const { Translator, calls } = fakeTranslator('available');
    Translator.availability = async () => { throw new TypeError('bad tag'); };
    expect(await builtinTranslator({ Translator }).check('en', 'zh')).toEqual({ use: 'no', raw: 'error', downloading: false });
    const ok = fakeTranslator('available');
    const b = builtinTranslator({ Translator: ok.Translator });
    expect((await b.check('not a tag!', 'zh')).use).toBe('no');
    expect((await b.check('zh-CN', 'zh')).use).toBe('no');
    expect(ok.calls.availability).toEqual([]);
    expect(calls.create).toEqual([]);
  });

  it('reports downloadable as a download the user must start, then downloads with progress', async () => {
    const { Translator, calls } = fakeTranslator('downloadable');
    const b = builtinTranslator({ Translator });
    expect(await b.check('en', 'zh')).toEqual({ use: 'download', raw: 'downloadable', downloading: false });
    const progress: number[] = [];
    expect(await b.translate('Attention', 'en', 'zh', { onProgress: (f) => progress.push(f) })).toBe('[zh] Attention');
    expect(progress).toEqual([0, 0.5, 1]);
    expect(calls.create).toEqual(['en>zh']);
  });

  it('translates when available, normalizing tags and reusing one translator per pair', async () => {
    const { Translator, calls } = fakeTranslator('available');
    const b = builtinTranslator({ Translator });
    expect(await b.check('en-US', 'zh-CN')).toEqual({ use: 'now', raw: 'available', downloading: false });
    expect(calls.availability).toEqual(['en>zh']);
    expect(await b.translate('one', 'en-US', 'zh-CN')).toBe('[zh] one');
    expect(await b.translate('two', 'en', 'zh')).toBe('[zh] two');
    expect(calls.create).toEqual(['en>zh']);
    b.dispose();
    await new Promise((r) => setTimeout(r, 0));
    expect(calls.destroyed).toBe(1);
  });

  it('turns a NotAllowedError (no user gesture for the download) into builtin-needs-download', async () => {
    const { Translator } = fakeTranslator('downloadable', { createError: domError('NotAllowedError', 'Requires user activation') });
    const err = await builtinTranslator({ Translator }).translate('x', 'en', 'zh').catch((e) => e);
    expect(err).toBeInstanceOf(TranslateError);
    expect(err.code).toBe('builtin-needs-download');
    expect(err.message).toMatch(/download the en→zh language pack/);
  });

  it('says what failed when translate() throws, and maps AbortError to aborted', async () => {
    const failing = fakeTranslator('available', { translateError: domError('UnknownError', 'model crashed') });
    await expect(builtinTranslator({ Translator: failing.Translator }).translate('x', 'en', 'zh')).rejects.toMatchObject({
      code: 'builtin-failed',
      message: expect.stringContaining('model crashed'),
    });
    const aborting = fakeTranslator('available', { translateError: domError('AbortError', 'aborted') });
    await expect(builtinTranslator({ Translator: aborting.Translator }).translate('x', 'en', 'zh')).rejects.toMatchObject({ code: 'aborted' });
  });

  it('does not keep a translator whose create() failed', async () => {
    let fail = true;
    const { Translator, calls } = fakeTranslator('available');
    const create = Translator.create.bind(Translator);
    Translator.create = vi.fn(async (o) => {
      if (fail) throw domError('UnknownError', 'once');
      return create(o);
    });
    const b = builtinTranslator({ Translator });
    await expect(b.translate('x', 'en', 'zh')).rejects.toMatchObject({ code: 'builtin-failed' });
    fail = false;
    expect(await b.translate('x', 'en', 'zh')).toBe('[zh] x');
    expect(calls.create).toEqual(['en>zh']);
  });

  it('uses a ready LanguageDetector, and ignores one that would need a download', async () => {
    const ready = {
      availability: async () => 'available',
      create: async () => ({ detect: async () => [{ detectedLanguage: 'und', confidence: 0.9 }, { detectedLanguage: 'en', confidence: 0.8 }] }),
    };
    const b = builtinTranslator({ LanguageDetector: ready });
    expect(b.canDetect).toBe(true);
    expect(await b.detect('Hello world')).toEqual({ language: 'en', confidence: 0.8 });

    const create = vi.fn();
    const later = builtinTranslator({ LanguageDetector: { availability: async () => 'downloadable', create } });
    expect(await later.detect('Hello world')).toBeNull();
    expect(create).not.toHaveBeenCalled();
  });

  it('normalizes language tags for the API', () => {
    expect(toTranslatorLanguage('en-US')).toBe('en');
    expect(toTranslatorLanguage('zh-CN')).toBe('zh');
    expect(toTranslatorLanguage('zh_TW')).toBe('zh-Hant');
    expect(toTranslatorLanguage('zh-Hant-HK')).toBe('zh-Hant');
    expect(toTranslatorLanguage('')).toBeNull();
    expect(toTranslatorLanguage('<script>')).toBeNull();
  });
});
