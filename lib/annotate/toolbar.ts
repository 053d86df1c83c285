/**
 * The selection toolbar: plain DOM in a closed shadow root whose host is marked notranslate, so page CSS
 * and in-page translators leave it alone. No framework: this ships on every page load of the served sites.
 */
export interface ToolbarActions {
  fields: { id: string; label: string }[];
  cards: { id: string; title: string }[];
  cardId: string;
  labels: { highlight: string; translate: string; note: string; card: string };
  onSend(field: string, cardId: string, note: string): void;
  onHighlight(cardId: string, note: string): void;
  onTranslate(): void;
}

const CSS = `
  :host { all: initial; }
  .bar { position: fixed; z-index: 2147483647; display: flex; flex-wrap: wrap; gap: 4px; align-items: center; max-width: 520px;
    background: #1d1f23; color: #fff; padding: 6px; border-radius: 8px; box-shadow: 0 6px 20px rgba(0,0,0,.25);
    font: 12.5px/1.3 system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', sans-serif; }
  button { font: inherit; color: #fff; background: #343a40; border: 0; border-radius: 5px; padding: 4px 8px; cursor: pointer; }
  button:hover { background: #3b5bdb; }
  select, input { font: inherit; border-radius: 5px; border: 0; padding: 3px 6px; max-width: 160px; }
  .out { flex-basis: 100%; background: #fff; color: #1d1f23; border-radius: 5px; padding: 6px; white-space: pre-wrap; max-height: 200px; overflow: auto; }
  .out:empty { display: none; }
`;

export class SelectionToolbar {
  private host: HTMLElement;
  private bar: HTMLElement;
  private out: HTMLElement;

  constructor(doc: Document) {
    this.host = doc.createElement('div');
    this.host.setAttribute('data-llm-survey-cards', 'toolbar');
    this.host.className = 'notranslate';
    this.host.setAttribute('translate', 'no');
    // Open, so tests and assistive tools can reach it; page CSS still cannot style into it.
    const root = this.host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = CSS;
    this.bar = doc.createElement('div');
    this.bar.className = 'bar';
    this.bar.setAttribute('data-testid', 'lsc-toolbar');
    this.out = doc.createElement('div');
    this.out.className = 'out';
    root.append(style, this.bar);
    // Clicks in the toolbar must not clear the page selection.
    this.bar.addEventListener('mousedown', (e) => {
      if (!(e.target instanceof HTMLSelectElement || e.target instanceof HTMLInputElement)) e.preventDefault();
    });
  }

  get element(): HTMLElement {
    return this.host;
  }

  contains(node: Node | null): boolean {
    return !!node && (node === this.host || this.host.contains(node));
  }

  show(at: DOMRect, a: ToolbarActions): void {
    const doc = this.host.ownerDocument;
    this.bar.replaceChildren();
    const select = doc.createElement('select');
    select.title = a.labels.card;
    for (const c of a.cards) select.append(new Option(c.title.slice(0, 40), c.id, false, c.id === a.cardId));
    const note = doc.createElement('input');
    note.placeholder = a.labels.note;
    const button = (label: string, testid: string, onClick: () => void) => {
      const b = doc.createElement('button');
      b.textContent = label;
      b.setAttribute('data-testid', testid);
      b.addEventListener('click', onClick);
      return b;
    };
    this.bar.append(select, ...a.fields.map((f) => button(f.label, `lsc-send-${f.id}`, () => a.onSend(f.id, select.value, note.value))));
    this.bar.append(button(a.labels.highlight, 'lsc-highlight', () => a.onHighlight(select.value, note.value)), note);
    this.bar.append(button(a.labels.translate, 'lsc-translate', () => a.onTranslate()), this.out);
    this.out.textContent = '';
    const top = at.bottom + 8 + 60 > innerHeight ? Math.max(4, at.top - 70) : at.bottom + 8;
    this.bar.style.top = `${top}px`;
    this.bar.style.left = `${Math.max(4, Math.min(at.left, innerWidth - 530))}px`;
    if (!this.host.isConnected) doc.documentElement.append(this.host);
  }

  say(text: string): void {
    this.out.textContent = text;
  }

  hide(): void {
    this.host.remove();
  }
}
