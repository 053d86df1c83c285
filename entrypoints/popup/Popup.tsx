import { useEffect, useState } from 'react';
import { CaptureSummary } from '@/components/CaptureSummary';
import { useSettings } from '@/components/settings-context';
import { useCards } from '@/components/use-cards';
import { send } from '@/lib/messaging/client';
import type { MergeReportDto, ProtocolMap } from '@/lib/messaging/protocol';
import type { Card } from '@/lib/schema';

/** The tab to capture: the one named in ?tabId= (popup.html opened as a page), else the active tab. */
async function targetTabId(): Promise<number | null> {
  const fromQuery = new URLSearchParams(location.search).get('tabId');
  if (fromQuery && /^\d+$/.test(fromQuery)) return Number(fromQuery);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

type State =
  | { step: 'idle' }
  | { step: 'capturing' }
  | { step: 'review'; result: ProtocolMap['capture.tab'] }
  | { step: 'saving'; result: ProtocolMap['capture.tab'] }
  | { step: 'saved'; card: Card; report?: MergeReportDto };

export function Popup() {
  const { t } = useSettings();
  const { cards } = useCards();
  const [state, setState] = useState<State>({ step: 'idle' });
  const [error, setError] = useState('');
  const [target, setTarget] = useState('new');

  async function capture() {
    setError('');
    setState({ step: 'capturing' });
    try {
      const tabId = await targetTabId();
      if (tabId == null) throw new Error(t('noTab'));
      const result = await send('capture.tab', { tabId });
      setTarget(result.proposals[0]?.id ?? 'new');
      setState({ step: 'review', result });
    } catch (e) {
      setError((e as Error).message);
      setState({ step: 'idle' });
    }
  }

  async function save() {
    if (state.step !== 'review') return;
    setError('');
    setState({ step: 'saving', result: state.result });
    try {
      const res = await send('capture.save', {
        capture: state.result.capture,
        target: target === 'new' ? { kind: 'new' } : { kind: 'merge', cardId: target },
      });
      setState({ step: 'saved', card: res.card, report: res.report });
    } catch (e) {
      setError((e as Error).message);
      setState({ step: 'review', result: state.result });
    }
  }

  const openLibrary = (cardId?: string) => {
    const url = browser.runtime.getURL('/options.html') + (cardId ? `#card=${encodeURIComponent(cardId)}` : '');
    browser.tabs.create({ url });
  };

  useEffect(() => {
    document.body.classList.add('popup');
  }, []);

  const proposals = state.step === 'review' || state.step === 'saving' ? state.result.proposals : [];
  const others = (cards ?? []).filter((c) => !proposals.some((p) => p.id === c.id));

  return (
    <main className="popup-main">
      <header className="bar">
        <strong className="brand">{t('appName')}</strong>
        <button className="ghost" onClick={() => openLibrary()} data-testid="open-library">
          {t('library')}
        </button>
      </header>

      {(state.step === 'idle' || state.step === 'capturing') && (
        <button className="primary big" onClick={capture} disabled={state.step === 'capturing'} data-testid="capture">
          {state.step === 'capturing' ? t('capturing') : t('capture')}
        </button>
      )}

      {error && (
        <div className="notice error" role="alert" data-testid="error">
          {error}
        </div>
      )}

      {(state.step === 'review' || state.step === 'saving') && (
        <>
          <CaptureSummary capture={state.result.capture} />
          <div className="save-row">
            <label>
              {t('saveTo')}
              <select value={target} onChange={(e) => setTarget(e.target.value)} data-testid="target">
                <option value="new">{t('newCard')}</option>
                {proposals.map((c) => (
                  <option key={c.id} value={c.id}>
                    ★ {c.title} ({t('proposed')})
                  </option>
                ))}
                {others.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.title}
                  </option>
                ))}
              </select>
            </label>
            <button className="primary" onClick={save} disabled={state.step === 'saving'} data-testid="save">
              {state.step === 'saving' ? t('saving') : t('save')}
            </button>
          </div>
        </>
      )}

      {state.step === 'saved' && (
        <div className="notice ok" data-testid="saved" role="status">
          <p>
            {state.report
              ? t('savedMerge', { filled: state.report.filled.length, links: state.report.addedLinks })
              : t('savedNew')}
          </p>
          {state.report && state.report.conflicts.length > 0 && (
            <p>{t('conflictsKept', { fields: state.report.conflicts.join(', ') })}</p>
          )}
          <p className="card-name">{state.card.title}</p>
          <button className="primary" onClick={() => openLibrary(state.card.id)}>
            {t('openCard')}
          </button>
        </div>
      )}
    </main>
  );
}
