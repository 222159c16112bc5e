import { ExportError } from '../../errors';
import { withUploadRetries } from '../uploadRetry';
import type { ResumableUpload } from '../uploadSource';
import { driveFolderId } from './driveFolder';
import { driveRequest, type DriveClient } from './driveRequest';
import { runningMd5 } from './runningMd5';

const UPLOAD_API = 'https://www.googleapis.com/upload/drive/v3/files';
const FILES_API = 'https://www.googleapis.com/drive/v3/files';
/** Google takes every chunk but the last in multiples of 256 KiB. */
export const DRIVE_CHUNK_UNIT = 256 * 1024;
const DEFAULT_CHUNK_SIZE = 32 * DRIVE_CHUNK_UNIT;

/** Where a Google Drive upload stands: the export's folder, the resumable session and the bytes Google holds. */
export interface DriveCheckpoint {
  folderId?: string;
  /** The session URI Google returned; it stays valid for a week. */
  sessionUri?: string;
  offset: number;
  complete?: boolean;
}

/** `chunkSize` is a multiple of 256 KiB; each chunk is read into memory once, hashed and sent. */
export interface DriveUploadOptions extends ResumableUpload<DriveCheckpoint> {
  /** A valid access token; `forceRefresh` after Google refused the current one. */
  accessToken(options?: { forceRefresh?: boolean }): Promise<string>;
}

interface DriveFile {
  id: string;
  /** Drive reports sizes as decimal strings. */
  size?: string;
  md5Checksum?: string;
}

/** What a session answered: the bytes Google holds so far, or the finished file. */
type SessionState = { offset: number } | { file: DriveFile };

async function sessionState(response: Response): Promise<SessionState> {
  if (response.status === 308) {
    // 308 Resume Incomplete with "Range: bytes=0-N" holds N+1 bytes; without Range, none.
    const range = /^bytes=0-(\d+)$/.exec(response.headers.get('Range') ?? '');
    return { offset: range ? Number(range[1]) + 1 : 0 };
  }
  return { file: (await response.json()) as DriveFile };
}

/**
 * Uploads one file into the export's folder in the user's Drive through a resumable session,
 * carrying on from the checkpoint: after a drop, a 5xx or a worker stop it asks Google how much it
 * holds (`Content-Range: bytes *\/size`, answered by 308 and `Range`) and sends the rest; an
 * expired session (404/410) starts over. Resolves once Drive's size and md5Checksum match the file.
 */
export async function uploadToGoogleDrive(options: DriveUploadOptions): Promise<void> {
  const { source, signal } = options;
  // Bound: called as a method of the client, the browser's fetch would throw "Illegal invocation".
  const client: DriveClient = { fetch: options.fetch ?? fetch.bind(globalThis), signal, accessToken: options.accessToken };
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (chunkSize <= 0 || chunkSize % DRIVE_CHUNK_UNIT !== 0) throw new RangeError('Google Drive chunks are multiples of 256 KiB.');
  const md5 = runningMd5(source);
  let checkpoint: DriveCheckpoint = options.checkpoint ?? { offset: 0 };
  const save = async (next: DriveCheckpoint) => {
    checkpoint = next;
    await options.onCheckpoint(next);
  };

  const startSession = async (folderId: string): Promise<string> => {
    const response = await driveRequest(
      client,
      `${UPLOAD_API}?uploadType=resumable&fields=id,size,md5Checksum`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json; charset=UTF-8', 'X-Upload-Content-Type': 'application/zip', 'X-Upload-Content-Length': String(source.size) },
        body: JSON.stringify({ name: source.name, parents: [folderId], mimeType: 'application/zip' }),
      },
      // A 404 here means the folder is gone (the user deleted it): it is looked up again.
      { session: true },
    );
    const location = response.headers.get('Location');
    if (!location) throw new ExportError('http_error', 'Google Drive opened no upload session.');
    return location;
  };
  const query = async (sessionUri: string) =>
    sessionState(await driveRequest(client, sessionUri, { method: 'PUT', headers: { 'Content-Range': `bytes */${source.size}` } }, { session: true }));
  const sendChunk = async (sessionUri: string, start: number) => {
    const end = Math.min(source.size, start + chunkSize);
    const bytes = new Uint8Array(await source.slice(start, end).arrayBuffer());
    await md5.update(start, bytes);
    const headers = { 'Content-Range': `bytes ${start}-${end - 1}/${source.size}` };
    return sessionState(await driveRequest(client, sessionUri, { method: 'PUT', headers, body: bytes }, { session: true }));
  };
  const verify = async (file: DriveFile) => {
    const facts =
      file.size !== undefined && file.md5Checksum !== undefined
        ? file
        : ((await (await driveRequest(client, `${FILES_API}/${encodeURIComponent(file.id)}?fields=id,size,md5Checksum`, { method: 'GET' })).json()) as DriveFile);
    if (Number(facts.size) === source.size && facts.md5Checksum === (await md5.hex())) {
      await save({ ...checkpoint, offset: source.size, complete: true });
      return;
    }
    await save({ folderId: checkpoint.folderId, offset: 0 });
    // The wrong copy should not sit beside the right one; if it cannot be removed now, Resume still sends a new one.
    await driveRequest(client, `${FILES_API}/${encodeURIComponent(file.id)}`, { method: 'DELETE' }).catch(() => undefined);
    throw new ExportError('http_error', 'Google Drive holds a different file than the one sent; press Resume to send it again.');
  };

  const sessionLost = { server: 'Google Drive', restart: () => save({ offset: 0 }) };
  await withUploadRetries({ signal, delaysMs: options.retryDelaysMs, progress: () => checkpoint.offset, sessionLost }, async () => {
    if (!checkpoint.folderId) await save({ folderId: await driveFolderId(client, options.folder), offset: 0 });
    let state: SessionState;
    if (checkpoint.sessionUri) {
      state = await query(checkpoint.sessionUri);
    } else {
      await save({ folderId: checkpoint.folderId, sessionUri: await startSession(checkpoint.folderId!), offset: 0 });
      state = { offset: 0 };
    }
    while ('offset' in state) {
      if (state.offset !== checkpoint.offset) await save({ ...checkpoint, offset: state.offset });
      state = await sendChunk(checkpoint.sessionUri!, state.offset);
    }
    await verify(state.file);
  });
}
