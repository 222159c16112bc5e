import type { MediaFormat, MediaKind } from '../../platforms/types';

/** Every signature below fits in 16 bytes; ISO BMFF compatible brands follow, so read a little more. */
export const SNIFF_BYTES = 64;

const MP4_BRANDS = new Set([
  'isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'hvc1', 'dash',
  'M4V ', 'M4VH', 'M4VP', 'mmp4', 'MSNV', 'XAVC',
]);
const QUICKTIME_BRAND = 'qt  ';
/** Old QuickTime files have no ftyp box and start straight with one of these atoms. */
const QUICKTIME_FIRST_ATOMS = new Set(['moov', 'mdat', 'wide', 'free', 'skip', 'pnot']);

function ascii(bytes: Uint8Array, start: number, end: number): string {
  if (bytes.length < end) return '';
  return String.fromCharCode(...bytes.subarray(start, end));
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte);
}

/** The ftyp box's major brand and the compatible brands that fit in `bytes`. */
function isoBrands(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const boxSize = bytes.length >= 4 ? view.getUint32(0) : 0;
  const end = Math.min(bytes.length, boxSize || bytes.length);
  const brands = [ascii(bytes, 8, 12)];
  for (let offset = 16; offset + 4 <= end; offset += 4) brands.push(ascii(bytes, offset, offset + 4));
  return brands;
}

function sniffIsoMedia(bytes: Uint8Array): MediaFormat | undefined {
  const boxType = ascii(bytes, 4, 8);
  if (boxType === 'ftyp') {
    const brands = isoBrands(bytes);
    if (brands[0] === QUICKTIME_BRAND) return 'mov';
    if (brands.some((brand) => MP4_BRANDS.has(brand))) return 'mp4';
    if (brands.includes(QUICKTIME_BRAND)) return 'mov';
    return undefined;
  }
  return QUICKTIME_FIRST_ATOMS.has(boxType) ? 'mov' : undefined;
}

/** The format the file's leading bytes prove, or undefined for anything else (HTML, garbage). */
export function sniffFormat(firstBytes: Uint8Array): MediaFormat | undefined {
  if (startsWith(firstBytes, [0xff, 0xd8, 0xff])) return 'jpg';
  if (startsWith(firstBytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  const gif = ascii(firstBytes, 0, 6);
  if (gif === 'GIF87a' || gif === 'GIF89a') return 'gif';
  if (ascii(firstBytes, 0, 4) === 'RIFF' && ascii(firstBytes, 8, 12) === 'WEBP') return 'webp';
  return sniffIsoMedia(firstBytes);
}

/** True when the bytes look like an HTML or XML page: what a login wall or error page serves. */
export function looksLikeMarkup(firstBytes: Uint8Array): boolean {
  const text = new TextDecoder().decode(firstBytes.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart();
  return text.startsWith('<');
}

const CONTENT_TYPES: Record<string, MediaFormat> = {
  'image/jpeg': 'jpg',
  'image/jpg': 'jpg',
  'image/pjpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
};

/** The MIME type without parameters, lower-cased: `Image/JPEG; q=1` → `image/jpeg`. */
export function mimeType(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

export function formatFromContentType(contentType: string | null): MediaFormat | undefined {
  return CONTENT_TYPES[mimeType(contentType)];
}

/** MediaFormat values were chosen to be the extensions users expect, so this is the identity today. */
export function extensionFor(format: MediaFormat): string {
  return format;
}

export function kindOf(format: MediaFormat): MediaKind {
  return format === 'mp4' || format === 'mov' ? 'video' : 'image';
}
