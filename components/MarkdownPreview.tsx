import { createElement, useMemo, type ReactNode } from 'react';
import { Lexer, type Token, type Tokens } from 'marked';
import { safeHttpUrl } from '@/lib/extract/links';

/**
 * A card field's markdown shown as React elements, never as an HTML string.
 *
 * marked's Lexer (GFM) turns the text into tokens and each token becomes a React element, so every
 * piece of text reaches the page as a text node. Raw HTML in the markdown (`<script>`, `<img onerror>`,
 * `<a href="javascript:…">`) is shown as the literal text it is. Links and images must be http(s)
 * (checked on the parsed URL, which is what a browser would follow); anything else is shown as its text.
 * Images load without a referrer: WeChat's image host (mmbiz.qpic.cn) refuses hot-linked images that
 * send one, and no other host needs to learn which card is open.
 */

export interface MarkdownPreviewProps {
  text: string;
  className?: string;
  /** Show http(s) images (default). When false, an image becomes a link labelled with its alt text. */
  images?: boolean;
}

interface Ctx {
  images: boolean;
}

/* ---------- entities ---------- */

// marked keeps named character references as written ("&amp;"); an HTML renderer would let the browser
// decode them. These are the ones met in cards; any other stays as written.
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009',
  copy: '©', reg: '®', trade: '™', hellip: '…', mdash: '—', ndash: '–', minus: '−', lsquo: '‘', rsquo: '’',
  ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', middot: '·', bull: '•', times: '×', divide: '÷', plusmn: '±',
  deg: '°', micro: 'µ', para: '¶', sect: '§', dagger: '†', Dagger: '‡', larr: '←', rarr: '→', uarr: '↑',
  darr: '↓', harr: '↔', le: '≤', ge: '≥', ne: '≠', asymp: '≈', infin: '∞', sum: '∑', alpha: 'α', beta: 'β',
  gamma: 'γ', delta: 'δ', epsilon: 'ε', lambda: 'λ', mu: 'μ', pi: 'π', sigma: 'σ', tau: 'τ', theta: 'θ',
  check: '✓', cross: '✗', star: '☆', hearts: '♥', euro: '€', pound: '£', yen: '¥', cent: '¢', frac12: '½',
  frac14: '¼', frac34: '¾', sup2: '²', sup3: '³', shy: '\u00ad', zwj: '\u200d', zwnj: '\u200c',
};

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g, (whole, dec: string, hex: string, name: string) => {
    if (name) return NAMED[name] ?? whole;
    const code = dec ? parseInt(dec, 10) : parseInt(hex, 16);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
    return String.fromCodePoint(code);
  });
}

/* ---------- tokens to React ---------- */

function lex(text: string): Token[] | null {
  try {
    return new Lexer({ gfm: true, breaks: false }).lex(text);
  } catch {
    return null;
  }
}

/** The plain text of inline tokens (for alt text and titles). */
function plainText(tokens: Token[] | undefined, fallback: string): string {
  if (!tokens?.length) return decodeEntities(fallback);
  return tokens
    .map((t) => {
      const g = t as Tokens.Generic;
      if (t.type === 'br') return ' ';
      if (t.type === 'codespan' || t.type === 'html' || t.type === 'escape') return String(g.text ?? '');
      if (Array.isArray(g.tokens)) return plainText(g.tokens as Token[], String(g.text ?? ''));
      return decodeEntities(String(g.text ?? g.raw ?? ''));
    })
    .join('');
}

function safeLanguage(lang: string | undefined): string | undefined {
  const l = (lang ?? '').trim().split(/\s+/)[0];
  return /^[\w+#.-]{1,32}$/.test(l) ? `language-${l}` : undefined;
}

function renderInline(tokens: Token[] | undefined, ctx: Ctx): ReactNode[] {
  return (tokens ?? []).map((t, i) => inline(t, i, ctx));
}

function inline(token: Token, key: number, ctx: Ctx): ReactNode {
  switch (token.type) {
    case 'text': {
      const t = token as Tokens.Text;
      if (t.tokens?.length) return <span key={key}>{renderInline(t.tokens, ctx)}</span>;
      // Text inside a raw HTML element (escaped: true) is shown exactly as written.
      return t.escaped ? t.text : decodeEntities(t.text);
    }
    case 'escape':
      return (token as Tokens.Escape).text;
    case 'strong':
      return <strong key={key}>{renderInline((token as Tokens.Strong).tokens, ctx)}</strong>;
    case 'em':
      return <em key={key}>{renderInline((token as Tokens.Em).tokens, ctx)}</em>;
    case 'del':
      return <del key={key}>{renderInline((token as Tokens.Del).tokens, ctx)}</del>;
    case 'codespan':
      return <code key={key}>{(token as Tokens.Codespan).text}</code>;
    case 'br':
      return <br key={key} />;
    case 'link': {
      const t = token as Tokens.Link;
      // Autolinks are literal: their character references were never meant to be decoded.
      const href = safeHttpUrl(t.autolink ? t.href : decodeEntities(t.href));
      const children = t.autolink ? t.text : renderInline(t.tokens, ctx);
      if (!href) return <span key={key}>{children}</span>;
      return (
        <a key={key} href={href} title={t.title ? decodeEntities(t.title) : undefined} target="_blank" rel="noopener noreferrer">
          {children}
        </a>
      );
    }
    case 'image': {
      const t = token as Tokens.Image;
      const src = safeHttpUrl(decodeEntities(t.href));
      const alt = plainText(t.tokens, t.text);
      const title = t.title ? decodeEntities(t.title) : undefined;
      if (!src) return alt ? <span key={key}>{alt}</span> : null;
      if (!ctx.images) {
        return (
          <a key={key} href={src} title={title} target="_blank" rel="noopener noreferrer" referrerPolicy="no-referrer">
            {alt || src}
          </a>
        );
      }
      return (
        <img
          key={key}
          src={src}
          alt={alt}
          title={title}
          loading="lazy"
          decoding="async"
          referrerPolicy="no-referrer"
          style={{ maxWidth: '100%', height: 'auto' }}
        />
      );
    }
    case 'html':
      // Raw HTML is text here: "<script>" reads as "<script>" and never runs.
      return (token as Tokens.HTML).text;
    case 'checkbox':
      return <input key={key} type="checkbox" checked={(token as Tokens.Checkbox).checked} disabled readOnly />;
    default: {
      const g = token as Tokens.Generic;
      if (Array.isArray(g.tokens)) return <span key={key}>{renderInline(g.tokens as Token[], ctx)}</span>;
      return String(g.raw ?? '');
    }
  }
}

function renderBlocks(tokens: Token[] | undefined, ctx: Ctx): ReactNode[] {
  return (tokens ?? []).map((t, i) => block(t, i, ctx));
}

function block(token: Token, key: number, ctx: Ctx): ReactNode {
  switch (token.type) {
    case 'space':
    case 'def':
      return null;
    case 'paragraph':
      return <p key={key}>{renderInline((token as Tokens.Paragraph).tokens, ctx)}</p>;
    case 'heading': {
      const t = token as Tokens.Heading;
      const depth = Math.min(6, Math.max(1, t.depth));
      return createElement(`h${depth}`, { key }, ...renderInline(t.tokens, ctx));
    }
    case 'code': {
      const t = token as Tokens.Code;
      return (
        <pre key={key}>
          <code className={safeLanguage(t.lang)}>{t.text}</code>
        </pre>
      );
    }
    case 'blockquote':
      return <blockquote key={key}>{renderBlocks((token as Tokens.Blockquote).tokens, ctx)}</blockquote>;
    case 'list': {
      const t = token as Tokens.List;
      const items = t.items.map((item, i) => (
        <li key={i} className={item.task ? 'md-task' : undefined}>
          {renderBlocks(item.tokens, ctx)}
        </li>
      ));
      if (!t.ordered) return <ul key={key}>{items}</ul>;
      const start = typeof t.start === 'number' && t.start !== 1 ? t.start : undefined;
      return (
        <ol key={key} start={start}>
          {items}
        </ol>
      );
    }
    case 'table': {
      const t = token as Tokens.Table;
      const align = (a: Tokens.TableCell['align']) => (a ? { textAlign: a } : undefined);
      return (
        <div key={key} className="md-table">
          <table className="grid">
            <thead>
              <tr>
                {t.header.map((cell, i) => (
                  <th key={i} style={align(cell.align)}>
                    {renderInline(cell.tokens, ctx)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {t.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, i) => (
                    <td key={i} style={align(cell.align)}>
                      {renderInline(cell.tokens, ctx)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
    case 'hr':
      return <hr key={key} />;
    case 'html':
      // A raw HTML block, shown as the text it is.
      return (
        <p key={key} className="md-raw" style={{ whiteSpace: 'pre-wrap' }}>
          {(token as Tokens.HTML).text.replace(/\n+$/, '')}
        </p>
      );
    case 'text': {
      // Block-level text: the content of a tight list item.
      const t = token as Tokens.Text;
      return t.tokens?.length ? <span key={key}>{renderInline(t.tokens, ctx)}</span> : decodeEntities(t.text);
    }
    case 'checkbox':
      return inline(token, key, ctx);
    default: {
      const g = token as Tokens.Generic;
      if (Array.isArray(g.tokens)) return <div key={key}>{renderBlocks(g.tokens as Token[], ctx)}</div>;
      return g.raw ? (
        <p key={key} style={{ whiteSpace: 'pre-wrap' }}>
          {String(g.raw)}
        </p>
      ) : null;
    }
  }
}

/** React elements for a markdown text; exported for callers that place them in their own container. */
export function markdownToReact(text: string, opts: { images?: boolean } = {}): ReactNode {
  const tokens = lex(text);
  // The lexer never throws on text in practice; if it did, the text is still worth reading as it is.
  if (!tokens) return <p style={{ whiteSpace: 'pre-wrap' }}>{text}</p>;
  return renderBlocks(tokens, { images: opts.images !== false });
}

export function MarkdownPreview({ text, className, images = true }: MarkdownPreviewProps) {
  const content = useMemo(() => markdownToReact(text, { images }), [text, images]);
  return <div className={className ? `md-preview ${className}` : 'md-preview'}>{content}</div>;
}
