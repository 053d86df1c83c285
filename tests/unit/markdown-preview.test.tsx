// @vitest-environment jsdom
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { decodeEntities, MarkdownPreview } from '../../components/MarkdownPreview';

function render(text: string, images?: boolean): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = renderToStaticMarkup(<MarkdownPreview text={text} images={images} />);
  return host.firstElementChild as HTMLElement;
}

describe('MarkdownPreview', () => {
  it('renders blocks: headings, paragraphs, lists, quotes, code, rules', () => {
    const el = render(
      [
        '## Training *method*',
        '',
        'Pre-trained on **2T** tokens, then ~~RLHF~~ DPO.  ',
        'Second line with `code<b>`.',
        '',
        '- one',
        '- two',
        '  1. nested',
        '',
        '3. three',
        '4. four',
        '',
        '> quoted **bold**',
        '',
        '```python',
        'if a < b: print("&amp;")',
        '```',
        '',
        '---',
        '- [x] done',
      ].join('\n'),
    );
    expect(el.className).toBe('md-preview');
    expect(el.querySelector('h2')!.innerHTML).toBe('Training <em>method</em>');
    const p = el.querySelector('p')!;
    expect(p.querySelector('strong')!.textContent).toBe('2T');
    expect(p.querySelector('del')!.textContent).toBe('RLHF');
    expect(p.querySelector('br')).not.toBeNull();
    expect(p.querySelector('code')!.textContent).toBe('code<b>');
    expect([...el.querySelector(':scope > ul')!.children].map((li) => li.firstChild!.textContent)).toEqual(['one', 'two']);
    expect(el.querySelector('ul ol li')!.textContent).toBe('nested');
    const ol = el.querySelector(':scope > ol')!;
    expect(ol.getAttribute('start')).toBe('3');
    expect(el.querySelector('blockquote strong')!.textContent).toBe('bold');
    const code = el.querySelector('pre > code')!;
    expect(code.className).toBe('language-python');
    expect(code.textContent).toBe('if a < b: print("&amp;")');
    expect(el.querySelector('hr')).not.toBeNull();
    const box = el.querySelector('li input[type="checkbox"]') as HTMLInputElement;
    expect(box.checked).toBe(true);
    expect(box.disabled).toBe(true);
  });

  it('keeps only http(s) links, opened in a new tab without an opener; javascript: and data: links become text', () => {
    const el = render(
      '[paper](https://arxiv.org/abs/2401.00001 "arXiv") [x](javascript:alert(1)) [y](JaVaScRiPt:alert(2)) [z](data:text/html,<b>) [rel](/local) <https://hf.co/a?b=1&c=2> mail@example.com [amp](https://a.b/?q=1&amp;r=2)',
    );
    const links = [...el.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://arxiv.org/abs/2401.00001', 'https://hf.co/a?b=1&c=2', 'https://a.b/?q=1&r=2']);
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
    expect(links[0].getAttribute('title')).toBe('arXiv');
    expect(el.innerHTML).not.toMatch(/javascript:|data:text/i);
    expect(el.textContent).toContain('x y z rel');
    expect(el.textContent).toContain('mail@example.com');
  });

  it('shows raw HTML as literal text: <script> and <img onerror> never become elements', () => {
    const el = render(
      'Hello <script>alert(1)</script> and <img src=x onerror=alert(1)> <a href="javascript:x">a</a>\n\n<div onclick="x()">block <b>html</b></div>\n\n<iframe src="https://evil.example"></iframe>',
    );
    expect(el.querySelector('script, img, iframe, div, b')).toBeNull();
    expect(el.querySelectorAll('a')).toHaveLength(0);
    expect([...el.querySelectorAll('*')].some((n) => [...n.attributes].some((a) => /^on/i.test(a.name)))).toBe(false);
    const text = el.textContent!;
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('<img src=x onerror=alert(1)>');
    expect(text).toContain('<a href="javascript:x">a</a>');
    expect(text).toContain('<div onclick="x()">block <b>html</b></div>');
    expect(text).toContain('<iframe src="https://evil.example"></iframe>');
  });

  it('renders a GFM table as a table, alignment kept, cell markdown rendered', () => {
    const el = render(['| Benchmark | Qwen2-7B |', '| :-- | --: |', '| MMLU | **70.3** |', '| A\\|B | <b>x</b> |'].join('\n'));
    const table = el.querySelector('table')!;
    expect(table).not.toBeNull();
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['Benchmark', 'Qwen2-7B']);
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')]);
    expect(rows.map((r) => r.map((td) => td.textContent))).toEqual([
      ['MMLU', '70.3'],
      ['A|B', '<b>x</b>'],
    ]);
    expect(rows[0][1].querySelector('strong')).not.toBeNull();
    expect((rows[0][1] as HTMLElement).style.textAlign).toBe('right');
    expect(table.querySelector('b')).toBeNull();
  });

  it('shows http(s) images without a referrer (WeChat images need it) and other images as their alt text', () => {
    const el = render('![demo *one*](https://mmbiz.qpic.cn/mmbiz_png/abc/640?wx_fmt=png "Demo") ![bad](javascript:alert(1)) ![local](image/a.png)');
    const imgs = [...el.querySelectorAll('img')];
    expect(imgs).toHaveLength(1);
    expect(imgs[0].getAttribute('src')).toBe('https://mmbiz.qpic.cn/mmbiz_png/abc/640?wx_fmt=png');
    expect(imgs[0].getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(imgs[0].getAttribute('alt')).toBe('demo one');
    expect(imgs[0].getAttribute('title')).toBe('Demo');
    expect(el.textContent).toContain('bad');
    expect(el.textContent).toContain('local');
    expect(el.innerHTML).not.toContain('javascript:');

    const linked = render('![demo](https://mmbiz.qpic.cn/x.png)', false);
    expect(linked.querySelector('img')).toBeNull();
    const a = linked.querySelector('a')!;
    expect(a.textContent).toBe('demo');
    expect(a.getAttribute('referrerpolicy')).toBe('no-referrer');
  });

  it('decodes character references in text, leaves code as written, and keeps backslash escapes', () => {
    const el = render('AT&amp;T &lt;b&gt; &copy; &#x4e2d; &bogus; \\*not em\\* `&amp;`');
    expect(el.textContent).toBe('AT&T <b> © 中 &bogus; *not em* &amp;');
    expect(el.querySelector('b, em')).toBeNull();
    expect(decodeEntities('&#0; &#xD800; &#65;')).toBe('\ufffd \ufffd A');
  });

  it('renders empty text as an empty container', () => {
    expect(renderToStaticMarkup(<MarkdownPreview text="" className="x" />)).toBe('<div class="md-preview x"></div>');
  });
});
