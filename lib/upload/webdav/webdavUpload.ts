import { ExportError } from '../../errors';
import { withUploadRetries } from '../uploadRetry';
import type { ResumableUpload } from '../uploadSource';
import { hrefName } from './davResponses';
import type { WebdavCredentials } from './webdavAccount';
import { createWebdavClient, type WebdavClient } from './webdavClient';

/** Where an upload stands, saved after every confirmed step so a restarted worker carries on. */
export interface WebdavCheckpoint {
  /** The file's URL on the server. */
  fileUrl: string;
  /** Nextcloud chunked upload: the upload collection and its chunk size. */
  transferUrl?: string;
  chunkSize?: number;
  /** Bytes the server holds for certain. */
  confirmed: number;
  /** The server confirmed the whole file. */
  complete?: boolean;
}

/** `chunkSize` is Nextcloud's chunk size; its server takes 5 MB to 5 GB per chunk. */
export interface WebdavUploadOptions extends ResumableUpload<WebdavCheckpoint> {
  credentials: WebdavCredentials;
}

const DEFAULT_CHUNK_SIZE = 16 * 1024 * 1024;

/**
 * Nextcloud's chunked upload v2 lives at `/remote.php/dav/uploads/<user>/` beside the files root
 * `/remote.php/dav/files/<user>/`; a server URL of that shape says the server offers it.
 */
export function nextcloudUploadsRoot(folderUrl: string): string | undefined {
  const url = new URL(folderUrl);
  const match = /^(.*\/remote\.php\/dav\/)files\/([^/]+)\//.exec(url.pathname);
  if (!match) return undefined;
  return `${url.origin}${match[1]}uploads/${match[2]}/`;
}

function childUrl(parent: string, name: string): string {
  return new URL(encodeURIComponent(name), parent.endsWith('/') ? parent : `${parent}/`).href;
}

async function remoteSize(client: WebdavClient, url: string): Promise<number | undefined> {
  return (await client.propfind(url, 0))?.[0]?.size;
}

async function confirmSize(client: WebdavClient, url: string, size: number): Promise<void> {
  const stored = await remoteSize(client, url);
  if (stored !== size) {
    throw new ExportError('http_error', `The WebDAV server holds ${stored ?? 'no'} bytes of ${size} after the upload; press Resume to send it again.`, { status: 500 });
  }
}

/** Plain WebDAV cannot append to a file: a file the server does not hold whole is sent again whole. */
async function plainUpload(client: WebdavClient, options: WebdavUploadOptions, fileUrl: string): Promise<void> {
  const { source } = options;
  if ((await remoteSize(client, fileUrl)) !== source.size) await client.put(fileUrl, source.slice(0, source.size));
  await confirmSize(client, fileUrl, source.size);
  await options.onCheckpoint({ fileUrl, confirmed: source.size, complete: true });
}

function chunkName(index: number): string {
  return String(index + 1).padStart(5, '0');
}

/** Chunks the server holds whole, counted from the first; the server assembles them by name. */
async function confirmedChunks(client: WebdavClient, transferUrl: string, chunkSize: number, total: number): Promise<number | undefined> {
  const entries = await client.propfind(transferUrl, 1);
  if (!entries) return undefined;
  const sizes = new Map(entries.map((entry) => [hrefName(entry.href), entry.size]));
  const count = Math.ceil(total / chunkSize);
  let whole = 0;
  while (whole < count && sizes.get(chunkName(whole)) === Math.min(chunkSize, total - whole * chunkSize)) whole++;
  return whole;
}

async function chunkedUpload(client: WebdavClient, options: WebdavUploadOptions, fileUrl: string, uploadsRoot: string): Promise<void> {
  const { source } = options;
  const headers = { Destination: fileUrl, 'OC-Total-Length': String(source.size) };
  let checkpoint = options.checkpoint?.transferUrl ? options.checkpoint : undefined;
  const chunkSize = checkpoint?.chunkSize ?? options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  let whole = checkpoint?.transferUrl ? await confirmedChunks(client, checkpoint.transferUrl, chunkSize, source.size) : undefined;
  if (checkpoint === undefined || whole === undefined) {
    // No upload collection yet, or the server expired it (after 24 h idle): start a new one.
    if ((await remoteSize(client, fileUrl)) === source.size) {
      await options.onCheckpoint({ fileUrl, confirmed: source.size, complete: true });
      return;
    }
    const transferUrl = `${uploadsRoot}star-export-${crypto.randomUUID()}/`;
    await client.mkcol(transferUrl, { Destination: fileUrl });
    checkpoint = { fileUrl, transferUrl, chunkSize, confirmed: 0 };
    await options.onCheckpoint(checkpoint);
    whole = 0;
  }
  const transferUrl = checkpoint.transferUrl!;
  const count = Math.ceil(source.size / chunkSize);
  for (let index = whole; index < count; index++) {
    const start = index * chunkSize;
    const end = Math.min(source.size, start + chunkSize);
    await client.put(`${transferUrl}${chunkName(index)}`, source.slice(start, end), headers);
    await options.onCheckpoint({ ...checkpoint, confirmed: end });
  }
  await client.move(`${transferUrl}.file`, fileUrl, headers);
  await confirmSize(client, fileUrl, source.size);
  await options.onCheckpoint({ fileUrl, confirmed: source.size, complete: true });
}

/**
 * Uploads one file into `<account URL>/<folder>/`, carrying on from the checkpoint: the server is
 * asked what it holds first, so a worker stop or a dropped connection costs at most one chunk
 * (Nextcloud) or the file (plain WebDAV). Resolves only once the server confirms the file's size.
 */
export async function uploadToWebdav(options: WebdavUploadOptions): Promise<void> {
  const { credentials, signal, folder, source } = options;
  const client = createWebdavClient(credentials, signal, options.fetch);
  const folderUrl = childUrl(credentials.url, folder);
  const fileUrl = childUrl(folderUrl, source.name);
  const uploadsRoot = nextcloudUploadsRoot(credentials.url);
  let latest = options.checkpoint;
  const onCheckpoint = async (checkpoint: WebdavCheckpoint) => {
    latest = checkpoint;
    await options.onCheckpoint(checkpoint);
  };
  await withUploadRetries({ signal, delaysMs: options.retryDelaysMs, progress: () => latest?.confirmed ?? 0 }, async () => {
    const run = { ...options, checkpoint: latest, onCheckpoint };
    await client.mkcol(`${folderUrl}/`);
    if (uploadsRoot) await chunkedUpload(client, run, fileUrl, uploadsRoot);
    else await plainUpload(client, run, fileUrl);
  });
}
