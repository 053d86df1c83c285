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

export type InputKind = 'html' | 'atom' | 'hf-api' | 'modelscope-api' | 'json' | 'markdown';

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
        if ('modelId' in json || ('sha' in json && 'siblings' in json)) return 'hf-api';
        if ('Data' in json && 'Code' in json) return 'modelscope-api';
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
  if (u.hostname === 'export.arxiv.org' && u.pathname === '/api/query') {
    const id = u.searchParams.get('id_list') ?? '';
    const atoms = inputs.filter((i) => i.kind === 'atom');
    return atoms.find((a) => a.text.includes(`/abs/${id}`)) ?? atoms[0];
  }
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
