/**
 * translate(): a selection or a card field into Chinese or English, on request.
 *
 * Order: the browser's on-device Translator where the browser has it and the language pair is
 * available (nothing leaves the device); otherwise the OpenAI-compatible endpoint the user configured;
 * otherwise a TranslateError 'nothing-configured' ("nothing is configured: …"), and nothing is sent
 * anywhere. Long texts are split on paragraph boundaries, translated piece by piece, and joined back.
 */
import { builtinTranslator, toTranslatorLanguage, type BuiltinTranslator } from './builtin';
import { TranslateError, type BuiltinUnusedReason } from './errors';
import { translateViaEndpoint, type TargetLanguage } from './openai';
import { translationConfigured, type TranslationSettingsInput } from './settings';
import { splitForTranslation, trimParts } from './split';

export { TranslateError, isTranslateError, translateErrorFromData, translateErrorToData, type TranslateErrorCode, type TranslateErrorData } from './errors';
export type { TargetLanguage } from './openai';
export { builtinTranslator, classifyAvailability, type BuiltinTranslator, type BuiltinUse } from './builtin';
export { translationConfigured } from './settings';

/** More than this is refused outright (a card field or a selection is far smaller). */
export const MAX_TEXT_CHARS = 60_000;
export const ENDPOINT_CHUNK_CHARS = 4_000;
export const BUILTIN_CHUNK_CHARS = 2_000;

export interface TranslateDeps {
  /** The on-device translator; builtinTranslator(globalThis) when left out, null for none. */
  builtin?: BuiltinTranslator | null;
  /** fetch for the endpoint; globalThis.fetch when left out. */
  fetch?: typeof fetch | null;
}

export type TranslateProgress =
  | { phase: 'download'; fraction: number }
  | { phase: 'translate'; done: number; total: number };

export interface TranslateOptions {
  target: TargetLanguage;
  /** BCP 47 tag of the text's language; detected when left out. */
  source?: string;
  settings: Partial<TranslationSettingsInput> | null | undefined;
  deps?: TranslateDeps;
  signal?: AbortSignal;
  /**
   * The user clicked "download the language pack": let the built-in translator start its download
   * (only from the click's handler; the browser wants a user gesture for it).
   */
  allowDownload?: boolean;
  onProgress?: (p: TranslateProgress) => void;
  maxChunkChars?: number;
}

export interface TranslateResult {
  text: string;
  via: 'builtin' | 'endpoint';
  /** The source language used or detected, when known. */
  source?: string;
  /** How many pieces the text was sent in. */
  chunks: number;
}

const NAMES: Record<string, string> = { zh: 'Chinese', 'zh-Hant': 'Chinese', en: 'English' };

/** A quick guess between Chinese and English from the characters (no API needed). */
export function guessLanguage(text: string): { language: 'zh' | 'en'; confidence: number } | null {
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  if (han + latin === 0) return null;
  // One Han character carries about as much as three Latin letters.
  const ratio = han / (han + latin / 3);
  return ratio >= 0.5
    ? { language: 'zh', confidence: ratio }
    : // Latin letters alone do not prove English, so this guess is never confident enough to refuse.
      { language: 'en', confidence: (1 - ratio) * 0.85 };
}

async function resolveSource(
  text: string,
  source: string | undefined,
  builtin: BuiltinTranslator | null,
  signal?: AbortSignal,
): Promise<{ language: string | null; confident: boolean }> {
  if (source) return { language: toTranslatorLanguage(source), confident: true };
  const sample = text.slice(0, 2000);
  if (builtin?.canDetect) {
    const d = await builtin.detect(sample, signal);
    if (d && d.confidence >= 0.5) return { language: toTranslatorLanguage(d.language), confident: d.confidence >= 0.9 };
  }
  const g = guessLanguage(sample);
  return g ? { language: g.language, confident: g.confidence >= 0.9 } : { language: null, confident: false };
}

async function inPieces(
  text: string,
  max: number,
  opts: TranslateOptions,
  one: (piece: string) => Promise<string>,
): Promise<{ text: string; chunks: number }> {
  const pieces = splitForTranslation(text, max);
  const work = pieces.filter((p) => p.trim());
  let done = 0;
  const out: string[] = [];
  for (const p of pieces) {
    const [lead, core, trail] = trimParts(p);
    if (!core) {
      out.push(p);
      continue;
    }
    if (opts.signal?.aborted) throw new TranslateError('aborted', 'the translation was cancelled');
    out.push(lead + (await one(core)).trim() + trail);
    opts.onProgress?.({ phase: 'translate', done: ++done, total: work.length });
  }
  return { text: out.join(''), chunks: work.length };
}

function pairText(source: string | null, target: string): string {
  return `${source ?? '?'}→${target}`;
}

function nothingConfigured(reason: BuiltinUnusedReason, pair: string): TranslateError {
  const why: Record<BuiltinUnusedReason, string> = {
    absent: 'this browser has no built-in translator',
    unavailable: `the browser's translator cannot translate ${pair} on this device`,
    'needs-download': `the browser's translator must first download the ${pair} language pack (a click on "Download" starts it)`,
    off: "the browser's translator is turned off in the settings",
    failed: "the browser's translator failed",
  };
  return new TranslateError(
    'nothing-configured',
    `nothing is configured: ${why[reason]}, and no translation endpoint is set (add an OpenAI-compatible endpoint in the settings); nothing was sent`,
    { builtin: reason, pair },
  );
}

export async function translate(text: string, opts: TranslateOptions): Promise<TranslateResult> {
  const { target, settings } = opts;
  if (!text.trim()) throw new TranslateError('empty-input', 'there is no text to translate');
  if (text.length > MAX_TEXT_CHARS)
    throw new TranslateError('too-long', `the text is too long to translate at once (${text.length} characters; at most ${MAX_TEXT_CHARS})`);

  const builtin = opts.deps?.builtin === undefined ? builtinTranslator() : opts.deps.builtin;
  const useBuiltin = settings?.useBuiltin ?? true;
  const src = await resolveSource(text, opts.source, useBuiltin ? builtin : null, opts.signal);
  const pair = pairText(src.language, target);
  if (src.language && src.confident && src.language === target)
    throw new TranslateError('same-language', `the text is already in ${NAMES[target]}`, { pair });

  let reason: BuiltinUnusedReason;
  let builtinError: TranslateError | null = null;
  const endpointReady = translationConfigured(settings);

  if (!useBuiltin) reason = 'off';
  else if (!builtin || !builtin.present) reason = 'absent';
  else if (!src.language) reason = 'unavailable';
  else {
    const check = await builtin.check(src.language, target);
    if (check.use === 'now' || (check.use === 'download' && opts.allowDownload)) {
      const source = src.language;
      try {
        const r = await inPieces(text, opts.maxChunkChars ?? BUILTIN_CHUNK_CHARS, opts, (piece) =>
          builtin.translate(piece, source, target, {
            signal: opts.signal,
            onProgress: (fraction) => opts.onProgress?.({ phase: 'download', fraction }),
          }),
        );
        return { ...r, via: 'builtin', source };
      } catch (e) {
        if (!(e instanceof TranslateError) || e.code === 'aborted' || !endpointReady) throw e;
        builtinError = e; // fall back to the endpoint below
        reason = 'failed';
      }
    } else reason = check.use === 'download' ? 'needs-download' : 'unavailable';
  }

  const fetchImpl = opts.deps?.fetch === undefined ? globalThis.fetch?.bind(globalThis) : opts.deps.fetch;
  const anyEndpointField = !!(settings?.endpoint?.trim() || settings?.model?.trim() || settings?.apiKey?.trim());
  if ((endpointReady || anyEndpointField) && fetchImpl) {
    // A half-filled endpoint gets its own 'not-configured' / 'invalid-settings' error from the client.
    const r = await inPieces(text, opts.maxChunkChars ?? ENDPOINT_CHUNK_CHARS, opts, (piece) =>
      translateViaEndpoint(piece, target, settings, {
        fetch: fetchImpl,
        signal: opts.signal,
        timeoutMs: (settings?.timeoutSeconds ?? 60) * 1000,
      }),
    );
    return { ...r, via: 'endpoint', source: src.language ?? undefined };
  }
  if (builtinError) throw builtinError;
  throw nothingConfigured(reason, pair);
}

/** What translate() would use right now for this text's language pair, for labelling the button. */
export async function translationRoute(
  opts: Pick<TranslateOptions, 'target' | 'source' | 'settings' | 'deps'>,
  sampleText = '',
): Promise<{ route: 'builtin' | 'builtin-download' | 'endpoint' | 'none'; reason?: BuiltinUnusedReason }> {
  const builtin = opts.deps?.builtin === undefined ? builtinTranslator() : opts.deps.builtin;
  const useBuiltin = opts.settings?.useBuiltin ?? true;
  const endpoint = translationConfigured(opts.settings);
  let reason: BuiltinUnusedReason = 'off';
  if (useBuiltin) {
    if (!builtin?.present) reason = 'absent';
    else {
      const src = await resolveSource(sampleText, opts.source, builtin);
      const check = src.language ? await builtin.check(src.language, opts.target) : null;
      if (check?.use === 'now') return { route: 'builtin' };
      reason = check?.use === 'download' ? 'needs-download' : 'unavailable';
      if (check?.use === 'download' && !endpoint) return { route: 'builtin-download', reason };
    }
  }
  return endpoint ? { route: 'endpoint', reason } : { route: 'none', reason };
}
