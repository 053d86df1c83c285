import { Annotator } from '@/lib/annotate/controller';

// On the pages we serve: the selection toolbar and the highlights. Kept small (no framework) because it
// loads with every page of these sites; extraction code is injected only when the user captures.
export default defineContentScript({
  matches: ['https://arxiv.org/*', 'https://huggingface.co/*', 'https://modelscope.cn/*', 'https://www.modelscope.cn/*', 'https://mp.weixin.qq.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    const annotator = new Annotator(document, {
      addEventListener: (target, type, listener, options) => ctx.addEventListener(target as Document, type as 'mouseup', listener, options),
      onInvalidated: (cb) => ctx.onInvalidated(cb),
      setTimeout: (cb, ms) => ctx.setTimeout(cb, ms),
    });
    annotator.start().catch(() => {
      /* the extension was updated or the page is not one we can annotate: nothing to show */
    });
  },
});
