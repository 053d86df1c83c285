import type { Capture } from '@/lib/schema';
import { useSettings } from './settings-context';
import { SafeLink } from './SafeLink';

/** What a capture found, for the user to check before saving. All page data is rendered as text. */
export function CaptureSummary({ capture }: { capture: Capture }) {
  const { t } = useSettings();
  const p = capture.paper;
  const pdf = capture.links.paper.find((l) => /\/pdf\//.test(l.url));
  const rows: [string, React.ReactNode][] = [];
  if (p.authors.length) rows.push([t('authors'), p.authors.join(', ')]);
  if (p.published) rows.push([t('date'), p.updated && p.updated !== p.published ? `${p.published} (${t('updated')} ${p.updated})` : p.published]);
  if (p.arxivId) rows.push([t('arxivId'), `${p.arxivId}${p.version}`]);
  if (pdf) rows.push([t('pdf'), <SafeLink href={pdf.url} />]);
  if (capture.links.code.length)
    rows.push([t('codeLinks'), <LinkList links={capture.links.code} />]);
  if (capture.links.model.length)
    rows.push([t('modelLinks'), <LinkList links={capture.links.model} />]);
  if (capture.links.other.length)
    rows.push([t('otherLinks'), <LinkList links={capture.links.other.slice(0, 8)} />]);

  return (
    <section className="capture" data-testid="capture-summary">
      <div className="capture-site">
        <span className={`site site-${capture.site}`}>{capture.site}</span>
        <span className="muted ellipsis">{capture.url}</span>
      </div>
      <h2 className="capture-title" data-testid="capture-title">{capture.title}</h2>
      <dl className="facts">
        {rows.map(([k, v]) => (
          <div key={k} className="fact">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {p.abstract && (
        <details className="abstract">
          <summary>{t('abstract')}</summary>
          <p>{p.abstract}</p>
        </details>
      )}
      {capture.warnings.length > 0 && (
        <div className="notice warn" data-testid="capture-warnings" role="status">
          <strong>{t('warnings')}</strong>
          <ul>
            {capture.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function LinkList({ links }: { links: { url: string; label: string }[] }) {
  return (
    <ul className="links">
      {links.map((l) => (
        <li key={l.url}>
          <SafeLink href={l.url} />
        </li>
      ))}
    </ul>
  );
}
