import { strToU8, zipSync, type Zippable } from 'fflate';
import { bytesToBase64 } from '../util/base64';
import type { Annotation, Asset, Capture, Card } from '../schema';
import { LATEST_VERSION } from '../db/schema-versions';
import { sniffImage } from '../util/image-type';

/**
 * The backup of a whole library.
 *
 * Format: a zip holding `backup.json` (cards, captures, annotations and the assets' metadata) and the
 * images as files under `assets/`. Chosen over one JSON file with base64 images because a library of a
 * few hundred cards with screenshots easily holds 100–300 MB of images: base64 adds a third, and the whole
 * file would have to be one string for JSON.parse (UTF-16 in memory, so twice the bytes, close to V8's
 * ~512 M-character string limit) — in the extension page, all at once. In the zip the images stay raw
 * bytes, only the small JSON is parsed, a cut-off file is caught by its missing central directory, and a
 * user can open the zip and see the pictures. The same JSON with each asset's bytes inline as base64
 * (`data` instead of `file`) is also written and read, for small libraries and for hand-made files.
 */
export const BACKUP_FORMAT = 'llm-survey-cards-backup';
export const BACKUP_VERSION = 1;
export const BACKUP_JSON = 'backup.json';

/** An asset with its image bytes instead of a Blob (reading a Blob is async; building the backup is not). */
export type BackupAsset = Omit<Asset, 'blob'> & { bytes: Uint8Array };

export interface BackupData {
  cards: Card[];
  captures: Capture[];
  annotations: Annotation[];
  assets: BackupAsset[];
}

/** The assets of the store, with their blobs read. */
export async function withBytes(assets: Asset[]): Promise<BackupAsset[]> {
  return Promise.all(
    assets.map(async ({ blob, ...rest }) => ({ ...rest, bytes: new Uint8Array(await blob.arrayBuffer()) })),
  );
}


const EXT: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'image/gif': 'gif' };
const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export interface BackupOptions {
  /** Written as exportedAt and as the zip entries' time; now by default. */
  now?: Date;
  /** 'zip' (default): backup.json + assets/; 'json': one JSON text with base64 images. */
  as?: 'zip' | 'json';
}

export function makeBackup(data: BackupData, opts: BackupOptions & { as: 'json' }): string;
export function makeBackup(data: BackupData, opts?: BackupOptions & { as?: 'zip' }): Uint8Array;
export function makeBackup(data: BackupData, opts?: BackupOptions): Uint8Array | string;
/** Everything sorted by id, so the same library and date give the same file. */
export function makeBackup(data: BackupData, opts: BackupOptions = {}): Uint8Array | string {
  const now = opts.now ?? new Date();
  const assets = byId(data.assets);
  const width = Math.max(4, String(assets.length).length);
  const files: Zippable = {};
  const meta = assets.map(({ bytes, ...rest }, i) => {
    if (opts.as === 'json') return { ...rest, data: bytesToBase64(bytes) };
    // Files are named by position, not id: ids are free text and need not be safe file names.
    const file = `assets/${String(i + 1).padStart(width, '0')}.${EXT[sniffImage(bytes) ?? rest.mime] ?? 'bin'}`;
    files[file] = [bytes, { level: 0 }];
    return { ...rest, file, size: bytes.length };
  });
  const json = JSON.stringify(
    {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      schemaVersion: LATEST_VERSION,
      exportedAt: now.toISOString(),
      cards: byId(data.cards),
      captures: byId(data.captures),
      annotations: byId(data.annotations),
      assets: meta,
    },
    null,
    1,
  );
  if (opts.as === 'json') return json;
  return zipSync({ [BACKUP_JSON]: [strToU8(json), { level: 6 }], ...files }, { mtime: now });
}
