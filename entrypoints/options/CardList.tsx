import { useEffect, useRef, useState } from 'react';
import { useSettings } from '@/components/settings-context';
import { formatParams } from '@/components/CaptureSummary';
import type { CardSummary } from '@/lib/db/library-index';

const ROW = 58;
const OVERSCAN = 8;

/** The card list, windowed: ten thousand cards render as the few dozen rows in view. */
export function CardList(props: {
  items: CardSummary[];
  total: number;
  selectedId: string;
  checked: Set<string>;
  onOpen: (id: string) => void;
  onCheck: (id: string, on: boolean) => void;
  onNeedMore: () => void;
}) {
  const { t } = useSettings();
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / ROW) - OVERSCAN);
  const last = Math.min(props.items.length, Math.ceil((scrollTop + height) / ROW) + OVERSCAN);
  useEffect(() => {
    if (last >= props.items.length - OVERSCAN && props.items.length < props.total) props.onNeedMore();
  }, [last, props.items.length, props.total]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <div className="card-scroll" ref={box} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} data-testid="card-list">
      <div style={{ height: props.items.length * ROW, position: 'relative' }}>
        {props.items.slice(first, last).map((c, i) => (
          <div
            key={c.id}
            className={`card-row${c.id === props.selectedId ? ' active' : ''}${props.checked.has(c.id) ? ' checked' : ''}`}
            style={{ top: (first + i) * ROW, height: ROW }}
          >
            <input
              type="checkbox"
              aria-label={t('select')}
              checked={props.checked.has(c.id)}
              onChange={(e) => props.onCheck(c.id, e.target.checked)}
              data-testid="card-check"
            />
            <button className="card-item" onClick={() => props.onOpen(c.id)} data-testid="card-item">
              <span className="card-item-title">{c.title}</span>
              <span className="muted small ellipsis">
                {[c.org, c.parameters ? formatParams(c.parameters) : '', c.arxivId && `arXiv:${c.arxivId}`, c.resultCount ? `${c.resultCount} ${t('resultsShort')}` : '', c.tags.map((x) => `#${x}`).join(' ')]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </button>
          </div>
        ))}
      </div>
    </div>
  );
}
