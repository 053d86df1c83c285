import type { Asset } from '../schema';

const SIGNATURES: [string, (b: Uint8Array) => boolean][] = [
  ['image/png', (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47],
  ['image/jpeg', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ['image/gif', (b) => b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46],
  ['image/webp', (b) => b[0] === 0x52 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x46 && b[8] === 0x57 && b[9] === 0x45],
];

/** The image type its bytes say it is: a file named .png that is not a PNG is refused. */
export function sniffImage(bytes: Uint8Array): Asset['mime'] | null {
  return (SIGNATURES.find(([, test]) => test(bytes))?.[0] as Asset['mime']) ?? null;
}

