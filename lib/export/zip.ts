import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Card } from '../schema';
import { sniffImage } from '../util/image-type';
import { sectionTitle, surveyDocument, type SurveyDocumentOptions } from './document';

export interface ZipImage {
  blob: Blob;
  mime: string;
  caption: string;
}

export type SurveyZipOptions = Omit<SurveyDocumentOptions, 'imagePath'>;

const EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'image/gif': 'gif' };

/**
 * A file-name slug: ASCII letters and digits only (accents folded), so the relative links need no
 * percent-encoding and the names survive every unzip tool and file system; at most 40 characters.
 */
export function fileSlug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s.length <= 40 ? s : s.slice(0, 40).replace(/-[^-]*$/, '') || s.slice(0, 40);
}

/**
 * The file name of each 效果展示 image, in document order (cards, then images in a card): image/001-chat-demo.png.
 * The number keeps names unique and sorted as the document reads; the slug comes from the caption, else
 * the card's title; the extension from the bytes, since a caption or a stored type can be wrong.
 * An image that is missing from `assets` or whose bytes are not an image gets no file.
 */
async function planImages(cards: Card[], assets: Map<string, ZipImage>): Promise<{ names: Map<string, string>; files: Zippable }> {
  const order: { id: string; caption: string; card: Card }[] = [];
  const seen = new Set<string>();
  for (const card of cards) {
    for (const img of card.images) {
      if (seen.has(img.assetId) || !assets.has(img.assetId)) continue;
      seen.add(img.assetId);
      order.push({ id: img.assetId, caption: img.caption || assets.get(img.assetId)!.caption, card });
    }
  }
  const bytes = await Promise.all(order.map(async (o) => new Uint8Array(await assets.get(o.id)!.blob.arrayBuffer())));
  const width = Math.max(3, String(order.length).length);
  const names = new Map<string, string>();
  const files: Zippable = {};
  let n = 0;
  order.forEach((o, i) => {
    const mime = sniffImage(bytes[i]);
    if (!mime) return;
    n++;
    // A caption that is a file name ("photo.png") loses its extension: the bytes give the real one.
    const caption = o.caption.replace(/\.(png|jpe?g|gif|webp)$/i, '');
    const slug = fileSlug(caption) || fileSlug(sectionTitle(o.card)) || 'image';
    const name = `image/${String(n).padStart(width, '0')}-${slug}.${EXTENSIONS[mime]}`;
    names.set(o.id, name);
    // Images are already compressed: stored as is, which is also what keeps a 200-image zip fast.
    files[name] = [bytes[i], { level: 0 }];
  });
  return { names, files };
}

/**
 * survey.md and an image/ folder, ready to open in Typora, Obsidian or VS Code or to push to GitHub.
 * Entries are written in a fixed order (survey.md, then images by number) with the export date as their
 * time, so the same cards and date give the same names, order and bytes.
 */
export async function surveyZip(cards: Card[], assets: Map<string, ZipImage>, opts: SurveyZipOptions): Promise<Uint8Array> {
  const { names, files } = await planImages(cards, assets);
  const doc = surveyDocument(cards, { ...opts, imagePath: (id) => names.get(id) ?? '' });
  return zipSync({ 'survey.md': [strToU8(doc), { level: 6 }], ...files }, { mtime: opts.date });
}
