// A small sequential test runner for the browser suites: named tests, assertions, screenshots,
// and a results file that `npm test` reads for its counts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import assert from 'node:assert/strict';

export { assert };
export const ARTIFACTS = resolve(import.meta.dirname, 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

const tests = [];
export function test(name, fn) {
  tests.push({ name, fn });
}

export async function runAll({ setup, teardown, suite }) {
  const counts = { passed: 0, failed: 0, skipped: 0, note: '' };
  let env;
  try {
    env = await setup();
  } catch (e) {
    if (e && e.skip) {
      counts.skipped = tests.length;
      counts.note = e.message;
      console.log(`SKIPPED ${suite}: ${e.message}`);
    } else {
      counts.failed = tests.length || 1;
      counts.note = `setup failed: ${e?.message ?? e}`;
      console.error(`${suite} setup failed:`, e);
    }
    return finish(counts);
  }
  for (const t of tests) {
    const started = Date.now();
    try {
      await t.fn(env);
      counts.passed++;
      console.log(`  ✓ ${t.name} (${Date.now() - started} ms)`);
    } catch (e) {
      counts.failed++;
      console.error(`  ✗ ${t.name}\n    ${String(e?.stack ?? e).split('\n').slice(0, 6).join('\n    ')}`);
      await env?.onFailure?.(t.name).catch(() => {});
    }
  }
  await teardown(env).catch((e) => console.error('teardown:', e));
  return finish(counts);
}

function finish(counts) {
  if (process.env.E2E_RESULTS) writeFileSync(process.env.E2E_RESULTS, JSON.stringify(counts));
  console.log(`${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);
  process.exitCode = counts.failed ? 1 : 0;
}

export class SkipSuite extends Error {
  constructor(message) {
    super(message);
    this.skip = true;
  }
}

/** Polls `fn` until it returns a truthy value or the time is up. */
export async function waitFor(fn, { timeout = 10_000, interval = 100, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, interval));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
}
