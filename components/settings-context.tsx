import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { pickLocale, translate, type Locale, type MessageKey } from '@/lib/i18n/messages';
import { loadSettings, onSettingsChanged, saveSettings, Settings } from '@/lib/settings';

interface SettingsValue {
  settings: Settings;
  locale: Locale;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  update: (patch: Partial<Settings>) => Promise<void>;
}

const Ctx = createContext<SettingsValue | null>(null);

export function SettingsProvider({ children }: { children: ReactNode }) {
  const [settings, setSettings] = useState<Settings>(() => Settings.parse({}));
  useEffect(() => {
    loadSettings().then(setSettings);
    return onSettingsChanged(setSettings);
  }, []);
  const value = useMemo<SettingsValue>(() => {
    const locale = pickLocale(settings.locale, navigator.language);
    return {
      settings,
      locale,
      t: (key, params) => translate(locale, key, params),
      update: async (patch) => {
        const next = { ...settings, ...patch };
        setSettings(next);
        await saveSettings(next);
      },
    };
  }, [settings]);
  useEffect(() => {
    document.documentElement.lang = value.locale === 'zh' ? 'zh-CN' : 'en';
    document.title = value.t('appName');
  }, [value]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useSettings(): SettingsValue {
  const v = useContext(Ctx);
  if (!v) throw new Error('useSettings outside SettingsProvider');
  return v;
}
