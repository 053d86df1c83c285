import { useEffect, useState } from 'react';
import { SafeLink } from '@/components/SafeLink';
import { useSettings } from '@/components/settings-context';
import { send } from '@/lib/messaging/client';
import type { Annotation } from '@/lib/schema';

/** A link that scrolls to the quote on its page (a text fragment), where the browser supports it. */
export function linkBack(a: Annotation): string {
  const words = a.quote.exact.replace(/\s+/g, ' ').trim();
  const part = words.length > 120 ? `${encodeURIComponent(words.slice(0, 50))},${encodeURIComponent(words.slice(-50))}` : encodeURIComponent(words);
  return `${a.url.replace(/#.*$/, '')}#:~:text=${part.replace(/-/g, '%2D')}`;
}

/** The card's quotes and highlights with their way back to the page; the ones no longer found stay, listed apart. */
export function CardAnnotations({ cardId, revision }: { cardId: string; revision: number }) {
  const { t } = useSettings();
  const [list, setList] = useState<Annotation[]>([]);
  useEffect(() => {
    send('annotations.forCard', { cardId }).then(setList).catch(() => setList([]));
  }, [cardId, revision]);
  if (!list.length) return null;
  const row = (a: Annotation) => (
    <li key={a.id}>
      <q>{a.quote.exact.length > 240 ? `${a.quote.exact.slice(0, 240)}…` : a.quote.exact}</q>
      {a.note && <span className="muted"> — {a.note}</span>}{' '}
      <SafeLink href={linkBack(a)}>{a.field ? `→ ${a.field}` : '↗'}</SafeLink>
    </li>
  );
  const live = list.filter((a) => !a.orphan);
  const orphans = list.filter((a) => a.orphan);
  return (
    <section className="field annotations" data-testid="annotations">
      <span className="label">{t('annotations')}</span>
      <ul>{live.map(row)}</ul>
      {orphans.length > 0 && (
        <>
          <span className="label small">{t('orphans')}</span>
          <ul className="orphans" data-testid="orphans">{orphans.map(row)}</ul>
        </>
      )}
    </section>
  );
}
