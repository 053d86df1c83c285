import { useState } from 'react';
import { useSettings } from '@/components/settings-context';
import { openSurveyDb } from '@/lib/db/database';
import { makeBackup, withBytes } from '@/lib/export/backup';
import { resultsCsv } from '@/lib/export/csv';
import { surveyDocument } from '@/lib/export/document';
import { surveyZip, type ZipImage } from '@/lib/export/zip';
import { applyPlan, checkBackupSize, parseBackup, planRestore, type RestorePlan } from '@/lib/import/restore';
import { countWrites, writeRestore } from '@/lib/import/write';
import { send } from '@/lib/messaging/client';
import type { Card } from '@/lib/schema';

/** Backups above this are refused before the file is read (a few hundred cards with images is far below). */
export const MAX_BACKUP_BYTES = 150 * 1024 * 1024;

function download(name: string, data: BlobPart, type: string) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const stamp = () => new Date().toISOString().slice(0, 10);

/**
 * Export the chosen cards (the selection, or every card) as the survey document, a zip with images, or
 * results CSV; back up and restore everything. Bulk data is read and written here, in the extension's
 * own origin, because runtime messages are capped at 64 MB; the background is told to re-index after.
 */
export function ExportPanel({ ids }: { ids: string[] }) {
  const { t, settings } = useSettings();
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [plan, setPlan] = useState<RestorePlan | null>(null);
  const [busy, setBusy] = useState(false);

  async function cards(): Promise<Card[]> {
    const all = ids.length ? ids : await send('cards.ids', { query: {} });
    return send('cards.getMany', { ids: all });
  }

  async function run(work: () => Promise<string>) {
    setBusy(true);
    setStatus(null);
    try {
      setStatus({ kind: 'ok', text: await work() });
    } catch (e) {
      setStatus({ kind: 'error', text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  }

  const doc = () =>
    run(async () => {
      const cs = await cards();
      const md = surveyDocument(cs, { lang: settings.templateLang, date: new Date() });
      await navigator.clipboard.writeText(md);
      return t('exportCopied', { n: cs.length });
    });
  const docFile = () =>
    run(async () => {
      const cs = await cards();
      download(`survey-${stamp()}.md`, surveyDocument(cs, { lang: settings.templateLang, date: new Date() }), 'text/markdown;charset=utf-8');
      return t('exportDownloaded', { n: cs.length });
    });
  const zip = () =>
    run(async () => {
      const cs = await cards();
      const db = openSurveyDb();
      const assetIds = cs.flatMap((c) => c.images.map((i) => i.assetId));
      const assets = new Map<string, ZipImage>();
      for (const a of await db.assets.bulkGet(assetIds)) if (a) assets.set(a.id, { blob: a.blob, mime: a.mime, caption: a.caption });
      db.close();
      const bytes = await surveyZip(cs, assets, { lang: settings.templateLang, date: new Date() });
      download(`survey-${stamp()}.zip`, bytes as BlobPart, 'application/zip');
      return t('exportZipped', { n: cs.length, images: assets.size });
    });
  const csv = () =>
    run(async () => {
      const cs = await cards();
      download(`results-${stamp()}.csv`, resultsCsv(cs), 'text/csv;charset=utf-8');
      return t('exportCsv', { n: cs.reduce((a, c) => a + c.benchmarks.length, 0) });
    });
  const backup = () =>
    run(async () => {
      const db = openSurveyDb();
      const [cs, captures, annotations, assets] = await Promise.all([db.cards.toArray(), db.captures.toArray(), db.annotations.toArray(), db.assets.toArray()]);
      db.close();
      const bytes = makeBackup({ cards: cs, captures, annotations, assets: await withBytes(assets) });
      download(`llm-survey-cards-backup-${stamp()}.zip`, bytes as BlobPart, 'application/zip');
      return t('backupDone', { cards: cs.length, images: assets.length });
    });

  async function choose(file: File) {
    setPlan(null);
    await run(async () => {
      checkBackupSize(file.size, MAX_BACKUP_BYTES);
      const parsed = parseBackup(new Uint8Array(await file.arrayBuffer()), { maxBytes: MAX_BACKUP_BYTES });
      const db = openSurveyDb();
      const [cs, captures, annotations, assetIds] = await Promise.all([db.cards.toArray(), db.captures.toArray(), db.annotations.toArray(), db.assets.toCollection().primaryKeys()]);
      db.close();
      const p = planRestore(parsed, { cards: cs, captures, annotations, assetIds: assetIds as string[] });
      setPlan(p);
      return t('restorePreviewReady', { file: file.name });
    });
  }

  async function apply(choice: 'keep-local' | 'take-backup') {
    if (!plan) return;
    await run(async () => {
      const writes = applyPlan(plan, choice);
      const db = openSurveyDb();
      try {
        await writeRestore(db, writes);
      } finally {
        db.close();
      }
      await send('library.reindex', {});
      setPlan(null);
      return countWrites(writes) ? t('restoreDone', { n: countWrites(writes) }) : t('restoreNothing');
    });
  }

  const c = plan?.counts;
  return (
    <section className="panel wide export" data-testid="export">
      <h1>{t('exportTitle')}</h1>
      <p className="muted">{ids.length ? t('exportScopeSelected', { n: ids.length }) : t('exportScopeAll')}</p>
      <div className="export-actions">
        <button onClick={doc} disabled={busy} data-testid="export-copy">{t('exportCopy')}</button>
        <button onClick={docFile} disabled={busy} data-testid="export-md">{t('exportMd')}</button>
        <button className="primary" onClick={zip} disabled={busy} data-testid="export-zip">{t('exportZip')}</button>
        <button onClick={csv} disabled={busy} data-testid="export-csv">{t('exportCsvButton')}</button>
      </div>
      <h2>{t('backupTitle')}</h2>
      <div className="export-actions">
        <button onClick={backup} disabled={busy} data-testid="backup">{t('backupButton')}</button>
        <label className="file-button">
          {t('restoreButton')}
          <input type="file" accept=".zip,.json,application/zip,application/json" onChange={(e) => { const f = e.target.files?.[0]; if (f) choose(f); e.target.value = ''; }} data-testid="restore-input" />
        </label>
      </div>
      {status && <div className={`notice ${status.kind}`} role="status" data-testid="export-status">{status.text}</div>}
      {plan && c && (
        <div className="restore-plan" data-testid="restore-plan">
          <table className="grid">
            <thead>
              <tr><th /><th>{t('planNew')}</th><th>{t('planUpdated')}</th><th>{t('planConflicting')}</th><th>{t('planUnchanged')}</th></tr>
            </thead>
            <tbody>
              {(['cards', 'captures', 'annotations', 'assets'] as const).map((k) => (
                <tr key={k}>
                  <th>{t(`plan_${k}`)}</th>
                  <td className="num">{c[k].new}</td><td className="num">{c[k].updated}</td><td className="num">{c[k].conflicting}</td><td className="num">{c[k].unchanged}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {plan.cards.some((i) => i.status === 'conflicting') && (
            <p className="small">{t('planConflictsAre')}: {plan.cards.filter((i) => i.status === 'conflicting').map((i) => i.local?.title ?? i.id).join(', ')}</p>
          )}
          <div className="row">
            <button className="primary" onClick={() => apply('keep-local')} disabled={busy} data-testid="restore-keep-local">{t('restoreKeepLocal')}</button>
            <button onClick={() => apply('take-backup')} disabled={busy} data-testid="restore-take-backup">{t('restoreTakeBackup')}</button>
            <button className="ghost" onClick={() => setPlan(null)}>{t('revert')}</button>
          </div>
        </div>
      )}
    </section>
  );
}
