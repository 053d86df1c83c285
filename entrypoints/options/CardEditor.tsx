import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { formatParams } from '@/components/CaptureSummary';
import { MarkdownPreview } from '@/components/MarkdownPreview';
import { SafeLink } from '@/components/SafeLink';
import { useSettings } from '@/components/settings-context';
import { useCardsChanged } from '@/components/use-cards';
import { cardToForm, formToCard, type CardForm } from '@/lib/cards/edit';
import { cardToMarkdown } from '@/lib/export/markdown';
import type { MessageKey } from '@/lib/i18n/messages';
import { RemoteError, send } from '@/lib/messaging/client';
import { LINK_KINDS, TEXT_FIELDS, type Capture, type Card, type LinkKind, type SourceRef, type TextFieldName } from '@/lib/schema';
import { BenchmarkGrid } from './BenchmarkGrid';
import { ShowcaseImages } from './ShowcaseImages';
import { CardAnnotations } from './CardAnnotations';
import { FieldTranslation } from './FieldTranslation';

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

function Sources({ sources, captures }: { sources: SourceRef[]; captures: Capture[] }) {
  const { t } = useSettings();
  if (!sources.length) return null;
  return (
    <span className="sources small muted">
      {t('sources')}:{' '}
      {sources.map((s, i) => (
        <span key={i} className="source">
          {s.url ? <SafeLink href={s.url}>{sourceText(s, captures)}</SafeLink> : sourceText(s, captures)}
        </span>
      ))}
    </span>
  );
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
    x.org,
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

export function CardEditor({ cardId, onDelete }: { cardId: string; onDelete: () => void }) {
  const { t, settings } = useSettings();
  const [base, setBase] = useState<Card | null>(null);
  const [captures, setCaptures] = useState<Capture[]>([]);
  const [form, setForm] = useState<CardForm | null>(null);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error' | 'conflict'; text: string } | null>(null);
  const [elsewhere, setElsewhere] = useState(false);
  const [previewing, setPreviewing] = useState<Set<TextFieldName>>(new Set());

  // The latest card and dirty flag, for broadcasts that arrive before React re-renders.
  const latest = useRef<{ revision: number; dirty: boolean }>({ revision: -1, dirty: false });
  const take = (card: Card, caps: Capture[]) => {
    latest.current.revision = card.revision;
    setBase(card);
    setCaptures(caps);
    setForm(cardToForm(card));
    setElsewhere(false);
  };

  const load = useCallback(() => {
    send('cards.get', { id: cardId })
      .then(({ card, captures }) => {
        take(card, captures);
        setStatus(null);
      })
      .catch((e: Error) => setStatus({ kind: 'error', text: e instanceof RemoteError && e.code === 'not-found' ? t('cardGone') : e.message }));
  }, [cardId]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(load, [load]);

  const dirty = useMemo(() => !!base && !!form && JSON.stringify(form) !== JSON.stringify(cardToForm(base)), [base, form]);
  latest.current.dirty = dirty;

  // Another page wrote this card: take it if nothing is being edited here, otherwise say so.
  useCardsChanged(
    useCallback(
      (ids: string[]) => {
        if (!ids.includes(cardId)) return;
        send('cards.get', { id: cardId })
          .then(({ card, captures }) => {
            if (card.revision <= latest.current.revision) return; // our own save, or older news
            if (latest.current.dirty) setElsewhere(true);
            else take(card, captures);
          })
          .catch(() => {
            setBase(null);
            setStatus({ kind: 'error', text: t('cardGone') });
          });
      },
      [cardId], // eslint-disable-line react-hooks/exhaustive-deps
    ),
  );

  if (!base || !form) return status ? <div className="notice error pad" data-testid="status">{status.text}</div> : null;

  async function save(overwrite = false) {
    if (!base || !form) return;
    const { card, invalid } = formToCard(base, form, new Date());
    if (invalid.length) {
      setStatus({ kind: 'error', text: t('invalidInput', { lines: invalid.join('; ') }) });
      return;
    }
    try {
      const baseRevision = overwrite ? (await send('cards.get', { id: cardId })).card.revision : base.revision;
      const saved = await send('cards.update', { card, baseRevision });
      take(saved, captures);
      setStatus({ kind: 'ok', text: t('saved') });
    } catch (e) {
      if (e instanceof RemoteError && e.code === 'conflict') setStatus({ kind: 'conflict', text: e.message });
      else setStatus({ kind: 'error', text: (e as Error).message });
    }
  }

  async function detach(captureId: string) {
    if (!base || !confirm(t('confirmDetach'))) return;
    try {
      const card = await send('cards.detach', { cardId, captureId, baseRevision: base.revision });
      take(card, captures.filter((c) => c.id !== captureId));
    } catch (e) {
      setStatus({ kind: e instanceof RemoteError && e.code === 'conflict' ? 'conflict' : 'error', text: (e as Error).message });
    }
  }

  const set = (patch: Partial<CardForm>) => setForm({ ...form, ...patch });
  const setField = (f: TextFieldName, v: string) => setForm({ ...form, fields: { ...form.fields, [f]: v } });
  const setLinks = (k: LinkKind, v: string) => setForm({ ...form, links: { ...form.links, [k]: v } });
  const togglePreview = (f: TextFieldName) =>
    setPreviewing((p) => {
      const n = new Set(p);
      if (n.has(f)) n.delete(f);
      else n.add(f);
      return n;
    });
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
          <button className="ghost danger" onClick={onDelete} data-testid="delete-card">
            {t('deleteCard')}
          </button>
        </div>
      </header>
      <p className="muted small">
        {t('revision')} {base.revision} · {t('updated')} {base.updatedAt.replace('T', ' ').slice(0, 16)}
      </p>
      {factsLine(base) && (
        <p className="facts-line small" data-testid="facts">
          <strong>{t('facts')}:</strong> {factsLine(base)}
        </p>
      )}

      {(elsewhere || status?.kind === 'conflict') && (
        <div className="notice warn" role="alert" data-testid="conflict">
          <strong>{t('conflictTitle')}</strong> {status?.kind === 'conflict' ? status.text : ''}
          <div className="row">
            <button onClick={() => save(true)} data-testid="keep-mine">{t('keepMine')}</button>
            <button onClick={load} data-testid="load-other">{t('reload')}</button>
          </div>
        </div>
      )}
      {status && status.kind !== 'conflict' && (
        <div className={`notice ${status.kind}`} role="status" data-testid="status">
          {status.text}
        </div>
      )}

      <div className="editor-grid">
        <div className="editor-fields">
          {TEXT_FIELDS.map((f) => (
            <div className="field" key={f}>
              <div className="field-head">
                <label htmlFor={`field-${f}`}>{t(FIELD_LABEL[f])}</label>
                {!SINGLE_LINE.includes(f) && form.fields[f] && (
                  <span className="field-tools">
                    <FieldTranslation key={form.fields[f].length} text={form.fields[f]} onUse={(v) => setField(f, v)} />
                    <button className="link small" type="button" onClick={() => togglePreview(f)} data-testid={`preview-${f}`}>
                      {previewing.has(f) ? t('editText') : t('preview')}
                    </button>
                  </span>
                )}
              </div>
              {SINGLE_LINE.includes(f) ? (
                <input id={`field-${f}`} value={form.fields[f]} onChange={(e) => setField(f, e.target.value)} data-testid={`field-${f}`} />
              ) : previewing.has(f) ? (
                <div className="md-preview" data-testid={`rendered-${f}`}>
                  <MarkdownPreview text={form.fields[f]} />
                </div>
              ) : (
                <textarea id={`field-${f}`} rows={f === 'summary' ? 6 : 3} value={form.fields[f]} onChange={(e) => setField(f, e.target.value)} data-testid={`field-${f}`} />
              )}
              <Sources sources={base.fields[f].sources} captures={captures} />
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
                <span className="alternatives small" data-testid={`alternatives-${f}`}>
                  {t('alternatives')}:
                  {base.fields[f].alternatives.map((a, i) => (
                    <span key={i} className="alternative">
                      <q>{a.value.slice(0, 300)}</q> <span className="muted">({sourceText(a.source, captures)})</span>{' '}
                      <button className="link" type="button" onClick={() => setField(f, a.value)} data-testid={`use-alternative-${f}`}>
                        {t('useThis')}
                      </button>
                    </span>
                  ))}
                </span>
              )}
              {f === 'evaluation' && (
                <>
                  <BenchmarkGrid rows={form.benchmarks} onChange={(benchmarks) => set({ benchmarks })} />
                </>
              )}
              {f === 'showcase' && (
                <ShowcaseImages cardId={cardId} images={form.images} onChange={(images) => set({ images })} onError={(text) => setStatus({ kind: 'error', text })} />
              )}
            </div>
          ))}
          {LINK_KINDS.map((k) => (
            <div className="field" key={k}>
              <label htmlFor={`links-${k}`}>{t('linksOf', { kind: t(`linkKind_${k}` as MessageKey) })}</label>
              <textarea id={`links-${k}`} rows={2} value={form.links[k]} onChange={(e) => setLinks(k, e.target.value)} data-testid={`links-${k}`} />
              {base.links[k].length > 0 && (
                <details className="small muted">
                  <summary>{t('sources')}</summary>
                  {base.links[k].map((l) => (
                    <div key={l.url} className="ellipsis">
                      {l.url} — <Sources sources={l.sources} captures={captures} />
                    </div>
                  ))}
                </details>
              )}
            </div>
          ))}
          <div className="field">
            <label htmlFor="datasets">{t('datasetsEdit')}</label>
            <textarea id="datasets" rows={3} value={form.datasets} onChange={(e) => set({ datasets: e.target.value })} data-testid="datasets" />
          </div>
          <div className="field">
            <label htmlFor="tags">{t('tags')}</label>
            <input id="tags" value={form.tags} onChange={(e) => set({ tags: e.target.value })} data-testid="tags" />
          </div>
          <div className="field">
            <label htmlFor="notes">{t('notes')}</label>
            <textarea id="notes" rows={3} value={form.notes} onChange={(e) => set({ notes: e.target.value })} data-testid="notes" />
          </div>
          <CardAnnotations cardId={cardId} revision={base.revision} />
          <section className="field" data-testid="captures">
            <span className="label">{t('captures')}</span>
            {captures.map((c) => (
              <div key={c.id} className="capture-row small">
                <span className={`site site-${c.site}`}>{c.site}</span>
                <SafeLink href={c.url}>{c.title || c.url}</SafeLink>
                <span className="muted">{c.capturedAt.replace('T', ' ').slice(0, 16)}</span>
                <button className="link" type="button" onClick={() => detach(c.id)} data-testid="detach">
                  {t('detach')}
                </button>
              </div>
            ))}
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
