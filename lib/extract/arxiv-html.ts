import type { PaperInfo } from '../schema';
import { absUrl, arxivRefFromUrl, pdfUrl } from './arxiv-id';
import { atomQueryUrl, parseArxivAtom, type AtomEntry } from './arxiv-atom';
import { squash } from './clean';
import { LinkCollector } from './links';
import { readableText } from './readable-text';
import { suggestSections } from './sections';
import { captureHtmlTables } from './table-capture';
import { ExtractError, type SiteExtractor } from './types';
import { isArxivHtml } from './url-classifiers';

/** LaTeXML puts each author's name first in `.ltx_personname`, then affiliations and emails after <br>s. */
function readAuthors(doc: Document): string[] {
  const names: string[] = [];
  for (const person of doc.querySelectorAll('.ltx_authors .ltx_personname')) {
    const c = person.cloneNode(true) as Element;
    c.querySelectorAll('sup, .ltx_note, .ltx_font_typewriter, .ltx_ERROR, a[href^="mailto:"]').forEach((n) => n.remove());
    // One-line author lists: each name is its own bold span.
    const bold = [...c.querySelectorAll(':scope > .ltx_font_bold, :scope > .ltx_text.ltx_font_bold')];
    if (bold.length > 1) {
      names.push(...bold.map((b) => squash(b.textContent)));
      continue;
    }
    c.querySelectorAll('br').forEach((b) => b.replaceWith(c.ownerDocument.createTextNode('\n')));
    const lines = (c.textContent ?? '').split('\n').map((l) => squash(l)).filter(Boolean);
    lines.forEach((line, i) => {
      // "&Noam Shazeer" starts the next author of a tabular author block.
      if (i === 0) names.push(line.replace(/^&\s*/, ''));
      else if (line.startsWith('&')) names.push(line.slice(1).trim());
    });
  }
  return names
    .map((n) => n.replace(/[*†‡§¶∗,]+$/u, '').replace(/\s+(and|&)$/i, '').trim())
    .filter((n) => n && n.length < 80 && !/@|university|institute|google|inc\.|lab/i.test(n));
}

function sectionsOf(doc: Document) {
  return [...doc.querySelectorAll('section.ltx_section, section.ltx_subsection, section.ltx_subsubsection, section.ltx_appendix')].map(
    (sec) => {
      const heading = readableText(sec.querySelector(':scope > .ltx_title')).replace(/^([A-Z](\.\d+)*|\d+(\.\d+)*)\.?\s+/, '');
      const paras = [...sec.querySelectorAll(':scope > .ltx_para, :scope > .ltx_paragraph .ltx_para')].map((p) => readableText(p));
      return { heading, text: paras.join('\n\n') };
    },
  );
}

export const arxivHtmlExtractor: SiteExtractor = {
  name: 'arxiv-html',
  site: 'arxiv',
  label: 'arXiv HTML paper',
  matchesUrl: isArxivHtml,
  matchesDocument: (doc) => !!doc.querySelector('article.ltx_document h1.ltx_title_document'),

  async extract(doc, url, ctx) {
    const warnings: string[] = [];
    const article = doc.querySelector('article.ltx_document') ?? doc.body;
    const ref = arxivRefFromUrl(url);
    const watermark = squash(doc.querySelector('#watermark-tr')?.textContent);
    const id = ref?.id ?? /arXiv:(\d{4}\.\d{4,5})(v\d+)?/.exec(watermark)?.[1] ?? '';
    const version = ref?.version || /arXiv:\d{4}\.\d{4,5}(v\d+)/.exec(watermark)?.[1] || '';

    const paper: PaperInfo = {
      arxivId: id,
      version,
      title: readableText(article.querySelector('h1.ltx_title_document')),
      authors: readAuthors(doc),
      published: '',
      updated: '',
      abstract: [...article.querySelectorAll('.ltx_abstract > p, .ltx_abstract .ltx_p')].map((p) => readableText(p)).filter((t, i, a) => a.indexOf(t) === i).join('\n\n'),
      comments: '',
      categories: [],
      doi: '',
    };
    if (!paper.title) throw new ExtractError('the page has no LaTeXML document title');

    // The API has the dates and clean author names the HTML lacks; the page stands on its own without it.
    if (id) {
      let entry: AtomEntry | undefined;
      try {
        const res = await ctx.fetch(atomQueryUrl(id));
        if (res.ok) entry = parseArxivAtom(ctx.parseXml(res.text)).find((e) => e.id === id);
      } catch {
        /* the page's own metadata stands */
      }
      if (entry) {
        paper.published = entry.published;
        paper.updated = entry.updated;
        paper.categories = entry.categories;
        paper.comments = entry.comments;
        paper.doi = entry.doi;
        if (entry.authors.length) paper.authors = entry.authors;
        paper.abstract ||= entry.abstract;
      } else if (!paper.authors.length) {
        warnings.push(`arXiv:${id}: the authors could not be read from the HTML and the arXiv API did not answer.`);
      }
    } else {
      warnings.push('No arXiv id in the address or the page watermark; paper links are missing.');
    }

    const links = new LinkCollector();
    if (id) {
      links.add(absUrl(id), `arXiv:${id}`, 'paper');
      links.add(pdfUrl(id, version), 'PDF', 'paper');
    }
    links.add(url.href, 'HTML', 'paper');
    // The paper's own links, not the ones its bibliography cites.
    links.addAnchors(article, url.href, '.ltx_bibliography, nav, .ltx_TOC');
    links.addUrlsInText(`${paper.abstract} ${paper.comments}`);

    const sections = sectionsOf(doc);
    const tables = captureHtmlTables(
      [...article.querySelectorAll('table.ltx_tabular')].filter((t) => !t.parentElement?.closest('table.ltx_tabular')),
      { sourceUrl: url.href },
    );

    return {
      site: 'arxiv',
      extractor: this.name,
      url: url.href,
      title: paper.title,
      description: paper.abstract,
      links: links.links,
      paper,
      model: {},
      datasets: [],
      benchmarks: tables.results,
      tables: tables.tables,
      sections: suggestSections(sections),
      text: [paper.abstract, ...sections.map((s) => `${s.heading}\n${s.text}`)].join('\n\n').slice(0, 200_000),
      warnings,
    };
  },
};
