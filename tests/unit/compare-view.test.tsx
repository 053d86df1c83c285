// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { barScale, fitLabel } from '../../components/compare/BarChart';
import { CompareView } from '../../components/compare/CompareView';
import { compareText, en, zh } from '../../components/compare/strings';
import { cardWithResults } from '../samples';
import type { Card } from '../../lib/schema';


const card = cardWithResults;

const HOSTILE = '<img src=x onerror=alert(1)>';

function cards(): Card[] {
  return [
    card('q', 'Qwen2-7B', [
      { model: 'Qwen2-7B', benchmark: 'mmlu', setting: '5-shot', value: 70.3 },
      { model: 'Llama-3-8B', benchmark: 'mmlu', setting: '5-shot', value: 66.6 },
      { model: 'Qwen2-7B', benchmark: 'pile-test', value: 0.52, own: true },
    ]),
    card('h', HOSTILE, [
      { model: HOSTILE, benchmark: 'mmlu', setting: '5-shot', value: 74.7 },
      { model: HOSTILE, benchmark: 'pile-test', value: 0.6 },
      { model: HOSTILE, benchmark: 'x|y', benchmarkRaw: 'X|Y <script>', value: -2 },
    ]),
  ];
}

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLDivElement;
let root: Root;
beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
  vi.restoreAllMocks();
});

function mount(ui: React.ReactElement) {
  act(() => root.render(ui));
  return host;
}
const q = (sel: string) => host.querySelector(sel);
const qa = (sel: string) => [...host.querySelectorAll(sel)];

function setClipboard(writeText: ((s: string) => Promise<void>) | undefined) {
  Object.defineProperty(navigator, 'clipboard', { value: writeText ? { writeText } : undefined, configurable: true });
}

describe('CompareView', () => {
  it('shows the matrix: one row per card, best cells marked, empty cells a dash', () => {
    mount(<CompareView cards={cards()} locale="en" />);
    const table = q('[data-testid="compare-table"]')!;
    expect(table).not.toBeNull();
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['Model', 'MMLU5-shot', 'Pile test ↓', 'X|Y <script>']);
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.querySelector('th')!.textContent)).toEqual(['Qwen2-7B', HOSTILE]);
    const cells = rows.map((r) => [...r.querySelectorAll('[data-testid="compare-cell"]')]);
    expect(cells.map((r) => r.map((c) => c.querySelector('.cmp-value')?.textContent ?? null))).toEqual([
      ['70.3', '0.52', null],
      ['74.7', '0.6', '-2'],
    ]);
    expect(cells.map((r) => r.map((c) => c.getAttribute('data-best')))).toEqual([
      [null, 'true', null],
      ['true', null, null],
    ]);
    const empty = cells[0][2];
    expect(empty.textContent).toContain('—');
    expect(empty.classList.contains('cmp-none')).toBe(true);
    expect(empty.textContent).not.toContain('0');
  });

  it('renders names from pages as text, never as markup', () => {
    mount(<CompareView cards={cards()} locale="en" />);
    expect(q('img')).toBeNull();
    expect(q('script')).toBeNull();
    expect(qa('[onerror]')).toEqual([]);
    expect(host.textContent).toContain(HOSTILE);
    const html = renderToStaticMarkup(<CompareView cards={cards()} locale="zh" />);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('draws one bar chart per column, best bar marked, negative values from the minimum', () => {
    mount(<CompareView cards={cards()} locale="en" />);
    const charts = qa('[data-testid="bar-chart"]');
    expect(charts).toHaveLength(3);
    expect(charts.every((c) => c.tagName.toLowerCase() === 'svg')).toBe(true);
    const mmlu = charts[0];
    expect([...mmlu.querySelectorAll('.cmp-bar-label')].map((t) => t.textContent)).toEqual([fitLabel(HOSTILE), 'Qwen2-7B']);
    expect([...mmlu.querySelectorAll('.cmp-bar-value')].map((t) => t.textContent)).toEqual(['74.7', '70.3']);
    expect(mmlu.querySelector('g[data-best="true"] .cmp-bar-value')!.textContent).toBe('74.7');
    // Lower is better: the smaller bits-per-byte comes first and is the best bar.
    const pile = charts[1];
    expect(pile.querySelector('g[data-best="true"] .cmp-bar-value')!.textContent).toBe('0.52');
    expect(pile.querySelector('.cmp-bar-value')!.textContent).toBe('0.52');
    // One negative value: the bar runs left of the zero line, which sits at the right end of the scale.
    const neg = charts[2];
    const rect = neg.querySelector('rect')!;
    const axis = neg.querySelector('line')!;
    expect(Number(rect.getAttribute('x')) + Number(rect.getAttribute('width'))).toBeCloseTo(Number(axis.getAttribute('x1')));
    expect(neg.querySelector('title')!.textContent).toContain('X|Y');
  });

  it('scales bars from 0, or from the minimum when values are negative', () => {
    const x = barScale([50, 100]);
    expect(x(50) - x(0)).toBeCloseTo((x(100) - x(0)) / 2);
    const y = barScale([-10, 10]);
    expect(y(0)).toBeCloseTo((y(-10) + y(10)) / 2);
    expect(fitLabel('short')).toBe('short');
    expect(fitLabel('通义千问通义千问通义千问通义千问')).toBe('通义千问通义千问通…');
  });

  it('copies the table as markdown and as CSV and reports it in the status line', async () => {
    const writeText = vi.fn<(s: string) => Promise<void>>(() => Promise.resolve());
    setClipboard(writeText);
    mount(<CompareView cards={cards()} locale="zh" />);
    const status = q('[data-testid="compare-status"]')!;
    expect(status.getAttribute('role')).toBe('status');
    await act(async () => (q('[data-testid="copy-markdown-table"]') as HTMLButtonElement).click());
    expect(writeText.mock.calls[0][0]).toBe(
      [
        '| 模型 | MMLU · 5-shot | Pile test | X\\|Y &lt;script&gt; |',
        '| :--- | ---: | ---: | ---: |',
        '| Qwen2-7B | 70.3 | **0.52** |  |',
        '| &lt;img src=x onerror=alert(1)&gt; | **74.7** | 0.6 | -2 |',
        '',
      ].join('\n'),
    );
    expect(status.textContent).toBe(compareText('zh', 'compareCopiedMarkdown', { rows: 2 }));
    await act(async () => (q('[data-testid="copy-csv"]') as HTMLButtonElement).click());
    expect(writeText.mock.calls[1][0]).toBe(
      'model,MMLU · 5-shot,Pile test,X|Y <script>\r\nQwen2-7B,70.3,0.52,\r\n<img src=x onerror=alert(1)>,74.7,0.6,-2\r\n',
    );
    expect(status.textContent).toBe('已复制 CSV（2 行）。');
  });

  it('reports a refused clipboard as an error', async () => {
    setClipboard(() => Promise.reject(new Error('denied')));
    mount(<CompareView cards={cards()} locale="en" />);
    await act(async () => (q('[data-testid="copy-csv"]') as HTMLButtonElement).click());
    const status = q('[data-testid="compare-status"]')!;
    expect(status.textContent).toContain('denied');
    expect(status.classList.contains('error')).toBe(true);
    setClipboard(undefined);
    await act(async () => (q('[data-testid="copy-markdown-table"]') as HTMLButtonElement).click());
    expect(status.textContent).toContain('no clipboard');
  });

  it('toggles to the rows marked as the model’s own', () => {
    mount(<CompareView cards={cards()} locale="en" />);
    expect(qa('[data-testid="bar-chart"]')).toHaveLength(3);
    act(() => (q('[data-testid="compare-own-only"]') as HTMLInputElement).click());
    expect(qa('thead th').map((th) => th.textContent)).toEqual(['Model', 'Pile test ↓']);
    expect(qa('[data-testid="compare-cell"]').map((c) => c.querySelector('.cmp-value')?.textContent ?? null)).toEqual(['0.52', null]);
  });

  it('explains an empty comparison instead of an empty table', () => {
    mount(<CompareView cards={[]} locale="en" />);
    expect(q('[data-testid="compare-table"]')).toBeNull();
    expect(host.textContent).toContain(en.compareNoCards);
    expect((q('[data-testid="copy-csv"]') as HTMLButtonElement).disabled).toBe(true);
    act(() => root.render(<CompareView cards={[card('b', 'B', [{ model: 'Other', benchmark: 'mmlu', value: 1 }])]} locale="zh" />));
    expect(host.textContent).toContain(zh.compareNoResults);
  });

  it('has every string in both languages', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const k of Object.keys(en) as (keyof typeof en)[]) {
      const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(params(zh[k]), k).toEqual(params(en[k]));
    }
  });
});
