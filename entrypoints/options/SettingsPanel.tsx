import { useSettings } from '@/components/settings-context';
import { TranslationSettingsForm } from './TranslationSettingsForm';

export function SettingsPanel() {
  const { t, settings, update } = useSettings();
  return (
    <section className="panel" data-testid="settings">
      <h1>{t('settings')}</h1>
      <label className="field">
        <span>{t('language')}</span>
        <select
          value={settings.locale}
          onChange={(e) => update({ locale: e.target.value as 'auto' | 'en' | 'zh' })}
          data-testid="locale"
        >
          <option value="auto">{t('languageAuto')}</option>
          <option value="zh">中文</option>
          <option value="en">English</option>
        </select>
      </label>
      <label className="field">
        <span>{t('exportLanguage')}</span>
        <select value={settings.templateLang} onChange={(e) => update({ templateLang: e.target.value as 'zh' | 'en' })}>
          <option value="zh">{t('templateZh')}</option>
          <option value="en">{t('templateEn')}</option>
        </select>
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={settings.keepTranslation}
          onChange={(e) => update({ keepTranslation: e.target.checked })}
          data-testid="keep-translation"
        />
        <span>{t('keepTranslation')}</span>
      </label>
      <TranslationSettingsForm />
    </section>
  );
}
