import { useSettings } from '@/components/settings-context';
import type { BenchmarkRow } from '@/lib/cards/edit';

/** The results as an editable grid: fix a number, add or remove rows, mark the model's own rows and verified ones. */
export function BenchmarkGrid({ rows, onChange }: { rows: BenchmarkRow[]; onChange: (rows: BenchmarkRow[]) => void }) {
  const { t } = useSettings();
  const set = (i: number, patch: Partial<BenchmarkRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <div className="grid-wrap">
      <table className="grid editable" data-testid="benchmark-grid">
        <thead>
          <tr>
            <th>{t('model')}</th>
            <th>Benchmark</th>
            <th>{t('setting')}</th>
            <th>{t('metric')}</th>
            <th className="num">{t('value')}</th>
            <th title={t('own')}>{t('own')}</th>
            <th title={t('verified')}>✓</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} className={r.own ? 'own' : ''}>
              <td><input value={r.model} onChange={(e) => set(i, { model: e.target.value })} aria-label={t('model')} /></td>
              <td><input value={r.benchmarkRaw} onChange={(e) => set(i, { benchmarkRaw: e.target.value })} aria-label="Benchmark" /></td>
              <td><input value={r.setting} onChange={(e) => set(i, { setting: e.target.value })} aria-label={t('setting')} /></td>
              <td><input value={r.metric} onChange={(e) => set(i, { metric: e.target.value })} aria-label={t('metric')} /></td>
              <td className="num">
                <input value={r.value} inputMode="decimal" onChange={(e) => set(i, { value: e.target.value })} aria-label={t('value')} data-testid="bench-value" />
              </td>
              <td className="center"><input type="checkbox" checked={r.own} onChange={(e) => set(i, { own: e.target.checked })} aria-label={t('own')} data-testid="bench-own" /></td>
              <td className="center"><input type="checkbox" checked={r.verified} onChange={(e) => set(i, { verified: e.target.checked })} aria-label={t('verified')} /></td>
              <td><button className="link" type="button" onClick={() => onChange(rows.filter((_, j) => j !== i))} aria-label={t('removeRow')}>×</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => onChange([...rows, { model: '', benchmarkRaw: '', setting: '', metric: '', value: '', own: true, verified: false, index: null }])} data-testid="bench-add">
        + {t('addRow')}
      </button>
    </div>
  );
}
