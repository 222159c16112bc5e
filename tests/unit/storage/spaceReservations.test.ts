import { describe, expect, it } from 'vitest';
import { ExportError } from '../../../lib/errors';
import { downloadMedia } from '../../../lib/export/media/downloadMedia';
import type { MediaRules } from '../../../lib/platforms/types';
import { createSpaceReservations } from '../../../lib/storage/spaceReservations';
import { SAMPLES, fakeFetch, fakeResponse, fakeSink, fileOf } from '../support/fakes';

const GB = 1024 ** 3;

/** A disk with `free` bytes, as ensureFreeSpace sees it (the 64 MiB reserve left out here). */
function diskWith(free: number) {
  const asked: number[] = [];
  const ensure = async (bytes: number) => {
    asked.push(bytes);
    if (bytes > free) throw new ExportError('quota_exceeded', 'The disk is nearly full.');
  };
  return { ensure, asked };
}

describe('disk space held by downloads in flight', () => {
  it('a download that does not fit beside those in flight stops the export before it starts', async () => {
    const disk = diskWith(2.5 * GB);
    const space = createSpaceReservations(disk.ensure);
    await space.reserve(GB);
    await space.reserve(GB);
    await expect(space.reserve(GB)).rejects.toMatchObject({ kind: 'quota_exceeded' });
    expect(disk.asked).toEqual([GB, 2 * GB, 3 * GB]);
  });

  it('what a download wrote no longer counts as still needed, and a finished one frees its share', async () => {
    const disk = diskWith(10 * GB);
    const space = createSpaceReservations(disk.ensure);
    const first = await space.reserve(2 * GB);
    const second = await space.reserve(GB);
    await first.recheck(1.5 * GB);
    expect(disk.asked.at(-1)).toBe(1.5 * GB);
    second.release();
    await first.recheck(1.75 * GB);
    expect(disk.asked.at(-1)).toBe(0.25 * GB);
    first.release();
    await space.reserve(GB);
    expect(disk.asked.at(-1)).toBe(GB);
  });
});

describe('a download reserves its size', () => {
  const RULES: MediaRules = { maxBytes: 10_000, formats: ['jpg'] };
  async function reservedFor(response: () => Response): Promise<number[]> {
    const reserved: number[] = [];
    await downloadMedia({
      url: 'https://cdn.example/a.jpg',
      rules: RULES,
      signal: new AbortController().signal,
      openSink: async () => fakeSink(),
      fetchImpl: fakeFetch([response]).impl,
      reserveSpace: async (bytes) => {
        reserved.push(bytes);
        return { recheck: async () => undefined, release: () => undefined };
      },
    });
    return reserved;
  }

  it('its Content-Length when the server sends one', async () => {
    expect(await reservedFor(() => fakeResponse(fileOf(SAMPLES.jpg, 500), { headers: { 'content-type': 'image/jpeg', 'content-length': '500' } }))).toEqual([500]);
  });

  it("else the platform's limit", async () => {
    expect(await reservedFor(() => fakeResponse(fileOf(SAMPLES.jpg, 500), { headers: { 'content-type': 'image/jpeg' } }))).toEqual([10_000]);
  });
});
