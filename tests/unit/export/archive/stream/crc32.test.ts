import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32Update } from '../../../../../lib/export/archive/stream/crc32';
import { noise } from '../../../support/noise';

describe('crc32Update', () => {
  it('gives the check value of the ZIP CRC-32', () => {
    expect(crc32Update(0, new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32Update(0, new Uint8Array(0))).toBe(0);
  });

  it('matches zlib over any split of the bytes into chunks', () => {
    const bytes = noise(100_003, 99);
    for (const cuts of [[1], [7, 8, 9], [4096, 50_000], [99_999]]) {
      let crc = 0;
      let from = 0;
      for (const cut of [...cuts, bytes.length]) {
        crc = crc32Update(crc, bytes.subarray(from, cut));
        from = cut;
      }
      expect(crc, `cut at ${cuts.join(',')}`).toBe(crc32(bytes));
    }
  });
});
