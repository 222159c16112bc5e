import { createCipheriv, createHash } from 'node:crypto';

/**
 * Deterministic filler bytes. AES-128-CTR over zeros is native-fast (GB/s) and seekable, so a
 * 1 GB file can be served, resumed with Range, or hashed without ever being held in memory.
 */
export class Keystream {
  private readonly key: Buffer;

  constructor(seed: string) {
    this.key = createHash('sha256').update(`fake-media:${seed}`).digest().subarray(0, 16);
  }

  /** `length` bytes of block `index`; blocks are 64 KiB apart in counter space, so they never overlap. */
  block(index: number, length: number): Buffer {
    if (length > BLOCK_SPAN) throw new RangeError(`keystream block too long: ${length}`);
    const iv = Buffer.alloc(16);
    iv.writeBigUInt64BE(BigInt(index) * BigInt(BLOCK_SPAN / 16), 8);
    const cipher = createCipheriv('aes-128-ctr', this.key, iv);
    return cipher.update(ZEROS.subarray(0, length));
  }
}

export const BLOCK_SPAN = 65_536;
const ZEROS = Buffer.alloc(BLOCK_SPAN);

/** A small deterministic integer from a string, for picking colours and the like. */
export function seedByte(seed: string, salt: string): number {
  return createHash('sha256').update(`${salt}:${seed}`).digest()[0] ?? 0;
}
