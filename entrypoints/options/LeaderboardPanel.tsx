import { useMemo, useRef, useState } from 'react';
import { useSettings } from '@/components/settings-context';
import { formatParams } from '@/components/CaptureSummary';
import { draftCardFields, emptyCard, fillEmpty, runEnrichment, unfinished, type EnrichmentRun, type ModelProgress } from '@/lib/leaderboard/enrich';
import type { LeaderboardEntry } from '@/lib/leaderboard/entry';
import { loadLeaderboardRows } from '@/lib/leaderboard/load';
import { LEADERBOARD_DATASETS, parseLeaderboardFile } from '@/lib/leaderboard/rows';
import { topN } from '@/lib/leaderboard/select';
import { send } from '@/lib/messaging/client';
import { newId } from '@/lib/util/ids';

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((res) => {
    const timer = setTimeout(res, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      res();
    });
  });
// Requests carry no cookies: the public APIs need none.
const httpFetch = (url: string, init?: { signal?: AbortSignal }) => fetch(url, { credentials: 'omit', signal: init?.signal });
const TYPES = ['pretrained', 'continuously-pretrained', 'fine-tuned', 'chat', 'merge', 'multimodal'];

/**
 * Start a survey from a leaderboard: the top N by average under the user's filters become draft cards,
 * filled from the Hub, arXiv and the Papers API. Cards are written together, once the run ends.
 */
export function LeaderboardPanel() {
  const { t } = useSettings();
  const [entries, setEntries] = useState<LeaderboardEntry[] | null>(null);
  const [source, setSource] = useState('');
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [types, setTypes] = useState<string[]>(['pretrained']);
  const [n, setN] = useState(10);
  const [paramsMin, setParamsMin] = useState('');
  const [paramsMax, setParamsMax] = useState('');
  const [excludeFlagged, setExcludeFlagged] = useState(true);
  const [excludeMerged, setExcludeMerged] = useState(true);
  const [progress, setProgress] = useState<Record<string, ModelProgress>>({});
  const [run, setRun] = useState<EnrichmentRun | null>(null);
  const [busy, setBusy] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const created = useRef<Record<string, string>>({});

  const top = useMemo(
    () =>
      entries
        ? topN(entries, {
            n,
            types,
            paramsMin: paramsMin === '' ? undefined : Number(paramsMin),
            paramsMax: paramsMax === '' ? undefined : Number(paramsMax),
            excludeFlagged,
            excludeMerged,
          })
        : [],
    [entries, n, types, paramsMin, paramsMax, excludeFlagged, excludeMerged],
  );

  async function loadOnline(version: 'v1' | 'v2') {
    setBusy(true);
    setStatus({ kind: 'ok', text: t('lbLoading') });
    try {
      const parsed = await loadLeaderboardRows(LEADERBOARD_DATASETS[version], { fetch: httpFetch, sleep, now: Date.now });
      setEntries(parsed.entries);
      setSource(`${parsed.source.name} (${parsed.source.version})`);
      setStatus({ kind: 'ok', text: t('lbLoaded', { n: parsed.entries.length }) });
    } catch (e) {
      setStatus({ kind: 'error', text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  }

  async function loadFile(file: File) {
    try {
      const parsed = parseLeaderboardFile(await file.text(), { file: file.name });
      setEntries(parsed.entries);
      setSource(`${parsed.source.name} (${parsed.source.version}, ${file.name})`);
      setStatus({ kind: 'ok', text: t('lbLoaded', { n: parsed.entries.length }) });
    } catch (e) {
      setStatus({ kind: 'error', text: `${file.name}: ${(e as Error).message}` });
    }
  }

  async function create(models: LeaderboardEntry[], previous: EnrichmentRun | null) {
    abort.current = new AbortController();
    setBusy(true);
    try {
      const result = await runEnrichment(models, {
        fetch: httpFetch,
        sleep,
        now: Date.now,
        signal: abort.current.signal,
        onProgress: (p) => setProgress((old) => ({ ...old, [p.fullname]: p })),
      });
      const at = new Date().toISOString();
      // A retry fills the cards the first run made (only their empty fields), never a second card.
      const existing = new Map((await send('cards.getMany', { ids: models.map((m) => created.current[m.fullname]).filter(Boolean) })).map((c) => [c.id, c]));
      // One card per model, all written in one transaction: a run never leaves half a library behind.
      const cards = result.results
        .filter((r) => r.state !== 'cancelled')
        .map((r) => {
          const entry = models.find((m) => m.fullname === r.fullname)!;
          const before = existing.get(created.current[r.fullname]);
          const card = fillEmpty(before ?? emptyCard(newId(), at), draftCardFields(entry, r, { at })).card;
          created.current[r.fullname] = card.id;
          return before ? { ...card, revision: before.revision + 1, updatedAt: at } : card;
        });
      if (cards.length) await send('cards.restore', { cards });
      const merged = previous ? { ...result, results: [...previous.results.filter((r) => !models.some((m) => m.fullname === r.fullname)), ...result.results] } : result;
      setRun(merged);
      const failed = merged.results.filter((r) => r.state === 'failed').length;
      const timing = t('lbTiming', { total: (result.elapsedMs / 1000).toFixed(1), waiting: (result.waitedMs / 1000).toFixed(1) });
      setStatus({ kind: failed ? 'error' : 'ok', text: `${t('lbCreated', { n: cards.length, failed })} ${timing}` });
    } catch (e) {
      setStatus({ kind: 'error', text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  }

  const failedModels = run ? top.filter((m) => unfinished(run).includes(m.fullname)) : [];
  return (
    <section className="panel wide" data-testid="leaderboard">
      <h1>{t('lbTitle')}</h1>
      <div className="export-actions">
        <button className="primary" onClick={() => loadOnline('v2')} disabled={busy} data-testid="lb-load">{t('lbLoadV2')}</button>
        <button onClick={() => loadOnline('v1')} disabled={busy} data-testid="lb-load-v1">{t('lbLoadV1')}</button>
        <label className="file-button">
          {t('lbLoadFile')}
          <input type="file" accept=".csv,.json,text/csv,application/json" onChange={(e) => { const f = e.target.files?.[0]; if (f) loadFile(f); e.target.value = ''; }} data-testid="lb-file" />
        </label>
      </div>
      {status && <div className={`notice ${status.kind}`} role="status" data-testid="lb-status">{status.text}</div>}
      {entries && (
        <>
          <p className="muted small">{source}</p>
          <div className="lb-filters">
            {TYPES.map((ty) => (
              <label key={ty} className="check">
                <input type="checkbox" checked={types.includes(ty)} onChange={(e) => setTypes(e.target.checked ? [...types, ty] : types.filter((x) => x !== ty))} />
                <span>{ty}</span>
              </label>
            ))}
            <label>N <input type="number" min={1} max={100} value={n} onChange={(e) => setN(Math.max(1, Number(e.target.value) || 1))} data-testid="lb-n" /></label>
            <label className="params">{t('paramsRange')} <input type="number" min={0} value={paramsMin} onChange={(e) => setParamsMin(e.target.value)} placeholder="min" /> – <input type="number" min={0} value={paramsMax} onChange={(e) => setParamsMax(e.target.value)} placeholder="max" /> B</label>
            <label className="check"><input type="checkbox" checked={excludeFlagged} onChange={(e) => setExcludeFlagged(e.target.checked)} /><span>{t('lbNoFlagged')}</span></label>
            <label className="check"><input type="checkbox" checked={excludeMerged} onChange={(e) => setExcludeMerged(e.target.checked)} /><span>{t('lbNoMerged')}</span></label>
          </div>
          <table className="grid" data-testid="lb-top">
            <thead><tr><th>#</th><th>{t('model')}</th><th>{t('lbType')}</th><th className="num">{t('paramsRange')}</th><th className="num">Avg</th><th>{t('lbState')}</th></tr></thead>
            <tbody>
              {top.map((m, i) => (
                <tr key={m.fullname} data-testid="lb-row">
                  <td>{i + 1}</td>
                  <td>{m.fullname}</td>
                  <td>{m.modelType}</td>
                  <td className="num">{m.params != null ? formatParams(m.params * 1e9) : ''}</td>
                  <td className="num">{m.average?.toFixed(2)}</td>
                  <td className={`lb-state ${progress[m.fullname]?.state ?? ''}`} data-testid="lb-state">{progress[m.fullname] ? `${progress[m.fullname].state}${progress[m.fullname].message ? ` — ${progress[m.fullname].message}` : ''}` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="row">
            <button className="primary" onClick={() => create(top, null)} disabled={busy || !top.length} data-testid="lb-create">{t('lbCreate', { n: top.length })}</button>
            <button onClick={() => abort.current?.abort()} disabled={!busy} data-testid="lb-cancel">{t('lbCancel')}</button>
            {failedModels.length > 0 && !busy && (
              <button onClick={() => create(failedModels, run)} data-testid="lb-retry">{t('lbRetry', { n: failedModels.length })}</button>
            )}
          </div>
          {run && run.results.some((r) => r.state === 'failed') && (
            <ul className="small" data-testid="lb-failures">
              {run.results.filter((r) => r.state === 'failed').map((r) => <li key={r.fullname}>{r.fullname}: {r.error}</li>)}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
