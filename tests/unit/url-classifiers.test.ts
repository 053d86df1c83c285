import { describe, expect, it } from 'vitest';
import { isArxivAbs, isArxivHtml, isHuggingFaceModel, isModelScopeModel, isWechatArticle } from '../../lib/extract/url-classifiers';
import { arxivIdsInText, arxivRefFromUrl } from '../../lib/extract/arxiv-id';

const CLASSIFIERS = { isArxivAbs, isArxivHtml, isHuggingFaceModel, isModelScopeModel, isWechatArticle };
type Name = keyof typeof CLASSIFIERS;

// Real addresses of each kind; every one must hit exactly its own predicate.
const REAL_URLS: Record<Name, string[]> = {
  isArxivAbs: [
    'https://arxiv.org/abs/1706.03762',
    'https://arxiv.org/abs/1706.03762v7',
    'https://arxiv.org/abs/2405.05966',
    'https://export.arxiv.org/abs/2501.11120',
    'https://arxiv.org/abs/hep-th/9901001',
    'https://arxiv.org/abs/math.GT/0309136v2',
  ],
  isArxivHtml: ['https://arxiv.org/html/2501.11120v1', 'https://arxiv.org/html/1706.03762v7', 'https://arxiv.org/html/2501.11120v1/'],
  isHuggingFaceModel: [
    'https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct',
    'https://huggingface.co/HuggingFaceH4/zephyr-7b-beta/tree/main',
    'https://huggingface.co/Qwen/Qwen2-7B/blob/main/config.json',
    'https://huggingface.co/openai-community/gpt2',
  ],
  isModelScopeModel: [
    'https://modelscope.cn/models/qwen/Qwen2-7B',
    'https://www.modelscope.cn/models/ZhipuAI/glm-4-9b-chat/files',
    'https://modelscope.cn/models/deepseek-ai/DeepSeek-V3/summary',
  ],
  isWechatArticle: [
    'https://mp.weixin.qq.com/s/Ab3dEfGhIjKlMnOpQrStUv',
    'https://mp.weixin.qq.com/s?__biz=MzA3MzI4MjgzMw==&mid=2650900000&idx=1&sn=abc',
  ],
};

const MATCH_NOTHING = [
  'https://arxiv.org/list/cs.CL/recent',
  'https://arxiv.org/abs/',
  'https://arxiv.org.evil.com/abs/1706.03762',
  'https://huggingface.co/datasets/HuggingFaceH4/ultrachat_200k',
  'https://huggingface.co/spaces/open-llm-leaderboard/open_llm_leaderboard',
  'https://huggingface.co/papers/2401.00001',
  'https://huggingface.co/meta-llama',
  'https://modelscope.cn/datasets/owner/name',
  'https://modelscope.cn/models',
  'https://mp.weixin.qq.com/cgi-bin/home',
  'https://github.com/QwenLM/Qwen2.5',
  'https://zhuanlan.zhihu.com/p/123456',
];

describe('URL classifiers', () => {
  for (const [name, urls] of Object.entries(REAL_URLS) as [Name, string[]][]) {
    it.each(urls)(`${name}: %s hits only its own predicate`, (url) => {
      const hits = (Object.keys(CLASSIFIERS) as Name[]).filter((n) => CLASSIFIERS[n](new URL(url)));
      expect(hits).toEqual([name]);
    });
  }
  it.each(MATCH_NOTHING)('%s matches no site predicate', (url) => {
    const hits = (Object.keys(CLASSIFIERS) as Name[]).filter((n) => CLASSIFIERS[n](new URL(url)));
    expect(hits).toEqual([]);
  });
});

describe('arXiv ids', () => {
  it('reads ids and versions from addresses', () => {
    expect(arxivRefFromUrl('https://arxiv.org/abs/1706.03762v7')).toEqual({ id: '1706.03762', version: 'v7' });
    expect(arxivRefFromUrl('https://arxiv.org/pdf/2401.00001.pdf')).toEqual({ id: '2401.00001', version: '' });
    expect(arxivRefFromUrl('https://arxiv.org/abs/hep-th/9901001')).toEqual({ id: 'hep-th/9901001', version: '' });
    expect(arxivRefFromUrl('https://example.com/abs/1706.03762')).toBeNull();
    expect(arxivRefFromUrl('not a url')).toBeNull();
  });
  it('finds ids in free text without taking version numbers or decimals', () => {
    expect(arxivIdsInText('see arXiv:2303.08774v2 and 2401.00001, not 3.14159 or v1.2345.6789')).toEqual(['2303.08774', '2401.00001']);
  });
});
