#!/usr/bin/env node
// `npm test`: installs what is missing, then runs every suite: types, unit + real-page corpus, builds,
// web-ext lint, end-to-end in Chromium and in Firefox ESR. Prints one line per suite and a total.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const results = resolve(root, 'test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0', ...opts.env } });
  return r.status ?? 1;
}

function ensureInstalled() {
  const stamp = resolve(root, 'node_modules/.package-lock.json');
  const lock = resolve(root, 'package-lock.json');
  if (existsSync(stamp) && (!existsSync(lock) || statSync(stamp).mtimeMs >= statSync(lock).mtimeMs)) return;
  console.log('> installing dependencies (npm ci)');
  if (run('npm', existsSync(lock) ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund']) !== 0) {
    console.error('npm could not install the dependencies; see above.');
    process.exit(1);
  }
}

const suites = [];
function record(name, passed, failed, skipped = 0, note = '') {
  suites.push({ name, passed, failed, skipped, note });
  console.log(`\n=== ${name}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}${note ? ` (${note})` : ''}\n`);
}
function step(name, cmd, args, opts) {
  console.log(`\n> ${name}: ${cmd} ${args.join(' ')}`);
  const code = run(cmd, args, opts);
  record(name, code === 0 ? 1 : 0, code === 0 ? 0 : 1);
  return code === 0;
}
function readCounts(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

ensureInstalled();
const only = process.argv.slice(2);
const want = (s) => !only.length || only.includes(s);

if (want('types')) step('types', 'npx', ['tsc', '--noEmit']);

if (want('unit')) {
  const out = resolve(results, 'vitest.json');
  console.log('\n> unit and corpus: vitest run');
  const code = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  const v = readCounts(out);
  if (v) record('unit and corpus (vitest)', v.numPassedTests, v.numFailedTests + (code !== 0 && !v.numFailedTests ? 1 : 0), v.numPendingTests + v.numTodoTests);
  else record('unit and corpus (vitest)', 0, 1, 0, 'vitest wrote no results');
}

let built = true;
if (want('build') || want('e2e') || want('firefox')) {
  built = step('build chrome-mv3', 'npx', ['wxt', 'build']) && built;
  built = step('build firefox-mv2', 'npx', ['wxt', 'build', '-b', 'firefox']) && built;
  built = step('build chrome-mv3-e2e (test-only <all_urls>)', 'npx', ['wxt', 'build', '--mode', 'e2e']) && built;
  if (want('build')) {
    step('zip chrome', 'npx', ['wxt', 'zip']);
    step('zip firefox', 'npx', ['wxt', 'zip', '-b', 'firefox']);
    step('web-ext lint firefox-mv2', 'npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--no-input']);
    step('web-ext lint chrome-mv3', 'npx', ['web-ext', 'lint', '--source-dir', '.output/chrome-mv3', '--no-input']);
  }
}

for (const [key, name, script] of [
  ['e2e', 'end-to-end Chromium', 'e2e/chromium.mjs'],
  ['e2e', 'end-to-end Chromium: screenshot, export, backup', 'e2e/export.mjs'],
  ['e2e', 'end-to-end Chromium: annotate, highlights, translate', 'e2e/annotate.mjs'],
  ['e2e', 'end-to-end Chromium: leaderboard to draft cards', 'e2e/leaderboard.mjs'],
  ['firefox', 'end-to-end Firefox ESR', 'e2e/firefox.mjs'],
]) {
  if (!want(key)) continue;
  if (!built) {
    record(name, 0, 1, 0, 'the build failed');
    continue;
  }
  const out = resolve(results, `${key}.json`);
  console.log(`\n> ${name}: node ${script}`);
  const code = run('node', [script], { env: { E2E_RESULTS: out } });
  const c = readCounts(out);
  if (c) record(name, c.passed, c.failed + (code !== 0 && !c.failed ? 1 : 0), c.skipped, c.note);
  else record(name, 0, 1, 0, `${script} wrote no results`);
}

const total = suites.reduce((a, s) => ({ passed: a.passed + s.passed, failed: a.failed + s.failed, skipped: a.skipped + s.skipped }), {
  passed: 0,
  failed: 0,
  skipped: 0,
});
console.log('\nSummary');
for (const s of suites) console.log(`  ${s.failed ? 'FAIL' : 'ok  '} ${s.name}: ${s.passed} passed, ${s.failed} failed${s.skipped ? `, ${s.skipped} skipped` : ''}${s.note ? ` (${s.note})` : ''}`);
const line = `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`;
console.log(line);
process.exit(total.failed ? 1 : 0);
