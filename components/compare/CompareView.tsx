import { useMemo, useState } from 'react';
import type { Card } from '@/lib/schema';
import { buildCompareMatrix, formatValue, matrixToCsv, matrixToMarkdown, type CompareCell, type CompareColumn, type CompareMatrix } from '@/lib/compare/matrix';
import { BarChart, type Bar } from './BarChart';
import { compareText, type CompareKey, type CompareLocale } from './strings';
import './compare.css';

export interface CompareViewProps {
  cards: Card[];
  locale: CompareLocale;
}

type Status = { kind: 'ok' | 'error'; text: string } | null;

/** Bars of one column, best first (lower first when lower is better); cards without a value are left out. */
export function columnBars(m: CompareMatrix, c: number): Bar[] {
  const col = m.columns[c];
  const bars: Bar[] = [];
  m.rows.forEach((row) => {
    const cell = row.cells[c];
    if (cell) bars.push({ key: row.cardId, label: row.label, value: cell.value, display: cell.display, best: cell.best });
  });
  return bars.sort((a, b) => (col.higherIsBetter ? b.value - a.value : a.value - b.value));
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function CompareView({ cards, locale }: CompareViewProps) {
  const [ownOnly, setOwnOnly] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const m = useMemo(() => buildCompareMatrix(cards, { ownOnly }), [cards, ownOnly]);
  const t = (key: CompareKey, params?: Record<string, string | number>) => compareText(locale, key, params);
  const empty = !m.columns.length;

  async function copy(kind: 'markdown' | 'csv') {
    // The clipboard gets no byte-order mark: pasted into a sheet or an editor it would be a stray character.
    const text = kind === 'markdown' ? matrixToMarkdown(m, locale) : matrixToCsv(m, { bom: false });
    try {
      if (!navigator.clipboard?.writeText) throw new Error(locale === 'zh' ? '此页面无剪贴板接口' : 'no clipboard in this page');
      await navigator.clipboard.writeText(text);
      setStatus({ kind: 'ok', text: t(kind === 'markdown' ? 'compareCopiedMarkdown' : 'compareCopiedCsv', { rows: m.rows.length }) });
    } catch (e) {
      setStatus({ kind: 'error', text: t('compareCopyFailed', { error: e instanceof Error ? e.message : String(e) }) });
    }
  }

  function download() {
    const file = `llm-compare-${today()}.csv`;
    try {
      const url = URL.createObjectURL(new Blob([matrixToCsv(m)], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = file;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setStatus({ kind: 'ok', text: t('compareDownloaded', { file }) });
    } catch (e) {
      setStatus({ kind: 'error', text: t('compareCopyFailed', { error: e instanceof Error ? e.message : String(e) }) });
    }
  }

  return (
    <section className="cmp" lang={locale === 'zh' ? 'zh-CN' : 'en'}>
      <header className="cmp-head">
        {/* The page around the view gives it its heading; the view says what the table holds. */}
        <p className="cmp-summary muted">{empty ? '' : t('compareSummary', { rows: m.rows.length, cols: m.columns.length })}</p>
        <div className="cmp-actions">
          <button type="button" data-testid="copy-markdown-table" disabled={empty} onClick={() => copy('markdown')}>
            {t('compareCopyMarkdown')}
          </button>
          <button type="button" data-testid="copy-csv" disabled={empty} onClick={() => copy('csv')}>
            {t('compareCopyCsv')}
          </button>
          <button type="button" className="ghost" data-testid="download-csv" disabled={empty} onClick={download}>
            {t('compareDownloadCsv')}
          </button>
        </div>
      </header>

      <label className="cmp-toggle">
        <input type="checkbox" data-testid="compare-own-only" checked={ownOnly} onChange={(e) => setOwnOnly(e.target.checked)} />
        <span>
          {t('compareOwnOnly')}
          <span className="muted small cmp-hint">{t('compareOwnOnlyHint')}</span>
        </span>
      </label>

      <p className={`cmp-status${status ? ` ${status.kind}` : ''}`} role="status" aria-live="polite" data-testid="compare-status">
        {status?.text ?? ''}
      </p>

      {!cards.length ? (
        <p className="cmp-empty-state muted">{t('compareNoCards')}</p>
      ) : empty ? (
        <p className="cmp-empty-state muted">{t(ownOnly ? 'compareNoOwnResults' : 'compareNoResults')}</p>
      ) : (
        <>
          <div className="cmp-scroll">
            <table className="cmp-table" data-testid="compare-table" aria-label={t('compareTableLabel')}>
              <thead>
                <tr>
                  <th scope="col" className="cmp-corner">
                    {t('compareModel')}
                  </th>
                  {m.columns.map((col) => (
                    <ColumnHeader key={col.key} col={col} t={t} />
                  ))}
                </tr>
              </thead>
              <tbody>
                {m.rows.map((row) => (
                  <tr key={row.cardId}>
                    <th scope="row" className="cmp-model" title={row.label}>
                      {row.label}
                    </th>
                    {row.cells.map((cell, c) => (
                      <Cell key={m.columns[c].key} cell={cell} t={t} />
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="cmp-legend muted small">
            <span className="cmp-legend-item">
              <span className="cmp-swatch" aria-hidden="true" />
              {t('compareLegendBest')}
            </span>
            <span className="cmp-legend-item">
              <span className="cmp-dash" aria-hidden="true">
                —
              </span>
              {t('compareLegendEmpty')}
            </span>
          </p>

          <h3 className="cmp-subtitle">{t('compareCharts')}</h3>
          <div className="cmp-charts">
            {m.columns.map((col, c) => (
              <figure key={col.key} className="cmp-figure">
                <figcaption>
                  <span className="cmp-figure-name">{col.name}</span>
                  {col.setting && <span className="muted"> · {col.setting}</span>}
                  {!col.higherIsBetter && <span className="muted small"> ({t('compareLowerIsBetter')})</span>}
                </figcaption>
                <BarChart title={t('compareChartLabel', { name: col.label })} bars={columnBars(m, c)} />
              </figure>
            ))}
          </div>
        </>
      )}
    </section>
  );
}

type T = (key: CompareKey, params?: Record<string, string | number>) => string;

function ColumnHeader({ col, t }: { col: CompareColumn; t: T }) {
  const notes = [col.metrics.length > 1 ? t('compareMixedMetrics', { metrics: col.metrics.join(', ') }) : '', col.higherIsBetter ? '' : t('compareLowerIsBetter')].filter(Boolean);
  return (
    <th scope="col" className="cmp-col" title={[col.label, ...notes].join('\n')}>
      <span className="cmp-col-name">
        {col.name}
        {!col.higherIsBetter && (
          <span className="cmp-dir" aria-label={t('compareLowerIsBetter')}>
            {' ↓'}
          </span>
        )}
        {col.metrics.length > 1 && <span className="cmp-warn"> ≠</span>}
      </span>
      {col.setting && <span className="cmp-col-setting">{col.setting}</span>}
    </th>
  );
}

function Cell({ cell, t }: { cell: CompareCell | null; t: T }) {
  if (!cell) {
    return (
      <td className="cmp-cell cmp-none" data-testid="compare-cell">
        <span aria-hidden="true">—</span>
        <span className="cmp-sr">{t('compareLegendEmpty')}</span>
      </td>
    );
  }
  const r = cell.result;
  const notes = r.annotations.filter((a) => a !== 'best' && a !== 'verified');
  const title = [
    r.model ? `${r.model}: ${cell.display}` : cell.display,
    [r.benchmarkRaw, r.setting, r.metric].filter(Boolean).join(', '),
    r.sourceUrl ? t('compareSource', { url: r.sourceUrl }) : '',
    cell.alternatives.length ? t('compareAlternatives', { n: cell.alternatives.length, values: cell.alternatives.map((a) => formatValue(a.value)).join(', ') }) : '',
  ]
    .filter(Boolean)
    .join('\n');
  return (
    <td className={cell.best ? 'cmp-cell best' : 'cmp-cell'} data-testid="compare-cell" data-best={cell.best ? 'true' : undefined} title={title}>
      <span className="cmp-value">{cell.display}</span>
      {notes.length > 0 && <span className="cmp-note">{notes.map((a) => a.replace(/^\^/, '')).join(' ')}</span>}
      {r.verified && (
        <span className="cmp-verified" aria-label={t('compareVerified')}>
          ✓
        </span>
      )}
      {cell.alternatives.length > 0 && <span className="cmp-alt">+{cell.alternatives.length}</span>}
    </td>
  );
}
