import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capturePage } from '../../lib/extract/registry';
import { captureFromFiles } from '../../scripts/capture';
import { htmlDocument, offlineContext } from '../../scripts/node-pages';
import { hasSharedFixtures, SHARED_FIXTURES } from './shared-fixtures';

// The real page exported with Immersive Translate's bilingual view, against the same paper saved without it.
const BILINGUAL = resolve(SHARED_FIXTURES, 'arxiv/html-1706.03762-immersive-translate-bilingual-export.html');
const PLAIN = resolve(SHARED_FIXTURES, 'arxiv/html-1706.03762v7-chrome-saved-2026.html');
const URL_ = 'https://arxiv.org/html/1706.03762v7';

describe.skipIf(!hasSharedFixtures)('corpus: Immersive Translate bilingual export of arXiv 1706.03762', () => {
  it('captures the same original text as the page saved without the translator', async () => {
    const bi = await captureFromFiles(URL_, [BILINGUAL]);
    const plain = await captureFromFiles(URL_, [PLAIN]);
    expect(bi.title).toBe('Attention Is All You Need');
    expect(bi.paper.authors).toEqual(plain.paper.authors);
    expect(bi.paper.abstract).toBe(plain.paper.abstract);
    expect(bi.sections.map((s) => s.heading)).toEqual(plain.sections.map((s) => s.heading));
    expect(bi.tables.length).toBe(plain.tables.length);
    // Not one Chinese character from the translation in what was captured.
    expect(`${bi.title} ${bi.paper.abstract} ${bi.sections.map((s) => s.text).join(' ')} ${JSON.stringify(bi.tables)}`).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('keeps the translations paired with their originals when asked', async () => {
    const doc = htmlDocument(readFileSync(BILINGUAL, 'utf8'), URL_);
    const c = await capturePage(doc, URL_, offlineContext([]), { id: 'c', now: new Date(), keepTranslation: true });
    expect(c.translations.length).toBeGreaterThan(100);
    expect(c.translations[0]).toMatchObject({ lang: 'zh-CN' });
    const title = c.translations.find((t) => t.original === 'Attention Is All You Need');
    expect(title?.translation).toBe('注意力就是您所需的一切');
    for (const t of c.translations) expect(t.original).not.toMatch(/[\u4e00-\u9fff]{4}/);
  });
});
