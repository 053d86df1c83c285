import { squash } from './clean';

/**
 * Text of an element as a reader sees it: math as its TeX source (MathML text is unreadable), arXiv's
 * injected "Report issue" buttons and footnote bodies dropped. Works on a copy.
 */
export function readableText(el: Element | null, opts: { keepNotes?: boolean } = {}): string {
  if (!el) return '';
  const c = el.cloneNode(true) as Element;
  c.querySelectorAll('button, .sr-only').forEach((n) => n.remove());
  if (!opts.keepNotes) c.querySelectorAll('.ltx_note_outer, .ltx_role_footnotemark').forEach((n) => n.remove());
  c.querySelectorAll('math').forEach((m) => {
    const tex = m.getAttribute('alttext');
    m.replaceWith(c.ownerDocument.createTextNode(tex ? ` ${tex} ` : ''));
  });
  c.querySelectorAll('br').forEach((b) => b.replaceWith(c.ownerDocument.createTextNode(' ')));
  return squash(c.textContent);
}
