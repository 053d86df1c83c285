import type { Card } from '../schema';
import { csvField, formatValue, UTF8_BOM } from '../compare/matrix';

export const RESULTS_CSV_HEADER = [
  'card',
  'model_id',
  'model',
  'benchmark_id',
  'benchmark',
  'setting',
  'metric',
  'value',
  'own',
  'verified',
  'source_url',
  'captured_at',
] as const;

const flag = (b: boolean | undefined) => (b === undefined ? '' : String(b));

/**
 * Every benchmark result of every card, one row each, for a spreadsheet or pandas: RFC 4180 (CRLF, quotes
 * doubled), text through csvField (which also defuses =, +, -, @ at the start of a cell, since names come
 * from web pages), numbers as written (no exponent), a UTF-8 BOM so Excel reads the Chinese correctly.
 * `model_id` is the card's first hub id; `own`/`verified` are empty when never set; `captured_at` is the
 * time of the result's source.
 */
export function resultsCsv(cards: Card[]): string {
  const lines = [RESULTS_CSV_HEADER.join(',')];
  for (const card of cards) {
    const title = card.title.replace(/\s+/g, ' ').trim();
    const modelId = card.identity.modelIds[0] ?? '';
    for (const r of card.benchmarks) {
      lines.push(
        [
          csvField(title),
          csvField(modelId),
          csvField(r.model),
          csvField(r.benchmark),
          csvField(r.benchmarkRaw),
          csvField(r.setting),
          csvField(r.metric),
          formatValue(r.value),
          flag(r.own),
          flag(r.verified),
          csvField(r.sourceUrl ?? r.source?.url ?? ''),
          csvField(r.source?.at ?? ''),
        ].join(','),
      );
    }
  }
  return UTF8_BOM + lines.join('\r\n') + '\r\n';
}
