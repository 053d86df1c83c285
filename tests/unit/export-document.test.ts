import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Lexer, type Token } from 'marked';
import { describe, expect, it } from 'vitest';
import { surveyDocument, OVERVIEW_COLUMNS } from '../../lib/export/document';
import { escapeBlocks, neutraliseLinks } from '../../lib/export/markdown';
import { githubSlug, Slugger } from '../../lib/export/slug';
import { FIXED_NOW } from '../helpers';
import { emptyCard, fullCard, longCard, specialCard, surveyCards } from '../fixtures/export/cards';

/** Golden files are reviewed in the diff; UPDATE_GOLDEN=1 rewrites them. */
function golden(name: string, actual: string) {
  const path = resolve(process.cwd(), 'tests/fixtures/export', name);
  if (process.env.UPDATE_GOLDEN) writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

const imagePath = (id: string) => (id === 'asset-missing' ? '' : `image/${id}.png`);

/* ---------- what a renderer sees (marked, GFM) ---------- */

function walk(tokens: Token[], visit: (t: Token) => void) {
  for (const t of tokens) {
    visit(t);
    const kids = [
      ...((t as { tokens?: Token[] }).tokens ?? []),
      ...((t as { items?: Token[] }).items ?? []),
      ...((t as { header?: { tokens: Token[] }[] }).header ?? []).flatMap((c) => c.tokens),
      ...((t as { rows?: { tokens: Token[] }[][] }).rows ?? []).flat().flatMap((c) => c.tokens),
    ];
    walk(kids, visit);
  }
}

const decode = (s: string) =>
  s.replace(/&(lt|gt|amp|quot|#39);/g, (_m, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'" })[e]!);

/** The text a reader sees in a run of inline tokens (emphasis, code, escapes flattened; entities decoded). */
function plain(tokens: Token[]): string {
  return tokens
    .map((t) => {
      const kids = (t as { tokens?: Token[] }).tokens;
      if (kids?.length) return plain(kids);
      return decode((t as { text?: string }).text ?? '');
    })
    .join('');
}

describe('github slugs', () => {
  // Cases from github-slugger's fixtures (the rules GitHub applies), plus CJK and full-width punctuation.
  it.each([
    ['heading with a - dash', 'heading-with-a---dash'],
    ['heading with an _ underscore', 'heading-with-an-_-underscore'],
    ['heading with a period.txt', 'heading-with-a-periodtxt'],
    ['exchange.bind_headers(exchange, routing [, bindCallback])', 'exchangebind_headersexchange-routing--bindcallback'],
    ['I ♥ unicode', 'i--unicode'],
    ['en–dash', 'endash'],
    ['😄 unicode emoji', '-unicode-emoji'],
    [':smile: - a gemoji', 'smile---a-gemoji'],
    ['Привет non-latin 你好', 'привет-non-latin-你好'],
    ['通义千问 Qwen2（72B）', '通义千问-qwen272b'],
    ['评估报告：MMLU、C-Eval', '评估报告mmluc-eval'],
  ])('%s -> %s', (text, slug) => expect(githubSlug(text)).toBe(slug));

  it('numbers repeated slugs as GitHub does', () => {
    const s = new Slugger();
    expect(['echo', 'echo', 'echo 1', 'echo-1', 'echo', 'foxtrot-1', 'foxtrot', 'foxtrot'].map((t) => s.slug(t))).toEqual([
      'echo',
      'echo-1',
      'echo-1-1',
      'echo-1-2',
      'echo-2',
      'foxtrot-1',
      'foxtrot',
      'foxtrot-2',
    ]);
  });
});

describe('survey document', () => {
  const zh = () => surveyDocument(surveyCards(), { lang: 'zh', date: FIXED_NOW, imagePath });
  const en = () => surveyDocument(surveyCards(), { lang: 'en', date: FIXED_NOW, imagePath, title: 'Base models, late 2026' });

  it('matches the Chinese golden document', () => golden('survey.zh.md', zh()));
  it('matches the English golden document', () => golden('survey.en.md', en()));
  it('matches the golden document of an empty selection', () => golden('survey-empty.zh.md', surveyDocument([], { lang: 'zh', date: FIXED_NOW })));
  it('says so when no card has results', () =>
    expect(surveyDocument([emptyCard()], { lang: 'en', date: FIXED_NOW })).toContain('## Overview\n\n(none of these cards has benchmark results yet)\n'));

  it.each(['zh', 'en'] as const)('%s: has one H1, card sections as H2, and every contents link reaches its heading', (lang) => {
    const doc = lang === 'zh' ? zh() : en();
    const tokens = new Lexer({ gfm: true }).lex(doc);
    const headings = tokens.filter((t): t is Token & { depth: number; tokens: Token[] } => t.type === 'heading');
    expect(headings.filter((h) => h.depth === 1)).toHaveLength(1);
    expect(headings.every((h) => h.depth <= 2)).toBe(true);
    // Slugs from the text as rendered, in document order — what GitHub computes.
    const slugger = new Slugger();
    const anchors = headings.map((h) => ({ text: plain(h.tokens), slug: slugger.slug(plain(h.tokens)) }));
    expect(anchors.map((a) => a.text)).toEqual(
      lang === 'zh'
        ? ['大模型调研', '目录', '概览', 'Qwen2-7B', 'Empty-LM', specialCard().title, '长上下文 Long-LM（72B）', 'Qwen2-7B']
        : ['Base models, late 2026', 'Contents', 'Overview', 'Qwen2-7B', 'Empty-LM', specialCard().title, '长上下文 Long-LM（72B）', 'Qwen2-7B'],
    );
    const toc = tokens.slice(tokens.indexOf(headings[1]) + 1).find((t) => t.type !== 'space') as Token & { items: { tokens: Token[] }[] };
    expect(toc.type).toBe('list');
    const links: { href: string; text: string }[] = [];
    walk(toc.items.flatMap((i) => i.tokens), (t) => t.type === 'link' && links.push({ href: (t as { href: string }).href, text: plain((t as { tokens: Token[] }).tokens) }));
    expect(links.map((l) => l.href)).toEqual(anchors.slice(2).map((a) => `#${a.slug}`));
    expect(links.map((l) => l.text)).toEqual(anchors.slice(2).map((a) => a.text));
    expect(links.map((l) => l.href)).toContain('#qwen2-7b-1');
    expect(links.map((l) => l.href)).toContain('#长上下文-long-lm72b');
  });

  it('never lets a value become HTML, a heading, a non-web link or an open code block', () => {
    const doc = zh();
    const tokens = new Lexer({ gfm: true }).lex(doc);
    const types: string[] = [];
    const hrefs: string[] = [];
    walk(tokens, (t) => {
      types.push(t.type);
      if (t.type === 'link' || t.type === 'image') hrefs.push((t as { href: string }).href);
    });
    expect(types).not.toContain('html');
    expect(doc).not.toMatch(/<(script|img|div|b)\b/i);
    for (const h of hrefs) expect(h).toMatch(/^(https?:\/\/|#|image\/)/);
    // The value's unclosed fence is closed inside its own field: the next field is still a paragraph.
    expect(doc).toContain('```python\nprint("&lt;unclosed fence&gt;")\n```\n\n训练方法:');
    expect(doc).toContain('\\# Not a heading\nSetext bait\n\\---');
    // The missing image is named, not linked to a file that does not exist.
    expect(doc).toContain('（图片缺失：Caption with and and newline）');
  });

  it('escapes pipes inside table cells, so every row keeps its columns', () => {
    const doc = zh();
    const tables: { header: { text: string }[]; rows: { text: string }[][] }[] = [];
    walk(new Lexer({ gfm: true }).lex(doc), (t) => t.type === 'table' && tables.push(t as never));
    const special = tables.find((t) => t.header.some((h) => h.text.includes('A')) && t.header.length === 3)!;
    expect(special.header.map((h) => decode(h.text.replace(/\\(.)/g, '$1')))).toEqual(['Benchmark', '设置', 'A|B']);
    expect(special.rows.map((r) => r.map((c) => decode(c.text.replace(/\\(.)/g, '$1'))))).toEqual([
      ['MMLU <b>x</b>', '5-shot | CoT', '1.5'],
      ['back\\slash|pipe', '', '-2'],
    ]);
    // The long card's 40 benchmarks: overview split into tables of at most OVERVIEW_COLUMNS benchmarks.
    const overview = tables.filter((t) => t.header[0].text === '模型');
    expect(overview.length).toBe(Math.ceil(44 / OVERVIEW_COLUMNS));
    expect(overview.every((t) => t.header.length <= OVERVIEW_COLUMNS + 1)).toBe(true);
    expect(longCard().benchmarks).toHaveLength(120);
  });

  it('uses the default image paths of a card without imagePath', () => {
    expect(surveyDocument([fullCard()], { lang: 'zh', date: FIXED_NOW })).toContain('![Chat demo](image/asset-chat.png)');
  });
});

describe('value escaping', () => {
  it('closes an open fence and escapes heading lines outside code', () => {
    expect(escapeBlocks('a\n# h\n```\n# in code')).toBe('a\n\\# h\n```\n# in code\n```');
    expect(escapeBlocks('~~~~\nx\n~~~\n~~~~\n## y')).toBe('~~~~\nx\n~~~\n~~~~\n\\## y');
    expect(escapeBlocks('text\n===\n\n---')).toBe('text\n\\===\n\n---');
  });
  it('takes the link syntax from non-web targets only', () => {
    expect(neutraliseLinks('[a](javascript:alert(1)) [b](https://x.org) ![c](data:image/png;base64,AA) [d](image/x.png)')).toBe(
      '[a\\](javascript:alert(1)) [b](https://x.org) ![c\\](data:image/png;base64,AA) [d](image/x.png)',
    );
    expect(neutraliseLinks('[r]: javascript:alert(1)\n[s]: https://x.org')).toBe('[r\\]: javascript:alert(1)\n[s]: https://x.org');
    expect(neutraliseLinks('[a\\](javascript:x)')).toBe('[a\\](javascript:x)');
  });
});
