import { TEXT_FIELDS, type Card, type CardLink, type LinkKind, type SourceRef, type TextFieldName } from '../schema';
import { safeHttpUrl } from '../extract/links';

/** Lines of a links textarea back into links, keeping what each known URL already remembered. */
export function linesToLinks(text: string, previous: CardLink[], userSource: SourceRef): { links: CardLink[]; invalid: string[] } {
  const invalid: string[] = [];
  const links: CardLink[] = [];
  for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const url = safeHttpUrl(line);
    if (!url) {
      invalid.push(line);
      continue;
    }
    if (links.some((l) => l.url === url)) continue;
    links.push(previous.find((p) => p.url === url) ?? { url, label: '', sources: [userSource] });
  }
  return { links, invalid };
}

export function linksToLines(links: CardLink[]): string {
  return links.map((l) => l.url).join('\n');
}

/** Which fields the user typed into: their source becomes "user" on top of what they came from. */
export function markUserEdit<T extends { sources: SourceRef[] }>(field: T, at: string): T {
  const last = field.sources[field.sources.length - 1];
  if (last?.kind === 'user') return { ...field, sources: [...field.sources.slice(0, -1), { kind: 'user', at }] };
  return { ...field, sources: [...field.sources, { kind: 'user', at }] };
}

export type EditableLinkKind = Extract<LinkKind, 'paper' | 'code' | 'model'>;

export function cardSearchText(card: Card): string {
  return [
    card.title,
    ...Object.values(card.fields).map((f) => f.value),
    ...card.tags,
    ...card.datasets.map((d) => d.name),
    card.notes,
  ]
    .join(' ')
    .toLowerCase();
}


/** What the editor shows: every template field as text. */
export interface CardForm {
  title: string;
  fields: Record<TextFieldName, string>;
  paper: string;
  code: string;
  model: string;
  datasets: string;
  tags: string;
  notes: string;
}

export function cardToForm(card: Card): CardForm {
  return {
    title: card.title,
    fields: Object.fromEntries(TEXT_FIELDS.map((f) => [f, card.fields[f].value])) as Record<TextFieldName, string>,
    paper: linksToLines(card.links.paper),
    code: linksToLines(card.links.code),
    model: linksToLines(card.links.model),
    datasets: card.datasets.map((d) => d.name).join('\n'),
    tags: card.tags.join(', '),
    notes: card.notes,
  };
}

/** The edited card, with "user" added to the sources of every field the user changed. */
export function formToCard(base: Card, form: CardForm, now: Date): { card: Card; invalid: string[] } {
  const at = now.toISOString();
  const user: SourceRef = { kind: 'user', at };
  const card: Card = structuredClone(base);
  card.title = form.title.trim() || base.title;
  for (const f of TEXT_FIELDS) {
    if (form.fields[f] !== base.fields[f].value) card.fields[f] = markUserEdit({ ...card.fields[f], value: form.fields[f] }, at);
  }
  const invalid: string[] = [];
  for (const kind of ['paper', 'code', 'model'] as const) {
    if (form[kind] === linksToLines(base.links[kind])) continue;
    const r = linesToLinks(form[kind], base.links[kind], user);
    card.links[kind] = r.links;
    invalid.push(...r.invalid);
  }
  const names = [...new Set(form.datasets.split('\n').map((s) => s.trim()).filter(Boolean))];
  card.datasets = names.map((name) => base.datasets.find((d) => d.name === name) ?? { name, sources: [user] });
  card.tags = [...new Set(form.tags.split(/[,，]/).map((s) => s.trim()).filter(Boolean))];
  card.notes = form.notes;
  return { card, invalid };
}
