import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newCardFromCapture } from '../../lib/cards/from-capture';
import { cardToMarkdown } from '../../lib/export/markdown';
import { capturePage } from '../../lib/extract/registry';
import { FIXED_NOW, fixture, htmlDocument, mapContext } from '../helpers';

// Golden tests: each site's hand-made page (and the API answers its extractor asks for) -> the capture
// JSON and the card markdown, reviewed in the diff. UPDATE_GOLDEN=1 rewrites them.

const EMPTY = '<!doctype html><html><head><title></title></head><body></body></html>';
const SITES: { name: string; url: string; page: string; api?: Record<string, string> }[] = [
  { name: 'arxiv-abs', url: 'https://arxiv.org/abs/2401.00001v2', page: fixture('arxiv/abs-2401.00001v2.html') },
  { name: 'arxiv-html', url: 'https://arxiv.org/html/2401.00001v1', page: fixture('arxiv/html-2401.00001v1.html') },
  {
    name: 'huggingface',
    url: 'https://huggingface.co/example/Tiny-LM',
    page: EMPTY,
    api: {
      'https://huggingface.co/api/models/example/Tiny-LM': fixture('hf/api-example--Tiny-LM.json'),
      'https://huggingface.co/example/Tiny-LM/raw/main/README.md': fixture('hf/README-example--Tiny-LM.md'),
      'https://huggingface.co/example/Tiny-LM/resolve/main/config.json': fixture('hf/config-example--Tiny-LM.json'),
    },
  },
  {
    name: 'modelscope',
    url: 'https://modelscope.cn/models/qwen/Qwen2-7B',
    page: EMPTY,
    api: { 'https://modelscope.cn/api/v1/models/qwen/Qwen2-7B': fixture('modelscope/api-qwen--Qwen2-7B.json') },
  },
  { name: 'wechat', url: 'https://mp.weixin.qq.com/s/AbCdEfGhIjKlMnOp', page: fixture('wechat/article.html') },
];

function golden(file: string, actual: string) {
  const path = resolve(process.cwd(), 'tests/fixtures/golden', file);
  if (process.env.UPDATE_GOLDEN) writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('golden captures per site', () => {
  for (const s of SITES) {
    it(`${s.name}: capture JSON and card markdown`, async () => {
      const c = await capturePage(htmlDocument(s.page, s.url), s.url, mapContext(s.api ?? {}), { id: `golden-${s.name}`, now: FIXED_NOW });
      // The full text is long and not reviewable in a diff; its start is.
      golden(`capture-${s.name}.json`, `${JSON.stringify({ ...c, text: c.text.slice(0, 300) }, null, 2)}\n`);
      golden(`capture-${s.name}.md`, cardToMarkdown(newCardFromCapture(c, `card-${s.name}`, FIXED_NOW)));
    });
  }
});
