import { useEffect, useMemo, useState } from 'react';
import { CaptureSummary } from '@/components/CaptureSummary';
import { useSettings } from '@/components/settings-context';
import { useCardsChanged } from '@/components/use-cards';
import { mergeCaptureIntoCard } from '@/lib/cards/merge';
import type { CardSummary } from '@/lib/db/library-index';
import type { MessageKey } from '@/lib/i18n/messages';
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

type Review = ProtocolMap['capture.tab'];
type State =
  | { step: 'idle' }
  | { step: 'capturing' }
  | { step: 'review'; result: Review }
  | { step: 'saving'; result: Review }
  | { step: 'saved'; card: Card; report?: MergeReportDto };

const openLibrary = (cardId?: string) => {
  const url = browser.runtime.getURL('/options.html') + (cardId ? `#card=${encodeURIComponent(cardId)}` : '');
  browser.tabs.create({ url });
};

export function Popup() {
  const { t } = useSettings();
  const [recent, setRecent] = useState<CardSummary[]>([]);
  const [state, setState] = useState<State>({ step: 'idle' });
  const [error, setError] = useState('');
  const [target, setTarget] = useState('new');
  const [targetCard, setTargetCard] = useState<Card | null>(null);

  // On the leaderboard's own page, the popup offers to start a survey from it.
  const [onLeaderboard, setOnLeaderboard] = useState(false);
  useEffect(() => {
    targetTabId()
      .then((id) => (id == null ? null : browser.tabs.get(id)))
      .then((tab) => setOnLeaderboard(!!tab?.url && /^https:\/\/huggingface\.co\/spaces\/open-llm-leaderboard\//.test(tab.url)))
      .catch(() => {});
  }, []);
  const loadRecent = () => send('cards.recent', { limit: 8 }).then(setRecent).catch(() => {});
  useEffect(() => {
    document.body.classList.add('popup');
    loadRecent();
  }, []);
  useCardsChanged(loadRecent);

  // The chosen card, to show what this capture would add to it.
  useEffect(() => {
    if (target === 'new' || (state.step !== 'review' && state.step !== 'saving')) return setTargetCard(null);
    const proposed = state.result.proposals.find((p) => p.card.id === target)?.card;
    if (proposed) return setTargetCard(proposed);
    send('cards.get', { id: target })
      .then((r) => setTargetCard(r.card))
      .catch(() => setTargetCard(null));
  }, [target, state.step]); // eslint-disable-line react-hooks/exhaustive-deps

  const preview = useMemo(
    () => (targetCard && (state.step === 'review' || state.step === 'saving') ? mergeCaptureIntoCard(targetCard, state.result.capture, new Date()).report : null),
    [targetCard, state],
  );

  async function capture() {
    setError('');
    setState({ step: 'capturing' });
    try {
      const tabId = await targetTabId();
      if (tabId == null) throw new Error(t('noTab'));
      const result = await send('capture.tab', { tabId });
      setTarget(result.proposals[0]?.card.id ?? 'new');
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
      await browser.storage.local.set({ lastCardId: res.card.id });
    } catch (e) {
      setError((e as Error).message);
      setState({ step: 'review', result: state.result });
    }
  }

  const proposals = state.step === 'review' || state.step === 'saving' ? state.result.proposals : [];
  const others = recent.filter((c) => !proposals.some((p) => p.card.id === c.id));

  return (
    <main className="popup-main">
      <header className="bar">
        <strong className="brand">{t('appName')}</strong>
        <button className="ghost" onClick={() => openLibrary()} data-testid="open-library">
          {t('library')}
        </button>
      </header>

      {onLeaderboard && state.step === 'idle' && (
        <button className="big" onClick={() => browser.tabs.create({ url: browser.runtime.getURL('/options.html') + '#leaderboard' })} data-testid="from-leaderboard">
          {t('lbFromPage')}
        </button>
      )}

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
                {proposals.map((p) => (
                  <option key={p.card.id} value={p.card.id}>
                    ★ {p.card.title} ({t(`reason_${p.reason.replace(/-/g, '_')}` as MessageKey)})
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
          {preview && <WhatIsNew report={preview} />}
        </>
      )}

      {state.step === 'saved' && <Saved card={state.card} report={state.report} />}

      {(state.step === 'idle' || state.step === 'saved') && recent.length > 0 && (
        <RegionShot recent={recent} preferred={state.step === 'saved' ? state.card.id : undefined} />
      )}

      {state.step === 'idle' && recent.length > 0 && (
        <section className="recent" data-testid="recent">
          <h3>{t('recentCards')}</h3>
          <ul>
            {recent.map((c) => (
              <li key={c.id}>
                <button className="link" onClick={() => openLibrary(c.id)}>
                  {c.title}
                </button>
                <span className="muted small"> {c.updatedAt.slice(0, 10)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}

/** A region of the page into a card's 效果展示: the background runs it, so the popup may close meanwhile. */
function RegionShot({ recent, preferred }: { recent: CardSummary[]; preferred?: string }) {
  const { t } = useSettings();
  const [cardId, setCardId] = useState(preferred ?? recent[0]?.id ?? '');
  const [caption, setCaption] = useState('');
  const [status, setStatus] = useState('');
  useEffect(() => {
    if (preferred) return;
    browser.storage.local.get('lastCardId').then(({ lastCardId }) => {
      if (typeof lastCardId === 'string' && recent.some((c) => c.id === lastCardId)) setCardId(lastCardId);
    });
  }, [preferred]); // eslint-disable-line react-hooks/exhaustive-deps
  async function shoot() {
    const tabId = await targetTabId();
    if (tabId == null || !cardId) return;
    await browser.storage.local.set({ lastCardId: cardId });
    const pending = send('shot.region', { tabId, cardId, caption });
    // A real popup closes when the page is clicked; the background finishes the work on its own.
    if (!new URLSearchParams(location.search).has('tabId')) window.close();
    setStatus(t('shotPick'));
    try {
      const res = await pending;
      setStatus(res.cancelled ? t('shotCancelled') : t('shotSaved'));
    } catch (e) {
      setStatus((e as Error).message);
    }
  }
  return (
    <section className="shot" data-testid="region-shot">
      <h3>{t('shotTitle')}</h3>
      <div className="row">
        <select value={cardId} onChange={(e) => setCardId(e.target.value)} aria-label={t('saveTo')} data-testid="shot-card">
          {recent.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
      </div>
      <div className="row">
        <input value={caption} onChange={(e) => setCaption(e.target.value)} placeholder={t('caption')} data-testid="shot-caption" />
        <button onClick={shoot} data-testid="shot-start">
          {t('shotStart')}
        </button>
      </div>
      {status && <p className="small" role="status" data-testid="shot-status">{status}</p>}
    </section>
  );
}

function WhatIsNew({ report }: { report: MergeReportDto }) {
  const { t } = useSettings();
  const parts = [
    report.filled.length ? t('fillsFields', { fields: report.filled.join(', ') }) : '',
    report.conflicts.length ? t('keepsBeside', { fields: report.conflicts.join(', ') }) : '',
    report.addedLinks ? t('addsLinks', { n: report.addedLinks }) : '',
    report.addedDatasets ? t('addsDatasets', { n: report.addedDatasets }) : '',
    report.addedBenchmarks ? t('addsResults', { n: report.addedBenchmarks }) : '',
  ].filter(Boolean);
  return (
    <div className="notice what-new small" data-testid="what-is-new">
      <strong>{t('whatIsNew')}:</strong> {parts.length ? parts.join('; ') : t('nothingNew')}
    </div>
  );
}

/** After saving: the result, and the quick edits a surveyor makes on the spot (tags, a note). */
function Saved({ card, report }: { card: Card; report?: MergeReportDto }) {
  const { t } = useSettings();
  const [tags, setTags] = useState(card.tags.join(', '));
  const [notes, setNotes] = useState(card.notes);
  const [current, setCurrent] = useState(card);
  const [status, setStatus] = useState('');
  async function saveQuick() {
    try {
      const next = await send('cards.update', {
        card: { ...current, tags: [...new Set(tags.split(/[,，]/).map((s) => s.trim()).filter(Boolean))], notes },
        baseRevision: current.revision,
      });
      setCurrent(next);
      setStatus(t('saved'));
    } catch (e) {
      setStatus((e as Error).message);
    }
  }
  return (
    <div className="notice ok" data-testid="saved" role="status">
      <p>{report ? t('savedMerge', { filled: report.filled.length, links: report.addedLinks }) : t('savedNew')}</p>
      {report && report.conflicts.length > 0 && <p>{t('conflictsKept', { fields: report.conflicts.join(', ') })}</p>}
      <p className="card-name">{card.title}</p>
      <div className="quick">
        <strong className="small">{t('quickEdit')}</strong>
        <input value={tags} onChange={(e) => setTags(e.target.value)} placeholder={t('tags')} data-testid="quick-tags" />
        <textarea rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} placeholder={t('notes')} data-testid="quick-notes" />
        <div className="row">
          <button onClick={saveQuick} data-testid="quick-save">{t('save')}</button>
          <button className="primary" onClick={() => openLibrary(card.id)}>
            {t('openCard')}
          </button>
          <span className="small">{status}</span>
        </div>
      </div>
    </div>
  );
}
