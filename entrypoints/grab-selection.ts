import { describe } from '@/lib/anchoring';
import { originalTitle, annotationUrl } from '@/lib/annotate/controller';

// Injected by the context menu or the shortcut on pages without our content script: the selection's
// selectors, computed on the page's own text (translator nodes left out), or null when nothing is selected.
export default defineUnlistedScript(() => {
  const sel = document.getSelection();
  if (!sel || sel.isCollapsed || !sel.rangeCount) return null;
  const d = describe(sel.getRangeAt(0), document.body);
  if (!d) return null;
  return { url: annotationUrl(location.href), title: originalTitle(document), quote: d.quote, position: d.position, translation: d.translation ?? '' };
});
