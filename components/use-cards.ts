import { useEffect } from 'react';
import { CardsChanged } from '@/lib/messaging/protocol';

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
