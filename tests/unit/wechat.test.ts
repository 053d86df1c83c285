import { describe, expect, it } from 'vitest';
import { capturePage } from '../../lib/extract/registry';
import { scriptVar, wechatDate } from '../../lib/extract/wechat';
import { FIXED_NOW, fixture, htmlDocument, mapContext } from '../helpers';

const PAGE = 'https://mp.weixin.qq.com/s/AbCdEfGhIjKlMnOp';
const opts = { id: 'cap-wx', now: FIXED_NOW };

describe('WeChat article extractor', () => {
  it('reads title, account, author and date, and the hidden body of a saved page', async () => {
    const c = await capturePage(htmlDocument(fixture('wechat/article.html'), PAGE), PAGE, mapContext(), opts);
    expect(c.extractor).toBe('wechat-article');
    expect(c.title).toBe('Tiny-LM 开源：1B 参数的中文对话模型');
    expect(c.byline).toEqual({ author: '张伟', account: '大模型观察', published: '2024-01-03' });
    expect(c.text.split('\n')[0]).toBe('今天介绍 Tiny-LM，一个 1B 参数的模型。');
    expect(c.warnings).toEqual([]);
  });

  it('finds every GitHub, Hugging Face, ModelScope and arXiv link, written out or linked', async () => {
    const c = await capturePage(htmlDocument(fixture('wechat/article.html'), PAGE), PAGE, mapContext(), opts);
    expect(c.links.paper.map((l) => l.url)).toEqual(['https://arxiv.org/abs/2401.00001']);
    expect(c.links.code.map((l) => l.url)).toEqual(['https://github.com/example/tiny-lm']);
    expect(c.links.model.map((l) => l.url).sort()).toEqual(['https://huggingface.co/example/Tiny-LM', 'https://modelscope.cn/models/example/Tiny-LM']);
    expect(c.links.other.map((l) => l.url)).toEqual(['https://example.org/tiny-lm-blog']);
  });

  it('keeps lazy images as 效果展示 candidates, the sections and the tables', async () => {
    const c = await capturePage(htmlDocument(fixture('wechat/article.html'), PAGE), PAGE, mapContext(), opts);
    expect(c.images).toEqual([{ url: 'https://mmbiz.qpic.cn/mmbiz_png/demo1/640?wx_fmt=png', alt: '对话示例' }]);
    expect(c.sections.map((s) => s.field)).toEqual(['architecture', 'training']);
    expect(c.benchmarks.map((b) => [b.model, b.benchmark, b.value])).toEqual([
      ['Tiny-LM', 'mmlu', 45.2],
      ['Tiny-LM', 'c-eval', 52],
      ['Qwen1.5-1.8B', 'mmlu', 46.8],
      ['Qwen1.5-1.8B', 'c-eval', 59.7],
    ]);
  });

  it('says so when the article was deleted', async () => {
    const html = '<!doctype html><html><body><div class="weui-msg"><p>该内容已被发布者删除</p></div></body></html>';
    const c = await capturePage(htmlDocument(html, PAGE), PAGE, mapContext(), opts);
    expect(c.extractor).toBe('generic');
    expect(c.warnings[0]).toBe('The WeChat article extractor failed (the article was deleted by its publisher); captured with the generic extractor instead.');
  });

  it('reads script variables and dates', () => {
    expect(scriptVar(['var ct = "1581517074";'], 'ct')).toBe('1581517074');
    expect(scriptVar(['var nickname = htmlDecode("CSDN");'], 'nickname')).toBe('CSDN');
    expect(scriptVar(["var msg_title = 'A \\'quoted\\' title'.html(false);"], 'msg_title')).toBe("A 'quoted' title");
    expect(wechatDate('1704250800')).toBe('2024-01-03');
    expect(wechatDate('')).toBe('');
  });
});
