/**
 * Every way translating can fail, each with its own code (for the UI, see strings.ts) and an English
 * message that says what went wrong. Messages name the endpoint's host, never its key.
 */
export type TranslateErrorCode =
  /** translate() found neither a usable built-in translator nor a configured endpoint; nothing was sent. */
  | 'nothing-configured'
  /** The endpoint client was called without a complete configuration. */
  | 'not-configured'
  /** The stored endpoint settings do not validate (e.g. an http:// URL that is not localhost). */
  | 'invalid-settings'
  | 'empty-input'
  | 'too-long'
  | 'same-language'
  | 'unreachable'
  | 'timeout'
  | 'aborted'
  | 'redirected'
  | 'key-rejected'
  | 'not-found'
  | 'rate-limited'
  | 'bad-request'
  | 'server-error'
  | 'http-error'
  | 'malformed'
  | 'empty-answer'
  | 'truncated'
  /** The browser's translator needs a language pack download that only a user's click may start. */
  | 'builtin-needs-download'
  | 'builtin-failed';

export interface TranslateErrorInfo {
  /** Host of the endpoint (never the path, query or key). */
  host?: string;
  status?: number;
  /** From Retry-After on 429/503, when the server sent one. */
  retryAfterMs?: number;
  /** The server's own explanation, shortened and scrubbed of the key. */
  detail?: string;
  /** The language pair involved, e.g. 'en→zh'. */
  pair?: string;
  /** Why the built-in translator was not used (for 'nothing-configured'). */
  builtin?: BuiltinUnusedReason;
}

export type BuiltinUnusedReason = 'absent' | 'unavailable' | 'needs-download' | 'off' | 'failed';

export class TranslateError extends Error {
  readonly code: TranslateErrorCode;
  readonly info: TranslateErrorInfo;
  constructor(code: TranslateErrorCode, message: string, info: TranslateErrorInfo = {}) {
    super(message);
    this.name = 'TranslateError';
    this.code = code;
    this.info = info;
  }
}

export function isTranslateError(e: unknown): e is TranslateError {
  return e instanceof TranslateError;
}

/** A TranslateError as plain data, to cross extension messaging (which keeps only plain objects). */
export interface TranslateErrorData {
  name: 'TranslateError';
  code: TranslateErrorCode;
  message: string;
  info: TranslateErrorInfo;
}

export function translateErrorToData(e: TranslateError): TranslateErrorData {
  return { name: 'TranslateError', code: e.code, message: e.message, info: { ...e.info } };
}

/** The TranslateError back from translateErrorToData() output; null for anything else. */
export function translateErrorFromData(d: unknown): TranslateError | null {
  if (!d || typeof d !== 'object') return null;
  const o = d as Partial<TranslateErrorData>;
  if (o.name !== 'TranslateError' || typeof o.code !== 'string' || typeof o.message !== 'string') return null;
  return new TranslateError(o.code, o.message, o.info && typeof o.info === 'object' ? o.info : {});
}
