import type { Card } from '../schema';
import { buildCompareMatrix, matrixToMarkdown } from '../compare/matrix';
import { cardToMarkdown, escapeHeading } from './markdown';
import { Slugger } from './slug';
import { TEMPLATE_LABELS, type TemplateLang } from './template';

export interface SurveyDocumentOptions {
  lang: TemplateLang;
  /** The document's one H1; 大模型调研 / "LLM survey" by default. */
  title?: string;
  /** Shown as YYYY-MM-DD in the exporting user's own calendar (local time). */
  date: Date;
  /** Relative path of an image, by asset id and caption; '' for an image the export does not have. */
  imagePath?: (assetId: string, caption: string) => string;
}

/** The heading text of a card's section: the title, else the model, a hub id, the card id (never empty). */
export function sectionTitle(card: Card): string {
  for (const s of [card.title, card.fields.model.value, card.identity.modelIds[0], card.id]) {
    const t = (s ?? '').replace(/\s+/g, ' ').trim();
    if (t) return t;
  }
  return card.id;
}

export function isoDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Benchmark columns per overview table: wider tables wrap or scroll off screen in every editor. */
export const OVERVIEW_COLUMNS = 8;

/**
 * The overview: one row per card with results, one column per benchmark × setting. GFM has no merged
 * header cells, so a benchmark spanning several settings is flattened to one column per setting,
 * labelled "MMLU · 5-shot"; many columns are split into several tables, each repeating the model column.
 */
export function overviewTables(cards: Card[], lang: TemplateLang): string {
  const m = buildCompareMatrix(cards);
  const byId = new Map(cards.map((c) => [c.id, c]));
  const total = new Map<string, number>();
  for (const r of m.rows) total.set(r.label, (total.get(r.label) ?? 0) + 1);
  // Two cards of the same name would make two identical rows: add each one's hub id or model, else a number.
  const nth = new Map<string, number>();
  const rows = m.rows.map((r) => {
    if (total.get(r.label)! < 2) return r;
    nth.set(r.label, (nth.get(r.label) ?? 0) + 1);
    const c = byId.get(r.cardId)!;
    const extra = [c.identity.modelIds[0], c.fields.model.value.trim()].find((x) => x && x !== r.label) ?? `#${nth.get(r.label)}`;
    return { ...r, label: `${r.label} (${extra})` };
  });
  const tables: string[] = [];
  for (let i = 0; i < m.columns.length; i += OVERVIEW_COLUMNS) {
    const part = {
      ...m,
      columns: m.columns.slice(i, i + OVERVIEW_COLUMNS),
      // Only the models with a number in these columns: the later tables hold the rarer benchmarks.
      rows: rows.map((r) => ({ ...r, cells: r.cells.slice(i, i + OVERVIEW_COLUMNS) })).filter((r) => r.cells.some(Boolean)),
    };
    tables.push(matrixToMarkdown(part, lang).trimEnd());
  }
  return tables.join('\n\n');
}

/**
 * The whole survey as one markdown document: title and date, a table of contents, an overview table of
 * the models' benchmark results, then one H2 section per card in the users' template.
 *
 * Anchors are computed from the heading text exactly as rendered: escapeHeading escapes every markup
 * character, so the rendered heading is the plain title and its GitHub slug is the slug of that title.
 * Every heading of the document (H1 included) goes through one Slugger, in document order, so the -1, -2
 * suffixes of repeated titles land where GitHub puts them.
 */
export function surveyDocument(cards: Card[], opts: SurveyDocumentOptions): string {
  const L = TEMPLATE_LABELS[opts.lang];
  const slugger = new Slugger();
  const title = (opts.title ?? '').replace(/\s+/g, ' ').trim() || L.docTitle;
  slugger.slug(title);
  const out: string[] = [`# ${escapeHeading(title)}`, `${L.date}: ${isoDay(opts.date)}`];
  if (!cards.length) return [...out, L.noCards].join('\n\n') + '\n';

  slugger.slug(L.toc);
  const overviewSlug = slugger.slug(L.overview);
  const titles = cards.map(sectionTitle);
  const toc = [`- [${escapeHeading(L.overview)}](#${overviewSlug})`, ...titles.map((t) => `- [${escapeHeading(t)}](#${slugger.slug(t)})`)];
  out.push(`## ${escapeHeading(L.toc)}`, toc.join('\n'));

  out.push(`## ${escapeHeading(L.overview)}`, overviewTables(cards, opts.lang) || L.noResults);

  cards.forEach((card, i) => {
    const md = cardToMarkdown({ ...card, title: titles[i] }, { lang: opts.lang, imagePath: opts.imagePath, headingLevel: 2 });
    out.push(md.trimEnd());
  });
  return out.join('\n\n') + '\n';
}
