/** Cuts the picked region out of a screenshot of the visible tab (device pixels = CSS pixels × dpr). */
export async function cropPng(
  png: Blob,
  region: { x: number; y: number; width: number; height: number; dpr: number },
): Promise<Blob> {
  const bitmap = await createImageBitmap(png);
  const sx = Math.max(0, Math.round(region.x * region.dpr));
  const sy = Math.max(0, Math.round(region.y * region.dpr));
  const sw = Math.min(bitmap.width - sx, Math.round(region.width * region.dpr));
  const sh = Math.min(bitmap.height - sy, Math.round(region.height * region.dpr));
  if (sw <= 0 || sh <= 0) throw new Error('the region is outside the visible page');
  const canvas = new OffscreenCanvas(sw, sh);
  canvas.getContext('2d')!.drawImage(bitmap, sx, sy, sw, sh, 0, 0, sw, sh);
  bitmap.close();
  return canvas.convertToBlob({ type: 'image/png' });
}
