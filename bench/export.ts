// `npx tsx bench/export.ts`: exporting 1,000 generated cards as one markdown document (target < 1 s) and
// as a zip with 200 images (target < 3 s); the backup and its check for the same library, for reference.
// Median of BENCH_RUNS runs (default 7) after one warm-up, with min–max.
import { Card } from '../lib/schema';
import { surveyDocument } from '../lib/export/document';
import { surveyZip, type ZipImage } from '../lib/export/zip';
import { makeBackup } from '../lib/export/backup';
import { parseBackup } from '../lib/import/restore';

const CARDS = Number(process.env.BENCH_CARDS ?? 1000);
const IMAGES = Number(process.env.BENCH_IMAGES ?? 200);
const IMAGE_BYTES = Number(process.env.BENCH_IMAGE_KB ?? 150) * 1024;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

const BENCHES = ['mmlu', 'gsm8k', 'math', 'humaneval', 'mbpp', 'c-eval', 'cmmlu', 'arc-challenge', 'hellaswag', 'winogrande', 'truthfulqa', 'bbh', 'gpqa', 'ifeval', 'mt-bench', 'agieval', 'triviaqa', 'drop', 'race', 'piqa'];
const WORDS = 'transformer attention decoder mixture experts rotary grouped query pretraining tokens instruction tuning preference optimisation reward model alignment long context multilingual code math reasoning | <b> * _'.split(' ');
const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();

/** A screenshot-sized "PNG": the real signature, then pseudo-random bytes (incompressible, like real images). */
function fakePng(seed: number): Uint8Array {
  const b = new Uint8Array(IMAGE_BYTES);
  let x = seed * 2654435761 + 1;
  for (let i = 0; i < b.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b[i] = x & 0xff;
  }
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return b;
}

function generate() {
  const cards: Card[] = [];
  const assets = new Map<string, ZipImage>();
  const bytes = new Map<string, Uint8Array>();
  for (let i = 0; i < CARDS; i++) {
    const name = `model-${i}-${[7, 14, 32, 70][i % 4]}b`;
    const src = { kind: 'capture' as const, id: `cap-${i}`, url: `https://huggingface.co/org/${name}`, at: at(i) };
    const text = (n: number) => Array.from({ length: n }, (_, k) => WORDS[(i * 7 + k * 13) % WORDS.length]).join(' ');
    const f = (value: string) => ({ value, sources: [src], alternatives: [] });
    const images = i < IMAGES ? [{ assetId: `asset-${i}`, caption: `Demo of ${name}` }] : [];
    for (const img of images) {
      const b = fakePng(i + 1);
      bytes.set(img.assetId, b);
      assets.set(img.assetId, { blob: new Blob([b as BlobPart], { type: 'image/png' }), mime: 'image/png', caption: img.caption });
    }
    cards.push(
      Card.parse({
        id: `card-${i}`,
        title: name,
        fields: {
          model: f(`org/${name}`),
          paperTitle: f(`Paper about ${name}`),
          summary: f(text(80)),
          architecture: f(`${text(30)}\n${text(30)}`),
          training: f(text(60)),
          evaluation: f(text(20)),
          showcase: f(text(10)),
        },
        links: { paper: [{ url: `https://arxiv.org/abs/2401.${String(i).padStart(5, '0')}`, label: '', sources: [] }], code: [], model: [{ url: src.url, label: '', sources: [] }], dataset: [], other: [] },
        datasets: [{ name: 'C4', sources: [] }, { name: 'The Pile', sources: [] }],
        benchmarks: BENCHES.flatMap((b, k) => [
          { model: name, benchmark: b, benchmarkRaw: b.toUpperCase(), setting: k % 3 ? '0-shot' : '5-shot', value: 30 + ((i * 7 + k * 3) % 60) + 0.1, own: true },
          { model: `baseline-${k % 3}`, benchmark: b, benchmarkRaw: b.toUpperCase(), setting: k % 3 ? '0-shot' : '5-shot', value: 25 + k },
        ]),
        identity: { modelIds: [`org/${name}`], arxivIds: [] },
        images,
        createdAt: at(i),
        updatedAt: at(i),
        revision: 1,
      }),
    );
  }
  return { cards, assets, bytes };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function measure(label: string, targetMs: number | null, work: () => Promise<number> | number) {
  await work(); // warm-up: JIT and first-touch allocations are not what a user waits for twice
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    size = await work();
    times.push(performance.now() - t0);
  }
  const m = median(times);
  const verdict = targetMs === null ? '' : m < targetMs ? ` — target < ${targetMs} ms: PASS` : ` — target < ${targetMs} ms: FAIL`;
  console.log(
    `${label.padEnd(44)} median ${m.toFixed(1)} ms (min–max ${Math.min(...times).toFixed(1)}–${Math.max(...times).toFixed(1)}), size ${(size / 1024 / 1024).toFixed(2)} MB${verdict}`,
  );
  return m < (targetMs ?? Infinity);
}

const { cards, assets, bytes } = generate();
const date = new Date();
console.log(`Node ${process.version}; ${CARDS} cards × ${BENCHES.length * 2} results; ${IMAGES} images of ${IMAGE_BYTES / 1024} KB; ${RUNS} runs\n`);
const ok = [
  await measure(`document (${CARDS} cards)`, 1000, () => surveyDocument(cards, { lang: 'zh', date }).length),
  await measure(`zip (${CARDS} cards, ${IMAGES} images)`, 3000, async () => (await surveyZip(cards, assets, { lang: 'zh', date })).length),
];
const data = {
  cards,
  captures: [],
  annotations: [],
  assets: [...bytes].map(([id, b], i) => ({ id, cardId: `card-${i}`, mime: 'image/png' as const, caption: '', createdAt: at(i), bytes: b })),
};
const backup = makeBackup(data, { now: date });
await measure(`backup zip (${CARDS} cards, ${IMAGES} images)`, null, () => makeBackup(data, { now: date }).length);
await measure('backup check (parseBackup)', null, () => parseBackup(backup, { maxBytes: 200 * 1024 * 1024 }).cards.length && backup.length);
process.exitCode = ok.every(Boolean) ? 0 : 1;
