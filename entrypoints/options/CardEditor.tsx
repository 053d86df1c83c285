import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSettings } from '@/components/settings-context';
import { useCardsChanged } from '@/components/use-cards';
import { SafeLink } from '@/components/SafeLink';
import { formatParams } from '@/components/CaptureSummary';
import { cardToForm, formToCard, type CardForm } from '@/lib/cards/edit';
import { cardToMarkdown } from '@/lib/export/markdown';
import { RemoteError, send } from '@/lib/messaging/client';
import { TEXT_FIELDS, type Capture, type Card, type SourceRef, type TextFieldName } from '@/lib/schema';
import type { MessageKey } from '@/lib/i18n/messages';

const FIELD_LABEL: Record<TextFieldName, MessageKey> = {
  model: 'fieldModel',
  paperTitle: 'fieldPaperTitle',
  summary: 'fieldSummary',
  architecture: 'fieldArchitecture',
  training: 'fieldTraining',
  evaluation: 'fieldEvaluation',
  showcase: 'fieldShowcase',
};
const SINGLE_LINE: TextFieldName[] = ['model', 'paperTitle'];

function sourceText(s: SourceRef, captures: Capture[]): string {
  if (s.kind === 'user') return `✎ ${s.at.slice(0, 10)}`;
  const c = captures.find((x) => x.id === s.id);
  const host = s.url ? new URL(s.url).hostname : c?.site ?? s.kind;
  return `${host} · ${s.at.slice(0, 10)}`;
}

function suggestionsFor(captures: Capture[], f: TextFieldName) {
  return captures.flatMap((c) => c.sections.filter((s) => s.field === f));
}

function appendText(current: string, text: string): string {
  return current.trim() ? `${current.trimEnd()}\n\n${text}` : text;
}

function factsLine(card: Card): string {
  const x = card.facts;
  return [
    x.parameters ? formatParams(x.parameters) : '',
    x.architectures.join(', '),
    x.modelType,
    x.contextLength ? `ctx ${x.contextLength}` : '',
    x.license,
    x.baseModels.length ? `base: ${x.baseModels.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

export function CardEditor({ cardId, onDeleted }: { cardId: string; onDeleted: () => void }) {
  const { t, settings } = useSettings();
  const [base, setBase] = useState<Card | null>(null);
  const [captures, setCaptures] = useState<Capture[]>([]);
  const [form, setForm] = useState<CardForm | null>(null);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error' | 'conflict'; text: string } | null>(null);
  const [elsewhere, setElsewhere] = useState(false);

  const load = useCallback(() => {
    send('cards.get', { id: cardId })
      .then(({ card, captures }) => {
        setBase(card);
        setCaptures(captures);
        setForm(cardToForm(card));
        setElsewhere(false);
        setStatus(null);
      })
      .catch((e: Error) => setStatus({ kind: 'error', text: e.message }));
  }, [cardId]);
  useEffect(load, [load]);

  const dirty = useMemo(() => !!base && !!form && JSON.stringify(form) !== JSON.stringify(cardToForm(base)), [base, form]);

  // Another page wrote this card: take it if nothing is being edited here, otherwise say so.
  useCardsChanged(
    useCallback(
      (ids: string[]) => {
        if (!ids.includes(cardId)) return;
        send('cards.get', { id: cardId })
          .then(({ card, captures }) => {
            if (base && card.revision === base.revision) return;
            if (dirty) setElsewhere(true);
            else {
              setBase(card);
              setCaptures(captures);
              setForm(cardToForm(card));
            }
          })
          .catch(() => onDeleted());
      },
      [cardId, base, dirty, onDeleted],
    ),
  );

  if (!base || !form) {
    return status ? <div className="notice error pad">{status.text}</div> : null;
  }

  async function save(overwrite = false) {
    if (!base || !form) return;
    const { card, invalid } = formToCard(base, form, new Date());
    if (invalid.length) {
      setStatus({ kind: 'error', text: t('invalidLinks', { lines: invalid.join(', ') }) });
      return;
    }
    try {
      let baseRevision = base.revision;
      if (overwrite) baseRevision = (await send('cards.get', { id: cardId })).card.revision;
      const saved = await send('cards.update', { card, baseRevision });
      setBase(saved);
      setForm(cardToForm(saved));
      setElsewhere(false);
      setStatus({ kind: 'ok', text: t('saved') });
    } catch (e) {
      if (e instanceof RemoteError && e.code === 'conflict') setStatus({ kind: 'conflict', text: e.message });
      else setStatus({ kind: 'error', text: (e as Error).message });
    }
  }

  async function remove() {
    if (!confirm(t('confirmDelete'))) return;
    await send('cards.delete', { id: cardId });
    onDeleted();
  }

  const set = (patch: Partial<CardForm>) => setForm({ ...form, ...patch });
  const setField = (f: TextFieldName, v: string) => setForm({ ...form, fields: { ...form.fields, [f]: v } });
  const preview = cardToMarkdown(formToCard(base, form, new Date()).card, { lang: settings.templateLang });

  async function copy() {
    try {
      await navigator.clipboard.writeText(preview);
      setStatus({ kind: 'ok', text: t('copied') });
    } catch {
      setStatus({ kind: 'error', text: t('copyFailed') });
    }
  }

  return (
    <div className="editor" data-testid="editor">
      <header className="editor-head">
        <input className="title-input" value={form.title} onChange={(e) => set({ title: e.target.value })} aria-label={t('cardTitle')} data-testid="card-title" />
        <div className="actions">
          {dirty && <span className="muted small">{t('unsaved')}</span>}
          <button className="ghost" onClick={() => setForm(cardToForm(base))} disabled={!dirty}>
            {t('revert')}
          </button>
          <button className="primary" onClick={() => save()} disabled={!dirty} data-testid="save-card">
            {t('saveCard')}
          </button>
          <button className="ghost danger" onClick={remove}>
            {t('deleteCard')}
          </button>
        </div>
      </header>
      <p className="muted small">
        {t('revision')} {base.revision} · {t('updated')} {base.updatedAt.replace('T', ' ').slice(0, 16)}
      </p>

      {(elsewhere || status?.kind === 'conflict') && (
        <div className="notice warn" role="alert" data-testid="conflict">
          <strong>{t('conflictTitle')}</strong> {status?.kind === 'conflict' ? status.text : ''}
          <div className="row">
            <button onClick={() => save(true)}>{t('keepMine')}</button>
            <button onClick={load}>{t('reload')}</button>
          </div>
        </div>
      )}
      {status && status.kind !== 'conflict' && (
        <div className={`notice ${status.kind}`} role="status" data-testid="status">
          {status.text}
        </div>
      )}

      {factsLine(base) && (
        <p className="facts-line small" data-testid="facts">
          <strong>{t('facts')}:</strong> {factsLine(base)}
        </p>
      )}

      <div className="editor-grid">
        <div className="editor-fields">
          {TEXT_FIELDS.map((f) => (
            <label className="field" key={f}>
              <span>{t(FIELD_LABEL[f])}</span>
              {SINGLE_LINE.includes(f) ? (
                <input value={form.fields[f]} onChange={(e) => setField(f, e.target.value)} data-testid={`field-${f}`} />
              ) : (
                <textarea rows={f === 'summary' ? 6 : 3} value={form.fields[f]} onChange={(e) => setField(f, e.target.value)} data-testid={`field-${f}`} />
              )}
              {base.fields[f].sources.length > 0 && (
                <span className="sources small muted">
                  {t('sources')}:{' '}
                  {base.fields[f].sources.map((s, i) => (
                    <span key={i} className="source">
                      {s.url ? <SafeLink href={s.url}>{sourceText(s, captures)}</SafeLink> : sourceText(s, captures)}
                    </span>
                  ))}
                </span>
              )}
              {suggestionsFor(captures, f).length > 0 && (
                <details className="suggestions small" data-testid={`suggestions-${f}`}>
                  <summary>
                    {t('suggestions')} ({suggestionsFor(captures, f).length})
                  </summary>
                  {suggestionsFor(captures, f).map((sug, i) => (
                    <div key={i} className="suggestion">
                      <div className="row">
                        <strong>{sug.heading}</strong>
                        <button className="link" type="button" onClick={() => setField(f, appendText(form.fields[f], sug.text))}>
                          {t('insert')}
                        </button>
                      </div>
                      <p>{sug.text.length > 400 ? `${sug.text.slice(0, 400)}…` : sug.text}</p>
                    </div>
                  ))}
                </details>
              )}
              {base.fields[f].alternatives.length > 0 && (
                <span className="alternatives small">
                  {t('alternatives')}:
                  {base.fields[f].alternatives.map((a, i) => (
                    <span key={i} className="alternative">
                      <q>{a.value.slice(0, 200)}</q> <span className="muted">({sourceText(a.source, captures)})</span>{' '}
                      <button className="link" type="button" onClick={() => setField(f, a.value)}>
                        {t('useThis')}
                      </button>
                    </span>
                  ))}
                </span>
              )}
            </label>
          ))}
          <label className="field">
            <span>{t('paperLinks')}</span>
            <textarea rows={2} value={form.paper} onChange={(e) => set({ paper: e.target.value })} data-testid="links-paper" />
          </label>
          <label className="field">
            <span>{t('codeLinksEdit')}</span>
            <textarea rows={2} value={form.code} onChange={(e) => set({ code: e.target.value })} data-testid="links-code" />
          </label>
          <label className="field">
            <span>{t('modelLinksEdit')}</span>
            <textarea rows={2} value={form.model} onChange={(e) => set({ model: e.target.value })} data-testid="links-model" />
          </label>
          <label className="field">
            <span>{t('datasetsEdit')}</span>
            <textarea rows={3} value={form.datasets} onChange={(e) => set({ datasets: e.target.value })} data-testid="datasets" />
          </label>
          <label className="field">
            <span>{t('tags')}</span>
            <input value={form.tags} onChange={(e) => set({ tags: e.target.value })} data-testid="tags" />
          </label>
          <label className="field">
            <span>{t('notes')}</span>
            <textarea rows={3} value={form.notes} onChange={(e) => set({ notes: e.target.value })} data-testid="notes" />
          </label>
          <section className="field">
            <span>{t('benchmarks')}</span>
            {base.benchmarks.length === 0 ? (
              <p className="muted small">{t('noBenchmarks')}</p>
            ) : (
              <table className="grid">
                <tbody>
                  {base.benchmarks.map((b, i) => (
                    <tr key={i}>
                      <td>{b.model}</td>
                      <td>{b.benchmarkRaw}</td>
                      <td>{b.setting}</td>
                      <td className="num">{b.value}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </div>
        <aside className="preview">
          <div className="bar">
            <strong>{t('markdown')}</strong>
            <button className="primary" onClick={copy} data-testid="copy-markdown">
              {t('copyMarkdown')}
            </button>
          </div>
          <pre className="markdown" data-testid="markdown">
            {preview}
          </pre>
        </aside>
      </div>
    </div>
  );
}
