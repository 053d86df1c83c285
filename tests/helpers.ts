import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import type { ExtractContext, FetchResult } from '../lib/extract/types';
import { htmlDocument } from '../scripts/node-pages';

/** The project's own hand-made fixtures (resolved from the repo root: see toolchain gotcha 8). */
export function fixture(rel: string): string {
  return readFileSync(resolve(process.cwd(), 'tests/fixtures', rel), 'utf8');
}

export { htmlDocument };

const win = new JSDOM('', { virtualConsole: new VirtualConsole() }).window;

/** An extract context whose fetch answers from a map of URL -> response, and records what was asked. */
export function mapContext(responses: Record<string, FetchResult | string> = {}): ExtractContext & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async fetch(url) {
      asked.push(url);
      const r = responses[url];
      if (r === undefined) return { ok: false, status: 0, text: '', error: `no response for ${url}` };
      return typeof r === 'string' ? { ok: true, status: 200, text: r } : r;
    },
    parseXml: (t) => new win.DOMParser().parseFromString(t, 'application/xml'),
    parseHtml: (t) => new win.DOMParser().parseFromString(t, 'text/html'),
  };
}

export const FIXED_NOW = new Date('2026-11-28T12:00:00.000Z');
