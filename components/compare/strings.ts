/**
 * Strings of the compare view, to be merged into lib/i18n/messages.ts; every key starts with `compare`
 * and none clashes with a key there (the page's own heading, `compareTitle`, stays with the page).
 * The English table defines the keys; zh must have every one (the type checks it).
 */
export const en = {
  compareSummary: '{rows} models × {cols} benchmark columns',
  compareOwnOnly: "Only results marked as the model's own",
  compareOwnOnlyHint:
    'Off: results whose model name matches the card are used too. Other models in the same tables (baselines) are never used.',
  compareCopyMarkdown: 'Copy as markdown',
  compareCopyCsv: 'Copy as CSV',
  compareDownloadCsv: 'Download CSV',
  compareCopiedMarkdown: 'Copied the table as markdown ({rows} rows).',
  compareCopiedCsv: 'Copied the table as CSV ({rows} rows).',
  compareDownloaded: 'Saved {file}.',
  compareCopyFailed: 'The clipboard refused ({error}). Use “Download CSV”, or try again after clicking the page.',
  compareModel: 'Model',
  compareNoCards: 'Select some cards to compare them.',
  compareNoResults: 'No results of these models yet. Results of other models (baselines) in the same tables are not used.',
  compareNoOwnResults: "No results are marked as the model's own. Turn off the filter to use results matched by model name.",
  compareLegendBest: 'best in its column',
  compareLegendEmpty: 'no result',
  compareLowerIsBetter: 'lower is better',
  compareMixedMetrics: 'mixed metrics: {metrics}',
  compareCharts: 'Charts',
  compareTableLabel: 'Benchmark results by model',
  compareChartLabel: '{name}: bar chart',
  compareAlternatives: '{n} other value(s): {values}',
  compareVerified: 'verified',
  compareSource: 'Source: {url}',
};

export type CompareKey = keyof typeof en;

export const zh: Record<CompareKey, string> = {
  compareSummary: '{rows} 个模型 × {cols} 个评测列',
  compareOwnOnly: '只用标记为本模型的结果',
  compareOwnOnlyHint: '关闭时也使用模型名与卡片相符的结果。同一表格中其他模型（基线）的结果一律不用。',
  compareCopyMarkdown: '复制为 Markdown',
  compareCopyCsv: '复制为 CSV',
  compareDownloadCsv: '下载 CSV',
  compareCopiedMarkdown: '已复制 Markdown 表格（{rows} 行）。',
  compareCopiedCsv: '已复制 CSV（{rows} 行）。',
  compareDownloaded: '已保存 {file}。',
  compareCopyFailed: '剪贴板不可用（{error}）。请使用“下载 CSV”，或点击页面后重试。',
  compareModel: '模型',
  compareNoCards: '请选择要对比的卡片。',
  compareNoResults: '这些模型还没有评测结果。同一表格中其他模型（基线）的结果不会使用。',
  compareNoOwnResults: '没有标记为本模型的结果。关闭筛选即可使用按模型名匹配的结果。',
  compareLegendBest: '该列最佳',
  compareLegendEmpty: '无结果',
  compareLowerIsBetter: '越低越好',
  compareMixedMetrics: '指标不一：{metrics}',
  compareCharts: '图表',
  compareTableLabel: '各模型评测结果',
  compareChartLabel: '{name}：条形图',
  compareAlternatives: '另有 {n} 个取值：{values}',
  compareVerified: '已核对',
  compareSource: '来源：{url}',
};

export type CompareLocale = 'en' | 'zh';

export function compareText(locale: CompareLocale, key: CompareKey, params: Record<string, string | number> = {}): string {
  const table = locale === 'zh' ? zh : en;
  return table[key].replace(/\{(\w+)\}/g, (_, p: string) => String(params[p] ?? `{${p}}`));
}
