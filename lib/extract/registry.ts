import { Capture } from '../schema';
import { arxivAbsExtractor } from './arxiv-abs';
import { arxivHtmlExtractor } from './arxiv-html';
import { cloneForExtraction } from './clean';
import { extractGeneric } from './generic';
import { huggingFaceExtractor } from './huggingface';
import { modelScopeExtractor } from './modelscope';
import { collectTranslations } from './translations';
import type { CaptureDraft, ExtractContext, SiteExtractor } from './types';
import { wechatExtractor } from './wechat';

export const SITE_EXTRACTORS: readonly SiteExtractor[] = [
  arxivAbsExtractor,
  arxivHtmlExtractor,
  huggingFaceExtractor,
  modelScopeExtractor,
  wechatExtractor,
];

export function pickExtractor(url: URL, doc?: Document): SiteExtractor | null {
  return SITE_EXTRACTORS.find((e) => e.matchesUrl(url)) ?? (doc ? SITE_EXTRACTORS.find((e) => e.matchesDocument?.(doc)) : undefined) ?? null;
}

export interface CaptureOptions {
  id: string;
  now: Date;
  /** Keep an in-page translation (Immersive Translate) beside the original text. */
  keepTranslation?: boolean;
}

/**
 * The one entry point: a page in, a validated Capture out. A site extractor that fails gives way to the
 * generic one, and the capture says so in its warnings; it never ends in an error page.
 */
export async function capturePage(doc: Document, pageUrl: string, ctx: ExtractContext, opts: CaptureOptions): Promise<Capture> {
  const url = new URL(pageUrl);
  const clean = cloneForExtraction(doc);
  const finish = (draft: CaptureDraft): Capture =>
    Capture.parse({
      ...draft,
      ...(opts.keepTranslation ? { translations: collectTranslations(doc) } : {}),
      id: opts.id,
      capturedAt: opts.now.toISOString(),
    });
  const site = pickExtractor(url, clean);
  if (site) {
    try {
      return finish(await site.extract(clean, url, ctx));
    } catch (e) {
      const generic = await extractGeneric(clean, url, ctx);
      generic.warnings = [
        `The ${site.label} extractor failed (${(e as Error).message}); captured with the generic extractor instead.`,
        ...(generic.warnings ?? []),
      ];
      return finish(generic);
    }
  }
  const generic = await extractGeneric(clean, url, ctx);
  generic.warnings = [
    `${url.hostname} has no dedicated extractor yet; captured its title, description, text and links with the generic extractor.`,
    ...(generic.warnings ?? []),
  ];
  return finish(generic);
}
