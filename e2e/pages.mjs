// Pages the browser suites serve at real site addresses: the project's own small fixtures, and the real
// saved pages from ../shared/fixtures when they are there.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
export const own = (p) => readFileSync(resolve(root, 'tests/fixtures', p), 'utf8');
const sharedDir = resolve(root, '../shared/fixtures');
export const shared = (p) => (existsSync(resolve(sharedDir, p)) ? readFileSync(resolve(sharedDir, p), 'utf8') : null);

export const BROKEN_PAGE = `<!doctype html><html><head><title>Not a paper</title></head>
<body><h1>Hugging Face blog</h1><p>A post about training tricks. <a href="javascript:alert(1)">click</a>
<a href="https://github.com/example/trick">code</a></p></body></html>`;

/**
 * Reads our IndexedDB with the raw API, independently of our code. Pass it to evaluate() in any context of
 * the extension's origin: the Chromium service worker, or a Firefox extension page.
 */
export const readStoreInContext = () =>
  new Promise((res, rej) => {
    const open = indexedDB.open('llm-survey-cards');
    open.onerror = () => rej(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['cards', 'captures'], 'readonly');
      const cards = tx.objectStore('cards').getAll();
      const captures = tx.objectStore('captures').getAll();
      tx.oncomplete = () => {
        res({ version: db.version, cards: cards.result, captures: captures.result });
        db.close();
      };
      tx.onerror = () => rej(tx.error);
    };
  });
