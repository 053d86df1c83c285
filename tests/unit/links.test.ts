import { describe, expect, it } from 'vitest';
import { classifyLink, LinkCollector, safeHttpUrl } from '../../lib/extract/links';

describe('links', () => {
  it('keeps only http(s) links', () => {
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl(' JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,<script>1</script>')).toBeNull();
    expect(safeHttpUrl('vbscript:x')).toBeNull();
    expect(safeHttpUrl('/pdf/1706.03762', 'https://arxiv.org/abs/1706.03762')).toBe('https://arxiv.org/pdf/1706.03762');
    expect(safeHttpUrl('')).toBeNull();
  });

  it.each([
    ['https://arxiv.org/abs/2401.00001', 'paper'],
    ['https://arxiv.org/pdf/2401.00001v2', 'paper'],
    ['https://huggingface.co/papers/2401.00001', 'paper'],
    ['https://doi.org/10.48550/arXiv.1706.03762', 'paper'],
    ['https://github.com/QwenLM/Qwen2.5', 'code'],
    ['https://github.com/QwenLM', 'other'],
    ['https://gitee.com/owner/repo', 'code'],
    ['https://huggingface.co/Qwen/Qwen2-7B', 'model'],
    ['https://huggingface.co/datasets/HuggingFaceH4/ultrachat_200k', 'dataset'],
    ['https://huggingface.co/spaces/x/y', 'other'],
    ['https://modelscope.cn/models/qwen/Qwen2-7B', 'model'],
    ['https://www.modelscope.cn/datasets/a/b', 'dataset'],
    ['https://example.org/blog', 'other'],
  ])('%s is a %s link', (url, kind) => expect(classifyLink(url)).toBe(kind));

  it('collects each link once, whatever its trailing slash or fragment case', () => {
    const c = new LinkCollector();
    c.add('https://github.com/a/b');
    c.add('https://github.com/a/b/');
    c.add('https://GITHUB.com/a/b#readme');
    c.add('javascript:void(0)');
    c.addUrlsInText('code: https://github.com/c/d. and (https://huggingface.co/e/f)');
    expect(c.links.code.map((l) => l.url)).toEqual(['https://github.com/a/b', 'https://github.com/c/d']);
    expect(c.links.model.map((l) => l.url)).toEqual(['https://huggingface.co/e/f']);
  });
});

describe('links written without a scheme', () => {
  it('finds the hosts that matter in plain text, and nothing inside full URLs twice', () => {
    const c = new LinkCollector();
    c.addUrlsInText('代码：github.com/example/tiny-lm，权重 huggingface.co/example/Tiny-LM 与 https://github.com/a/b。论文 arxiv.org/abs/2401.00001');
    expect(c.links.code.map((l) => l.url)).toEqual(['https://github.com/a/b', 'https://github.com/example/tiny-lm']);
    expect(c.links.model.map((l) => l.url)).toEqual(['https://huggingface.co/example/Tiny-LM']);
    expect(c.links.paper.map((l) => l.url)).toEqual(['https://arxiv.org/abs/2401.00001']);
  });
});
