/**
 * Translation settings: the user's OpenAI-compatible endpoint and whether to use the browser's own
 * translator. Stored in storage.local under their own key, never in storage.sync: the API key stays in
 * this browser profile and is sent only to the endpoint itself (openai.ts).
 */
import { z } from '../schema/zod';
import { checkEndpointUrl, EndpointSettings } from './openai';
import { TranslateError } from './errors';

export const TRANSLATION_SETTINGS_KEY = 'translation';

export const TranslationSettings = z.object({
  /** Base URL, e.g. https://api.example.com/v1; '' when not configured. */
  endpoint: z.string().trim().max(2000).default(''),
  apiKey: z.string().trim().max(1000).default(''),
  model: z.string().trim().max(200).default(''),
  /** Use the browser's on-device translator when it has the language pair (before the endpoint). */
  useBuiltin: z.boolean().default(true),
  timeoutSeconds: z.number().int().min(5).max(600).default(60),
});
export type TranslationSettings = z.output<typeof TranslationSettings>;
export type TranslationSettingsInput = z.input<typeof TranslationSettings>;

export const DEFAULT_TRANSLATION_SETTINGS: TranslationSettings = TranslationSettings.parse({});

/** The part of browser.storage.local these helpers use (a fake in tests). Pass storage.local, never storage.sync. */
export interface StorageAreaLike {
  get(keys: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Is an endpoint fully and validly configured (URL, model, key — or no key for localhost)? */
export function translationConfigured(s: Partial<TranslationSettingsInput> | null | undefined): boolean {
  return !!s && EndpointSettings.safeParse({ endpoint: s.endpoint ?? '', apiKey: s.apiKey ?? '', model: s.model ?? '' }).success;
}

/** Problems with the settings as the user typed them, as short English sentences; [] when fine. */
export function translationSettingsProblems(input: unknown): string[] {
  const parsed = TranslationSettings.safeParse(input ?? {});
  if (!parsed.success) return [...new Set(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`))];
  const s = parsed.data;
  // Everything empty means "no endpoint", which is allowed.
  if (!s.endpoint && !s.apiKey && !s.model) return [];
  const r = EndpointSettings.safeParse(s);
  return r.success ? [] : [...new Set(r.error.issues.map((i) => i.message))];
}

export async function loadTranslationSettings(area: StorageAreaLike): Promise<TranslationSettings> {
  const raw = (await area.get(TRANSLATION_SETTINGS_KEY))[TRANSLATION_SETTINGS_KEY];
  const parsed = TranslationSettings.safeParse(raw ?? {});
  return parsed.success ? parsed.data : { ...DEFAULT_TRANSLATION_SETTINGS };
}

/**
 * Validates and saves; the endpoint is stored normalized (no trailing slash or /chat/completions).
 * Throws TranslateError 'invalid-settings' (nothing saved) when the endpoint part is partly or wrongly filled.
 */
export async function saveTranslationSettings(area: StorageAreaLike, input: TranslationSettingsInput): Promise<TranslationSettings> {
  const problems = translationSettingsProblems(input);
  if (problems.length) throw new TranslateError('invalid-settings', `the translation settings are not valid: ${problems.join('; ')}`, { detail: problems.join('; ') });
  const s = TranslationSettings.parse(input);
  if (s.endpoint) {
    const r = checkEndpointUrl(s.endpoint);
    if (r.ok) s.endpoint = r.url;
  }
  await area.set({ [TRANSLATION_SETTINGS_KEY]: s });
  return s;
}

/** Forget the endpoint and its key (keeps the other preferences). */
export async function clearTranslationEndpoint(area: StorageAreaLike): Promise<TranslationSettings> {
  const s = { ...(await loadTranslationSettings(area)), endpoint: '', apiKey: '', model: '' };
  await area.set({ [TRANSLATION_SETTINGS_KEY]: s });
  return s;
}

interface StorageChangedEvent {
  addListener(cb: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
  removeListener(cb: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
}

/** Calls back when the local translation settings change; pass browser.storage.onChanged. Returns an unsubscribe. */
export function onTranslationSettingsChanged(events: StorageChangedEvent, cb: (s: TranslationSettings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(TRANSLATION_SETTINGS_KEY in changes)) return;
    const parsed = TranslationSettings.safeParse(changes[TRANSLATION_SETTINGS_KEY].newValue ?? {});
    cb(parsed.success ? parsed.data : { ...DEFAULT_TRANSLATION_SETTINGS });
  };
  events.addListener(listener);
  return () => events.removeListener(listener);
}

/** For showing a stored key without revealing it: 'sk-…wxyz' (at most the last 4 characters). */
export function maskApiKey(key: string): string {
  if (!key) return '';
  if (key.length < 12) return '•'.repeat(8);
  return `${key.slice(0, 3)}…${key.slice(-4)}`;
}

/**
 * The host permission pattern the extension must hold to call the endpoint without CORS
 * (for browser.permissions.request({ origins: [pattern] }) from the settings page), or null.
 */
export function endpointPermissionPattern(s: Pick<TranslationSettings, 'endpoint'>): string | null {
  const r = s.endpoint ? checkEndpointUrl(s.endpoint) : null;
  return r && r.ok ? `${new URL(r.url).origin}/*` : null;
}
