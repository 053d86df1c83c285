import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';

/** ../shared/fixtures beside the checkout (present in CI); null when this checkout has none. */
export const SHARED_FIXTURES = resolve(process.cwd(), '../shared/fixtures');
export const hasSharedFixtures = existsSync(resolve(SHARED_FIXTURES, 'PROVENANCE.md'));

export function sharedFiles(dir: string, pattern: RegExp): string[] {
  const full = resolve(SHARED_FIXTURES, dir);
  return existsSync(full) ? readdirSync(full).filter((f) => pattern.test(f)).sort().map((f) => resolve(full, f)) : [];
}

export const SKIP_NOTE = `SKIPPED: ${SHARED_FIXTURES} is absent; the real-page corpus runs where ../shared/fixtures sits beside the checkout (as in CI).`;
