import { strFromU8, unzipSync, type UnzipFileInfo } from 'fflate';
import { Annotation, Asset, Capture, Card, Timestamp } from '../schema';
import { z } from '../schema/zod';
import { LATEST_VERSION } from '../db/schema-versions';
import { sniffImage } from '../util/image-type';
import { BACKUP_FORMAT, BACKUP_JSON, BACKUP_VERSION, type BackupAsset } from '../export/backup';

export { planRestore, applyPlan, type RestorePlan, type RestoreWrites, type PlanItem, type RestoreStatus } from './plan';

/**
 * Reading a backup, step one: everything is checked here, before anything is written. Each way a file can
 * be wrong has its own code (for the UI's own wording) and an English message that says what is wrong and
 * what to do.
 */
export type BackupErrorCode = 'too-large' | 'not-json' | 'wrong-shape' | 'newer-version' | 'truncated-zip' | 'bad-asset' | 'not-image';

export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

export interface ParsedBackup {
  version: number;
  schemaVersion: number;
  exportedAt: string;
  cards: Card[];
  captures: Capture[];
  annotations: Annotation[];
  /** Bytes checked to be an image; `mime` is the type the bytes say. */
  assets: BackupAsset[];
}

export interface ParseOptions {
  /** Largest file (and, for a zip, largest total unpacked size) accepted, in bytes. */
  maxBytes: number;
}

const mb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} bytes`);

/** The size check alone, for the UI to call with File.size before reading the file at all. */
export function checkBackupSize(bytes: number, maxBytes: number): void {
  if (bytes > maxBytes) {
    throw new BackupError('too-large', `The file is ${mb(bytes)}; backups up to ${mb(maxBytes)} can be restored. Nothing was read or changed.`);
  }
}

/* ---------- the shape ---------- */

const AssetMeta = Asset.omit({ blob: true }).extend({
  /** Path of the image inside the zip. */
  file: z.string().min(1).optional(),
  /** Or the image itself, base64 (the one-file JSON variant). */
  data: z.string().optional(),
  size: z.number().int().nonnegative().optional(),
});

const BackupFile = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().positive(),
  schemaVersion: z.number().int().positive(),
  exportedAt: Timestamp,
  cards: z.array(Card),
  captures: z.array(Capture),
  annotations: z.array(Annotation),
  assets: z.array(AssetMeta),
});
type BackupFile = z.infer<typeof BackupFile>;

/** "cards[3] (id "abc").revision: Invalid input: expected number, received string" */
function describeIssue(issue: z.core.$ZodIssue, root: unknown): string {
  let path = '';
  let node: unknown = root;
  let named = false;
  for (const key of issue.path) {
    node = node != null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key as PropertyKey] : undefined;
    path += typeof key === 'number' ? `[${key}]` : `${path ? '.' : ''}${String(key)}`;
    const id = node != null && typeof node === 'object' ? (node as { id?: unknown }).id : undefined;
    if (!named && typeof key === 'number' && typeof id === 'string') {
      path += ` (id "${id.slice(0, 60)}")`;
      named = true;
    }
  }
  return `${path || '(top level)'}: ${issue.message}`;
}

const SHOWN_ISSUES = 5;

function validate(json: unknown): BackupFile {
  const top = json as Record<string, unknown> | null;
  if (top === null || typeof top !== 'object' || Array.isArray(top) || top.format !== BACKUP_FORMAT) {
    const keys = top && typeof top === 'object' ? Object.keys(top).slice(0, 8) : [];
    throw new BackupError(
      'wrong-shape',
      `This JSON is not a backup of LLM Survey Cards: it has no "format": "${BACKUP_FORMAT}"` +
        (keys.length ? ` (its fields are ${keys.map((k) => `"${k}"`).join(', ')}).` : '.') +
        ' Nothing was changed.',
    );
  }
  // The version decides before the shape: a newer backup may well have another shape, and the useful
  // message then is "update the extension", not a list of unexpected fields.
  const v = top.version;
  const sv = top.schemaVersion;
  if ((typeof v === 'number' && v > BACKUP_VERSION) || (typeof sv === 'number' && sv > LATEST_VERSION)) {
    throw new BackupError(
      'newer-version',
      `This backup was made by a newer version of LLM Survey Cards (backup format ${String(v)}, database version ${String(sv)}); ` +
        `this version reads backup format ${BACKUP_VERSION} and database version ${LATEST_VERSION} at most. ` +
        'Update the extension, then restore the backup again. Nothing was changed.',
    );
  }
  const r = BackupFile.safeParse(json);
  if (!r.success) {
    const issues = r.error.issues.map((i) => describeIssue(i, json));
    const more = issues.length > SHOWN_ISSUES ? ` (and ${issues.length - SHOWN_ISSUES} more)` : '';
    throw new BackupError('wrong-shape', `The backup has wrong or missing fields: ${issues.slice(0, SHOWN_ISSUES).join('; ')}${more}. Nothing was changed.`, issues);
  }
  for (const kind of ['cards', 'captures', 'annotations', 'assets'] as const) {
    const ids = new Set<string>();
    for (const item of r.data[kind]) {
      if (ids.has(item.id)) throw new BackupError('wrong-shape', `The backup lists ${kind} id "${item.id}" twice. Nothing was changed.`);
      ids.add(item.id);
    }
  }
  return r.data;
}

/* ---------- the container ---------- */

function parseJson(text: string, inZip: boolean): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const why = (e as Error).message.slice(0, 120);
    throw new BackupError(
      'not-json',
      inZip
        ? `The ${BACKUP_JSON} inside this zip is not JSON (${why}): the backup is damaged. Nothing was changed.`
        : `This file is not a backup: it is neither a backup zip nor JSON (${why}). Nothing was changed.`,
    );
  }
}

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5) && (b[3] === 4 || b[3] === 6);

function truncated(size: number): BackupError {
  return new BackupError(
    'truncated-zip',
    `The backup zip is incomplete or damaged (${mb(size)} read; its table of contents is missing or wrong): it was probably not ` +
      'downloaded or copied completely. Copy the whole file again, or make a new backup. Nothing was changed.',
  );
}

/** Reads the zip's directory first, so the unpacked size is checked before a single byte is inflated. */
function unzip(bytes: Uint8Array, maxBytes: number): Record<string, Uint8Array> {
  const entries: UnzipFileInfo[] = [];
  try {
    unzipSync(bytes, { filter: (f) => (entries.push(f), false) });
  } catch {
    throw truncated(bytes.length);
  }
  checkBackupSize(entries.reduce((n, e) => n + e.originalSize, 0), maxBytes);
  try {
    return unzipSync(bytes);
  } catch {
    throw truncated(bytes.length);
  }
}

function base64ToBytes(data: string): Uint8Array | null {
  if (data.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(data)) return null;
  const bin = atob(data);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function resolveAssets(file: BackupFile, zipFiles: Record<string, Uint8Array> | null): BackupAsset[] {
  return file.assets.map(({ file: path, data, size, ...meta }) => {
    const name = `Asset "${meta.id}"${meta.caption ? ` ("${meta.caption.slice(0, 60)}")` : ''}`;
    let bytes: Uint8Array | null | undefined;
    if (path !== undefined) {
      bytes = zipFiles?.[path];
      if (!bytes) throw new BackupError('bad-asset', `${name} refers to ${path}, which is not in the backup. Nothing was changed.`);
      if (size !== undefined && bytes.length !== size) {
        throw new BackupError('bad-asset', `${name}: ${path} has ${bytes.length} bytes where the backup recorded ${size}; the file is damaged. Nothing was changed.`);
      }
    } else if (data !== undefined) {
      bytes = base64ToBytes(data);
      if (!bytes) throw new BackupError('bad-asset', `${name}: its data is not valid base64. Nothing was changed.`);
    } else {
      throw new BackupError('bad-asset', `${name} has neither a file nor data. Nothing was changed.`);
    }
    const mime = sniffImage(bytes);
    if (!mime) throw new BackupError('not-image', `${name} is not an image: its bytes are not PNG, JPEG, GIF or WebP. Nothing was changed.`);
    return { ...meta, mime, bytes };
  });
}

/**
 * Step one of a restore: the file (a backup zip, or the one-file JSON as bytes or text) fully read and
 * checked — size, container, JSON, format and version, every record against the store's schemas, every
 * image decoded and sniffed. Throws a BackupError; returns only what can be written as is.
 */
export function parseBackup(input: Uint8Array | string, opts: ParseOptions): ParsedBackup {
  // A string's UTF-8 size is at least its length in UTF-16 units: a cheap lower bound, checked before anything.
  checkBackupSize(input.length, opts.maxBytes);
  let zipFiles: Record<string, Uint8Array> | null = null;
  let text: string;
  if (typeof input === 'string') text = input;
  else if (isZip(input)) {
    zipFiles = unzip(input, opts.maxBytes);
    const json = zipFiles[BACKUP_JSON];
    if (!json) throw new BackupError('wrong-shape', `This zip holds no ${BACKUP_JSON}: it is not a backup of LLM Survey Cards.`);
    text = strFromU8(json);
  } else text = strFromU8(input);
  const file = validate(parseJson(text, zipFiles !== null));
  return {
    version: file.version,
    schemaVersion: file.schemaVersion,
    exportedAt: file.exportedAt,
    cards: file.cards,
    captures: file.captures,
    annotations: file.annotations,
    assets: resolveAssets(file, zipFiles),
  };
}
