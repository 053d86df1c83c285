import type { Capture, SectionSuggestion } from '@/lib/schema';
import type { MessageKey } from '@/lib/i18n/messages';
import { useSettings } from './settings-context';
import { SafeLink } from './SafeLink';

/** What a capture found, for the user to check before saving. All page data is rendered as text. */
export function CaptureSummary({ capture }: { capture: Capture }) {
  const { t } = useSettings();
  const p = capture.paper;
  const pdf = capture.links.paper.find((l) => /\/pdf\//.test(l.url));
  const m = capture.model;
  const rows: [string, React.ReactNode][] = [];
  if (m.id) rows.push([t('modelId'), m.id]);
  if (m.parameters) rows.push([t('parameters'), formatParams(m.parameters)]);
  if (m.architectures.length || m.modelType)
    rows.push([t('architecture'), [m.architectures.join(', '), m.modelType, m.contextLength ? `${t('context')} ${m.contextLength}` : ''].filter(Boolean).join(' · ')]);
  if (m.license) rows.push([t('license'), m.license]);
  if (m.baseModels.length) rows.push([t('baseModel'), m.baseModels.join(', ')]);
  if (capture.byline.account || capture.byline.author)
    rows.push([t('byline'), [capture.byline.account, capture.byline.author, capture.byline.published].filter(Boolean).join(' · ')]);
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
  if (capture.datasets.length) rows.push([t('datasets'), capture.datasets.join(', ')]);
  const resultsTables = capture.tables.filter((x) => x.kind === 'results').length;
  if (capture.benchmarks.length || capture.tables.length)
    rows.push([t('benchmarks'), t('resultsFound', { results: capture.benchmarks.length, tables: resultsTables, all: capture.tables.length })]);
  if (capture.sections.length)
    rows.push([t('sectionsOffered'), capture.sections.map((x) => `${t(FIELD_KEY[x.field])}: ${x.heading}`).join(' · ')]);
  if (capture.images.length) rows.push([t('images'), String(capture.images.length)]);
  if (capture.translations.length) rows.push([t('translations'), String(capture.translations.length)]);

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

const FIELD_KEY: Record<SectionSuggestion['field'], MessageKey> = {
  architecture: 'fieldArchitecture',
  training: 'fieldTraining',
  evaluation: 'fieldEvaluation',
  showcase: 'fieldShowcase',
};

export function formatParams(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(n >= 1e10 ? 0 : 1)}B`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(0)}M`;
  return String(n);
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
