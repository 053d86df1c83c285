import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { capturePage } from '../lib/extract/registry';
import { newCardFromCapture } from '../lib/cards/from-capture';
import { cardToMarkdown } from '../lib/export/markdown';
import { htmlDocument, offlineContext, recogniseInput, type SavedInput } from './node-pages';
import type { Capture } from '../lib/schema';
import { marked } from 'marked';

function renderReadme(markdown: string): string {
  const body = marked.parse(markdown.replace(/^\s*---[\s\S]*?\n---\s*\n/, ''), { gfm: true, async: false }) as string;
  const title = /^#\s+(.+)$/m.exec(markdown)?.[1] ?? '';
  return `<!doctype html><html><head><title>${title.replace(/[<&]/g, '')}</title></head><body><article class="markdown-body">${body}</article></body></html>`;
}

const USAGE = `usage: npm run -s capture -- --url <page url> [--format json|md] [--lang zh|en] <file>...
  Files are what the page and its APIs returned (saved HTML page, README markdown,
  Hub or ModelScope API JSON, arXiv Atom XML), recognised by their content.`;

export class UsageError extends Error {}

/** Capture from saved files, exactly as the extension would from the live page. */
export async function captureFromFiles(url: string, files: string[], now = new Date()): Promise<Capture> {
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error();
  } catch {
    throw new UsageError(`--url must be the page's http(s) address, got "${url}"`);
  }
  const inputs: SavedInput[] = files.map((path) => {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    return { path, text, kind: recogniseInput(text) };
  });
  const page = inputs.find((i) => i.kind === 'html');
  const readme = inputs.find((i) => i.kind === 'markdown');
  const hubPage = /^https?:\/\/(www\.)?(huggingface\.co|modelscope\.cn)\//.test(url);
  // Without a saved page the extractor sees an empty one and turns to the APIs, as on a page still loading;
  // a README given for any other page (a GitHub repository) is that page, rendered as GitHub would.
  const html = page?.text ?? (readme && !hubPage ? renderReadme(readme.text) : '<!doctype html><html><head></head><body></body></html>');
  const doc = htmlDocument(html, url);
  const ctx = offlineContext(inputs);
  return capturePage(doc, url, ctx, { id: `cli-${now.getTime().toString(36)}`, now });
}

export async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        format: { type: 'string', default: 'json' },
        lang: { type: 'string', default: 'zh' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!values.url || !positionals.length || !['json', 'md'].includes(values.format!) || !['zh', 'en'].includes(values.lang!)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  try {
    const capture = await captureFromFiles(values.url, positionals);
    if (values.format === 'md') {
      const card = newCardFromCapture(capture, capture.id, new Date(capture.capturedAt));
      process.stdout.write(cardToMarkdown(card, { lang: values.lang as 'zh' | 'en' }));
    } else {
      process.stdout.write(`${JSON.stringify(capture, null, 2)}\n`);
    }
    for (const w of capture.warnings) process.stderr.write(`warning: ${w}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`capture: ${(e as Error).message}\n`);
    return e instanceof UsageError ? 2 : 1;
  }
}

if (process.argv[1] && /capture\.ts$/.test(process.argv[1])) {
  // exitCode, not exit(): stdout to a pipe must drain first, or long captures are cut short.
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
