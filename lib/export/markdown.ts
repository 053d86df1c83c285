import type { BenchmarkResult, Card } from '../schema';
import { modelKeyOfUrl } from '../cards/identity';
import { TEMPLATE_LABELS, type TemplateLang } from './template';

/** Values are text, never markup: angle brackets become entities so no page HTML reaches a renderer. */
export function escapeText(s: string): string {
  return s.replace(/&(?=[#a-zA-Z0-9]+;)/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A GFM table cell: backslashes first, so a value ending in "\\" cannot swallow the `\\|` that follows. */
function escapeCell(s: string): string {
  return escapeText(s).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/**
 * Heading text: one line, and every character that markdown (or GitHub/Typora/Obsidian extensions: `$` math,
 * `#` tags) would read as markup is backslash-escaped, so the rendered heading is exactly the title and its
 * anchor is the slug of the title itself.
 */
export function escapeHeading(s: string): string {
  return (
    escapeText(s.replace(/\s+/g, ' ').trim())
      .replace(/[\\`*_[\]~#$|]/g, (c) => `\\${c}`)
      // "\](" still reads as the end of a link to some parsers (marked): the parenthesis is escaped too.
      .replace(/\\\]\(/g, '\\]\\(')
  );
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/**
 * A multi-line value keeps its markdown (lists, emphasis, code), but nothing in it may change the shape of
 * the document: an ATX heading line or a setext underline would add a heading to the outline (and the table
 * of contents), and an unclosed code fence would swallow every section after it.
 */
export function escapeBlocks(text: string): string {
  const out: string[] = [];
  let fence: { char: string; len: number } | null = null;
  let prevBlank = true;
  for (const line of text.split('\n')) {
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1][0] === fence.char && f[1].length >= fence.len && !f[2].trim()) fence = null;
      out.push(line);
    } else if (f && !(f[1][0] === '`' && f[2].includes('`'))) {
      fence = { char: f[1][0], len: f[1].length };
      out.push(line);
    } else if (/^ {0,3}#{1,6}(\s|$)/.test(line)) {
      out.push(line.replace('#', '\\#'));
    } else if (!prevBlank && /^ {0,3}(=+|-+)\s*$/.test(line)) {
      out.push(line.replace(/[=-]/, (c) => `\\${c}`));
    } else {
      out.push(line);
    }
    prevBlank = !line.trim();
  }
  if (fence) out.push(fence.char.repeat(fence.len));
  return out.join('\n');
}

/** Link targets: only http(s), with characters that would end a markdown link encoded. */
function mdUrl(url: string): string {
  return /^https?:\/\//i.test(url) ? url.replace(/[()<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`) : '';
}

/**
 * 模型地址 is the model's own hub pages: a card also collects links to its base model and to the models it
 * is compared with, which stay in the card but not on this line.
 */
export function ownModelLinks(card: Card): { url: string }[] {
  const ids = new Set(card.identity.modelIds);
  if (!ids.size) return card.links.model;
  const own = card.links.model.filter((l) => ids.has(modelKeyOfUrl(l.url)));
  return own.length ? own : card.links.model;
}

function linkList(links: { url: string }[]): string {
  return links.map((l) => mdUrl(l.url)).filter(Boolean).join(' ');
}

function formatValue(b: BenchmarkResult): string {
  // Footnote marks read as superscripts ("^∗") attach to the number; other notes ("±0.4", "†") follow it.
  const extra = b.annotations
    .filter((a) => a !== 'best' && a !== 'verified')
    .map((a) => (a.startsWith('^') ? escapeCell(a.slice(1)) : ` ${escapeCell(a)}`))
    .join('');
  const v = `${b.value}${extra}`;
  return b.annotations.includes('best') ? `**${v}**` : v;
}

/** One row per benchmark (and setting), one column per model as written in the sources. */
export function benchmarkTable(results: BenchmarkResult[], lang: TemplateLang): string {
  if (!results.length) return '';
  const L = TEMPLATE_LABELS[lang];
  const models = [...new Set(results.map((r) => r.model || '—'))];
  const rows = new Map<string, { name: string; setting: string; cells: Map<string, string> }>();
  for (const r of results) {
    const key = `${r.benchmark}|${r.setting}|${r.metric}`;
    if (!rows.has(key)) rows.set(key, { name: r.benchmarkRaw || r.benchmark, setting: [r.setting, r.metric].filter(Boolean).join(', '), cells: new Map() });
    rows.get(key)!.cells.set(r.model || '—', formatValue(r));
  }
  const head = [L.benchmark, L.setting, ...models];
  const lines = [
    `| ${head.map(escapeCell).join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...[...rows.values()].map(
      (row) => `| ${[escapeCell(row.name), escapeCell(row.setting), ...models.map((m) => row.cells.get(m) ?? '')].join(' | ')} |`,
    ),
  ];
  return lines.join('\n');
}

const WEB_SCHEME = /^(https?|mailto)$/i;

/**
 * Values keep their inline markdown, but a link or image whose target has another scheme (javascript:,
 * data:, file:) loses its syntax: the `]` before the target is escaped, so no renderer makes it a link.
 * Relative targets have no scheme and are kept.
 */
export function neutraliseLinks(text: string): string {
  return text
    // An odd run of backslashes before `]` already escapes it; doubling would undo that.
    .replace(/(\\*)\](\(\s*<?([a-z][a-z0-9+.-]*):)/gi, (m, bs: string, rest: string, scheme: string) =>
      bs.length % 2 || WEB_SCHEME.test(scheme) ? m : `${bs}\\]${rest}`,
    )
    .replace(/^( {0,3}\[[^\]\n]*)\]:(\s*<?([a-z][a-z0-9+.-]*):)/gim, (m, head: string, rest: string, scheme: string) =>
      WEB_SCHEME.test(scheme) ? m : `${head}\\]:${rest}`,
    );
}

/** A text field: one line stays on the label's line, longer text starts below it. */
function fieldLine(label: string, value: string): string {
  const v = neutraliseLinks(escapeText(value.trim().replace(/\r\n?/g, '\n')));
  if (!v) return `${label}:`;
  return v.includes('\n') ? `${label}:\n\n${escapeBlocks(v)}` : `${label}: ${v}`;
}

export interface MarkdownOptions {
  lang?: TemplateLang;
  /** Relative path of an image in the export, by asset id; '' marks an image the export does not have. */
  imagePath?: (assetId: string, caption: string) => string;
  /** Level of the card's heading: 1 for a card on its own, 2 inside the survey document. */
  headingLevel?: number;
}

/** One card as a section of the survey document, in the users' template. */
export function cardToMarkdown(card: Card, opts: MarkdownOptions = {}): string {
  const lang = opts.lang ?? 'zh';
  const L = TEMPLATE_LABELS[lang];
  const f = card.fields;
  const imagePath = opts.imagePath ?? ((id: string) => `image/${id}.png`);
  const level = Math.min(6, Math.max(1, opts.headingLevel ?? 1));
  const out: string[] = [`${'#'.repeat(level)} ${escapeHeading(card.title)}`];
  out.push(fieldLine(L.model, f.model.value));
  out.push(fieldLine(L.paperTitle, f.paperTitle.value));
  out.push(fieldLine(L.paperUrl, linkList(card.links.paper.slice(0, 1))));
  out.push(fieldLine(L.codeUrl, linkList(card.links.code)));
  out.push(fieldLine(L.summary, f.summary.value));
  out.push(fieldLine(L.modelUrl, linkList(ownModelLinks(card))));
  const datasets = card.datasets.map((d, i) => `${i + 1}. ${escapeText(d.name.replace(/\s+/g, ' ').trim())}${d.url && mdUrl(d.url) ? ` (${mdUrl(d.url)})` : ''}`);
  out.push(datasets.length ? `${L.datasets}:\n\n${datasets.join('\n')}` : `${L.datasets}:`);
  out.push(fieldLine(L.architecture, f.architecture.value));
  out.push(fieldLine(L.training, f.training.value));
  const table = benchmarkTable(card.benchmarks, lang);
  out.push([fieldLine(L.evaluation, f.evaluation.value), table].filter(Boolean).join('\n\n'));
  const images = card.images.map((img) => {
    // Alt text on one line without brackets or backslashes, which would end or break the image syntax.
    const alt = escapeText(img.caption).replace(/[[\]\\]/g, '').replace(/\s+/g, ' ').trim();
    const path = imagePath(img.assetId, img.caption);
    return path ? `![${alt}](${path})` : L.missingImage.replace('{caption}', alt || escapeHeading(img.assetId));
  });
  out.push([fieldLine(L.showcase, f.showcase.value), ...images].join('\n\n'));
  // Blank lines between fields: one paragraph each in Typora, Obsidian, VS Code and on GitHub.
  return out.filter((s, i) => i < 2 || s !== '').join('\n\n').replace(/\n{3,}/g, '\n\n') + '\n';
}
