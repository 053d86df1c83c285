import { z } from './schema/zod';

export const Settings = z.object({
  locale: z.enum(['auto', 'en', 'zh']).default('auto'),
  templateLang: z.enum(['zh', 'en']).default('zh'),
  /** Keep an in-page translation (Immersive Translate) beside the original text in captures. */
  keepTranslation: z.boolean().default(false),
});
export type Settings = z.infer<typeof Settings>;

const KEY = 'settings';

/** Small preferences live in local extension storage; a corrupt value falls back to the defaults. */
export async function loadSettings(): Promise<Settings> {
  const raw = (await browser.storage.local.get(KEY))[KEY];
  const parsed = Settings.safeParse(raw ?? {});
  return parsed.success ? parsed.data : Settings.parse({});
}

export async function saveSettings(s: Settings): Promise<void> {
  await browser.storage.local.set({ [KEY]: Settings.parse(s) });
}

export function onSettingsChanged(cb: (s: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(KEY in changes)) return;
    const parsed = Settings.safeParse(changes[KEY].newValue ?? {});
    if (parsed.success) cb(parsed.data);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
