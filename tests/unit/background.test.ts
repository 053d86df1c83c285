import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import { sampleCapture } from '../samples';

// The real background entrypoint, wired to WXT's fake browser: what a page or content script sends arrives here.
describe('background entrypoint', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    background.main();
  });

  it('answers typed requests and refuses malformed ones without touching the store', async () => {
    const saved = (await fakeBrowser.runtime.sendMessage({ type: 'capture.save', capture: sampleCapture(), target: { kind: 'new' } })) as {
      ok: boolean;
      data: { card: { id: string } };
    };
    expect(saved.ok).toBe(true);
    const bad = await fakeBrowser.runtime.sendMessage({ type: 'cards.update', card: { id: 'x' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const list = (await fakeBrowser.runtime.sendMessage({ type: 'cards.query', query: { text: 'tiny' } })) as { ok: true; data: { total: number; items: { id: string }[] } };
    expect(list.data.items.map((c) => c.id)).toContain(saved.data.card.id);
  });

  it('refuses to fetch for a page from hosts outside the extension\'s APIs', async () => {
    const r = (await fakeBrowser.runtime.sendMessage({ type: 'net.fetch', url: 'https://evil.example.com/steal' })) as {
      ok: true;
      data: { ok: boolean; error: string };
    };
    expect(r.data).toEqual({ ok: false, status: 0, text: '', error: 'evil.example.com is not one of the APIs this extension reads' });
  });
});
