// Types for the test server in e2e/translate-server.mjs (plain JS, so TypeScript tests can import it).
declare module '*/e2e/translate-server.mjs' {
  export interface RecordedRequest {
    method: string;
    path: string;
    /** Whether the Authorization header carried the expected key (the key itself is not recorded). */
    authorized: boolean;
    model: string | null;
    /** 'zh' when the system prompt asked for Chinese, else 'en'. */
    target: 'zh' | 'en' | null;
    text: string | null;
    temperature: unknown;
    at: number;
  }
  export interface TranslateServerOptions {
    failFirst?: number;
    status?: number;
    retryAfter?: number;
    key?: string;
    slowMs?: number;
    maxRequests?: number;
    lifetimeMs?: number;
  }
  export interface TranslateServer {
    /** Base URL, e.g. http://127.0.0.1:PORT/v1 */
    url: string;
    origin: string;
    port: number;
    key: string;
    requests: RecordedRequest[];
    close(): Promise<void>;
  }
  export const TEST_KEY: string;
  export const TEST_MODEL: string;
  export function startTranslateServer(options?: TranslateServerOptions): Promise<TranslateServer>;
}
