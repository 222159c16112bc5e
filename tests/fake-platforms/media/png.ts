import { crc32, deflateSync } from 'node:zlib';

/** A real PNG: an 8×8 RGB image, padded with private ancillary chunks that decoders skip. */

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
export const PNG_FRAME_OVERHEAD = 12;
// Ancillary, private, reserved-bit clear, safe-to-copy: any decoder must ignore it.
const PADDING_TYPE = 'spAd';

export function pngChunk(type: string, data: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(data.length, 0);
  header.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(header.subarray(4))) >>> 0, 0);
  return Buffer.concat([header, data, crc]);
}

export function pngHead(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(8, 0);
  ihdr.writeUInt32BE(8, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', ihdr)]);
}

export function pngPaddingFrame(payload: Buffer): Buffer {
  return pngChunk(PADDING_TYPE, payload);
}

export function pngTail(rgb: [number, number, number]): Buffer {
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: 8 }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: 8 }, () => row));
  return Buffer.concat([pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0))]);
}
