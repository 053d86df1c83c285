import type { Asset } from '../schema';
import type { SurveyDb } from './database';
import { StoreError } from './cards-repo';
import { sniffImage } from '../util/image-type';
import { bytesToBase64 } from '../util/base64';

export { sniffImage };

const MAX_BYTES = 15 * 1024 * 1024;
export function dataUrlToBytes(dataUrl: string): Uint8Array {
  const m = /^data:[^;,]*;base64,([A-Za-z0-9+/=]*)$/.exec(dataUrl);
  if (!m) throw new StoreError('invalid', 'The image did not arrive as base64 data.');
  if ((m[1].length * 3) / 4 > MAX_BYTES) throw new StoreError('invalid', `The image is larger than ${MAX_BYTES / 1024 / 1024} MB.`);
  const bin = atob(m[1]);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function bytesToDataUrl(bytes: Uint8Array, mime: string): string {
  return `data:${mime};base64,${bytesToBase64(bytes)}`;
}

/** Images for 效果展示, stored as blobs beside the cards. */
export class AssetsRepo {
  constructor(private db: SurveyDb) {}

  async add(input: { id: string; cardId?: string; dataUrl: string; caption: string; sourceUrl?: string }, now: Date): Promise<string> {
    return this.addBytes({ ...input, bytes: dataUrlToBytes(input.dataUrl) }, now);
  }

  async addBytes(input: { id: string; cardId?: string; bytes: Uint8Array; caption: string; sourceUrl?: string }, now: Date): Promise<string> {
    const bytes = input.bytes;
    if (bytes.length > MAX_BYTES) throw new StoreError('invalid', `The image is larger than ${MAX_BYTES / 1024 / 1024} MB.`);
    const mime = sniffImage(bytes);
    if (!mime) throw new StoreError('invalid', 'That file is not a PNG, JPEG, GIF or WebP image.');
    const asset: Asset = {
      id: input.id,
      cardId: input.cardId,
      blob: new Blob([bytes as BlobPart], { type: mime }),
      mime,
      caption: input.caption,
      sourceUrl: input.sourceUrl,
      createdAt: now.toISOString(),
    };
    try {
      await this.db.assets.put(asset);
    } catch (e) {
      if ((e as { name?: string }).name === 'QuotaExceededError' || (e as { inner?: { name?: string } }).inner?.name === 'QuotaExceededError') {
        throw new StoreError('quota', 'The browser refused to store the image (disk or quota full). Nothing was changed.');
      }
      throw e;
    }
    return asset.id;
  }

  async get(ids: string[]): Promise<{ id: string; dataUrl: string; caption: string; mime: string }[]> {
    const assets = (await this.db.assets.bulkGet(ids)).filter((a): a is Asset => !!a);
    return Promise.all(
      assets.map(async (a) => ({ id: a.id, caption: a.caption, mime: a.mime, dataUrl: bytesToDataUrl(new Uint8Array(await a.blob.arrayBuffer()), a.mime) })),
    );
  }
}
