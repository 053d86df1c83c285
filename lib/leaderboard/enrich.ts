import type { BenchmarkResult } from '../schema';
import { parameterCount } from '../extract/huggingface';
import { asArray, asString, modelIndexResults, obj, readModelCard } from '../extract/model-card';
import { atomQueryUrl, parseArxivAtom } from '../extract/arxiv-atom';
import { absUrl } from '../extract/arxiv-id';
import { LinkCollector, safeHttpUrl } from '../extract/links';
import { CancelledError, DEFAULT_POLICY, fetchWithRetry, type HttpFetch, type RetryPolicy, type WaitEvent } from './http';
import type { LeaderboardEntry } from './entry';

export { draftCardFields, fillEmpty, emptyCard, leaderboardResults, type DraftValue, type ValueSource, type FillReport } from './fill';
export { CancelledError, type HttpFetch, type HttpResponse, type WaitEvent, type RetryPolicy } from './http';

/**
 * The enrichment job as pure logic: for each selected model, ask the Hub (model info, README),
 * arXiv (the Atom API for its papers) and Hugging Face Papers (code repository, project page), and
 * keep what each answered. Network, time and parsers are injected.
 *
 * Per model, in order (one request at a time; the plan grows as answers name papers):
 *   1. Hub API `/api/models/<id>`   required: a failure fails the model
 *   2. raw README.md                 optional: 404 is a warning
 *   3. arXiv Atom, one request for up to `maxPapers` ids (Hub `arxiv:` tags, then ids the README links)
 *   4. Papers API `/api/papers/<id>` for the model's own paper (see `choosePrimaryPaper`)
 * A definite "no" (404, 403) to an optional request is a warning. A request that still fails after
 * the retries (429, 5xx, network) fails the model there, keeping what was read before: the user can
 * retry the failed models later, and the partial facts are not lost.
 */

const HUB = 'https://huggingface.co';
const HUB_ID = /^[A-Za-z0-9][\w.-]*(?:\/[\w.-]+)?$/;

export type RequestKind = 'hub-api' | 'readme' | 'arxiv' | 'papers';

export interface PlannedRequest {
  kind: RequestKind;
  url: string;
  /** Words for the progress view: "Hub model info", "arXiv (2 papers)". */
  label: string;
  required: boolean;
}

const encodeId = (id: string) => id.split('/').map(encodeURIComponent).join('/');
export const hubApiUrl = (id: string) => `${HUB}/api/models/${encodeId(id)}`;
export const readmeUrl = (id: string) => `${HUB}/${encodeId(id)}/raw/main/README.md`;
export const papersApiUrl = (arxivId: string) => `${HUB}/api/papers/${encodeURIComponent(arxivId)}`;
export const arxivApiUrl = (ids: string[]) => atomQueryUrl(ids.join(','));

/**
 * The requests for one model. Before anything is known: the two Hub requests. Given the arXiv ids
 * the Hub named (and, once the titles are read, the model's own paper), the paper requests too.
 */
export function planRequests(fullname: string, known: { arxivIds?: string[]; primaryArxivId?: string } = {}, maxPapers = 5): PlannedRequest[] {
  const plan: PlannedRequest[] = [
    { kind: 'hub-api', url: hubApiUrl(fullname), label: 'Hub model info', required: true },
    { kind: 'readme', url: readmeUrl(fullname), label: 'model card (README)', required: false },
  ];
  const ids = [...new Set(known.arxivIds ?? [])].slice(0, maxPapers);
  if (ids.length) plan.push({ kind: 'arxiv', url: arxivApiUrl(ids), label: `arXiv (${ids.length} ${ids.length === 1 ? 'paper' : 'papers'})`, required: false });
  if (known.primaryArxivId) {
    plan.push({ kind: 'papers', url: papersApiUrl(known.primaryArxivId), label: `Hugging Face Papers (${known.primaryArxivId})`, required: false });
  }
  return plan;
}

/* ---------- what each answer gives ---------- */

export interface HubFacts {
  /** The id as the Hub spells it (may differ in case from the leaderboard's). */
  id: string;
  /** The model page. */
  url: string;
  org: string;
  license: string;
  /** Weights count from safetensors (or GGUF), not billions. */
  parameters: number | null;
  architectures: string[];
  modelType: string;
  contextLength: number | null;
  baseModels: string[];
  pipelineTag: string;
  datasets: string[];
  /** From the `arxiv:` tags, in the Hub's order. */
  arxivIds: string[];
  gated: boolean;
  /** The model-index results the Hub serves (the card's YAML). */
  benchmarks: BenchmarkResult[];
  fetchedAt: string;
}

export interface ReadmeFacts {
  /** The README as a page (blob view). */
  url: string;
  license: string;
  datasets: string[];
  baseModels: string[];
  /** arXiv ids the card links or cites. */
  arxivIds: string[];
  /** Code repositories the card links whose name is the model's family (others are other projects). */
  codeLinks: { url: string; label: string }[];
  /** Results tables and model-index of the card. */
  benchmarks: BenchmarkResult[];
  warnings: string[];
  fetchedAt: string;
}

export interface PaperFacts {
  arxivId: string;
  version: string;
  title: string;
  authors: string[];
  abstract: string;
  published: string;
  url: string;
  fetchedAt: string;
}

export interface PapersPageFacts {
  arxivId: string;
  /** https://huggingface.co/papers/<id> */
  url: string;
  githubRepo: string;
  projectPage: string;
  title: string;
  summary: string;
  fetchedAt: string;
}

const uniq = <T>(xs: T[]) => [...new Set(xs)];
const strings = (v: unknown) => asArray(v).map(asString).filter(Boolean);

/** The Hub's model-info JSON, read as huggingFaceExtractor reads it. */
export function readHubApi(json: unknown, fullname: string, fetchedAt: string): HubFacts {
  const info = obj(json);
  // The Hub's spelling of the id (a renamed repository answers with its new one), if it is an id at all.
  const answered = asString(info.id) || asString(info.modelId);
  const id = HUB_ID.test(answered) ? answered : fullname;
  const url = `${HUB}/${id}`;
  const cardData = obj(info.cardData);
  const config = obj(info.config);
  const tags = strings(info.tags);
  const tagged = (prefix: string) => tags.filter((t) => t.startsWith(prefix)).map((t) => t.slice(prefix.length));
  const licenseRaw = asString(cardData.license) || tagged('license:')[0] || '';
  const gguf = obj(info.gguf);
  return {
    id,
    url,
    org: asString(info.author) || (id.includes('/') ? id.split('/')[0] : ''),
    license: licenseRaw === 'other' ? asString(cardData.license_name) || 'other' : licenseRaw,
    parameters: parameterCount(info.safetensors) ?? (typeof gguf.total === 'number' && gguf.total > 0 ? gguf.total : null),
    architectures: strings(config.architectures),
    modelType: asString(config.model_type),
    contextLength: typeof gguf.context_length === 'number' && gguf.context_length > 0 ? gguf.context_length : null,
    baseModels: uniq([...strings(cardData.base_model), ...tagged('base_model:').filter((t) => !t.includes(':'))]),
    pipelineTag: asString(info.pipeline_tag),
    datasets: uniq([...strings(cardData.datasets), ...tagged('dataset:')]),
    arxivIds: uniq(tagged('arxiv:')),
    gated: !!info.gated,
    benchmarks: modelIndexResults(info['model-index'] ?? cardData['model-index'], id.split('/').pop() ?? id, url),
    fetchedAt,
  };
}

const GENERIC_WORDS = new Set(
  'base instruct chat model models sft dpo rlhf preview beta alpha the and for with large small medium mini tiny lite pro plus max ultra llm gguf awq gptq int fp bf hf it v community research team labs lab org hub open official inc ai'.split(
    ' ',
  ),
);

/** Words that name the model family: "Qwen/Qwen2.5-72B" -> name [qwen]; "tiiuae/Falcon3-10B" -> name [falcon], org [tiiuae]. */
export function familyWords(fullname: string): { name: string[]; org: string[] } {
  const slash = fullname.indexOf('/');
  const words = (s: string) => uniq(s.toLowerCase().split(/[^a-z]+/).filter((w) => w.length >= 3 && !GENERIC_WORDS.has(w)));
  const name = words(fullname.slice(slash + 1));
  return { name, org: slash > 0 ? words(fullname.slice(0, slash)).filter((w) => !name.includes(w)) : [] };
}

function repoRoot(url: string): string | null {
  const m = /^https?:\/\/(?:www\.)?(github\.com|gitlab\.com|gitee\.com)\/([^/?#]+)\/([^/?#]+)/i.exec(url);
  return m ? `https://${m[1].toLowerCase()}/${m[2]}/${m[3].replace(/\.git$/, '')}` : null;
}

/** The README: front matter, results tables, arXiv ids it cites, and the code repositories of the family. */
export function readReadme(markdown: string, hubId: string, parseHtml: (html: string) => Document, fetchedAt: string): ReadmeFacts {
  const page = `${HUB}/${hubId}`;
  const card = readModelCard(markdown, { modelName: hubId.split('/').pop() ?? hubId, sourceUrl: page, fileBase: `${page}/resolve/main/`, parseHtml });
  const fm = card.frontMatter;
  const links = new LinkCollector();
  links.addUrlsInText(card.body);
  const { name } = familyWords(hubId);
  const codeLinks: ReadmeFacts['codeLinks'] = [];
  for (const l of links.links.code) {
    const root = repoRoot(l.url);
    if (!root || codeLinks.some((c) => c.url.toLowerCase() === root.toLowerCase())) continue;
    const path = root.toLowerCase().split('/').slice(3).join('/');
    if (name.some((w) => path.includes(w))) codeLinks.push({ url: root, label: l.label });
  }
  const licenseRaw = asString(fm.license);
  return {
    url: `${page}/blob/main/README.md`,
    license: licenseRaw === 'other' ? asString(fm.license_name) || 'other' : licenseRaw,
    datasets: strings(fm.datasets),
    baseModels: strings(fm.base_model),
    arxivIds: card.arxivIds,
    codeLinks,
    benchmarks: card.benchmarks,
    warnings: card.warnings,
    fetchedAt,
  };
}

/** The Papers API answer; null when it says the paper is not there (`{"error": …}`). */
export function readPapersApi(json: unknown, arxivId: string, fetchedAt: string): PapersPageFacts | null {
  const p = obj(json);
  if (typeof p.error === 'string' || !p.id) return null;
  return {
    arxivId,
    url: `${HUB}/papers/${arxivId}`,
    githubRepo: safeHttpUrl(asString(p.githubRepo)) ?? '',
    projectPage: safeHttpUrl(asString(p.projectPage)) ?? '',
    title: asString(p.title).replace(/\s+/g, ' ').trim(),
    summary: asString(p.summary).replace(/\s+/g, ' ').trim(),
    fetchedAt,
  };
}

/**
 * Which of the model's papers is its own: the one whose title names the family ("Qwen2 Technical
 * Report" for Qwen/Qwen2-72B, rather than the YaRN paper it also cites); words of the model name
 * count twice, the organisation's once. No title names it: the first id, in the Hub's order.
 */
export function choosePrimaryPaper(fullname: string, arxivIds: string[], papers: Pick<PaperFacts, 'arxivId' | 'title'>[]): string {
  if (!arxivIds.length) return '';
  const { name, org } = familyWords(fullname);
  let best = arxivIds[0];
  let bestScore = 0;
  for (const id of arxivIds) {
    const title = papers.find((p) => p.arxivId === id)?.title.toLowerCase() ?? '';
    const score = name.filter((w) => title.includes(w)).length * 2 + org.filter((w) => title.includes(w)).length;
    if (score > bestScore) [best, bestScore] = [id, score];
  }
  return best;
}

/* ---------- the runner ---------- */

export type ModelState = 'queued' | 'running' | 'waiting' | 'done' | 'failed' | 'cancelled';

export interface RequestRecord {
  kind: RequestKind;
  url: string;
  ok: boolean;
  status: number;
  attempts: number;
  error?: string;
}

export interface ModelEnrichment {
  fullname: string;
  state: ModelState;
  /** Why the model failed, naming the source and the URL. */
  error?: string;
  warnings: string[];
  hub: HubFacts | null;
  readme: ReadmeFacts | null;
  /** arXiv entries, in the order of `arxivIds`. */
  papers: PaperFacts[];
  arxivIds: string[];
  primaryArxivId: string;
  papersPage: PapersPageFacts | null;
  requests: RequestRecord[];
  startedAt?: string;
  finishedAt?: string;
}

export interface ModelProgress {
  index: number;
  fullname: string;
  state: ModelState;
  /** What is happening: "model card (README)", "rate-limited: waiting 55 s", the error. */
  message: string;
  /** Models finished (done, failed or cancelled) so far, and how many in all. */
  finished: number;
  total: number;
}

export interface EnrichOptions {
  fetch: HttpFetch;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Milliseconds since the epoch. */
  now(): number;
  signal?: AbortSignal;
  /** Retries per request after the first attempt (default 3). */
  maxRetries?: number;
  policy?: Partial<RetryPolicy>;
  onProgress?(p: ModelProgress): void;
  /** Parsers for the Atom feed and the README's HTML tables; default the global DOMParser (absent in a service worker). */
  parseXml?(text: string): Document;
  parseHtml?(text: string): Document;
  /** At most this many arXiv ids per model are looked up (default 5). */
  maxPapers?: number;
}

export interface EnrichmentRun {
  results: ModelEnrichment[];
  cancelled: boolean;
  /** Every wait asked of `sleep`, in order. */
  waits: WaitEvent[];
  startedAt: string;
  finishedAt: string;
  elapsedMs: number;
  /** Time spent in `sleep` (rate limits, backoff, politeness); elapsedMs minus this is our code plus the network. */
  waitedMs: number;
}

class ModelFailed extends Error {}

function defaultParser(type: DOMParserSupportedType): (text: string) => Document {
  return (text) => {
    if (typeof DOMParser === 'undefined') throw new Error('no DOMParser here (a service worker has none): pass parseXml / parseHtml');
    return new DOMParser().parseFromString(text, type);
  };
}

function emptyResult(fullname: string): ModelEnrichment {
  return { fullname, state: 'queued', warnings: [], hub: null, readme: null, papers: [], arxivIds: [], primaryArxivId: '', papersPage: null, requests: [] };
}

/** The models whose enrichment did not finish, for a "retry the failed ones" button. */
export function unfinished(run: EnrichmentRun): string[] {
  return run.results.filter((r) => r.state !== 'done').map((r) => r.fullname);
}

/**
 * Enriches the models one after the other. Never throws for a model's failure: each result says
 * what it got and why it stopped. Cancelling keeps every result so far; the model being worked on
 * keeps its partial facts and, like those not started, is marked cancelled.
 */
export async function runEnrichment(models: ReadonlyArray<LeaderboardEntry | string>, opts: EnrichOptions): Promise<EnrichmentRun> {
  const ids = models.map((m) => (typeof m === 'string' ? m : m.fullname));
  const results = ids.map(emptyResult);
  const waits: WaitEvent[] = [];
  const lastRequestAt = new Map<string, number>();
  const policy = { ...DEFAULT_POLICY, ...opts.policy, ...(opts.maxRetries !== undefined ? { maxRetries: opts.maxRetries } : {}) };
  const parseXml = opts.parseXml ?? defaultParser('application/xml');
  const parseHtml = opts.parseHtml ?? defaultParser('text/html');
  const iso = () => new Date(opts.now()).toISOString();
  const t0 = opts.now();
  const startedAt = iso();
  let finished = 0;
  let waitedMs = 0;

  const report = (index: number, state: ModelState, message = '') => {
    results[index].state = state;
    opts.onProgress?.({ index, fullname: ids[index], state, message, finished, total: ids.length });
  };
  const finish = (index: number, state: ModelState, message = '') => {
    results[index].finishedAt = iso();
    finished++;
    report(index, state, message);
  };

  ids.forEach((_, i) => report(i, 'queued'));
  let cancelled = false;
  for (let i = 0; i < ids.length; i++) {
    const result = results[i];
    if (cancelled || opts.signal?.aborted) {
      cancelled = true;
      finish(i, 'cancelled', 'not started');
      continue;
    }
    result.startedAt = iso();
    report(i, 'running');

    /** One request: its text, or null for a definite "no" to an optional request (then a warning). */
    const get = async (req: PlannedRequest): Promise<string | null> => {
      report(i, 'running', req.label);
      const out = await fetchWithRetry(req.url, {
        fetch: opts.fetch,
        sleep: opts.sleep,
        now: opts.now,
        signal: opts.signal,
        policy,
        lastRequestAt,
        onWait: (w) => {
          waits.push(w);
          waitedMs += w.ms;
          const why = w.reason === 'politeness' ? 'spacing requests' : w.status === 429 ? 'rate-limited' : w.status ? `HTTP ${w.status}` : 'network error';
          report(i, 'waiting', `${req.label}: ${why}, waiting ${Math.ceil(w.ms / 1000)} s`);
        },
        onAttempt: (n) => {
          if (n > 1) report(i, 'running', `${req.label} (retry ${n - 1})`);
        },
      });
      result.requests.push({ kind: req.kind, url: req.url, ok: out.ok, status: out.status, attempts: out.attempts, ...(out.ok ? {} : { error: out.error }) });
      if (out.ok) return out.text;
      const message = `${req.label}: ${out.error} (${req.url})`;
      if (out.transient || req.required) throw new ModelFailed(message);
      result.warnings.push(message);
      return null;
    };

    try {
      const id = ids[i];
      if (!HUB_ID.test(id)) throw new ModelFailed(`"${id}" is not a Hugging Face model id, so there is nothing to look up.`);
      const [apiReq, readmeReq] = planRequests(id);

      const apiText = (await get(apiReq))!;
      let apiJson: unknown;
      try {
        apiJson = JSON.parse(apiText);
      } catch {
        throw new ModelFailed(`${apiReq.label}: the answer was not JSON (${apiReq.url})`);
      }
      result.hub = readHubApi(apiJson, id, iso());
      // A renamed repository answers with its new id: ask for the README under that one.
      const hubId = result.hub.id;
      const readmeText = await get(hubId === id ? readmeReq : { ...readmeReq, url: readmeUrl(hubId) });
      if (readmeText !== null) {
        result.readme = readReadme(readmeText, hubId, parseHtml, iso());
        result.warnings.push(...result.readme.warnings);
      }

      result.arxivIds = uniq([...result.hub.arxivIds, ...(result.readme?.arxivIds ?? [])]).slice(0, opts.maxPapers ?? 5);
      if (result.arxivIds.length) {
        const arxivReq = planRequests(hubId, { arxivIds: result.arxivIds }, result.arxivIds.length).find((r) => r.kind === 'arxiv')!;
        const atom = await get(arxivReq);
        if (atom !== null) {
          try {
            const at = iso();
            const entries = parseArxivAtom(parseXml(atom));
            result.papers = result.arxivIds.flatMap((a) => {
              const e = entries.find((x) => x.id === a);
              return e
                ? [{ arxivId: a, version: e.version, title: e.title, authors: e.authors, abstract: e.abstract, published: e.published, url: absUrl(a), fetchedAt: at }]
                : [];
            });
            const missing = result.arxivIds.filter((a) => !result.papers.some((p) => p.arxivId === a));
            if (missing.length) result.warnings.push(`arXiv has no entry for ${missing.join(', ')}.`);
          } catch (e) {
            result.warnings.push(`arXiv: ${(e as Error).message} (${arxivReq.url})`);
          }
        }
        result.primaryArxivId = choosePrimaryPaper(hubId, result.arxivIds, result.papers);
        const papersReq = planRequests(hubId, { primaryArxivId: result.primaryArxivId }).find((r) => r.kind === 'papers')!;
        const papersText = await get(papersReq);
        if (papersText !== null) {
          let json: unknown = null;
          try {
            json = JSON.parse(papersText);
          } catch {
            /* handled below */
          }
          result.papersPage = readPapersApi(json, result.primaryArxivId, iso());
          if (!result.papersPage) result.warnings.push(`Hugging Face Papers has no page for ${result.primaryArxivId}.`);
        }
      }
      finish(i, 'done', result.warnings.length ? `${result.warnings.length} warning(s)` : '');
    } catch (e) {
      if (e instanceof CancelledError) {
        cancelled = true;
        finish(i, 'cancelled', 'cancelled while running; what was read is kept');
      } else {
        result.error = e instanceof ModelFailed ? e.message : `unexpected error: ${(e as Error)?.message ?? String(e)}`;
        finish(i, 'failed', result.error);
      }
    }
  }

  return { results, cancelled, waits, startedAt, finishedAt: iso(), elapsedMs: opts.now() - t0, waitedMs };
}
