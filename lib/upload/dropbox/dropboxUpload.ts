import { ExportError, isExportError } from '../../errors';
import { answerDetails, connectionFailed, SessionGone, withUploadRetries } from '../uploadRetry';
import type { ResumableUpload } from '../uploadSource';
import { dropboxContentHash } from './contentHash';

const CONTENT_API = 'https://content.dropboxapi.com/2/files/';
const RPC_API = 'https://api.dropboxapi.com/2/files/';

/** Where a Dropbox upload stands: its upload session and the bytes Dropbox acknowledged. */
export interface DropboxCheckpoint {
  sessionId?: string;
  offset: number;
  complete?: boolean;
}

/** One request carries at most 150 MB; `chunkSize` is a multiple of 4 MiB. */
export interface DropboxUploadOptions extends ResumableUpload<DropboxCheckpoint> {
  /** A valid access token; `forceRefresh` after Dropbox refused the current one. */
  accessToken(options?: { forceRefresh?: boolean }): Promise<string>;
}

const DEFAULT_CHUNK_SIZE = 8 * 1024 * 1024;

/** Dropbox-API-Arg is an HTTP header: characters outside ASCII go as JSON \u escapes. */
export function apiArg(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

interface DropboxError {
  error_summary?: string;
  error?: { '.tag'?: string; correct_offset?: number; path?: { '.tag'?: string }; reason?: { '.tag'?: string }; lookup_failed?: { '.tag'?: string; correct_offset?: number } };
}

/** Dropbox's session answer to an append at a wrong offset: where it stands. */
class OffsetMismatch extends Error {
  constructor(readonly correctOffset: number) {
    super(`Dropbox holds ${correctOffset} bytes of the session.`);
  }
}

function quotaError(): ExportError {
  return new ExportError('quota_exceeded', 'Dropbox says the account is full. Free space there, then press Continue.', { status: 507, uploadPause: 'full' });
}

/**
 * Uploads one file to `/<folder>/<name>` in the app's folder through an upload session
 * (start, append_v2, finish), carrying on from the checkpoint. After a drop or a worker stop an
 * empty append at the saved offset asks Dropbox where the session stands (`incorrect_offset`
 * answers it); an expired session (7 days) starts over. Resolves once Dropbox's size and
 * content_hash match the file.
 */
export async function uploadToDropbox(options: DropboxUploadOptions): Promise<void> {
  const { source, signal } = options;
  const fetchImpl = options.fetch ?? fetch;
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  let checkpoint: DropboxCheckpoint = options.checkpoint ?? { offset: 0 };
  const save = async (next: DropboxCheckpoint) => {
    checkpoint = next;
    await options.onCheckpoint(next);
  };

  const call = async (endpoint: string, arg: unknown, body: Blob): Promise<unknown> => {
    for (let refreshed = false; ; refreshed = true) {
      signal.throwIfAborted();
      let response: Response;
      try {
        const token = await options.accessToken({ forceRefresh: refreshed });
        response = await fetchImpl(`${CONTENT_API}${endpoint}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Dropbox-API-Arg': apiArg(arg), 'Content-Type': 'application/octet-stream' },
          body,
          signal,
          credentials: 'omit',
        });
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        if (isExportError(error)) throw error;
        throw connectionFailed('Dropbox', error);
      }
      if (response.ok) return response.json();
      const answer = (await response.json().catch(() => ({}))) as DropboxError;
      if (response.status === 401 && !refreshed) continue;
      if (response.status === 401) {
        throw new ExportError('http_error', 'Dropbox refused the connection: connect Dropbox again in History & settings, then press Continue.', { status: 401, uploadPause: 'login' });
      }
      if (response.status === 409) {
        const tag = answer.error?.['.tag'];
        const offset = answer.error?.correct_offset ?? answer.error?.lookup_failed?.correct_offset;
        if (offset !== undefined) throw new OffsetMismatch(offset);
        if (tag === 'not_found' || answer.error?.lookup_failed?.['.tag'] === 'not_found') throw new SessionGone();
        if (answer.error?.path?.['.tag'] === 'insufficient_space' || answer.error?.reason?.['.tag'] === 'insufficient_space') throw quotaError();
        // Dropbox's documented "retry this request" answer when the account takes too many writes at once.
        if (tag === 'too_many_write_operations' || answer.error?.path?.['.tag'] === 'too_many_write_operations') {
          throw new ExportError('rate_limited', 'Dropbox is busy with too many writes to the account; press Resume later.', answerDetails(response));
        }
        throw new ExportError('http_error', `Dropbox refused the upload (${answer.error_summary ?? tag ?? 'no reason given'}).`, { status: 409 });
      }
      if (response.status === 507) throw quotaError();
      throw new ExportError('http_error', `Dropbox answered ${response.status} to an upload.`, answerDetails(response));
    }
  };

  // A broken copy under the export's name could pass for the export: it goes, if Dropbox lets it.
  const removeFile = async (path: string): Promise<boolean> => {
    try {
      const response = await fetchImpl(`${RPC_API}delete_v2`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${await options.accessToken()}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ path }),
        signal,
        credentials: 'omit',
      });
      return response.ok;
    } catch {
      return false;
    }
  };

  const empty = new Blob([]);
  const send = async (): Promise<void> => {
    if (!checkpoint.sessionId) {
      const started = (await call('upload_session/start', { close: false }, empty)) as { session_id: string };
      await save({ sessionId: started.session_id, offset: 0 });
    } else {
      // Ask where the session stands: an empty append at our offset either fits or is corrected.
      await call('upload_session/append_v2', { cursor: { session_id: checkpoint.sessionId, offset: checkpoint.offset }, close: false }, empty);
    }
    while (checkpoint.offset < source.size - chunkSize) {
      const end = checkpoint.offset + chunkSize;
      await call('upload_session/append_v2', { cursor: { session_id: checkpoint.sessionId, offset: checkpoint.offset }, close: false }, source.slice(checkpoint.offset, end));
      await save({ sessionId: checkpoint.sessionId, offset: end });
    }
    const path = `/${options.folder}/${source.name}`;
    const result = (await call(
      'upload_session/finish',
      { cursor: { session_id: checkpoint.sessionId, offset: checkpoint.offset }, commit: { path, mode: 'overwrite', autorename: false, mute: true } },
      source.slice(checkpoint.offset, source.size),
    )) as { size?: number; content_hash?: string };
    if (result.size !== source.size || result.content_hash !== (await dropboxContentHash(source))) {
      await save({ offset: 0 });
      throw new ExportError(
        'http_error',
        (await removeFile(path))
          ? 'Dropbox holds a different file than the one sent, so it was removed; press Resume to send it again.'
          : 'Dropbox holds a different file than the one sent; press Resume to send it again (it replaces that copy).',
      );
    }
    await save({ sessionId: checkpoint.sessionId, offset: source.size, complete: true });
  };

  const sessionLost = { server: 'Dropbox', restart: () => save({ offset: 0 }) };
  await withUploadRetries({ signal, delaysMs: options.retryDelaysMs, progress: () => checkpoint.offset, sessionLost }, async () => {
    for (;;) {
      try {
        await send();
        return;
      } catch (error) {
        if (!(error instanceof OffsetMismatch)) throw error;
        await save({ sessionId: checkpoint.sessionId, offset: error.correctOffset });
      }
    }
  });
}
