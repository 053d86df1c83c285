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

  // One header row: GFM has no merged cells, so a benchmark spanning several settings is flattened to one
  // column per benchmark × setting, labelled "MMLU · 5-shot".
  const matrix = buildCompareMatrix(cards);
  const table = matrix.columns.length ? matrixToMarkdown(matrix, opts.lang).trimEnd() : L.noResults;
  out.push(`## ${escapeHeading(L.overview)}`, table);

  cards.forEach((card, i) => {
    const md = cardToMarkdown({ ...card, title: titles[i] }, { lang: opts.lang, imagePath: opts.imagePath, headingLevel: 2 });
    out.push(md.trimEnd());
  });
  return out.join('\n\n') + '\n';
}
