import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { builtinTranslator, type BuiltinTranslator } from '../../lib/translate/builtin';
import { TranslateError, translateErrorFromData, translateErrorToData } from '../../lib/translate/errors';
import { guessLanguage, translate, translationRoute } from '../../lib/translate/index';
import {
  clearTranslationEndpoint,
  endpointPermissionPattern,
  loadTranslationSettings,
  maskApiKey,
  onTranslationSettingsChanged,
  saveTranslationSettings,
  TRANSLATION_SETTINGS_KEY,
  translationConfigured,
  translationSettingsProblems,
  type StorageAreaLike,
} from '../../lib/translate/settings';
import { splitForTranslation } from '../../lib/translate/split';
import { translateErrorText, translateStrings, tr } from '../../lib/translate/strings';
import { startTranslateServer } from '../../e2e/translate-server.mjs';

type Server = Awaited<ReturnType<typeof startTranslateServer>>;

function fakeBuiltin(avail: 'available' | 'downloadable' | 'unavailable', log: string[] = []): BuiltinTranslator {
  return builtinTranslator({
    Translator: {
      availability: async () => avail,
      create: async ({ targetLanguage }: { targetLanguage: string }) => {
        if (avail === 'downloadable' && !log.includes('gesture')) {
          const e = new Error('Requires a user gesture');
          e.name = 'NotAllowedError';
          throw e;
        }
        return {
          translate: async (t: string) => {
            log.push(t);
            return `<builtin ${targetLanguage}> ${t}`;
          },
        };
      },
    },
  });
}

function countingFetch(): typeof fetch & { calls: number } {
  const f = (async (...args: Parameters<typeof fetch>) => {
    f.calls++;
    return fetch(...args);
  }) as typeof fetch & { calls: number };
  f.calls = 0;
  return f;
}

describe('translate(): choosing the way', () => {
  let srv: Server;
  beforeAll(async () => {
    srv = await startTranslateServer();
  });
  afterAll(() => srv.close());
  const endpoint = () => ({ endpoint: srv.url, apiKey: 'test-key', model: 'test-model' });

  it('uses the built-in translator over a configured endpoint when the pair is available', async () => {
    const f = countingFetch();
    const r = await translate('Scaling laws hold.', { target: 'zh', settings: endpoint(), deps: { builtin: fakeBuiltin('available'), fetch: f } });
    expect(r).toMatchObject({ text: '<builtin zh> Scaling laws hold.', via: 'builtin', source: 'en' });
    expect(f.calls).toBe(0);
  });

  it('uses the endpoint where the browser has no translator, or not this pair, or the user turned it off', async () => {
    for (const builtin of [null, builtinTranslator({}), fakeBuiltin('unavailable')]) {
      const r = await translate('Scaling laws hold.', { target: 'zh', settings: endpoint(), deps: { builtin, fetch } });
      expect(r).toEqual({ text: '[zh] Scaling laws hold.', via: 'endpoint', source: 'en', chunks: 1 });
    }
    const off = await translate('x y z', { target: 'zh', settings: { ...endpoint(), useBuiltin: false }, deps: { builtin: fakeBuiltin('available'), fetch } });
    expect(off.via).toBe('endpoint');
  });

  it('translates Chinese into English', async () => {
    const r = await translate('模型采用分组查询注意力。', { target: 'en', settings: endpoint(), deps: { builtin: null, fetch } });
    expect(r).toMatchObject({ text: '[en] 模型采用分组查询注意力。', via: 'endpoint', source: 'zh' });
  });

  it('does not start a language-pack download unless asked, and says so when nothing else is set', async () => {
    const f = countingFetch();
    const e = (await translate('Hello there', { target: 'zh', settings: {}, deps: { builtin: fakeBuiltin('downloadable'), fetch: f } }).catch((x) => x)) as TranslateError;
    expect(e.code).toBe('nothing-configured');
    expect(e.info.builtin).toBe('needs-download');
    expect(e.message).toMatch(/^nothing is configured: the browser's translator must first download the en→zh language pack/);
    expect(f.calls).toBe(0);
    // With an endpoint, it goes there instead of downloading.
    expect((await translate('Hello there', { target: 'zh', settings: endpoint(), deps: { builtin: fakeBuiltin('downloadable'), fetch } })).via).toBe('endpoint');
    // From the user's click, it downloads and uses the built-in one.
    const log = ['gesture'];
    const r = await translate('Hello there', { target: 'zh', settings: endpoint(), allowDownload: true, deps: { builtin: fakeBuiltin('downloadable', log), fetch } });
    expect(r.via).toBe('builtin');
  });

  it('with nothing configured, fails with "nothing is configured" and sends nothing', async () => {
    const f = countingFetch();
    for (const [builtin, reason] of [
      [null, 'absent'],
      [builtinTranslator({}), 'absent'],
      [fakeBuiltin('unavailable'), 'unavailable'],
    ] as const) {
      const e = (await translate('Some text', { target: 'zh', settings: undefined, deps: { builtin, fetch: f } }).catch((x) => x)) as TranslateError;
      expect(e).toBeInstanceOf(TranslateError);
      expect(e.code).toBe('nothing-configured');
      expect(e.info.builtin).toBe(reason);
      expect(e.message).toMatch(/^nothing is configured: .*no translation endpoint is set .*nothing was sent$/);
    }
    const off = (await translate('x', { target: 'zh', settings: { useBuiltin: false }, deps: { builtin: fakeBuiltin('available'), fetch: f } }).catch((x) => x)) as TranslateError;
    expect(off.message).toMatch(/^nothing is configured: the browser's translator is turned off/);
    expect(f.calls).toBe(0);
  });

  it('a half-filled endpoint gets its own error rather than "nothing is configured"', async () => {
    const f = countingFetch();
    const e = (await translate('x', { target: 'zh', settings: { endpoint: 'http://example.com/v1', apiKey: 'k', model: 'm' }, deps: { builtin: null, fetch: f } }).catch((x) => x)) as TranslateError;
    expect(e.code).toBe('invalid-settings');
    const m = (await translate('x', { target: 'zh', settings: { endpoint: 'https://example.com/v1' }, deps: { builtin: null, fetch: f } }).catch((x) => x)) as TranslateError;
    expect(m.code).toBe('not-configured');
    expect(f.calls).toBe(0);
  });

  it('falls back to the endpoint when the built-in translator fails', async () => {
    const broken = builtinTranslator({
      Translator: { availability: async () => 'available', create: async () => ({ translate: async () => { throw new Error('crashed'); } }) },
    });
    const r = await translate('Hello', { target: 'zh', settings: endpoint(), deps: { builtin: broken, fetch } });
    expect(r.via).toBe('endpoint');
    const e = (await translate('Hello', { target: 'zh', settings: {}, deps: { builtin: broken, fetch } }).catch((x) => x)) as TranslateError;
    expect(e.code).toBe('builtin-failed');
  });

  it('refuses empty, too long, and same-language texts before sending anything', async () => {
    const f = countingFetch();
    const opts = { settings: endpoint(), deps: { builtin: null, fetch: f } };
    expect((await translate('  \n ', { target: 'zh', ...opts }).catch((x) => x)).code).toBe('empty-input');
    expect((await translate('a'.repeat(70_000), { target: 'zh', ...opts }).catch((x) => x)).code).toBe('too-long');
    const same = (await translate('这是一段中文文本，讲的是注意力机制。', { target: 'zh', ...opts }).catch((x) => x)) as TranslateError;
    expect(same.code).toBe('same-language');
    expect(same.message).toBe('the text is already in Chinese');
    expect((await translate('Hello', { target: 'en', source: 'en-GB', ...opts }).catch((x) => x)).code).toBe('same-language');
    expect(f.calls).toBe(0);
  });

  it('splits a long text on paragraph boundaries and joins the translations back', async () => {
    const paras = Array.from({ length: 6 }, (_, i) => `Paragraph ${i + 1}: ${'word '.repeat(40).trim()}.`);
    const text = `${paras.join('\n\n')}\n`;
    const before = srv.requests.length;
    const progress: string[] = [];
    const r = await translate(text, {
      target: 'zh',
      settings: endpoint(),
      deps: { builtin: null, fetch },
      maxChunkChars: 500,
      onProgress: (p) => progress.push(p.phase === 'translate' ? `${p.done}/${p.total}` : 'dl'),
    });
    const sent = srv.requests.slice(before).map((q) => q.text);
    expect(sent.length).toBe(r.chunks);
    expect(r.chunks).toBeGreaterThan(1);
    expect(sent.every((s) => s !== null && s.length <= 500 && !/^\s|\s$/.test(s))).toBe(true);
    expect(sent.join('\n\n')).toBe(paras.join('\n\n'));
    expect(r.text).toBe(`${sent.map((s) => `[zh] ${s}`).join('\n\n')}\n`);
    expect(progress.at(-1)).toBe(`${r.chunks}/${r.chunks}`);
  });

  it('tells the UI which way a translation would go', async () => {
    expect(await translationRoute({ target: 'zh', settings: endpoint(), deps: { builtin: fakeBuiltin('available') } }, 'Hello')).toEqual({ route: 'builtin' });
    expect(await translationRoute({ target: 'zh', settings: {}, deps: { builtin: fakeBuiltin('downloadable') } }, 'Hello')).toEqual({ route: 'builtin-download', reason: 'needs-download' });
    expect(await translationRoute({ target: 'zh', settings: endpoint(), deps: { builtin: null } })).toEqual({ route: 'endpoint', reason: 'absent' });
    expect(await translationRoute({ target: 'zh', settings: {}, deps: { builtin: null } })).toEqual({ route: 'none', reason: 'absent' });
  });
});

describe('splitting', () => {
  const sample = [
    '# Title',
    'First paragraph. It has two sentences.',
    '```python\nx = 1\n\ny = 2\n```',
    '中文段落。第二句。第三句！',
    'A'.repeat(120),
  ].join('\n\n');

  it('keeps every character: the pieces join back to the text, each under the limit', () => {
    for (const max of [1, 7, 30, 50, 64, 100, 1000]) {
      const pieces = splitForTranslation(sample, max);
      expect(pieces.join('')).toBe(sample);
      expect(pieces.every((p) => p.length <= max && p.length > 0)).toBe(true);
    }
    expect(splitForTranslation('', 10)).toEqual([]);
    expect(splitForTranslation('short', 10)).toEqual(['short']);
  });

  it('cuts at paragraph ends, keeps a code block with blank lines whole when it fits, and cuts long paragraphs at sentences', () => {
    const pieces = splitForTranslation(sample, 64);
    expect(pieces.filter((p) => p.includes('```'))).toHaveLength(1);
    expect(pieces.find((p) => p.includes('```'))).toContain('```python\nx = 1\n\ny = 2\n```\n\n');
    expect(pieces[0]).toBe('# Title\n\nFirst paragraph. It has two sentences.\n\n');
    const long = splitForTranslation('One sentence here. Another one there. A third one.', 25);
    expect(long).toEqual(['One sentence here. ', 'Another one there. ', 'A third one.']);
    expect(splitForTranslation('中文段落。第二句。第三句！', 6)).toEqual(['中文段落。', '第二句。', '第三句！']);
  });

  it('guesses Chinese or English from the characters', () => {
    expect(guessLanguage('模型采用 RoPE 位置编码')?.language).toBe('zh');
    expect(guessLanguage('We use RoPE (旋转位置编码) in every layer of the model.')?.language).toBe('en');
    expect(guessLanguage('1234 !!')).toBeNull();
    expect(guessLanguage('plain English text')!.confidence).toBeLessThan(0.9);
  });
});

describe('translation settings in storage.local', () => {
  function fakeArea(): StorageAreaLike & { data: Record<string, unknown> } {
    const data: Record<string, unknown> = {};
    return {
      data,
      async get(key: string) {
        return key in data ? { [key]: structuredClone(data[key]) } : {};
      },
      async set(items: Record<string, unknown>) {
        Object.assign(data, structuredClone(items));
      },
    };
  }

  it('loads defaults, saves under its own key with the endpoint normalized, and loads it back', async () => {
    const area = fakeArea();
    expect(await loadTranslationSettings(area)).toEqual({ endpoint: '', apiKey: '', model: '', useBuiltin: true, timeoutSeconds: 60 });
    const saved = await saveTranslationSettings(area, { endpoint: ' https://api.example.com/v1/chat/completions ', apiKey: ' sk-1234567890abcd ', model: 'gpt-4o-mini' });
    expect(saved.endpoint).toBe('https://api.example.com/v1');
    expect(saved.apiKey).toBe('sk-1234567890abcd');
    expect(Object.keys(area.data)).toEqual([TRANSLATION_SETTINGS_KEY]);
    expect(await loadTranslationSettings(area)).toEqual(saved);
    expect(translationConfigured(saved)).toBe(true);
    expect((await clearTranslationEndpoint(area)).apiKey).toBe('');
    expect(translationConfigured(await loadTranslationSettings(area))).toBe(false);
  });

  it('refuses to save a wrong or half-filled endpoint, and falls back to defaults on a corrupt value', async () => {
    const area = fakeArea();
    await expect(saveTranslationSettings(area, { endpoint: 'http://api.example.com/v1', apiKey: 'k', model: 'm' })).rejects.toMatchObject({ code: 'invalid-settings' });
    await expect(saveTranslationSettings(area, { endpoint: 'https://api.example.com/v1' })).rejects.toMatchObject({ code: 'invalid-settings' });
    expect(area.data).toEqual({});
    expect(translationSettingsProblems({ endpoint: 'https://api.example.com/v1', apiKey: 'k' })).toEqual(['the model name is empty']);
    expect(translationSettingsProblems({})).toEqual([]);
    area.data[TRANSLATION_SETTINGS_KEY] = { endpoint: 42 };
    expect((await loadTranslationSettings(area)).endpoint).toBe('');
  });

  it('works with the extension storage.local (fake browser) and notices changes there only', async () => {
    fakeBrowser.reset();
    const seen: string[] = [];
    const off = onTranslationSettingsChanged(fakeBrowser.storage.onChanged, (s) => seen.push(s.model));
    await saveTranslationSettings(fakeBrowser.storage.local, { endpoint: 'http://localhost:11434/v1', model: 'qwen2.5:7b' });
    expect(translationConfigured(await loadTranslationSettings(fakeBrowser.storage.local))).toBe(true);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    await fakeBrowser.storage.sync.set({ [TRANSLATION_SETTINGS_KEY]: { model: 'synced' } });
    off();
    expect(seen).toEqual(['qwen2.5:7b']);
  });

  it('masks the key for display and gives the host permission pattern', () => {
    expect(maskApiKey('sk-1234567890abcdwxyz')).toBe('sk-…wxyz');
    expect(maskApiKey('short')).toBe('••••••••');
    expect(maskApiKey('')).toBe('');
    expect(endpointPermissionPattern({ endpoint: 'https://api.example.com/v1' })).toBe('https://api.example.com/*');
    expect(endpointPermissionPattern({ endpoint: '' })).toBeNull();
  });
});

describe('UI strings', () => {
  it('has every key in Chinese, non-empty, with the same placeholders', () => {
    const { en, zh } = translateStrings;
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const k of Object.keys(en) as (keyof typeof en)[]) {
      expect(zh[k].trim(), k).not.toBe('');
      const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(ph(zh[k]), k).toEqual(ph(en[k]));
    }
  });

  it('turns errors into sentences in either language, never with the key', async () => {
    const e = (await translate('Hi there', { target: 'zh', settings: {}, deps: { builtin: null, fetch } }).catch((x) => x)) as TranslateError;
    expect(translateErrorText('en', e)).toBe(
      'Nothing is configured for translating: this browser has no built-in translator, and no translation endpoint is set. Add an OpenAI-compatible endpoint in the settings. Nothing was sent.',
    );
    expect(translateErrorText('zh', e)).toMatch(/^尚未配置翻译：此浏览器没有内置翻译/);
    const rl = new TranslateError('rate-limited', 'x', { host: 'api.example.com', status: 429, retryAfterMs: 2500 });
    expect(translateErrorText('zh', rl)).toBe('api.example.com 正在限流（HTTP 429），请 3 秒后重试。');
    const kr = new TranslateError('key-rejected', 'x', { host: 'api.example.com', status: 401 });
    expect(translateErrorText('en', kr)).toBe('api.example.com rejected the API key (HTTP 401): check the key in the settings.');
    expect(translateErrorText('en', new Error('odd'))).toBe('The translation failed: odd');
    // Across extension messaging, as plain data, and back.
    const back = translateErrorFromData(JSON.parse(JSON.stringify(translateErrorToData(rl))));
    expect(back).toBeInstanceOf(TranslateError);
    expect(translateErrorText('en', back)).toBe(translateErrorText('en', rl));
    expect(translateErrorFromData({ message: 'x' })).toBeNull();
    expect(tr('zh', 'viaEndpoint', { host: 'api.example.com' })).toBe('由 api.example.com 翻译');
  });
});
