import { describe, expect, it } from 'vitest';
import { pacedFetch, requestPacer } from '../../../lib/upload/pacedFetch';
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
      fetch: pacedFetch(requestPacer(limit, { now: clock.now, sleep: clock.sleep }), overLink),
      chunkSize: chunk,
    });
    const stored = server.files.get('/remote.php/dav/files/alice/Exports/export/export.zip')!;
    expect(Buffer.compare(Buffer.from(stored), Buffer.from(bytes))).toBe(0);
    const total = sent.reduce((sum, s) => sum + s.bytes, 0);
    expect(total).toBe(bytes.length);
    // The first chunk goes at once, every one after at the limit: within one chunk of it.
    const rate = total / (clock.now() / 1000);
    expect(rate).toBeLessThanOrEqual(limit * 1.06);
    expect(rate).toBeGreaterThanOrEqual(limit * 0.99);
    // At no moment has more gone out than the limit allows, give or take one chunk.
    for (const { at } of sent) {
      const by = sent.filter((s) => s.at <= at).reduce((sum, s) => sum + s.bytes, 0);
      expect(by).toBeLessThanOrEqual((at / 1000) * limit + chunk);
    }
  });

  it('let bodiless requests through at once, and count a body from its start, an idle spell saving up nothing', async () => {
    const clock = virtualClock();
    const seen: string[] = [];
    const paced = pacedFetch(requestPacer(1_000_000, { now: clock.now, sleep: clock.sleep }), async (_input, init = {}) => {
      seen.push(init.method ?? 'GET');
      // Each body takes 400 ms to go out.
      if (init.body instanceof Blob) clock.advance(400);
      return new Response('');
    });
    for (let i = 0; i < 10; i++) await paced('https://dav.example.test/', { method: 'PROPFIND', body: '<x/>' });
    expect(clock.now()).toBe(0);
    const megabyte = () => new Blob([new Uint8Array(1_000_000)]);
    await paced('https://dav.example.test/a', { method: 'PUT', body: megabyte() });
    expect(clock.now()).toBe(400);
    // Its megabyte at 1 MB/s ends a second after it started: the next waits the 600 ms left.
    await paced('https://dav.example.test/b', { method: 'PUT', body: megabyte() });
    expect(clock.now()).toBe(1_400);
    clock.advance(60_000);
    // A minute idle: the next goes at once, and the one after it waits for it again.
    await paced('https://dav.example.test/c', { method: 'PUT', body: megabyte() });
    await paced('https://dav.example.test/d', { method: 'PUT', body: megabyte() });
    expect(clock.now()).toBe(61_400 + 1_000 + 400);
    expect(seen).toHaveLength(14);
  });
});
