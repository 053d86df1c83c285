import { useState } from 'react';
import { useSettings } from '@/components/settings-context';
import { send } from '@/lib/messaging/client';
import { builtinTranslator } from '@/lib/translate/builtin';

/** Translates a field on request: on the device where the browser can, else through the configured endpoint. */
export function FieldTranslation({ text, onUse }: { text: string; onUse: (value: string) => void }) {
  const { t, locale } = useSettings();
  const [state, setState] = useState<{ kind: 'idle' | 'busy' | 'done' | 'error'; text: string }>({ kind: 'idle', text: '' });
  const target: 'zh' | 'en' = /[\u4e00-\u9fff]/.test(text) && locale === 'zh' ? 'en' : /[\u4e00-\u9fff]/.test(text) ? 'en' : 'zh';
  async function run() {
    setState({ kind: 'busy', text: t('translating') });
    try {
      const b = builtinTranslator();
      if (b.present) {
        const source = (await b.detect(text))?.language ?? (target === 'zh' ? 'en' : 'zh');
        if ((await b.check(source, target)).use === 'now') return setState({ kind: 'done', text: await b.translate(text, source, target) });
      }
      setState({ kind: 'done', text: (await send('translate.text', { text, target })).text });
    } catch (e) {
      setState({ kind: 'error', text: (e as Error).message });
    }
  }
  return (
    <>
      <button className="link small" type="button" onClick={run} disabled={!text.trim() || state.kind === 'busy'} data-testid="translate-field">
        {t('translateAction')} → {target === 'zh' ? '中文' : 'English'}
      </button>
      {state.kind !== 'idle' && (
        <div className={`translation small ${state.kind}`} role="status" data-testid="field-translation">
          <p>{state.text}</p>
          {state.kind === 'done' && (
            <div className="row">
              <button className="link" type="button" onClick={() => onUse(`${text.trimEnd()}\n\n${state.text}`)}>{t('insert')}</button>
              <button className="link" type="button" onClick={() => onUse(state.text)}>{t('useThis')}</button>
              <button className="link" type="button" onClick={() => setState({ kind: 'idle', text: '' })}>×</button>
            </div>
          )}
        </div>
      )}
    </>
  );
}
