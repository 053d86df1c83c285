import { useCallback, useEffect, useRef, useState } from 'react';
import { useSettings } from '@/components/settings-context';
import { useCardsChanged } from '@/components/use-cards';
import { send } from '@/lib/messaging/client';
import type { CardSummary, LibraryFilters, LibraryPage, LibrarySort } from '@/lib/db/library-index';
import type { Card, Site } from '@/lib/schema';
import { CardEditor } from './CardEditor';
import { CardList } from './CardList';
import { ComparePane } from './ComparePane';
import { SettingsPanel } from './SettingsPanel';
import { ExportPanel } from './ExportPanel';
import { LeaderboardPanel } from './LeaderboardPanel';

const PAGE = 100;

type View = { kind: 'card'; id: string } | { kind: 'compare'; ids: string[] } | { kind: 'settings' } | { kind: 'export' } | { kind: 'leaderboard' } | { kind: 'none' };

function viewFromHash(): View {
  const p = new URLSearchParams(location.hash.slice(1));
  if (p.get('card')) return { kind: 'card', id: p.get('card')! };
  if (p.get('compare')) return { kind: 'compare', ids: p.get('compare')!.split(',').filter(Boolean) };
  if (p.has('settings')) return { kind: 'settings' };
  if (p.has('export')) return { kind: 'export' };
  if (p.has('leaderboard')) return { kind: 'leaderboard' };
  return { kind: 'none' };
}

function go(view: View) {
  location.hash =
    view.kind === 'card' ? `card=${encodeURIComponent(view.id)}` : view.kind === 'compare' ? `compare=${view.ids.map(encodeURIComponent).join(',')}` : view.kind === 'settings' ? 'settings' : view.kind === 'export' ? 'export' : view.kind === 'leaderboard' ? 'leaderboard' : '';
}

export function Library() {
  const { t } = useSettings();
  const [text, setText] = useState('');
  const [filters, setFilters] = useState<LibraryFilters>({});
  const [sort, setSort] = useState<LibrarySort>('updated');
  const [page, setPage] = useState<LibraryPage | null>(null);
  // Which search text the list on screen answers (tests and the benchmark wait on it).
  const [answeredFor, setAnsweredFor] = useState('');
  const [items, setItems] = useState<CardSummary[]>([]);
  const [error, setError] = useState('');
  const [view, setView] = useState<View>(viewFromHash);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [undo, setUndo] = useState<Card[] | null>(null);
  const [tagInput, setTagInput] = useState('');
  const seq = useRef(0);

  const load = useCallback(
    (offset = 0) => {
      const mine = ++seq.current;
      send('cards.query', { query: { text, filters, sort, offset, limit: PAGE } })
        .then((res) => {
          if (mine !== seq.current) return; // a newer keystroke already asked
          setPage(res);
          setAnsweredFor(text);
          setItems((prev) => (offset === 0 ? res.items : [...prev.slice(0, offset), ...res.items]));
          setError('');
        })
        .catch((e: Error) => setError(e.message));
    },
    [text, filters, sort],
  );
  useEffect(() => load(0), [load]);
  // The first answer may come before the background's search index is built; ask again for the facets.
  useEffect(() => {
    if (!page?.indexing) return;
    const timer = setTimeout(() => load(0), 400);
    return () => clearTimeout(timer);
  }, [page, load]);
  useCardsChanged(useCallback(() => load(0), [load]));

  useEffect(() => {
    const onHash = () => setView(viewFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const setFilter = (patch: Partial<LibraryFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const check = (id: string, on: boolean) =>
    setChecked((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  async function removeChecked(ids = [...checked]) {
    const { deleted } = await send('cards.deleteMany', { ids });
    setUndo(deleted);
    setChecked(new Set());
    if (view.kind === 'card' && ids.includes(view.id)) go({ kind: 'none' });
  }
  async function undoDelete() {
    if (!undo) return;
    await send('cards.restore', { cards: undo });
    setUndo(null);
  }
  async function tagChecked(mode: 'add' | 'remove') {
    const tags = tagInput.split(/[,，]/).map((s) => s.trim()).filter(Boolean);
    if (!tags.length || !checked.size) return;
    await send('cards.tag', { ids: [...checked], add: mode === 'add' ? tags : [], remove: mode === 'remove' ? tags : [] });
    setTagInput('');
  }

  const facets = page?.facets;
  const filtering = !!text.trim() || Object.values(filters).some((v) => v != null && v !== '');
  return (
    <div className="library">
      <aside className="sidebar">
        <header className="bar">
          <strong className="brand">{t('appName')}</strong>
          <button className="ghost" onClick={() => go({ kind: 'leaderboard' })} data-testid="open-leaderboard" title={t('lbTitle')}>
            {t('leaderboard')}
          </button>
          <button className="ghost" onClick={() => go(view.kind === 'export' ? { kind: 'none' } : { kind: 'export' })} data-testid="open-export">
            {t('export')}
          </button>
          <button className="ghost" onClick={() => go(view.kind === 'settings' ? { kind: 'none' } : { kind: 'settings' })} data-testid="open-settings">
            {t('settings')}
          </button>
        </header>
        <div className="filters">
          <input type="search" className="search" placeholder={t('search')} value={text} onChange={(e) => setText(e.target.value)} data-testid="search" />
          <div className="filter-grid">
            <select value={filters.org ?? ''} onChange={(e) => setFilter({ org: e.target.value || undefined })} aria-label={t('filterOrg')} data-testid="filter-org">
              <option value="">{t('filterOrg')}</option>
              {facets?.orgs.map((o) => <option key={o}>{o}</option>)}
            </select>
            <select value={filters.tag ?? ''} onChange={(e) => setFilter({ tag: e.target.value || undefined })} aria-label={t('filterTag')} data-testid="filter-tag">
              <option value="">{t('filterTag')}</option>
              {facets?.tags.map((o) => <option key={o}>{o}</option>)}
            </select>
            <select value={filters.site ?? ''} onChange={(e) => setFilter({ site: (e.target.value || undefined) as Site | undefined })} aria-label={t('filterSite')} data-testid="filter-site">
              <option value="">{t('filterSite')}</option>
              {facets?.sites.map((o) => <option key={o}>{o}</option>)}
            </select>
            <select value={filters.benchmark ?? ''} onChange={(e) => setFilter({ benchmark: e.target.value || undefined })} aria-label={t('filterBenchmark')} data-testid="filter-benchmark">
              <option value="">{t('filterBenchmark')}</option>
              {facets?.benchmarks.map((o) => <option key={o}>{o}</option>)}
            </select>
            <label className="params">
              <span>{t('paramsRange')}</span>
              <input type="number" min={0} step="any" placeholder="min" value={filters.paramsMin ?? ''} onChange={(e) => setFilter({ paramsMin: e.target.value === '' ? undefined : Number(e.target.value) })} data-testid="params-min" />
              <span>–</span>
              <input type="number" min={0} step="any" placeholder="max" value={filters.paramsMax ?? ''} onChange={(e) => setFilter({ paramsMax: e.target.value === '' ? undefined : Number(e.target.value) })} data-testid="params-max" />
              <span>B</span>
            </label>
            <select value={sort} onChange={(e) => setSort(e.target.value as LibrarySort)} aria-label={t('sort')} data-testid="sort">
              <option value="updated">{t('sortUpdated')}</option>
              <option value="created">{t('sortCreated')}</option>
              <option value="title">{t('sortTitle')}</option>
              <option value="params">{t('sortParams')}</option>
              <option value="results">{t('sortResults')}</option>
            </select>
          </div>
          <div className="muted small count" data-testid="count" data-result-for={page ? answeredFor : undefined}>
            {page ? t('cardCount', { shown: page.total }) : ''}
          </div>
        </div>
        {checked.size > 0 && (
          <div className="bulk" data-testid="bulk">
            <strong>{t('selected', { n: checked.size })}</strong>
            <button className="primary" onClick={() => go({ kind: 'compare', ids: [...checked] })} data-testid="compare-selected">
              {t('compare')}
            </button>
            <input value={tagInput} onChange={(e) => setTagInput(e.target.value)} placeholder={t('tagPlaceholder')} data-testid="bulk-tag" />
            <button onClick={() => tagChecked('add')} data-testid="bulk-tag-add">{t('addTag')}</button>
            <button onClick={() => tagChecked('remove')}>{t('removeTag')}</button>
            <button className="danger" onClick={() => removeChecked()} data-testid="bulk-delete">{t('deleteCard')}</button>
            <button className="ghost" onClick={() => setChecked(new Set())}>{t('clearSelection')}</button>
          </div>
        )}
        {error && <div className="notice error">{error}</div>}
        {page && page.total === 0 && <p className="muted pad">{filtering ? t('noMatches') : t('noCards')}</p>}
        <CardList
          items={items}
          total={page?.total ?? 0}
          selectedId={view.kind === 'card' ? view.id : ''}
          checked={checked}
          onOpen={(id) => go({ kind: 'card', id })}
          onCheck={check}
          onNeedMore={() => load(items.length)}
        />
      </aside>
      <main className="content">
        {undo && (
          <div className="toast" role="status" data-testid="undo">
            {t('deletedN', { n: undo.length })}
            <button className="primary" onClick={undoDelete} data-testid="undo-delete">{t('undo')}</button>
            <button className="ghost" onClick={() => setUndo(null)}>×</button>
          </div>
        )}
        {view.kind === 'settings' && <SettingsPanel />}
        {view.kind === 'export' && <ExportPanel ids={[...checked]} />}
        {view.kind === 'leaderboard' && <LeaderboardPanel />}
        {view.kind === 'compare' && <ComparePane ids={view.ids} />}
        {view.kind === 'card' && <CardEditor key={view.id} cardId={view.id} onDelete={() => removeChecked([view.id])} />}
        {view.kind === 'none' && <p className="muted pad">{page?.total || filtering ? t('pickCard') : t('noCards')}</p>}
      </main>
    </div>
  );
}
