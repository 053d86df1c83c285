/**
 * Table cell text -> number with its decorations kept apart.
 *
 * A cell that says nothing ("—", "N/A", "") is missing and comes back null, never 0. A number with a
 * unit ("21B", "16.3GB", "1.3M") is not a score and is null too: those are model sizes, memory and
 * token counts, which results tables must not pick up as values.
 */

export interface ParsedValue {
  value: number;
  annotations: string[];
}

const MISSING = /^(?:[-‐‑‒–—―−/\\~?×✗✘❌]+|n\/?a|na|none|null|nan|oom|tbd|tba|unk|unknown|x|…|\.\.\.)$/i;

// The number itself: optional sign (ASCII or Unicode minus), thousands commas or a plain run of digits.
const NUMBER = /^([+\-−]?)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)/;

const FOOTNOTE_SYMBOLS = /^[*†‡§¶✝#]+/;

/** "71.2", "71.2*", "71.2 ± 0.3", "71.2%", "1,234.5", "71.2 (70.1)", "(71.2)" … see the tests for the full list. */
export function parseValue(text: string): ParsedValue | null {
  let s = text.replace(/\s+/g, ' ').trim();
  const annotations: string[] = [];

  // Markdown emphasis that reached us unrendered ("**71.2**", "__71.2__"): bold means best.
  const bold = /^(\*\*|__)(.+)\1$/.exec(s);
  if (bold) {
    s = bold[2].trim();
    annotations.push('best');
  }
  if (!s || MISSING.test(s)) return null;

  // "(71.2)": a number wrapped whole in parentheses — papers use it for reproduced or not directly
  // comparable figures, so it is kept as a value and flagged.
  const wrapped = /^\(([^()]+)\)$/.exec(s);
  if (wrapped && NUMBER.test(wrapped[1].trim())) {
    s = wrapped[1].trim();
    annotations.push('parenthesised');
  }

  // Leading qualifiers: "~71", "≈71", "<0.1", ">80".
  const lead = /^([~≈<>≤≥])\s*/.exec(s);
  if (lead) {
    annotations.push(lead[1]);
    s = s.slice(lead[0].length);
  }

  const m = NUMBER.exec(s);
  if (!m) return null;
  const sign = m[1] === '-' || m[1] === '−' ? -1 : 1;
  const value = sign * Number(m[2].replace(/,/g, ''));
  if (!Number.isFinite(value)) return null;

  let rest = s.slice(m[0].length).trim();
  while (rest) {
    let a: RegExpExecArray | null;
    if ((a = /^%/.exec(rest))) annotations.push('%');
    // "± 0.3", and the same written as a sub- or superscript ("_{±0.3}", "^±0.3").
    else if ((a = /^[\^_]?\{?\s*(?:±|\+\/-|\+-)\s*(\d+(?:\.\d+)?|\.\d+)%?\}?/.exec(rest)))
      annotations.push(`±${a[1]}`);
    else if ((a = FOOTNOTE_SYMBOLS.exec(rest))) annotations.push(a[0]);
    else if ((a = /^\^\s*\{?([^\s{}]{1,4})\}?/.exec(rest))) annotations.push(footnote(a[1]));
    else if ((a = /^_?\s*\[([a-z0-9*†‡§]{1,3})\]/i.exec(rest))) annotations.push(footnote(a[1]));
    else if ((a = /^\(\s*(?:±|\+\/-)\s*(\d+(?:\.\d+)?)\s*\)/.exec(rest))) annotations.push(`±${a[1]}`);
    else if ((a = /^\([^()]{1,40}\)/.exec(rest))) annotations.push(a[0].replace(/\s+/g, ''));
    else if ((a = /^\/\s*(\d+(?:\.\d+)?)/.exec(rest))) annotations.push(`/${a[1]}`);
    else if ((a = /^[↑↓]/.exec(rest))) annotations.push(a[0]);
    // Bold or underline markers that survived inside the text ("71.2**" from a broken span).
    else if ((a = /^(?:\*\*|__)/.exec(rest))) {
      /* no annotation: emphasis is read from the cell */
    } else return null;
    rest = rest.slice(a[0].length).trim();
  }
  return { value, annotations };
}

/** "^a" and "[1]" marks: symbols stand for themselves, letters and digits keep the caret so they read as marks. */
function footnote(mark: string): string {
  return /^[*†‡§¶✝#]+$/.test(mark) ? mark : `^${mark}`;
}
