import { useEffect, useMemo, useState } from 'react';
import { useSettings } from '@/components/settings-context';
import { useCards } from '@/components/use-cards';
import { cardSearchText } from '@/lib/cards/edit';
import { CardEditor } from './CardEditor';
import { SettingsPanel } from './SettingsPanel';

function cardIdFromHash(): string {
  return new URLSearchParams(location.hash.slice(1)).get('card') ?? '';
}

export function Library() {
  const { t } = useSettings();
  const { cards, error } = useCards();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(cardIdFromHash);
  const [showSettings, setShowSettings] = useState(false);

  useEffect(() => {
    const onHash = () => setSelected(cardIdFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const select = (id: string) => {
    setShowSettings(false);
    location.hash = id ? `card=${encodeURIComponent(id)}` : '';
  };

  const filtered = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return (cards ?? []).filter((c) => {
      const text = cardSearchText(c);
      return words.every((w) => text.includes(w));
    });
  }, [cards, query]);

  return (
    <div className="library">
      <aside className="sidebar">
        <header className="bar">
          <strong className="brand">{t('appName')}</strong>
          <button className="ghost" onClick={() => setShowSettings((s) => !s)} data-testid="open-settings">
            {t('settings')}
          </button>
        </header>
        <input
          type="search"
          className="search"
          placeholder={t('search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="search"
        />
        {error && <div className="notice error">{error}</div>}
        {cards && cards.length === 0 && <p className="muted pad">{t('noCards')}</p>}
        {cards && cards.length > 0 && filtered.length === 0 && <p className="muted pad">{t('noMatches')}</p>}
        <ul className="card-list" data-testid="card-list">
          {filtered.map((c) => (
            <li key={c.id}>
              <button
                className={`card-item${c.id === selected ? ' active' : ''}`}
                onClick={() => select(c.id)}
                data-testid="card-item"
              >
                <span className="card-item-title">{c.title}</span>
                <span className="muted small">
                  {[c.identity.arxivIds[0] && `arXiv:${c.identity.arxivIds[0]}`, c.identity.modelIds[0], c.updatedAt.slice(0, 10)]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </aside>
      <main className="content">
        {showSettings ? (
          <SettingsPanel />
        ) : selected ? (
          <CardEditor key={selected} cardId={selected} onDeleted={() => select('')} />
        ) : (
          <p className="muted pad">{cards?.length ? t('pickCard') : t('noCards')}</p>
        )}
      </main>
    </div>
  );
}
