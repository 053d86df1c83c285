import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fileSlug, surveyZip, type ZipImage } from '../../lib/export/zip';
import { FIXED_NOW } from '../helpers';
import { card, fullCard, image, PNG, specialCard } from '../fixtures/export/cards';

function assets(): Map<string, ZipImage> {
  const blob = (b: Uint8Array, type: string) => new Blob([b as BlobPart], { type });
  return new Map<string, ZipImage>([
    ['asset-chat', { blob: blob(PNG(), 'image/png'), mime: 'image/png', caption: 'Chat demo' }],
    // A JPEG whose caption and stored type both say PNG: the bytes decide the extension.
    ['asset-photo', { blob: blob(image('demo.jpg'), 'image/png'), mime: 'image/png', caption: 'photo.png' }],
    ['asset-gif', { blob: blob(image('demo.gif'), 'image/gif'), mime: 'image/gif', caption: '' }],
    ['asset-webp', { blob: blob(image('demo.webp'), 'image/webp'), mime: 'image/webp', caption: '示意图' }],
    ['asset-text', { blob: blob(new TextEncoder().encode('not an image'), 'image/png'), mime: 'image/png', caption: 'fake' }],
  ]);
}

function cards() {
  return [
    fullCard(),
    card({
      id: 'card-zh',
      title: 'Ünïcode Möde (Beta)',
      images: [
        { assetId: 'asset-webp', caption: '示意图' },
        { assetId: 'asset-gif', caption: '' },
        { assetId: 'asset-chat', caption: 'Chat demo again' }, // the same image as the first card's: one file
        { assetId: 'asset-text', caption: 'fake' },
      ],
    }),
    specialCard(), // names asset-missing, which the map does not hold
  ];
}

const unzipAll = (zip: Uint8Array) => unzipSync(zip);
const links = (md: string) => [...md.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);

describe('survey zip', () => {
  it('holds survey.md first, then every image under image/ in document order', async () => {
    const files = unzipAll(await surveyZip(cards(), assets(), { lang: 'zh', date: FIXED_NOW }));
    expect(Object.keys(files)).toEqual([
      'survey.md',
      'image/001-chat-demo.png',
      'image/002-photo.jpg',
      'image/003-unicode-mode-beta.webp',
      'image/004-unicode-mode-beta.gif',
    ]);
    expect(files['image/001-chat-demo.png']).toEqual(PNG());
    expect(files['image/002-photo.jpg']).toEqual(image('demo.jpg'));
    expect(files['image/003-unicode-mode-beta.webp']).toEqual(image('demo.webp'));
    expect(files['image/004-unicode-mode-beta.gif']).toEqual(image('demo.gif'));
  });

  it("resolves every image link of survey.md to a file in the zip, and names what it could not include", async () => {
    const files = unzipAll(await surveyZip(cards(), assets(), { lang: 'en', date: FIXED_NOW }));
    const md = strFromU8(files['survey.md']);
    const targets = links(md);
    expect(targets).toEqual([
      'image/001-chat-demo.png',
      'image/002-photo.jpg',
      'image/003-unicode-mode-beta.webp',
      'image/004-unicode-mode-beta.gif',
      'image/001-chat-demo.png',
    ]);
    for (const t of targets) expect(files[t], t).toBeInstanceOf(Uint8Array);
    // Relative, no spaces or characters that need encoding: opens as is in Typora, Obsidian, VS Code, GitHub.
    for (const t of targets) expect(t).toMatch(/^image\/[a-z0-9-]+\.(png|jpg|webp|gif)$/);
    expect(md).toContain('(missing image: fake)');
    expect(md).toContain('(missing image: Caption with and and newline)');
    expect(md.startsWith('# LLM survey\n\nDate: 2026-11-28\n')).toBe(true);
  });

  it('is deterministic: same cards and date, same bytes', async () => {
    const a = await surveyZip(cards(), assets(), { lang: 'zh', date: FIXED_NOW });
    const b = await surveyZip(cards(), assets(), { lang: 'zh', date: FIXED_NOW });
    expect(a).toEqual(b);
  });

  it('makes ASCII file slugs', () => {
    expect(fileSlug('Chat demo')).toBe('chat-demo');
    expect(fileSlug('Ünïcode Möde (Beta)')).toBe('unicode-mode-beta');
    expect(fileSlug('示意图')).toBe('');
    expect(fileSlug('a very long caption that goes on and on past forty characters')).toBe('a-very-long-caption-that-goes-on-and-on');
  });
});
