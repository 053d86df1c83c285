import type { BenchmarkResult, Card } from '../schema';
import { TEMPLATE_LABELS, type TemplateLang } from './template';

/** Values are text, never markup: angle brackets become entities so no page HTML reaches a renderer. */
export function escapeText(s: string): string {
  return s.replace(/&(?=[#a-zA-Z0-9]+;)/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeCell(s: string): string {
  return escapeText(s).replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/** Link targets: only http(s), with characters that would end a markdown link encoded. */
function mdUrl(url: string): string {
  return /^https?:\/\//i.test(url) ? url.replace(/[()<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`) : '';
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

/** A text field: one line stays on the label's line, longer text starts below it. */
function fieldLine(label: string, value: string): string {
  const v = escapeText(value.trim());
  if (!v) return `${label}:`;
  return v.includes('\n') ? `${label}:\n\n${v}` : `${label}: ${v}`;
}

export interface MarkdownOptions {
  lang?: TemplateLang;
  /** Relative path of an image in the export, by asset id. */
  imagePath?: (assetId: string) => string;
}

/** One card as a section of the survey document, in the users' template. */
export function cardToMarkdown(card: Card, opts: MarkdownOptions = {}): string {
  const lang = opts.lang ?? 'zh';
  const L = TEMPLATE_LABELS[lang];
  const f = card.fields;
  const imagePath = opts.imagePath ?? ((id: string) => `image/${id}.png`);
  const out: string[] = [`# ${escapeText(card.title.replace(/\s+/g, ' ').trim())}`];
  out.push(fieldLine(L.model, f.model.value));
  out.push(fieldLine(L.paperTitle, f.paperTitle.value));
  out.push(fieldLine(L.paperUrl, linkList(card.links.paper.slice(0, 1))));
  out.push(fieldLine(L.codeUrl, linkList(card.links.code)));
  out.push(fieldLine(L.summary, f.summary.value));
  out.push(fieldLine(L.modelUrl, linkList(card.links.model)));
  const datasets = card.datasets.map((d, i) => `${i + 1}. ${escapeText(d.name)}${d.url && mdUrl(d.url) ? ` (${mdUrl(d.url)})` : ''}`);
  out.push(datasets.length ? `${L.datasets}:\n\n${datasets.join('\n')}` : `${L.datasets}:`);
  out.push(fieldLine(L.architecture, f.architecture.value));
  out.push(fieldLine(L.training, f.training.value));
  const table = benchmarkTable(card.benchmarks, lang);
  out.push([fieldLine(L.evaluation, f.evaluation.value), table].filter(Boolean).join('\n\n'));
  const images = card.images.map((img) => `![${escapeText(img.caption).replace(/[[\]]/g, '')}](${imagePath(img.assetId)})`);
  out.push([fieldLine(L.showcase, f.showcase.value), ...images].join('\n\n'));
  // Blank lines between fields: one paragraph each in Typora, Obsidian, VS Code and on GitHub.
  return out.filter((s, i) => i < 2 || s !== '').join('\n\n').replace(/\n{3,}/g, '\n\n') + '\n';
}
