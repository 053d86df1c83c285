import { absUrl } from './arxiv-id';
import { squash } from './clean';
import { LinkCollector } from './links';
import { asArray, asString, obj, readModelCard } from './model-card';
import { ExtractError, type SiteExtractor } from './types';
import { isModelScopeModel } from './url-classifiers';

const SITE = 'https://modelscope.cn';

export function modelScopeId(url: URL): string {
  const [, owner, name] = url.pathname.split('/').filter(Boolean);
  return `${decodeURIComponent(owner)}/${decodeURIComponent(name)}`;
}

/**
 * ModelScope model pages are a client-side app with no stable DOM; the model API carries everything,
 * README included (reference/domain.md §2.2: envelope { Code, Success, Message, Data }).
 */
export const modelScopeExtractor: SiteExtractor = {
  name: 'modelscope-model',
  site: 'modelscope',
  label: 'ModelScope model page',
  matchesUrl: isModelScopeModel,

  async extract(_doc, url, ctx) {
    const id = modelScopeId(url);
    const [owner, name] = id.split('/');
    const modelUrl = `${SITE}/models/${id}`;
    const warnings: string[] = [];
    const res = await ctx.fetch(`${SITE}/api/v1/models/${id}`);
    if (!res.ok) {
      throw new ExtractError(`the ModelScope API did not answer for ${id} (${res.status === 429 ? 'rate-limited, HTTP 429' : res.error || `HTTP ${res.status}`})`);
    }
    let envelope: Record<string, unknown>;
    try {
      envelope = obj(JSON.parse(res.text));
    } catch {
      throw new ExtractError(`the ModelScope API answer for ${id} is not JSON`);
    }
    if (envelope.Code !== 200 || envelope.Success === false) {
      throw new ExtractError(`the ModelScope API refused ${id}: ${asString(envelope.Message) || `code ${asString(envelope.Code)}`}`);
    }
    const data = obj(envelope.Data);
    const readme = asString(data.ReadMeContent);
    const card = readme
      ? readModelCard(readme, { modelName: name, sourceUrl: modelUrl, fileBase: `${SITE}/api/v1/models/${id}/repo?Revision=master&FilePath=`, parseHtml: ctx.parseHtml })
      : null;
    if (!card) warnings.push(`ModelScope gave no README for ${id}; benchmark tables and sections are missing.`);
    else warnings.push(...card.warnings);
    const fm = card?.frontMatter ?? {};

    const links = new LinkCollector();
    links.add(modelUrl, id, 'model');
    const arxivIds = [...new Set([...asArray(data.RelatedArxivId).map(asString), ...(card?.arxivIds ?? [])].filter(Boolean))];
    for (const a of arxivIds) links.add(absUrl(a), `arXiv:${a}`, 'paper');
    if (card) links.addUrlsInText(card.body);
    const datasets = [...new Set(asArray(fm.datasets).map(asString).filter(Boolean))];

    const org = obj(data.Organization);
    return {
      site: 'modelscope',
      extractor: this.name,
      url: url.href,
      title: asString(data.Name) || name,
      description: squash(asString(data.Description)),
      links: links.links,
      paper: { arxivId: arxivIds[0] ?? '' },
      model: {
        id: `${asString(org.Name) || owner}/${asString(data.Name) || name}`,
        name: asString(data.Name) || name,
        org: asString(org.Name) || owner,
        license: asString(data.License) || asString(fm.license),
        architectures: asArray(data.Architectures).map(asString).filter(Boolean),
        modelType: asArray(data.ModelType).map(asString).filter(Boolean).join(', '),
        baseModels: asArray(fm.base_model).map(asString).filter(Boolean),
        pipelineTag: asArray(data.Tasks).map((t) => asString(obj(t).name)).filter(Boolean)[0] ?? '',
      },
      datasets,
      benchmarks: card?.benchmarks ?? [],
      tables: card?.tables ?? [],
      sections: card?.sections ?? [],
      images: card?.images ?? [],
      text: (card?.body ?? asString(data.Description)).slice(0, 200_000),
      warnings,
    };
  },
};
