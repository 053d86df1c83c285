import { Lexer, Parser, type Links, type Token } from 'marked';
import { htmlTableToGrid, type Grid } from './grid';

/**
 * Every table in a markdown document (a model card README) as a grid: GFM pipe tables, raw HTML
 * <table> blocks (cards mix both), and pipe tables pasted inside code fences (lm-evaluation-harness
 * output, common on Hugging Face). Pipe tables are rendered to HTML by marked and read by the same
 * grid code as HTML tables, so bold, <br>, <sup> and entities mean the same thing in both.
 */

interface Found {
  html: string;
  source: Grid['source'];
  /** The nearest heading or short paragraph line before the table. */
  context: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Plain text of inline tokens: links and emphasis keep their words, images and inline HTML drop out. */
function inlineText(tokens: Token[] | undefined): string {
  if (!tokens) return '';
  let out = '';
  for (const t of tokens) {
    if (t.type === 'image' || t.type === 'html') continue;
    if (t.type === 'br') out += ' ';
    else if ('tokens' in t && Array.isArray(t.tokens) && t.tokens.length) out += inlineText(t.tokens as Token[]);
    else if ('text' in t && typeof t.text === 'string') out += t.text;
  }
  return decodeEntities(out).replace(/\s+/g, ' ').trim();
}

const MAX_CAPTION_LINE = 200;

/** `html` from its first "<table" to the matching "</table>", for each top-level table in it. */
function htmlTables(html: string): string[] {
  const out: string[] = [];
  const re = /<(\/?)table\b[^>]*>/gi;
  let depth = 0;
  let start = -1;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (!m[1]) {
      if (depth === 0) start = m.index;
      depth++;
    } else if (depth > 0) {
      depth--;
      if (depth === 0) out.push(html.slice(start, m.index + m[0].length));
    }
  }
  if (depth > 0 && start >= 0) out.push(html.slice(start));
  return out;
}

function tableBalance(html: string): number {
  return (html.match(/<table\b/gi)?.length ?? 0) - (html.match(/<\/table\s*>/gi)?.length ?? 0);
}

const PIPE_TABLE = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$/m;

class Collector {
  readonly found: Found[] = [];
  private context = '';

  constructor(private readonly links: Links | undefined) {}

  visit(tokens: Token[]): void {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      switch (t.type) {
        case 'heading':
          this.context = inlineText(t.tokens);
          break;
        case 'paragraph': {
          // A short paragraph ("The results are as follows:") is the caption; of a long one, its last sentence.
          const text = inlineText(t.tokens);
          const last = text.length <= MAX_CAPTION_LINE ? text : (text.split(/(?<=[.!?。！？；;])\s*/).filter(Boolean).pop() ?? '');
          if (last && last.length <= MAX_CAPTION_LINE) this.context = last.trim();
          break;
        }
        case 'table':
          this.found.push({ html: Parser.parse(Object.assign([t], { links: this.links ?? {} })), source: 'markdown', context: this.context });
          break;
        case 'html': {
          if (!/<table\b/i.test(t.raw)) break;
          // A blank line inside a <table> ends the HTML block; the rest of the table arrives as
          // further tokens, so take their raw text until the table closes.
          let html = t.raw;
          let balance = tableBalance(html);
          while (balance > 0 && i + 1 < tokens.length) {
            i++;
            html += tokens[i].raw;
            balance = tableBalance(html);
          }
          for (const table of htmlTables(html)) this.found.push({ html: table, source: 'html', context: this.context });
          break;
        }
        case 'code':
          // lm-evaluation-harness prints pipe tables; cards paste them inside code fences.
          if (PIPE_TABLE.test(t.text)) this.visit(new Lexer({ gfm: true }).lex(t.text));
          break;
        case 'blockquote':
          this.visit((t.tokens as Token[] | undefined) ?? []);
          break;
        case 'list':
          for (const item of t.items) this.visit(item.tokens);
          break;
        default:
          break;
      }
    }
  }
}

export function markdownTables(markdown: string, parseHtml: (html: string) => Document): Grid[] {
  const tokens = new Lexer({ gfm: true }).lex(markdown);
  const collector = new Collector(tokens.links);
  collector.visit(tokens);
  const found = collector.found;
  if (!found.length) return [];

  // One parse for the whole document; each table sits in its own wrapper so they cannot merge.
  const doc = parseHtml(`<!DOCTYPE html><html><head></head><body>${found.map((f) => `<div>${f.html}</div>`).join('')}</body></html>`);
  const wrappers = Array.from(doc.body?.children ?? []);
  const tables: (Element | null)[] =
    wrappers.length === found.length
      ? wrappers.map((w) => w.querySelector('table'))
      : // Markup broken enough to disturb the wrappers: parse each table alone.
        found.map((f) => parseHtml(`<!DOCTYPE html><html><body>${f.html}</body></html>`).querySelector('table'));

  const grids: Grid[] = [];
  found.forEach((f, i) => {
    const table = tables[i];
    if (!table) return;
    const grid = htmlTableToGrid(table);
    grid.source = f.source;
    if (!grid.caption) grid.caption = f.context;
    grids.push(grid);
  });
  return grids;
}
