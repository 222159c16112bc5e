import { describe, expect, it } from 'vitest';
import { createTokenBucket } from '../../../lib/export/media/tokenBucket';
import { pacedFetch } from '../../../lib/upload/pacedFetch';
import { fileUploadSource } from '../../../lib/upload/uploadSource';
import { uploadToWebdav } from '../../../lib/upload/webdav/webdavUpload';
import { FakeWebdav, randomBytes } from './fakeWebdav';

const NEXTCLOUD_URL = 'https://cloud.example.test/remote.php/dav/files/alice/Exports/';

/** A virtual clock: sleeps and sending move it on, nothing waits for real. */
function virtualClock() {
  let now = 0;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
    sleep: async (ms: number) => {
      now += ms;
    },
  };
}

describe('uploads under the export speed limit', () => {
  it('hold a chunked upload to the limit over a link four times as fast, sending time included', async () => {
    const clock = virtualClock();
    const server = new FakeWebdav({ user: 'alice', password: 'pw' });
    server.mkdir('/remote.php/dav/files/alice/Exports/');
    server.mkdir('/remote.php/dav/uploads/alice/');
    const limit = 200_000;
    const link = 800_000;
    const chunk = 100_000;
    const sent: { at: number; bytes: number }[] = [];
    // The link: a body takes its size over the link's rate to go out.
    const overLink: typeof fetch = async (input, init = {}) => {
      if (init.body instanceof Blob) {
        clock.advance((init.body.size / link) * 1000);
        sent.push({ at: clock.now(), bytes: init.body.size });
      }
      return server.fetch(input, init);
    };
    const bytes = randomBytes(20 * chunk, 7);
    await uploadToWebdav({
      source: fileUploadSource('export.zip', new Blob([bytes])),
      folder: 'export',
      credentials: { url: NEXTCLOUD_URL, user: 'alice', password: 'pw' },
      signal: new AbortController().signal,
      onCheckpoint: async () => undefined,
      fetch: pacedFetch(createTokenBucket(limit, { now: clock.now, sleep: clock.sleep, burstBytes: chunk }), overLink),
      chunkSize: chunk,
    });
    const stored = server.files.get('/remote.php/dav/files/alice/Exports/export/export.zip')!;
    expect(Buffer.compare(Buffer.from(stored), Buffer.from(bytes))).toBe(0);
    const total = sent.reduce((sum, s) => sum + s.bytes, 0);
    expect(total).toBe(bytes.length);
    // The first chunk goes at once (the burst), every one after at the limit: within one chunk of it.
    const rate = total / (clock.now() / 1000);
    expect(rate).toBeLessThanOrEqual(limit * 1.06);
    expect(rate).toBeGreaterThanOrEqual(limit * 0.99);
    // At no moment has more gone out than the limit allows, give or take the burst.
    for (const { at } of sent) {
      const by = sent.filter((s) => s.at <= at).reduce((sum, s) => sum + s.bytes, 0);
      expect(by).toBeLessThanOrEqual((at / 1000) * limit + chunk);
    }
  });

  it('let bodiless requests through at once and make a body wait for its bytes', async () => {
    const clock = virtualClock();
    const seen: string[] = [];
    const paced = pacedFetch(createTokenBucket(1_000_000, { now: clock.now, sleep: clock.sleep, burstBytes: 50_000 }), async (_input, init = {}) => {
      seen.push(init.method ?? 'GET');
      return new Response('');
    });
    for (let i = 0; i < 10; i++) await paced('https://dav.example.test/', { method: 'PROPFIND', body: '<x/>' });
    expect(clock.now()).toBe(0);
    await paced('https://dav.example.test/a', { method: 'PUT', body: new Blob([new Uint8Array(1_000_000)]) });
    // A megabyte at 1 MB/s, less the burst the idle bucket held.
    expect(clock.now()).toBeCloseTo(950, 6);
    await paced('https://dav.example.test/b', { method: 'PUT', body: new Blob([new Uint8Array(1_000_000)]) });
    expect(clock.now()).toBeCloseTo(1950, 6);
    expect(seen).toHaveLength(12);
  });
});
