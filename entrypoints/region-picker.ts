// Injected when the user asks for a region screenshot: a crosshair overlay in a shadow root (marked so
// translators leave it alone) returns the dragged rectangle in CSS pixels, or null on Escape.
export default defineUnlistedScript(
  () =>
    new Promise<{ x: number; y: number; width: number; height: number; dpr: number } | null>((resolve) => {
      const host = document.createElement('div');
      host.setAttribute('data-llm-survey-cards', 'region-picker');
      host.className = 'notranslate';
      host.setAttribute('translate', 'no');
      host.style.cssText = 'position:fixed;inset:0;z-index:2147483647;';
      const root = host.attachShadow({ mode: 'closed' });
      const style = document.createElement('style');
      style.textContent = `
        .veil { position: fixed; inset: 0; cursor: crosshair; background: rgba(20, 24, 40, 0.25); }
        .box { position: fixed; border: 2px solid #3b5bdb; background: rgba(59, 91, 219, 0.08); pointer-events: none; }
        .hint { position: fixed; top: 12px; left: 50%; transform: translateX(-50%); background: #1d1f23; color: #fff;
          font: 13px system-ui, sans-serif; padding: 6px 12px; border-radius: 6px; pointer-events: none; }`;
      const veil = document.createElement('div');
      veil.className = 'veil';
      const box = document.createElement('div');
      box.className = 'box';
      box.hidden = true;
      const hint = document.createElement('div');
      hint.className = 'hint';
      hint.textContent = /^zh/i.test(navigator.language) ? '拖动选择截图区域，Esc 取消' : 'Drag to select the region, Esc to cancel';
      root.append(style, veil, box, hint);
      document.documentElement.append(host);

      let start: { x: number; y: number } | null = null;
      const rect = (e: PointerEvent) => {
        const x = Math.min(start!.x, e.clientX);
        const y = Math.min(start!.y, e.clientY);
        return { x, y, width: Math.abs(e.clientX - start!.x), height: Math.abs(e.clientY - start!.y) };
      };
      const finish = (value: Parameters<typeof resolve>[0]) => {
        window.removeEventListener('keydown', onKey, true);
        host.remove();
        // Two frames: the overlay must be gone from the screen before the tab is photographed.
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(value)));
      };
      const onKey = (e: KeyboardEvent) => {
        if (e.key === 'Escape') finish(null);
      };
      window.addEventListener('keydown', onKey, true);
      veil.addEventListener('pointerdown', (e) => {
        start = { x: e.clientX, y: e.clientY };
        veil.setPointerCapture(e.pointerId);
      });
      veil.addEventListener('pointermove', (e) => {
        if (!start) return;
        const r = rect(e);
        Object.assign(box.style, { left: `${r.x}px`, top: `${r.y}px`, width: `${r.width}px`, height: `${r.height}px` });
        box.hidden = false;
      });
      veil.addEventListener('pointerup', (e) => {
        if (!start) return;
        const r = rect(e);
        if (r.width < 4 || r.height < 4) {
          start = null;
          box.hidden = true;
          return;
        }
        finish({ ...r, dpr: window.devicePixelRatio || 1 });
      });
    }),
);
