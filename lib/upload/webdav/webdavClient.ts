import { ExportError } from '../../errors';
import { answerDetails, connectionFailed } from '../uploadRetry';
import type { WebdavCredentials } from './webdavAccount';
import { parseMultistatus, type DavEntry } from './davResponses';

export type Fetch = typeof fetch;

/** The few WebDAV requests an upload needs, authenticated, with HTTP failures turned into export errors. */
export interface WebdavClient {
  /** Creates a collection; one that exists already is fine. */
  mkcol(url: string, headers?: Record<string, string>): Promise<void>;
  /** The entries of a PROPFIND (depth 0: the resource; 1: also its members), or undefined when it does not exist. */
  propfind(url: string, depth: 0 | 1): Promise<DavEntry[] | undefined>;
  put(url: string, body: Blob, headers?: Record<string, string>): Promise<void>;
  move(from: string, to: string, headers?: Record<string, string>): Promise<void>;
}

const PROPFIND_BODY =
  '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:getcontentlength/><d:resourcetype/></d:prop></d:propfind>';

function basicAuth(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/**
 * What a failed answer means for the user. A refused login or a full server pauses the job until
 * the user fixed it and pressed Continue; every other one leaves the job resumable.
 */
export function statusError(response: Response, action: string): ExportError {
  const details = answerDetails(response);
  const { status } = response;
  if (status === 401 || status === 403) {
    return new ExportError(
      'http_error',
      'The WebDAV server refused the user name or app password. Check them in History & settings, then press Continue.',
      { ...details, uploadPause: 'login' },
    );
  }
  if (status === 507) {
    return new ExportError('quota_exceeded', 'The WebDAV server says the account is full. Free space there, then press Continue.', { ...details, uploadPause: 'full' });
  }
  if (status === 413) {
    return new ExportError('quota_exceeded', 'The WebDAV server refused a request this large. Raise its upload size limit, then press Resume.', details);
  }
  if (status === 423) {
    return new ExportError('http_error', 'The file is locked on the WebDAV server (another upload of it may still be running); press Resume later.', details);
  }
  if (status === 409) return new ExportError('http_error', 'The folder in the WebDAV server address does not exist on the server.', details);
  return new ExportError('http_error', `The WebDAV server answered ${status} to ${action}.`, details);
}

export function createWebdavClient(credentials: WebdavCredentials, signal: AbortSignal, fetchImpl: Fetch = fetch): WebdavClient {
  const authorization = basicAuth(credentials.user, credentials.password);
  const request = async (method: string, url: string, init: { headers?: Record<string, string>; body?: BodyInit } = {}): Promise<Response> => {
    signal.throwIfAborted();
    try {
      return await fetchImpl(url, { method, body: init.body, headers: { Authorization: authorization, ...init.headers }, signal, credentials: 'omit', cache: 'no-store' });
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      throw connectionFailed('the WebDAV server', error);
    }
  };
  return {
    async mkcol(url, headers) {
      const response = await request('MKCOL', url, { headers });
      // 405: the collection exists already.
      if (!response.ok && response.status !== 405) throw statusError(response, 'creating a folder');
    },
    async propfind(url, depth) {
      const response = await request('PROPFIND', url, { headers: { Depth: String(depth), 'Content-Type': 'application/xml; charset=utf-8' }, body: PROPFIND_BODY });
      if (response.status === 404) return undefined;
      if (!response.ok) throw statusError(response, 'a size query');
      return parseMultistatus(await response.text());
    },
    async put(url, body, headers) {
      const response = await request('PUT', url, { headers: { 'Content-Type': 'application/octet-stream', ...headers }, body });
      if (!response.ok) throw statusError(response, 'an upload');
    },
    async move(from, to, headers) {
      const response = await request('MOVE', from, { headers: { Destination: to, Overwrite: 'T', ...headers } });
      if (!response.ok) throw statusError(response, 'assembling the uploaded pieces');
    },
  };
}
