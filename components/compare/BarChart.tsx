/**
 * A small horizontal bar chart as inline SVG built from React elements (no chart library, no innerHTML):
 * every label is React text, so a model name from a page can never become markup.
 */

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** The number as written. */
  display: string;
  best: boolean;
}

export interface BarChartProps {
  /** Accessible name of the chart ("MMLU · 5-shot: bar chart"). */
  title: string;
  bars: Bar[];
}

const W = 360;
const ROW = 22;
const BAR = 14;
const LABEL_W = 128;
const VALUE_W = 58;
const PAD_Y = 4;

/** Roughly how wide a string draws, in units of a Latin character (CJK and other wide characters count two). */
function textUnits(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return n;
}

/** The label cut to fit its column, with an ellipsis; the full name stays in the bar's <title>. */
export function fitLabel(s: string, maxUnits = 20): string {
  if (textUnits(s) <= maxUnits) return s;
  let out = '';
  let n = 0;
  for (const ch of s) {
    const w = textUnits(ch);
    if (n + w > maxUnits - 1) break;
    out += ch;
    n += w;
  }
  return `${out.trimEnd()}…`;
}

/** Bars scaled from 0, or from the smallest value when some are negative (those bars run left of the zero line). */
export function barScale(values: number[]): (v: number) => number {
  const lo = Math.min(0, ...values);
  let hi = Math.max(0, ...values);
  if (hi === lo) hi = lo + 1;
  const x0 = LABEL_W;
  const width = W - LABEL_W - VALUE_W - 8;
  return (v: number) => x0 + ((v - lo) / (hi - lo)) * width;
}

export function BarChart({ title, bars }: BarChartProps) {
  const x = barScale(bars.map((b) => b.value));
  const zero = x(0);
  const height = bars.length * ROW + PAD_Y * 2;
  return (
    <svg
      className="cmp-chart"
      data-testid="bar-chart"
      role="img"
      aria-label={title}
      viewBox={`0 0 ${W} ${height}`}
      width={W}
      height={height}
      preserveAspectRatio="xMinYMin meet"
    >
      <title>{title}</title>
      <line className="cmp-axis" x1={zero} x2={zero} y1={PAD_Y - 2} y2={height - PAD_Y + 2} />
      {bars.map((b, i) => {
        const y = PAD_Y + i * ROW;
        const xv = x(b.value);
        const left = Math.min(xv, zero);
        const width = Math.max(Math.abs(xv - zero), b.value === 0 ? 0 : 1.5);
        return (
          <g key={b.key} className={b.best ? 'cmp-bar-row best' : 'cmp-bar-row'} data-best={b.best ? 'true' : undefined}>
            <title>{`${b.label}: ${b.display}`}</title>
            <text className="cmp-bar-label" x={0} y={y + ROW / 2} dominantBaseline="central">
              {fitLabel(b.label)}
            </text>
            <rect className="cmp-bar" x={left} y={y + (ROW - BAR) / 2} width={width} height={BAR} rx={2} />
            <text className="cmp-bar-value" x={W} y={y + ROW / 2} dominantBaseline="central" textAnchor="end">
              {b.display}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
