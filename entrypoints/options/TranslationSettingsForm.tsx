import { useEffect, useState } from 'react';
import { useSettings } from '@/components/settings-context';
import { endpointPermissionPattern, loadTranslationSettings, saveTranslationSettings, translationSettingsProblems, type TranslationSettings } from '@/lib/translate/settings';

/** The OpenAI-compatible endpoint: kept in local extension storage only, its origin granted on save. */
export function TranslationSettingsForm() {
  const { t } = useSettings();
  const [s, setS] = useState<TranslationSettings | null>(null);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  useEffect(() => {
    loadTranslationSettings(browser.storage.local).then(setS);
  }, []);
  if (!s) return null;
  async function save() {
    if (!s) return;
    const problems = translationSettingsProblems(s);
    if (problems.length) return setStatus({ kind: 'error', text: problems.join(' ') });
    const origin = endpointPermissionPattern(s);
    // The browser asks the user; without the grant the background could not reach the endpoint.
    if (origin && !(await browser.permissions.request({ origins: [origin] }).catch(() => false))) {
      return setStatus({ kind: 'error', text: `${origin}: permission not granted; the endpoint cannot be reached.` });
    }
    await saveTranslationSettings(browser.storage.local, s);
    setStatus({ kind: 'ok', text: t('saved') });
  }
  const field = (key: 'endpoint' | 'apiKey' | 'model', label: string, type = 'text') => (
    <label className="field">
      <span>{label}</span>
      <input type={type} value={s[key]} onChange={(e) => setS({ ...s, [key]: e.target.value })} autoComplete="off" data-testid={`translation-${key}`} />
    </label>
  );
  return (
    <section data-testid="translation-settings">
      <h2>{t('translationSettings')}</h2>
      <p className="muted small">{t('translationHelp')}</p>
      {field('endpoint', t('endpoint'))}
      {field('apiKey', t('apiKey'), 'password')}
      {field('model', t('modelName'))}
      <button onClick={save} data-testid="translation-save">{t('saveTranslation')}</button>
      {status && <div className={`notice ${status.kind}`} role="status" data-testid="translation-status">{status.text}</div>}
    </section>
  );
}
