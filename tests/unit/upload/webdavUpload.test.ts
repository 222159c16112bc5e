import { describe, expect, it } from 'vitest';
import { ExportError } from '../../../lib/errors';
import { fileUploadSource } from '../../../lib/upload/uploadSource';
import { statusError } from '../../../lib/upload/webdav/webdavClient';
import { nextcloudUploadsRoot, uploadToWebdav, type WebdavCheckpoint, type WebdavUploadOptions } from '../../../lib/upload/webdav/webdavUpload';
import { FakeWebdav, randomBytes } from './fakeWebdav';

const USER = 'alice';
const PASSWORD = 'app-password-1';
const PLAIN_URL = 'https://dav.example.test/exports/';
const NEXTCLOUD_URL = 'https://cloud.example.test/remote.php/dav/files/alice/Exports/';
const CHUNK = 1000;

function setUp(url: string, quotaBytes?: number) {
  const server = new FakeWebdav({ user: USER, password: PASSWORD, quotaBytes });
  server.mkdir(new URL(url).pathname);
  server.mkdir('/remote.php/dav/uploads/alice/');
  const checkpoints: WebdavCheckpoint[] = [];
  const options = (bytes: Uint8Array<ArrayBuffer>, extra: Partial<WebdavUploadOptions> = {}): WebdavUploadOptions => ({
    source: fileUploadSource('instagram-export-1.zip', new Blob([bytes])),
    folder: 'instagram-export-1',
    credentials: { url, user: USER, password: PASSWORD },
    signal: new AbortController().signal,
    onCheckpoint: async (checkpoint) => {
      checkpoints.push(checkpoint);
    },
    fetch: server.fetch,
    chunkSize: CHUNK,
    retryDelaysMs: [0, 0, 0],
    ...extra,
  });
  return { server, checkpoints, options };
}

const count = (server: FakeWebdav, method: string) => server.requests.filter((r) => r.method === method).length;

describe('nextcloudUploadsRoot', () => {
  it('finds the chunked-upload root beside a Nextcloud files URL, and nothing for other servers', () => {
    expect(nextcloudUploadsRoot(NEXTCLOUD_URL)).toBe('https://cloud.example.test/remote.php/dav/uploads/alice/');
    expect(nextcloudUploadsRoot(PLAIN_URL)).toBeUndefined();
  });
});

describe('statusError', () => {
  it('keeps the wait a busy server asks for (Nextcloud in maintenance answers 503 with Retry-After)', () => {
    const busy = new Response(null, { status: 503, headers: { 'Retry-After': '120' } });
    expect(statusError(busy, 'an upload')).toMatchObject({ kind: 'http_error', details: { status: 503, retryAfterMs: 120_000 } });
  });
});

describe('uploadToWebdav, plain WebDAV', () => {
  it('creates the export folder and puts the file, byte for byte, confirming its size', async () => {
    const { server, checkpoints, options } = setUp(PLAIN_URL);
    const bytes = randomBytes(4321);
    await uploadToWebdav(options(bytes));
    expect(server.collections.has('/exports/instagram-export-1/')).toBe(true);
    expect(server.files.get('/exports/instagram-export-1/instagram-export-1.zip')).toEqual(bytes);
    expect(checkpoints.at(-1)).toMatchObject({ confirmed: 4321, complete: true });
  });

  it('sends the file again whole after the connection dropped part-way', async () => {
    const { server, options } = setUp(PLAIN_URL);
    const bytes = randomBytes(5000, 7);
    server.dropNext('PUT', 2000);
    await uploadToWebdav(options(bytes));
    expect(count(server, 'PUT')).toBe(2);
    expect(server.files.get('/exports/instagram-export-1/instagram-export-1.zip')).toEqual(bytes);
  });

  it('sends nothing when the server already holds the whole file (a worker stopped after the PUT)', async () => {
    const { server, options } = setUp(PLAIN_URL);
    const bytes = randomBytes(3000, 3);
    await uploadToWebdav(options(bytes));
    await uploadToWebdav(options(bytes, { checkpoint: { fileUrl: 'x', confirmed: 0 } }));
    expect(count(server, 'PUT')).toBe(1);
  });

  it('retries a server error, and stops with an error that pauses the job on a refused login or a full server', async () => {
    const retried = setUp(PLAIN_URL);
    retried.server.answerNext('PUT', 503);
    retried.server.answerNext('PUT', 423);
    await uploadToWebdav(retried.options(randomBytes(100)));
    expect(count(retried.server, 'PUT')).toBe(3);

    const refused = setUp(PLAIN_URL);
    const wrong = refused.options(randomBytes(100), { credentials: { url: PLAIN_URL, user: USER, password: 'wrong' } });
    await expect(uploadToWebdav(wrong)).rejects.toMatchObject({ kind: 'http_error', details: { status: 401, uploadPause: 'login' } });
    expect(refused.server.requests).toHaveLength(1);

    const full = setUp(PLAIN_URL, 50);
    const error = await uploadToWebdav(full.options(randomBytes(100))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportError);
    expect(error).toMatchObject({ kind: 'quota_exceeded', details: { status: 507, uploadPause: 'full' } });
    expect((error as Error).message).toBe('The WebDAV server says the account is full. Free space there, then press Continue.');
  });
});

describe('uploadToWebdav, Nextcloud chunked upload', () => {
  const target = '/remote.php/dav/files/alice/Exports/instagram-export-1/instagram-export-1.zip';

  it('goes up in chunks of the set size, assembled by MOVE into the export folder', async () => {
    const { server, checkpoints, options } = setUp(NEXTCLOUD_URL);
    const bytes = randomBytes(4500, 11);
    await uploadToWebdav(options(bytes));
    expect(count(server, 'PUT')).toBe(5);
    expect(count(server, 'MOVE')).toBe(1);
    expect(server.files.get(target)).toEqual(bytes);
    expect(checkpoints.map((c) => c.confirmed)).toEqual([0, 1000, 2000, 3000, 4000, 4500, 4500]);
  });

  it('after a stop, asks the server which chunks it holds and sends only the rest', async () => {
    const { server, checkpoints, options } = setUp(NEXTCLOUD_URL);
    const bytes = randomBytes(4500, 13);
    const stop = new AbortController();
    const first = options(bytes, {
      signal: stop.signal,
      onCheckpoint: async (checkpoint) => {
        checkpoints.push(checkpoint);
        if (checkpoint.confirmed >= 2000) stop.abort(new ExportError('cancelled', 'stopped'));
      },
    });
    await expect(uploadToWebdav(first)).rejects.toThrow();
    // The checkpoint may lag the server (a stop between the PUT and its save): the server decides.
    const saved = checkpoints.find((c) => c.confirmed === 1000)!;
    await uploadToWebdav(options(bytes, { checkpoint: saved }));
    expect(count(server, 'PUT')).toBe(5);
    expect(server.files.get(target)).toEqual(bytes);
  });

  it('sends a dropped chunk again and keeps the ones before it', async () => {
    const { server, options } = setUp(NEXTCLOUD_URL);
    const bytes = randomBytes(4500, 17);
    server.dropNext('PUT', 300);
    await uploadToWebdav(options(bytes));
    expect(server.files.get(target)).toEqual(bytes);
    expect(count(server, 'PUT')).toBe(6);
  });

  it('keeps going through more drops than it has tries, as long as each try moves the upload on', async () => {
    const { server, options } = setUp(NEXTCLOUD_URL);
    const bytes = randomBytes(6000, 21);
    // Three tries allowed (retryDelaysMs), six drops: every chunk's first PUT is cut.
    let puts = 0;
    const dropEverySecondPut: typeof fetch = async (input, init) => {
      if (init?.method === 'PUT' && puts++ % 2 === 0) throw new TypeError('Failed to fetch');
      return server.fetch(input, init);
    };
    await uploadToWebdav(options(bytes, { fetch: dropEverySecondPut }));
    expect(server.files.get(target)).toEqual(bytes);
    expect(puts).toBe(12);
  });

  it('starts a new upload collection when the server expired the old one', async () => {
    const { server, options } = setUp(NEXTCLOUD_URL);
    const bytes = randomBytes(2500, 19);
    const expired: WebdavCheckpoint = {
      fileUrl: `https://cloud.example.test${target}`,
      transferUrl: 'https://cloud.example.test/remote.php/dav/uploads/alice/star-export-gone/',
      chunkSize: CHUNK,
      confirmed: 2000,
    };
    await uploadToWebdav(options(bytes, { checkpoint: expired }));
    expect(server.files.get(target)).toEqual(bytes);
    expect(count(server, 'PUT')).toBe(3);
  });
});
