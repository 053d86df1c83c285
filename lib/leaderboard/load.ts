import { fetchWithRetry, type HttpEnv } from './http';
import { LEADERBOARD_DATASETS, parseRowsPage, parseRowsPages, planRowPages, rowsPageUrl, type ParseOptions, type ParsedLeaderboard, type RowsPage } from './rows';

/**
 * A whole leaderboard table through the dataset viewer, page by page (at most 100 rows a page),
 * under the same waiting rules as the enrichment. The first page tells the total; the rest follow
 * in order. Throws an Error naming the page URL when a page cannot be had.
 */
export interface LoadOptions extends ParseOptions {
  /** Rows per page (1-100, default 100). */
  pageSize?: number;
  /** Read at most this many rows. */
  limit?: number;
  onPage?(rowsRead: number, total: number): void;
}

export async function loadLeaderboardRows(
  table: { dataset: string; config: string; split: string } = LEADERBOARD_DATASETS.v2,
  env: HttpEnv,
  opts: LoadOptions = {},
): Promise<ParsedLeaderboard> {
  const pages: RowsPage[] = [];
  const get = async (offset: number, length: number) => {
    const url = rowsPageUrl(table.dataset, table.config, table.split, offset, length);
    const out = await fetchWithRetry(url, env);
    if (!out.ok) throw new Error(`The dataset viewer ${out.error} (${url}).`);
    let json: unknown;
    try {
      json = JSON.parse(out.text);
    } catch {
      throw new Error(`The dataset viewer's answer was not JSON (${url}).`);
    }
    const page = parseRowsPage(json);
    pages.push(page);
    return page;
  };

  const [first] = planRowPages(null, { pageSize: opts.pageSize, limit: opts.limit });
  if (!first) throw new Error('Nothing to read: the row limit is 0.');
  const head = await get(first.offset, first.length);
  const total = head.num_rows_total;
  let read = head.rows.length;
  opts.onPage?.(read, total);
  for (const p of planRowPages(total, { pageSize: opts.pageSize, from: first.offset + first.length, limit: opts.limit === undefined ? undefined : opts.limit - first.length })) {
    const page = await get(p.offset, p.length);
    read += page.rows.length;
    opts.onPage?.(read, total);
  }
  return parseRowsPages(pages, { name: opts.name, file: opts.file, url: opts.url ?? `https://huggingface.co/datasets/${table.dataset}` });
}
