import type { Capture, Card } from '../schema';
import { classifyLink } from '../extract/links';

/** "Qwen/Qwen2-7B" and "qwen/qwen2-7b" are one repository; the hubs differ only in case. */
export function modelKey(id: string): string {
  return id.trim().toLowerCase();
}

/** The repository name without its organisation: "ZhipuAI/glm-4-9b-chat" and "THUDM/glm-4-9b-chat" share it. */
export function modelNameKey(id: string): string {
  const name = id.includes('/') ? id.slice(id.indexOf('/') + 1) : id;
  return name.trim().toLowerCase();
}

/** The hub repository a model link points at ("org/name", lower-cased), or '' for any other link. */
export function modelKeyOfUrl(url: string): string {
  if (classifyLink(url) !== 'model') return '';
  const u = new URL(url);
  const parts = u.pathname.split('/').filter(Boolean);
  const id = (u.hostname.endsWith('modelscope.cn') ? parts.slice(1, 3) : parts.slice(0, 2)).join('/');
  return id.includes('/') ? modelKey(decodeURIComponent(id)) : '';
}

/** Hub model ids a capture points at: the model links an article or paper gives. */
export function linkedModelIds(c: Capture): string[] {
  return [...new Set(c.links.model.map((l) => modelKeyOfUrl(l.url)).filter(Boolean))];
}

export interface Proposal {
  card: Card;
  /** Why this card is proposed, for the user to judge. */
  reason: 'same-model' | 'same-model-name' | 'same-paper' | 'linked-model';
  score: number;
}

/**
 * Cards a capture probably belongs to, best first. A model page matches its own repository (any case) or
 * the same repository name under another organisation; it never follows a shared paper into another
 * model's card, so a base model and its instruct variant (one paper) stay two cards. A paper or article
 * matches the card of the model it links, or a card holding the same paper.
 */
export function proposeCards(cards: Card[], c: Capture): Proposal[] {
  const own = c.model.id ? modelKey(c.model.id) : '';
  const linked = linkedModelIds(c);
  const arxiv = c.paper.arxivId ? c.paper.arxivId.replace(/v\d+$/, '') : '';
  const out: Proposal[] = [];
  for (const card of cards) {
    const ids = card.identity.modelIds;
    let p: Proposal | null = null;
    if (own) {
      if (ids.includes(own)) p = { card, reason: 'same-model', score: 4 };
      else if (ids.some((m) => modelNameKey(m) === modelNameKey(own))) p = { card, reason: 'same-model-name', score: 3 };
      else if (!ids.length && arxiv && card.identity.arxivIds.includes(arxiv)) p = { card, reason: 'same-paper', score: 2 };
    } else {
      if (linked.some((m) => ids.includes(m))) p = { card, reason: 'linked-model', score: 3 };
      else if (arxiv && card.identity.arxivIds.includes(arxiv)) p = { card, reason: 'same-paper', score: 2 };
    }
    if (p) out.push(p);
  }
  return out.sort((a, b) => b.score - a.score || b.card.updatedAt.localeCompare(a.card.updatedAt));
}
