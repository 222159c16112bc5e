import { describe, expect, it } from 'vitest';
import { uploadToGoogleDrive, type DriveCheckpoint, type DriveUploadOptions } from '../../../lib/upload/googleDrive/driveUpload';
import { runningMd5 } from '../../../lib/upload/googleDrive/runningMd5';
import { fileUploadSource } from '../../../lib/upload/uploadSource';
import { FakeGoogleDrive, md5Of } from './fakeGoogleDrive';
import { randomBytes } from './fakeWebdav';

const UNIT = 256 * 1024;
const SIZE = 4 * UNIT + 1234;
const PATH = 'instagram-export-1/instagram-export-1.zip';

function setUp() {
  const server = new FakeGoogleDrive();
  const checkpoints: DriveCheckpoint[] = [];
  let refreshes = 0;
  // The token the extension holds; Google may stop accepting it (expiry).
  let held = server.issueToken();
  const options = (bytes: Uint8Array<ArrayBuffer>, extra: Partial<DriveUploadOptions> = {}): DriveUploadOptions => ({
    source: fileUploadSource('instagram-export-1.zip', new Blob([bytes])),
    folder: 'instagram-export-1',
    accessToken: async ({ forceRefresh = false } = {}) => {
      if (forceRefresh) {
        refreshes += 1;
        held = server.issueToken();
      }
      return held;
    },
    signal: new AbortController().signal,
    onCheckpoint: async (checkpoint) => {
      checkpoints.push(checkpoint);
    },
    fetch: server.fetch,
    chunkSize: UNIT,
    retryDelaysMs: [0, 0, 0],
    ...extra,
  });
  return { server, checkpoints, options, refreshes: () => refreshes };
}

/** Deep equality of a megabyte typed array element by element is slow; Buffer compares it at once. */
const sameBytes = (stored: Uint8Array | undefined, sent: Uint8Array) => stored !== undefined && Buffer.from(stored).equals(Buffer.from(sent));

const count = (server: FakeGoogleDrive, kind: string) => server.requests.filter((r) => r === kind).length;

describe('runningMd5', () => {
  it('hashes each byte once, whether chunks repeat or the hash has to catch up from the file', async () => {
    const bytes = randomBytes(3 * UNIT + 77, 3);
    const hash = runningMd5(fileUploadSource('x', new Blob([bytes])));
    await hash.update(0, bytes.subarray(0, 1000));
    // Resent after a lost answer: already hashed.
    await hash.update(0, bytes.subarray(0, 1000));
    // A worker stop: Google holds up to 2 × UNIT, the next chunk starts there.
    await hash.update(2 * UNIT, bytes.subarray(2 * UNIT, 3 * UNIT));
    expect(await hash.hex()).toBe(md5Of(bytes));
    expect(await hash.hex()).toBe(md5Of(bytes));
  });
});

describe('uploadToGoogleDrive', () => {
  it('makes the export folder, sends 256 KiB chunks through a resumable session, checks size and md5Checksum', async () => {
    const { server, checkpoints, options } = setUp();
    const bytes = randomBytes(SIZE, 7);
    await uploadToGoogleDrive(options(bytes));
    expect(sameBytes(server.bytesOf(PATH), bytes)).toBe(true);
    expect(server.requests).toEqual(['list', 'create-folder', 'initiate', ...Array(5).fill('chunk')]);
    expect(checkpoints.at(-1)).toMatchObject({ offset: SIZE, complete: true });

    // The next part of a split export finds the folder instead of making a second one.
    const part2 = randomBytes(UNIT, 8);
    await uploadToGoogleDrive({ ...options(part2), source: fileUploadSource('instagram-export-1_part-02.zip', new Blob([part2])) });
    expect(server.folders('instagram-export-1')).toHaveLength(1);
    expect(sameBytes(server.bytesOf('instagram-export-1/instagram-export-1_part-02.zip'), part2)).toBe(true);
  });

  it('after a lost answer asks Google where the session stands and sends nothing twice', async () => {
    const { server, options } = setUp();
    const bytes = randomBytes(SIZE, 11);
    server.loseNextAnswer('chunk');
    await uploadToGoogleDrive(options(bytes));
    expect(sameBytes(server.bytesOf(PATH), bytes)).toBe(true);
    expect(count(server, 'query')).toBe(1);
    expect(count(server, 'chunk')).toBe(5);
  });

  it('a lost answer to the last chunk is found finished by the status query', async () => {
    const { server, options, checkpoints } = setUp();
    const bytes = randomBytes(SIZE, 13);
    let lost = false;
    const losingLast: typeof fetch = async (input, init) => {
      const response = await server.fetch(input, init);
      if (!lost && new Headers(init?.headers).get('Content-Range')?.startsWith(`bytes ${4 * UNIT}-`)) {
        lost = true;
        throw new TypeError('Failed to fetch');
      }
      return response;
    };
    await uploadToGoogleDrive(options(bytes, { fetch: losingLast }));
    expect(sameBytes(server.bytesOf(PATH), bytes)).toBe(true);
    expect(count(server, 'query')).toBe(1);
    expect(count(server, 'chunk')).toBe(5);
    expect(checkpoints.at(-1)).toMatchObject({ offset: SIZE, complete: true });
  });

  it('carries on from a stale checkpoint after a worker stop, with the MD5 caught up from the local file', async () => {
    const { server, options } = setUp();
    const bytes = randomBytes(SIZE, 17);
    const stop = new AbortController();
    let saved: DriveCheckpoint | undefined;
    await expect(
      uploadToGoogleDrive(
        options(bytes, {
          signal: stop.signal,
          onCheckpoint: async (checkpoint) => {
            if (checkpoint.offset === UNIT) saved = checkpoint;
            if (checkpoint.offset >= 3 * UNIT) stop.abort(new Error('worker stopped'));
          },
        }),
      ),
    ).rejects.toThrow('worker stopped');
    // The saved checkpoint says one chunk; Google holds three.
    await uploadToGoogleDrive(options(bytes, { checkpoint: saved }));
    expect(sameBytes(server.bytesOf(PATH), bytes)).toBe(true);
    expect(count(server, 'initiate')).toBe(1);
    expect(count(server, 'chunk')).toBe(5);
  });

  it('starts a new session when Google expired the old one', async () => {
    const { server, options } = setUp();
    const bytes = randomBytes(SIZE, 19);
    const stop = new AbortController();
    let saved: DriveCheckpoint | undefined;
    await expect(
      uploadToGoogleDrive(
        options(bytes, {
          signal: stop.signal,
          onCheckpoint: async (checkpoint) => {
            saved = checkpoint;
            if (checkpoint.offset >= 2 * UNIT) stop.abort(new Error('worker stopped'));
          },
        }),
      ),
    ).rejects.toThrow('worker stopped');
    server.expireSessions();
    await uploadToGoogleDrive(options(bytes, { checkpoint: saved }));
    expect(sameBytes(server.bytesOf(PATH), bytes)).toBe(true);
    expect(count(server, 'initiate')).toBe(2);
  });

  it('renews a token Google refused once, retries 5xx, 429 and rate-limit 403 with backoff', async () => {
    const { server, options, refreshes } = setUp();
    server.expireAccessTokens();
    server.answerNext('chunk', 503);
    server.answerNext('chunk', 429, { retryAfter: 0 });
    server.answerNext('chunk', 403, { reason: 'userRateLimitExceeded' });
    const bytes = randomBytes(SIZE, 23);
    await uploadToGoogleDrive(options(bytes));
    expect(refreshes()).toBe(1);
    expect(sameBytes(server.bytesOf(PATH), bytes)).toBe(true);
  });

  it('gives up after its tries with the last failure, and resumes from the checkpoint later', async () => {
    const { server, options, checkpoints } = setUp();
    const bytes = randomBytes(SIZE, 29);
    for (let i = 0; i < 4; i++) server.answerNext('chunk', 500);
    await expect(uploadToGoogleDrive(options(bytes))).rejects.toMatchObject({ kind: 'http_error', details: { status: 500 } });
    await uploadToGoogleDrive(options(bytes, { checkpoint: checkpoints.at(-1) }));
    expect(sameBytes(server.bytesOf(PATH), bytes)).toBe(true);
  });

  it('reports a full Drive as quota_exceeded, pausing the job', async () => {
    const { server, options } = setUp();
    server.quotaBytes = 1000;
    await expect(uploadToGoogleDrive(options(randomBytes(SIZE, 31)))).rejects.toMatchObject({ kind: 'quota_exceeded', details: { uploadPause: 'full' } });
  });

  it('removes a copy whose md5Checksum differs and sends the file again on Resume', async () => {
    const { server, options, checkpoints } = setUp();
    const bytes = randomBytes(SIZE, 37);
    server.corruptNextFile = true;
    await expect(uploadToGoogleDrive(options(bytes))).rejects.toThrow('different file');
    expect(server.bytesOf(PATH)).toBeUndefined();
    expect(checkpoints.at(-1)).toEqual({ folderId: expect.any(String), offset: 0 });
    await uploadToGoogleDrive(options(bytes, { checkpoint: checkpoints.at(-1) }));
    expect(sameBytes(server.bytesOf(PATH), bytes)).toBe(true);
  });
});
