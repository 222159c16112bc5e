/**
 * Google's OAuth 2.0 and Drive v3 as their documentation describes them, behind a `fetch` function
 * and an `authorize` function standing in for the sign-in window: the browser token flow
 * (response_type=token, prompt=none answered by interaction_required without consent), revoke,
 * about.get, folders found by a files.list query or created, and resumable uploads (Location
 * session URI, chunks in multiples of 256 KiB, 308 with `Range`, the `bytes *\/total` status query,
 * 404 once a session expired, 403 storageQuotaExceeded, 401 for a token it no longer accepts).
 */
import { createHash } from 'node:crypto';

export type DriveRequestKind = 'initiate' | 'chunk' | 'query' | 'list' | 'create-folder' | 'get' | 'delete' | 'about';
type Fault = { kind: 'lose-answer'; on: DriveRequestKind } | { kind: 'status'; on: DriveRequestKind; status: number; reason?: string; retryAfter?: number };

const UNIT = 256 * 1024;
const FOLDER = 'application/vnd.google-apps.folder';

interface StoredFile {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  bytes: Uint8Array;
  trashed: boolean;
}

interface Session {
  name: string;
  parent: string;
  total: number;
  fields: string | null;
  held: Uint8Array[];
  heldBytes: number;
  fileId?: string;
}

export function md5Of(bytes: Uint8Array): string {
  return createHash('md5').update(bytes).digest('hex');
}

export class FakeGoogleDrive {
  clientId = 'star-export.apps.googleusercontent.com';
  /** The extension's redirect URI registered with the client; an e2e test sets it once it knows the extension id. */
  redirectUri = 'https://extension-id.chromiumapp.org/google';
  readonly account = 'creator@example.com';
  readonly files = new Map<string, StoredFile>();
  readonly requests: DriveRequestKind[] = [];
  /** Whether the user granted the app drive.file; the first interactive sign-in does. */
  consented = false;
  /** Whether the user ticks drive.file on the consent screen. */
  grantsScope = true;
  quotaBytes = Infinity;
  /** Tokens issued without the window (prompt=none). */
  silentSignIns = 0;
  /** The next finished upload is stored with one byte changed. */
  corruptNextFile = false;
  private liveTokens = new Set<string>();
  private sessions = new Map<string, Session>();
  private faults: Fault[] = [];
  private issued = 0;

  loseNextAnswer(on: DriveRequestKind): void {
    this.faults.push({ kind: 'lose-answer', on });
  }

  answerNext(on: DriveRequestKind, status: number, { reason, retryAfter }: { reason?: string; retryAfter?: number } = {}): void {
    this.faults.push({ kind: 'status', on, status, reason, retryAfter });
  }

  /** Faults set up and not yet met. */
  get faultsPending(): number {
    return this.faults.length;
  }

  /** Access tokens live an hour; this is that hour passing. */
  expireAccessTokens(): void {
    this.liveTokens.clear();
  }

  /** Upload sessions live a week; this is that week passing. */
  expireSessions(): void {
    this.sessions.clear();
  }

  /** The sign-in window: what launchWebAuthFlow resolves to for `url`. */
  authorize(url: string, interactive: boolean): string {
    const params = new URL(url).searchParams;
    if (params.get('client_id') !== this.clientId || params.get('redirect_uri') !== this.redirectUri) throw new Error('Error 400: redirect_uri_mismatch');
    const back = new URL(this.redirectUri);
    const state = params.get('state') ?? '';
    if (params.get('prompt') === 'none' || !interactive) {
      if (!this.consented) {
        back.hash = new URLSearchParams({ error: 'interaction_required', state }).toString();
        return back.href;
      }
      this.silentSignIns += 1;
    } else {
      this.consented = true;
    }
    const token = `ya29.token-${++this.issued}`;
    this.liveTokens.add(token);
    const scope = this.grantsScope ? params.get('scope') ?? '' : 'openid';
    back.hash = new URLSearchParams({ access_token: token, token_type: 'Bearer', expires_in: '3599', scope, state }).toString();
    return back.href;
  }

  /** A token the extension holds, issued without the window (tests that start connected). */
  issueToken(): string {
    this.consented = true;
    const token = `ya29.token-${++this.issued}`;
    this.liveTokens.add(token);
    return token;
  }

  bytesOf(path: string): Uint8Array | undefined {
    const [folder, name] = path.split('/');
    const parent = [...this.files.values()].find((f) => f.name === folder && f.mimeType === FOLDER);
    return [...this.files.values()].find((f) => f.name === name && parent && f.parents.includes(parent.id))?.bytes;
  }

  /** The files in the folder named `folder`, by name. */
  filesIn(folder: string): Map<string, Uint8Array> {
    const parents = new Set(this.folders(folder).map((f) => f.id));
    return new Map([...this.files.values()].filter((f) => f.parents.some((p) => parents.has(p))).map((f) => [f.name, f.bytes]));
  }

  folders(name: string): StoredFile[] {
    return [...this.files.values()].filter((f) => f.name === name && f.mimeType === FOLDER);
  }

  private json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
    return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=UTF-8', ...headers } });
  }

  private error(status: number, reason: string, message = reason, headers: Record<string, string> = {}): Response {
    return this.json(status, { error: { code: status, message, errors: [{ domain: 'global', reason, message }] } }, headers);
  }

  private kindOf(method: string, url: URL, headers: Headers): DriveRequestKind | undefined {
    if (url.pathname === '/drive/v3/about') return 'about';
    if (url.pathname === '/drive/v3/files') return method === 'GET' ? 'list' : 'create-folder';
    if (url.pathname.startsWith('/drive/v3/files/')) return method === 'DELETE' ? 'delete' : 'get';
    if (url.pathname === '/upload/drive/v3/files' && method === 'POST') return 'initiate';
    if (url.pathname === '/upload/drive/v3/files' && method === 'PUT') return headers.get('Content-Range')?.startsWith('bytes */') ? 'query' : 'chunk';
    return undefined;
  }

  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const method = init.method ?? 'GET';
    const headers = new Headers(init.headers);
    if (url.href === 'https://oauth2.googleapis.com/revoke') return this.revoke(new URLSearchParams(init.body as URLSearchParams).get('token'));
    const kind = this.kindOf(method, url, headers);
    if (url.host !== 'www.googleapis.com' || !kind) return this.error(404, 'notFound');
    this.requests.push(kind);
    const token = /^Bearer (.+)$/.exec(headers.get('Authorization') ?? '')?.[1];
    if (!token || !this.liveTokens.has(token)) return this.error(401, 'authError', 'Invalid Credentials');
    const fault = this.faults.findIndex((f) => f.on === kind);
    const taken = fault >= 0 ? this.faults.splice(fault, 1)[0] : undefined;
    if (taken?.kind === 'status') {
      return this.error(taken.status, taken.reason ?? 'backendError', 'fault', taken.retryAfter === undefined ? {} : { 'Retry-After': String(taken.retryAfter) });
    }
    const body = init.body instanceof Uint8Array ? init.body : typeof init.body === 'string' ? init.body : undefined;
    const answer = this.handle(kind, url, headers, body);
    if (taken?.kind === 'lose-answer') throw new TypeError('Failed to fetch');
    return answer;
  };

  private revoke(token: string | null): Response {
    if (!token || !this.liveTokens.has(token)) return this.json(400, { error: 'invalid_token', error_description: 'Token expired or revoked' });
    this.liveTokens.clear();
    this.consented = false;
    return this.json(200, {});
  }

  private fileFields(file: StoredFile, fields: string | null): Record<string, unknown> {
    const all: Record<string, unknown> = { kind: 'drive#file', id: file.id, name: file.name, mimeType: file.mimeType };
    if (file.mimeType !== FOLDER) Object.assign(all, { size: String(file.bytes.length), md5Checksum: md5Of(file.bytes) });
    if (!fields) return { kind: all.kind, id: all.id, name: all.name, mimeType: all.mimeType };
    return Object.fromEntries(fields.split(',').map((f) => [f, all[f]]).filter(([, v]) => v !== undefined));
  }

  private handle(kind: DriveRequestKind, url: URL, headers: Headers, body: Uint8Array | string | undefined): Response {
    switch (kind) {
      case 'about':
        return this.json(200, { user: { emailAddress: this.account } });
      case 'list': {
        const q = url.searchParams.get('q') ?? '';
        const name = /name = '((?:[^'\\]|\\.)*)'/.exec(q)?.[1]?.replace(/\\(.)/g, '$1');
        const found = [...this.files.values()].filter((f) => f.name === name && f.mimeType === FOLDER && f.parents.includes('root') && !f.trashed);
        return this.json(200, { files: found.map((f) => ({ id: f.id })) });
      }
      case 'create-folder': {
        const meta = JSON.parse(body as string) as { name: string; mimeType: string; parents?: string[] };
        const folder: StoredFile = { id: `folder-${this.files.size + 1}`, name: meta.name, mimeType: meta.mimeType, parents: meta.parents ?? ['root'], bytes: new Uint8Array(), trashed: false };
        this.files.set(folder.id, folder);
        return this.json(200, this.fileFields(folder, url.searchParams.get('fields')));
      }
      case 'get': {
        const file = this.files.get(decodeURIComponent(url.pathname.split('/').pop()!));
        return file ? this.json(200, this.fileFields(file, url.searchParams.get('fields'))) : this.error(404, 'notFound', 'File not found');
      }
      case 'delete': {
        const id = decodeURIComponent(url.pathname.split('/').pop()!);
        return this.files.delete(id) ? this.json(204, null) : this.error(404, 'notFound', 'File not found');
      }
      case 'initiate': {
        if (url.searchParams.get('uploadType') !== 'resumable') return this.error(400, 'badRequest');
        const meta = JSON.parse(body as string) as { name: string; parents: string[] };
        const parent = meta.parents[0]!;
        if (!this.files.has(parent)) return this.error(404, 'notFound', `File not found: ${parent}.`);
        const total = Number(headers.get('X-Upload-Content-Length'));
        if (this.used() + total > this.quotaBytes) return this.error(403, 'storageQuotaExceeded', "The user's Drive storage quota has been exceeded.");
        const id = `upload-${this.sessions.size + 1}-${Math.random().toString(36).slice(2)}`;
        this.sessions.set(id, { name: meta.name, parent, total, fields: url.searchParams.get('fields'), held: [], heldBytes: 0 });
        const location = new URL(url);
        location.searchParams.set('upload_id', id);
        return this.json(200, {}, { Location: location.href });
      }
      case 'query':
      case 'chunk':
        return this.sessionPut(url, headers, body as Uint8Array | undefined);
    }
  }

  private used(): number {
    return [...this.files.values()].reduce((sum, f) => sum + f.bytes.length, 0);
  }

  private progress(session: Session): Response {
    return new Response(null, { status: 308, headers: session.heldBytes > 0 ? { Range: `bytes=0-${session.heldBytes - 1}` } : {} });
  }

  private sessionPut(url: URL, headers: Headers, body: Uint8Array | undefined): Response {
    const session = this.sessions.get(url.searchParams.get('upload_id') ?? '');
    if (!session) return this.error(404, 'notFound', 'Upload session not found');
    if (session.fileId) {
      const file = this.files.get(session.fileId);
      return file ? this.json(200, this.fileFields(file, session.fields)) : this.error(404, 'notFound');
    }
    const range = headers.get('Content-Range') ?? '';
    if (range === `bytes */${session.total}`) return this.progress(session);
    const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(range);
    if (!match || Number(match[3]) !== session.total) return this.error(400, 'badContentRange');
    const [start, last] = [Number(match[1]), Number(match[2])];
    const length = last - start + 1;
    if (!body || body.length !== length) return this.error(400, 'badRequest', 'Content-Range does not match the body');
    if (last + 1 < session.total && length % UNIT !== 0) return this.error(400, 'badRequest', 'Chunks must be multiples of 256 KiB');
    // Bytes already held are dropped; a chunk that starts past them leaves a gap and is refused.
    if (start > session.heldBytes) return this.error(400, 'badRequest', 'Chunk starts past the bytes received');
    const fresh = body.subarray(session.heldBytes - start);
    session.held.push(fresh);
    session.heldBytes += fresh.length;
    if (session.heldBytes < session.total) return this.progress(session);
    const bytes = new Uint8Array(session.total);
    let at = 0;
    for (const part of session.held) {
      bytes.set(part, at);
      at += part.length;
    }
    if (this.corruptNextFile) {
      this.corruptNextFile = false;
      bytes[0] = bytes[0]! ^ 0xff;
    }
    const file: StoredFile = { id: `file-${this.files.size + 1}`, name: session.name, mimeType: 'application/zip', parents: [session.parent], bytes, trashed: false };
    this.files.set(file.id, file);
    session.fileId = file.id;
    return this.json(200, this.fileFields(file, session.fields));
  }
}
