import { describe, expect, it } from 'vitest';
import { capturePage } from '../../lib/extract/registry';
import { collectTranslations } from '../../lib/extract/translations';
import { FIXED_NOW, fixture, htmlDocument, mapContext } from '../helpers';

const PAGE = 'https://arxiv.org/html/2401.00001v1';

/** What Immersive Translate inserts in bilingual mode (reference/domain.md §5), added by hand to our fixture. */
function withTranslatorNodes(html: string): string {
  const wrap = (zh: string) =>
    `<font class="notranslate immersive-translate-target-wrapper" lang="zh-CN" data-immersive-translate-translation-element-mark="1"><br><font class="notranslate immersive-translate-target-translation-block-wrapper" data-immersive-translate-translation-element-mark="1"><font class="notranslate immersive-translate-target-inner" data-immersive-translate-translation-element-mark="1">${zh}</font></font></font>`;
  return html
    .replace('for Testing Surveys</h1>', `for Testing Surveys${wrap('Tiny-LM：用于测试调研的小模型')}</h1>`)
    .replace('RoPE positional encoding.</p>', `RoPE positional encoding.${wrap('Tiny-LM 是仅解码器的 Transformer。')}</p>`)
    .replace('<td class="ltx_td">Pythia-1B</td>', `<td class="ltx_td">Pythia-1B${wrap('皮提亚')}</td>`);
}

describe('beside Immersive Translate', () => {
  it('captures the original text only, tables included', async () => {
    const doc = htmlDocument(withTranslatorNodes(fixture('arxiv/html-2401.00001v1.html')), PAGE);
    const c = await capturePage(doc, PAGE, mapContext(), { id: 'c', now: FIXED_NOW });
    expect(c.title).toBe('Tiny-LM: A Small Model for Testing Surveys');
    expect(c.sections[0].text).toBe('Tiny-LM is a decoder-only transformer with grouped-query attention and RoPE positional encoding.');
    expect(c.benchmarks[0].model).toBe('Pythia-1B');
    expect(JSON.stringify(c)).not.toMatch(/[\u4e00-\u9fff]/);
    expect(c.translations).toEqual([]);
  });

  it('keeps the translation beside the original when asked', async () => {
    const doc = htmlDocument(withTranslatorNodes(fixture('arxiv/html-2401.00001v1.html')), PAGE);
    const c = await capturePage(doc, PAGE, mapContext(), { id: 'c', now: FIXED_NOW, keepTranslation: true });
    expect(c.translations).toEqual([
      { original: 'Tiny-LM: A Small Model for Testing Surveys', translation: 'Tiny-LM：用于测试调研的小模型', lang: 'zh-CN' },
      { original: 'Tiny-LM is a decoder-only transformer with grouped-query attention and RoPE positional encoding.', translation: 'Tiny-LM 是仅解码器的 Transformer。', lang: 'zh-CN' },
      { original: 'Pythia-1B', translation: '皮提亚', lang: 'zh-CN' },
    ]);
    expect(c.title).toBe('Tiny-LM: A Small Model for Testing Surveys');
  });

  it('does not change the page it reads', () => {
    const doc = htmlDocument(withTranslatorNodes(fixture('arxiv/html-2401.00001v1.html')), PAGE);
    const before = doc.documentElement.outerHTML;
    collectTranslations(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});
