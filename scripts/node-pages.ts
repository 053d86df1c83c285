import { JSDOM, VirtualConsole } from 'jsdom';
import { atomQueryUrl } from '../lib/extract/arxiv-atom';
import type { ExtractContext, FetchResult } from '../lib/extract/types';

// Node-side counterparts of what a browser gives the extractors: a DOM, parsers, and a fetch that
// answers from files the user saved instead of the network.

const quiet = new VirtualConsole();

export function htmlDocument(html: string, url: string): Document {
  return new JSDOM(html, { url, virtualConsole: quiet, contentType: 'text/html' }).window.document;
}

const parserWindow = new JSDOM('', { virtualConsole: quiet }).window;

export type InputKind = 'html' | 'atom' | 'hf-api' | 'hf-config' | 'modelscope-api' | 'json' | 'markdown';

/** Recognise a saved response by its content, not its name. */
export function recogniseInput(text: string): InputKind {
  const head = text.replace(/^\uFEFF/, '').trimStart().slice(0, 4000);
  const body = head.replace(/^<\?xml[^>]*>\s*/, '');
  if (/^<feed\b/.test(body) && body.includes('http://www.w3.org/2005/Atom')) return 'atom';
  if (/^(<!doctype html|<html\b|<head\b|<!--|<meta\b)/i.test(body)) return 'html';
  if (head.startsWith('{') || head.startsWith('[')) {
    try {
      const json = JSON.parse(text);
      if (json && typeof json === 'object' && !Array.isArray(json)) {
        if ('modelId' in json || ('_id' in json && typeof json.id === 'string') || ('sha' in json && 'siblings' in json)) return 'hf-api';
        if ('Data' in json && 'Code' in json) return 'modelscope-api';
        if ('model_type' in json || 'architectures' in json) return 'hf-config';
      }
      return 'json';
    } catch {
      /* not JSON after all: read it as markdown */
    }
  }
  return 'markdown';
}

export interface SavedInput {
  path: string;
  kind: InputKind;
  text: string;
}

/** Which saved file answers a request the extractor makes, if any was given. */
function answerFor(url: string, inputs: SavedInput[]): SavedInput | undefined {
  const u = new URL(url);
  const of = (kind: InputKind) => inputs.filter((i) => i.kind === kind);
  // Of several files of a kind, the one naming the requested id, else the first.
  const naming = (files: SavedInput[], needle: string) => files.find((f) => f.text.includes(needle)) ?? files[0];
  if (u.hostname === 'export.arxiv.org' && u.pathname === '/api/query') {
    return naming(of('atom'), `/abs/${u.searchParams.get('id_list') ?? ''}`);
  }
  if (u.hostname === 'huggingface.co') {
    const m = /^\/api\/models\/(.+)$/.exec(u.pathname);
    if (m) return naming(of('hf-api'), `"${decodeURIComponent(m[1])}"`);
    if (/\/raw\/[^/]+\/README\.md$/.test(u.pathname)) return of('markdown')[0];
    if (/\/resolve\/[^/]+\/config\.json$/.test(u.pathname)) return of('hf-config')[0];
  }
  if (/(^|\.)modelscope\.cn$/.test(u.hostname) && u.pathname.startsWith('/api/v1/models/')) return of('modelscope-api')[0];
  return undefined;
}

export function offlineContext(inputs: SavedInput[]): ExtractContext & { requested: string[] } {
  const requested: string[] = [];
  return {
    requested,
    async fetch(url: string): Promise<FetchResult> {
      requested.push(url);
      const hit = answerFor(url, inputs);
      return hit
        ? { ok: true, status: 200, text: hit.text }
        : { ok: false, status: 0, text: '', error: `offline: no saved file was given for ${url}` };
    },
    parseXml: (text) => new parserWindow.DOMParser().parseFromString(text, 'application/xml'),
    parseHtml: (text) => new parserWindow.DOMParser().parseFromString(text, 'text/html'),
  };
}

export { atomQueryUrl };
