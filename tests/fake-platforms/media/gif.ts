/**
 * A real GIF89a: an 8×8 single-colour image, padded with comment extensions (which decoders skip)
 * to the wanted size. Comment data travels in sub-blocks of at most 255 bytes, each after its
 * length byte, so a frame of any length ≥ GIF_MIN_FRAME can be built exactly.
 */

export const GIF_MIN_FRAME = 5;

export function gifHead(rgb: [number, number, number]): Buffer {
  const screen = Buffer.from([8, 0, 8, 0, 0xf0, 0, 0]);
  return Buffer.concat([Buffer.from('GIF89a', 'latin1'), screen, Buffer.from([...rgb, 0, 0, 0])]);
}

/** How many filler bytes a comment frame of `length` bytes carries (2-byte introducer, length bytes, terminator). */
export function gifFrameData(length: number): number {
  const blocks = Math.ceil((length - 3) / 256);
  return length - 3 - blocks;
}

/** A comment extension of exactly `length` bytes carrying `data` (of the size gifFrameData gave). */
export function gifCommentFrame(data: Buffer, length: number): Buffer {
  const blocks = length - 3 - data.length;
  const out = Buffer.alloc(length);
  out[0] = 0x21;
  out[1] = 0xfe;
  let offset = 2;
  let taken = 0;
  for (let block = 0; block < blocks; block++) {
    // Spread the data evenly; every sub-block holds 1..255 bytes.
    const size = Math.floor((data.length - taken) / (blocks - block));
    out[offset++] = size;
    data.copy(out, offset, taken, taken + size);
    offset += size;
    taken += size;
  }
  out[offset] = 0x00;
  return out;
}

/**
 * The image itself and the trailer. Every pixel is colour 0, LZW-coded as "clear, 0" pairs of 3-bit
 * codes, so the code table never grows and the stream stays trivially valid.
 */
export function gifTail(): Buffer {
  const codes: number[] = [];
  for (let pixel = 0; pixel < 64; pixel++) codes.push(4, 0);
  codes.push(5);
  const bytes: number[] = [];
  let current = 0;
  let used = 0;
  for (const code of codes) {
    current |= code << used;
    used += 3;
    while (used >= 8) {
      bytes.push(current & 0xff);
      current >>= 8;
      used -= 8;
    }
  }
  if (used > 0) bytes.push(current & 0xff);
  const descriptor = Buffer.from([0x2c, 0, 0, 0, 0, 8, 0, 8, 0, 0]);
  return Buffer.concat([descriptor, Buffer.from([2, bytes.length, ...bytes, 0]), Buffer.from([0x3b])]);
}
