import type { MediaFormat } from '../../platforms/types';

/** The JPEG quality compressed images are written at (the popup states it). */
export const JPEG_QUALITY = 0.8;

const COMPRESSIBLE: readonly MediaFormat[] = ['jpg', 'png', 'webp'];

export interface CompressedImage {
  blob: Blob;
  width: number;
  height: number;
}

/**
 * The image re-encoded as JPEG at JPEG_QUALITY, same size in pixels, or undefined when that is
 * not smaller (or the bytes do not decode, or the format is not a still JPEG, PNG or WebP): the
 * original is then kept as it was.
 */
export async function compressImage(file: Blob, format: MediaFormat): Promise<CompressedImage | undefined> {
  if (!COMPRESSIBLE.includes(format) || typeof OffscreenCanvas === 'undefined') return undefined;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return undefined;
  }
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    if (!context) return undefined;
    // JPEG has no transparency: a PNG's or WebP's transparent parts become white, not black.
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, bitmap.width, bitmap.height);
    context.drawImage(bitmap, 0, 0);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
    return blob.size < file.size ? { blob, width: bitmap.width, height: bitmap.height } : undefined;
  } finally {
    bitmap.close();
  }
}
