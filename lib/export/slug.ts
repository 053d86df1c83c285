/**
 * Heading anchors as GitHub computes them (the rules of github-slugger, which GitHub's renderer follows and
 * Typora and VS Code's preview copy): lower case; punctuation, symbols, control and format characters and
 * separators other than the plain space removed — except `-`, `_` (connector punctuation) and letters that
 * Unicode also files as symbols; each space becomes `-`. CJK text is kept as is. Nothing is trimmed or merged:
 * "a - b" is "a---b", as on GitHub.
 */
const REMOVE = /[\p{No}\p{Pd}\p{Ps}\p{Pe}\p{Pi}\p{Pf}\p{Po}\p{S}\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Z}]/gu;
const ALPHABETIC = /\p{Alphabetic}/u;

export function githubSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(REMOVE, (c) => (c === ' ' || c === '-' || ALPHABETIC.test(c) ? c : ''))
    .replace(/ /g, '-');
}

/** Slugs for the headings of one document, in order: a repeated slug gets -1, -2, … as on GitHub. */
export class Slugger {
  private seen = new Map<string, number>();

  slug(text: string): string {
    const base = githubSlug(text);
    let slug = base;
    while (this.seen.has(slug)) {
      const n = this.seen.get(base)! + 1;
      this.seen.set(base, n);
      slug = `${base}-${n}`;
    }
    this.seen.set(slug, 0);
    return slug;
  }
}
