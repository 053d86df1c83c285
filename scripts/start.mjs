#!/usr/bin/env node
// `npm start`: installs what is missing, builds the Chrome extension and opens Chromium (or Chrome) with it
// loaded. Without a display it says so and prints the folder to load by hand.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit' }).status ?? 1;

const stamp = resolve(root, 'node_modules/.package-lock.json');
const lock = resolve(root, 'package-lock.json');
if (!existsSync(stamp) || statSync(stamp).mtimeMs < statSync(lock).mtimeMs) {
  console.log('> installing dependencies (npm ci)');
  if (run('npm', ['ci', '--no-audit', '--no-fund']) !== 0) process.exit(1);
}
console.log('> building the Chrome extension');
if (run('npx', ['wxt', 'build']) !== 0) process.exit(1);
const ext = resolve(root, '.output/chrome-mv3');

const browser = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
].find((p) => p && existsSync(p));
const hasDisplay = process.platform === 'darwin' || process.platform === 'win32' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;

const byHand = `Load it by hand: open chrome://extensions, turn on Developer mode, click "Load unpacked" and pick\n  ${ext}`;
if (!hasDisplay) {
  console.log(`\nNo display here, so no browser was opened.\n${byHand}`);
  process.exit(0);
}
if (!browser) {
  console.log(`\nNo Chromium or Chrome found (set CHROME_PATH to one).\n${byHand}`);
  process.exit(0);
}
const profile = mkdtempSync(join(tmpdir(), 'llm-survey-cards-'));
console.log(`> opening ${browser} with the extension (profile ${profile})`);
spawn(browser, [`--user-data-dir=${profile}`, `--disable-extensions-except=${ext}`, `--load-extension=${ext}`, '--no-first-run', 'https://arxiv.org/abs/1706.03762'], {
  stdio: 'ignore',
  detached: true,
}).unref();
