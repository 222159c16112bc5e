import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { dropboxContentHash } from '../../../lib/upload/dropbox/contentHash';
import { uploadToDropbox, apiArg, type DropboxCheckpoint, type DropboxUploadOptions } from '../../../lib/upload/dropbox/dropboxUpload';
import { MAX_UPLOAD_RETRY_AFTER_MS } from '../../../lib/upload/uploadRetry';
import { fileUploadSource } from '../../../lib/upload/uploadSource';
import { randomBytes } from './fakeWebdav';
import { contentHashOf, FakeDropbox } from './fakeDropbox';

const CHUNK = 1000;

function setUp() {
  const server = new FakeDropbox();
  const checkpoints: DropboxCheckpoint[] = [];
  let refreshes = 0;
  // The token the extension holds; the server may stop accepting it (expiry).
  let held = server.accessToken;
  const options = (bytes: Uint8Array<ArrayBuffer>, extra: Partial<DropboxUploadOptions> = {}): DropboxUploadOptions => ({
    source: fileUploadSource('instagram-export-1.zip', new Blob([bytes])),
    folder: 'instagram-export-1',
    accessToken: async ({ forceRefresh = false } = {}) => {
      if (forceRefresh) {
        refreshes += 1;
        server.accessToken = held = `token-refreshed-${refreshes}`;
      }
      return held;
    },
    signal: new AbortController().signal,
    onCheckpoint: async (checkpoint) => {
      checkpoints.push(checkpoint);
    },
    fetch: server.fetch,
    chunkSize: CHUNK,
    retryDelaysMs: [0, 0, 0],
    ...extra,
  });
  return { server, checkpoints, options, refreshes: () => refreshes };
}

const PATH = '/instagram-export-1/instagram-export-1.zip';

describe('dropboxContentHash', () => {
  it('hashes 4 MiB blocks, then the hashes, as Dropbox does', async () => {
    const bytes = randomBytes(9 * 1024 * 1024 + 17, 5);
    expect(await dropboxContentHash(fileUploadSource('x', new Blob([bytes])))).toBe(contentHashOf(bytes));
  });
});

describe('apiArg', () => {
  it('escapes characters outside ASCII, since it travels as a header', () => {
    expect(apiArg({ path: '/café' })).toBe('{"path":"/caf\\u00e9"}');
  });
});

describe('uploadToDropbox', () => {
  it('starts a session, appends chunks and finishes into the export folder; size and content_hash checked', async () => {
    const { server, checkpoints, options } = setUp();
    const bytes = randomBytes(4500, 23);
    await uploadToDropbox(options(bytes));
    expect(server.files.get(PATH)).toEqual(bytes);
    expect(server.calls).toEqual(['upload_session/start', ...Array(4).fill('upload_session/append_v2'), 'upload_session/finish']);
    expect(checkpoints.at(-1)).toMatchObject({ offset: 4500, complete: true });
  });

  it('after a lost answer, learns the offset from incorrect_offset and sends nothing twice', async () => {
    const { server, options } = setUp();
    const bytes = randomBytes(4500, 29);
    server.loseNextAnswer('upload_session/append_v2');
    await uploadToDropbox(options(bytes));
    expect(server.files.get(PATH)).toEqual(bytes);
  });

  it('carries on from a stale checkpoint after a worker stop, asking with an empty append', async () => {
    const { server, options } = setUp();
    const bytes = randomBytes(4500, 31);
    const stop = new AbortController();
    let saved: DropboxCheckpoint | undefined;
    await expect(
      uploadToDropbox(
        options(bytes, {
          signal: stop.signal,
          onCheckpoint: async (checkpoint) => {
            if (checkpoint.offset === 1000) saved = checkpoint;
            if (checkpoint.offset >= 3000) stop.abort(new Error('worker stopped'));
          },
        }),
      ),
    ).rejects.toThrow('worker stopped');
    await uploadToDropbox(options(bytes, { checkpoint: saved }));
    expect(server.files.get(PATH)).toEqual(bytes);
    expect(server.calls.filter((c) => c === 'upload_session/start')).toHaveLength(1);
  });

  it('starts a new session when Dropbox expired the old one', async () => {
    const { server, options } = setUp();
    const bytes = randomBytes(2500, 37);
    await uploadToDropbox(options(bytes, { checkpoint: { sessionId: 'session-gone', offset: 2000 } }));
    expect(server.files.get(PATH)).toEqual(bytes);
  });

  it('removes a stored file whose content_hash differs, and sends it again on Resume', async () => {
    const { server, options, checkpoints } = setUp();
    const bytes = randomBytes(2500, 47);
    server.corruptNextFile = true;
    await expect(uploadToDropbox(options(bytes))).rejects.toThrow('Dropbox holds a different file than the one sent, so it was removed');
    expect(server.files.has(PATH)).toBe(false);
    expect(checkpoints.at(-1)).toEqual({ offset: 0 });
    await uploadToDropbox(options(bytes, { checkpoint: checkpoints.at(-1) }));
    expect(server.files.get(PATH)).toEqual(bytes);
    expect(server.sessionsStarted).toBe(2);
  });

  it('says so when Dropbox would not remove a file whose content_hash differs', async () => {
    const { server, options } = setUp();
    server.corruptNextFile = true;
    server.answerNext('delete_v2', 503);
    await expect(uploadToDropbox(options(randomBytes(2500, 53)))).rejects.toThrow('press Resume to send it again (it replaces that copy)');
    expect(server.files.has(PATH)).toBe(true);
  });

  it('refreshes an expired access token once, retries 429, 5xx and too_many_write_operations, and reports a full Dropbox', async () => {
    const { server, options, refreshes } = setUp();
    server.expireAccessToken();
    server.answerNext('upload_session/append_v2', 429, 0);
    server.answerNext('upload_session/append_v2', 503);
    server.tooManyWritesNext('upload_session/finish');
    await uploadToDropbox(options(randomBytes(3000, 41)));
    expect(refreshes()).toBe(1);
    expect(server.files.get(PATH)).toHaveLength(3000);
    expect(server.calls.filter((c) => c === 'upload_session/finish')).toHaveLength(2);

    const full = setUp();
    full.server.quotaBytes = 100;
    await expect(uploadToDropbox(full.options(randomBytes(3000, 43)))).rejects.toMatchObject({
      kind: 'quota_exceeded',
      message: 'Dropbox says the account is full. Free space there, then press Continue.',
      details: { uploadPause: 'full' },
    });
  });

  it('waits for a Retry-After of days no longer than the cap, then carries on', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { server, options } = setUp();
      const bytes = randomBytes(2500, 47);
      server.answerNext('upload_session/append_v2', 429, 999_999);
      let finished = false;
      const upload = uploadToDropbox(options(bytes)).then(() => (finished = true));
      await vi.waitFor(() => expect(vi.getTimerCount()).toBe(1));
      await vi.advanceTimersByTimeAsync(MAX_UPLOAD_RETRY_AFTER_MS - 1000);
      expect(finished).toBe(false);
      await vi.advanceTimersByTimeAsync(1000);
      await upload;
      expect(server.files.get(PATH)).toEqual(bytes);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('Dropbox tokens', () => {
  it('refresh an expired access token with the refresh token and keep both sealed', async () => {
    const { dropboxAccessToken } = await import('../../../lib/upload/dropbox/dropboxAuth');
    const { sealSecret } = await import('../../../lib/upload/secretBox');
    const server = new FakeDropbox();
    import.meta.env.WXT_DROPBOX_CLIENT_ID = server.clientId;
    await fakeBrowser.storage.local.set({
      dropboxTokens: { access: await sealSecret('token-1'), refresh: await sealSecret('refresh-1'), expiresAt: Date.now() - 1 },
    });
    const token = await dropboxAccessToken({}, server.fetch);
    expect(token).toBe('token-2');
    // Still valid: no second refresh.
    expect(await dropboxAccessToken({}, server.fetch)).toBe('token-2');
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toMatch(/token-2|refresh-1/);

    server.refreshToken = 'revoked';
    // invalid_grant: the job pauses until the user connects Dropbox again.
    await expect(dropboxAccessToken({ forceRefresh: true }, server.fetch)).rejects.toMatchObject({ details: { status: 401, uploadPause: 'login' } });
  });
});
