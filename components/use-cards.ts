import { useCallback, useEffect, useState } from 'react';
import { send } from '@/lib/messaging/client';
import { CardsChanged } from '@/lib/messaging/protocol';
import type { Card } from '@/lib/schema';

/** Calls `cb` whenever the background reports a write, from this page or any other. */
export function useCardsChanged(cb: (ids: string[]) => void): void {
  useEffect(() => {
    const listener = (msg: unknown) => {
      const parsed = CardsChanged.safeParse(msg);
      if (parsed.success) cb(parsed.data.ids);
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, [cb]);
}

/** The card list, kept live. */
export function useCards(): { cards: Card[] | null; error: string; reload: () => void } {
  const [cards, setCards] = useState<Card[] | null>(null);
  const [error, setError] = useState('');
  const reload = useCallback(() => {
    send('cards.list', {})
      .then((c) => {
        setCards(c);
        setError('');
      })
      .catch((e: Error) => setError(e.message));
  }, []);
  useEffect(reload, [reload]);
  useCardsChanged(reload);
  return { cards, error, reload };
}
