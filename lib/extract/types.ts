import type { CaptureInput, Site } from '../schema';

export interface FetchResult {
  ok: boolean;
  status: number;
  text: string;
  /** Why it failed, in words, when ok is false. */
  error?: string;
}

/** What an extractor may use besides the page: injected so the same code runs in a tab, in tests and in Node. */
export interface ExtractContext {
  fetch(url: string): Promise<FetchResult>;
  parseXml(text: string): Document;
  parseHtml(text: string): Document;
}

/** A capture before it is given an id and a time. */
export type CaptureDraft = Omit<CaptureInput, 'id' | 'capturedAt'>;

export interface SiteExtractor {
  /** Stable name recorded on the capture ("arxiv-abs"). */
  name: string;
  site: Site;
  /** Human name for messages ("arXiv abstract page"). */
  label: string;
  matchesUrl(url: URL): boolean;
  /** Second chance when the URL says nothing (a mirror, a saved copy). */
  matchesDocument?(doc: Document): boolean;
  extract(doc: Document, url: URL, ctx: ExtractContext): Promise<CaptureDraft>;
}

/** A site extractor that cannot make sense of a page says why with this. */
export class ExtractError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExtractError';
  }
}
