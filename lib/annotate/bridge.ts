import type { ProtocolMap, RequestOf, RequestType } from '../messaging/protocol';

/**
 * The content script's way to the background. It does not load zod or the schemas (the background
 * validates every message anyway): what loads with every page stays small.
 */
export async function call<T extends RequestType>(type: T, payload: RequestOf<T>): Promise<ProtocolMap[T]> {
  const reply = (await browser.runtime.sendMessage({ type, ...payload })) as
    | { ok: true; data: ProtocolMap[T] }
    | { ok: false; error: { message: string } }
    | undefined;
  if (!reply) throw new Error('The extension did not answer; reload the page.');
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.data;
}

/** The two preferences the content script needs, read without the settings schema. */
export async function pagePreferences(): Promise<{ locale: 'auto' | 'en' | 'zh'; keepTranslation: boolean }> {
  const raw = ((await browser.storage.local.get('settings')).settings ?? {}) as Record<string, unknown>;
  const locale = raw.locale === 'en' || raw.locale === 'zh' ? raw.locale : 'auto';
  return { locale, keepTranslation: raw.keepTranslation === true };
}
