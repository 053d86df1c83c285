import type { CaptureDraft, ExtractContext, SiteExtractor } from './types';
import { absUrl } from './arxiv-id';
import { metaContent, squash } from './clean';
import { LinkCollector } from './links';
import { asArray, asString, modelIndexResults, obj, readModelCard, type ModelCardReading } from './model-card';
import { isHuggingFaceModel } from './url-classifiers';
import { captureHtmlTables, dedupeResults } from './table-capture';

const HUB = 'https://huggingface.co';
const FLOAT_DTYPES = /^(F64|F32|F16|BF16|F8_E4M3|F8_E5M2|FP8)$/i;
const CONTEXT_KEYS = ['max_position_embeddings', 'n_positions', 'max_sequence_length', 'seq_length', 'n_ctx', 'model_max_length', 'sliding_window_size'];

export function hubModelId(url: URL): string {
  const [org, name] = url.pathname.split('/').filter(Boolean);
  return `${decodeURIComponent(org)}/${decodeURIComponent(name)}`;
}

/** Weights, not every tensor: quantised repos store integers and bookkeeping tensors beside the floats. */
export function parameterCount(safetensors: unknown): number | null {
  const s = obj(safetensors);
  const params = obj(s.parameters);
  const floats = Object.entries(params).filter(([k, v]) => FLOAT_DTYPES.test(k) && typeof v === 'number');
  const sum = floats.reduce((a, [, v]) => a + (v as number), 0);
  if (sum > 0) return sum;
  return typeof s.total === 'number' && s.total > 0 ? s.total : null;
}

async function getJson(ctx: ExtractContext, url: string): Promise<{ data: Record<string, unknown> | null; error: string }> {
  const res = await ctx.fetch(url);
  if (!res.ok) return { data: null, error: res.status === 429 ? 'rate-limited (HTTP 429)' : res.error || `HTTP ${res.status}` };
  try {
    return { data: obj(JSON.parse(res.text)), error: '' };
  } catch {
    return { data: null, error: 'the answer was not JSON' };
  }
}

/** The rendered page's Svelte island props: the fallback when the API cannot be reached. */
function modelHeaderProps(doc: Document): Record<string, unknown> {
  for (const el of doc.querySelectorAll('[data-target="ModelHeader"][data-props]')) {
    try {
      return obj(obj(JSON.parse(el.getAttribute('data-props') ?? '')).model);
    } catch {
      /* not the island we know */
    }
  }
  return {};
}

export const huggingFaceExtractor: SiteExtractor = {
  name: 'huggingface-model',
  site: 'huggingface',
  label: 'Hugging Face model page',
  matchesUrl: isHuggingFaceModel,

  async extract(doc, url, ctx) {
    const id = hubModelId(url);
    const [org, name] = id.split('/');
    const modelUrl = `${HUB}/${id}`;
    const warnings: string[] = [];

    const api = await getJson(ctx, `${HUB}/api/models/${id}`);
    let info = api.data ?? {};
    if (!api.data) {
      info = modelHeaderProps(doc);
      warnings.push(
        `The Hub API did not answer for ${id} (${api.error}); ${Object.keys(info).length ? 'read what the page itself shows' : 'only the page text was read'}.`,
      );
    }
    const apiId = asString(info.id) || asString(info.modelId);
    if (apiId && apiId.toLowerCase() !== id.toLowerCase()) warnings.push(`The Hub answered for ${apiId}, not ${id}; kept ${apiId}.`);
    const modelId = apiId || id;
    const cardData = obj(info.cardData);
    const config = obj(info.config);
    const tags = asArray(info.tags).map(asString);
    const tagValues = (prefix: string) => tags.filter((t) => t.startsWith(prefix)).map((t) => t.slice(prefix.length));

    // The README is public even for gated models; the rendered card is the fallback.
    let card: ModelCardReading | null = null;
    const readme = await ctx.fetch(`${HUB}/${modelId}/raw/main/README.md`);
    if (readme.ok) {
      card = readModelCard(readme.text, { modelName: name, sourceUrl: modelUrl, fileBase: `${HUB}/${modelId}/resolve/main/`, parseHtml: ctx.parseHtml });
      warnings.push(...card.warnings);
    } else {
      warnings.push(`The model card README could not be fetched (${readme.error || `HTTP ${readme.status}`}); tables were read from the page instead.`);
    }
    const fm = card?.frontMatter ?? {};

    let contextLength: number | null = null;
    const gguf = obj(info.gguf);
    if (typeof gguf.context_length === 'number') contextLength = gguf.context_length;
    if (!contextLength && (config.architectures || config.model_type)) {
      const full = await getJson(ctx, `${HUB}/${modelId}/resolve/main/config.json`);
      const cfg = full.data ?? {};
      const textCfg = obj(cfg.text_config);
      for (const k of CONTEXT_KEYS) {
        const v = cfg[k] ?? textCfg[k];
        if (typeof v === 'number' && v > 0 && v < 100_000_000) {
          contextLength = v;
          break;
        }
      }
      if (!full.data && info.gated) warnings.push(`config.json is gated for ${modelId}; the context length is not known.`);
    }

    const links = new LinkCollector();
    links.add(modelUrl, modelId, 'model');
    const arxivIds = [...new Set([...tagValues('arxiv:'), ...(card?.arxivIds ?? [])])];
    for (const a of arxivIds) links.add(absUrl(a), `arXiv:${a}`, 'paper');
    const datasets = [...new Set([...asArray(cardData.datasets ?? fm.datasets).map(asString), ...tagValues('dataset:')].filter(Boolean))];
    for (const d of datasets) if (d.includes('/')) links.add(`${HUB}/datasets/${d}`, d, 'dataset');
    if (card) links.addUrlsInText(card.body);
    else links.addAnchors(doc.querySelector('[class*="model-card-content"]') ?? doc.body, url.href);

    const baseModels = [...new Set([...asArray(cardData.base_model ?? fm.base_model).map(asString), ...tagValues('base_model:').filter((t) => !t.includes(':'))].filter(Boolean))];
    const licenseRaw = asString(cardData.license ?? fm.license) || tagValues('license:')[0] || '';
    const license = licenseRaw === 'other' ? asString(cardData.license_name ?? fm.license_name) || 'other' : licenseRaw;

    let benchmarks = card?.benchmarks ?? [];
    let tables = card?.tables ?? [];
    if (!card) {
      const fromDom = captureHtmlTables([...doc.querySelectorAll('[class*="model-card-content"] table')], { sourceUrl: modelUrl, defaultModel: name });
      benchmarks = fromDom.results;
      tables = fromDom.tables;
    }
    const apiIndex = info['model-index'] ?? cardData['model-index'];
    if (apiIndex && !card?.frontMatter['model-index']) {
      benchmarks = dedupeResults([...modelIndexResults(apiIndex, name, modelUrl), ...benchmarks]);
    }

    const draft: CaptureDraft = {
      site: 'huggingface',
      extractor: this.name,
      url: url.href,
      title: name,
      description: metaContent(doc, 'og:description') || metaContent(doc, 'description'),
      links: links.links,
      paper: { arxivId: arxivIds[0] ?? '' },
      model: {
        id: modelId,
        name: modelId.split('/')[1] ?? name,
        org: asString(info.author) || org,
        license,
        parameters: parameterCount(info.safetensors) ?? (typeof gguf.total === 'number' ? gguf.total : null),
        architectures: asArray(config.architectures).map(asString).filter(Boolean),
        modelType: asString(config.model_type),
        contextLength,
        baseModels,
        pipelineTag: asString(info.pipeline_tag),
      },
      datasets,
      benchmarks,
      tables,
      sections: card?.sections ?? [],
      images: card?.images ?? [],
      text: (card?.body ?? squash(doc.body?.textContent)).slice(0, 200_000),
      warnings,
    };
    return draft;
  },
};
