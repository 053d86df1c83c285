// `npm run bench -- leaderboard`: the whole run for the top 10 models with routed answers (the e2e suite's
// setup), reported as total time and time outside waiting (rate-limit waits and arXiv's 3 s spacing).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const totals: number[] = [];
const outside: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const r = spawnSync('node', [resolve(import.meta.dirname, '../e2e/leaderboard.mjs')], { encoding: 'utf8' });
  const m = /Took ([\d.]+) s, of which ([\d.]+) s waiting/.exec(r.stdout);
  if (!m) {
    console.log(`SKIPPED leaderboard bench: the run did not report its timing.\n${r.stdout.slice(-500)}`);
    break;
  }
  totals.push(Number(m[1]));
  outside.push(Number(m[1]) - Number(m[2]));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
if (totals.length) {
  console.log(`\n## Leaderboard: top 10 models filled from routed Hub, arXiv and Papers answers (one 429, one failure), ${totals.length} runs\n`);
  console.log(`- whole run: median ${median(totals).toFixed(1)} s (min ${Math.min(...totals).toFixed(1)}, max ${Math.max(...totals).toFixed(1)})`);
  console.log(`- outside waiting (our code, parsing and card writing): median ${median(outside).toFixed(2)} s (min ${Math.min(...outside).toFixed(2)}, max ${Math.max(...outside).toFixed(2)})`);
}
