import { useEffect, useState } from 'react';
import { CompareView } from '@/components/compare/CompareView';
import { useSettings } from '@/components/settings-context';
import { send } from '@/lib/messaging/client';
import type { Card } from '@/lib/schema';

/** Loads the picked cards and hands them to the compare view. */
export function ComparePane({ ids }: { ids: string[] }) {
  const { t, locale } = useSettings();
  const [cards, setCards] = useState<Card[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    send('cards.getMany', { ids })
      .then(setCards)
      .catch((e: Error) => setError(e.message));
  }, [ids.join(',')]); // eslint-disable-line react-hooks/exhaustive-deps
  if (error) return <div className="notice error">{error}</div>;
  if (!cards) return null;
  return (
    <section className="panel wide" data-testid="compare">
      <h1>{t('compareTitle', { n: cards.length })}</h1>
      <CompareView cards={cards} locale={locale} />
    </section>
  );
}
