import { arxivRefFromUrl } from './arxiv-id';

// Pure predicates over URLs, one per page kind we extract; tests list real URLs for each.

export function isArxivAbs(u: URL): boolean {
  return /^(www\.|export\.)?arxiv\.org$/i.test(u.hostname) && /^\/abs\//.test(u.pathname) && !!arxivRefFromUrl(u);
}

export function isArxivHtml(u: URL): boolean {
  return /^(www\.)?arxiv\.org$/i.test(u.hostname) && /^\/html\//.test(u.pathname) && !!arxivRefFromUrl(u);
}

const HF_NON_MODEL = new Set([
  'datasets', 'spaces', 'papers', 'docs', 'blog', 'models', 'api', 'join', 'login', 'pricing',
  'settings', 'organizations', 'collections', 'tasks', 'learn', 'posts', 'chat', 'search', 'new',
  'enterprise', 'huggingface', 'terms-of-service', 'privacy', 'notifications', 'inference-endpoints',
]);

/** huggingface.co/<org>/<name> and its /tree, /blob and other sub-pages. */
export function isHuggingFaceModel(u: URL): boolean {
  if (!/^(www\.)?huggingface\.co$/i.test(u.hostname)) return false;
  const parts = u.pathname.split('/').filter(Boolean);
  return parts.length >= 2 && !HF_NON_MODEL.has(parts[0]);
}

/** modelscope.cn/models/<owner>/<name> and its sub-pages. */
export function isModelScopeModel(u: URL): boolean {
  if (!/^(www\.)?modelscope\.cn$/i.test(u.hostname)) return false;
  const parts = u.pathname.split('/').filter(Boolean);
  return parts[0] === 'models' && parts.length >= 3;
}

/** mp.weixin.qq.com/s/<token> or the long /s?__biz=… form. */
export function isWechatArticle(u: URL): boolean {
  return u.hostname === 'mp.weixin.qq.com' && /^\/s(\/|$)/.test(u.pathname);
}
