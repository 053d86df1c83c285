import type { BenchmarkResult, CapturedTable } from '../schema';
import { htmlTableToGrid, type Grid } from '../tables/grid';
import { gridToResults } from '../tables/results';

const MAX_ROWS_KEPT = 200;

export interface TablesCaptured {
  tables: CapturedTable[];
  results: BenchmarkResult[];
}

/** Grids into what a capture keeps: every table for the user to see, results tables as benchmark results. */
export function captureGrids(grids: Grid[], opts: { sourceUrl?: string; defaultModel?: string }): TablesCaptured {
  const out: TablesCaptured = { tables: [], results: [] };
  grids.forEach((grid, i) => {
    if (!grid.cells.length) return;
    const table = grid.caption || `Table ${i + 1}`;
    const r = gridToResults(grid, { sourceUrl: opts.sourceUrl, table, defaultModel: opts.defaultModel });
    out.tables.push({
      caption: grid.caption,
      kind: r.kind,
      rows: grid.cells.slice(0, MAX_ROWS_KEPT).map((row) => row.map((c) => c.text)),
    });
    out.results.push(...r.results);
  });
  return out;
}

export function captureHtmlTables(tables: Element[], opts: { sourceUrl?: string; defaultModel?: string }): TablesCaptured {
  return captureGrids(tables.map(htmlTableToGrid), opts);
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9.]+/g, '');

/** The same number for the same model, benchmark and setting, read twice (model-index and the card's table). */
export function dedupeResults(results: BenchmarkResult[]): BenchmarkResult[] {
  const seen = new Set<string>();
  return results.filter((r) => {
    const key = `${norm(r.model)}|${r.benchmark}|${norm(r.setting)}|${Math.round(r.value * 100)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
