/**
 * Dropbox's API v2 as its documentation describes it, behind a `fetch` function: the OAuth token
 * endpoint (authorization_code with PKCE, refresh_token), upload sessions (start, append_v2,
 * finish) with `incorrect_offset` / `not_found` / `insufficient_space` 409 errors, 401
 * `expired_access_token`, 429 with Retry-After, the finish's `too_many_write_operations` 409 ("retry
 * uploading this file") and the content_hash of what it stored.
 */
import { createHash } from 'node:crypto';

type Fault =
  | { kind: 'lose-answer'; endpoint: string }
  | { kind: 'status'; endpoint: string; status: number; retryAfter?: number }
  | { kind: 'too-many-writes'; endpoint: string };

export function contentHashOf(bytes: Uint8Array): string {
  const block = 4 * 1024 * 1024;
  const digests: Buffer[] = [];
  for (let start = 0; start < bytes.length; start += block) digests.push(createHash('sha256').update(bytes.subarray(start, start + block)).digest());
  return createHash('sha256').update(Buffer.concat(digests)).digest('hex');
}

export class FakeDropbox {
  readonly files = new Map<string, Uint8Array>();
  readonly sessions = new Map<string, Uint8Array>();
  readonly calls: string[] = [];
  accessToken = 'token-1';
  refreshToken = 'refresh-1';
  clientId = 'app-key';
  quotaBytes = Infinity;
  private issued = 1;
  private faults: Fault[] = [];

  loseNextAnswer(endpoint: string): void {
    this.faults.push({ kind: 'lose-answer', endpoint });
  }

  answerNext(endpoint: string, status: number, retryAfter?: number): void {
    this.faults.push({ kind: 'status', endpoint, status, retryAfter });
  }

  /** The next call to `endpoint` meets the account busy with other writes, and nothing is stored. */
  tooManyWritesNext(endpoint: string): void {
    this.faults.push({ kind: 'too-many-writes', endpoint });
  }

  expireAccessToken(): void {
    this.accessToken = `expired-${this.accessToken}`;
  }

  private json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
  }

  private conflict(tag: string, extra: Record<string, unknown> = {}): Response {
    return this.json(409, { error_summary: `${tag}/...`, error: { '.tag': tag, ...extra } });
  }

  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    if (url.href === 'https://api.dropboxapi.com/oauth2/token') return this.token(new URLSearchParams(init.body as URLSearchParams));
    const endpoint = url.pathname.replace('/2/files/', '');
    this.calls.push(endpoint);
    const headers = new Headers(init.headers);
    if (headers.get('Authorization') !== `Bearer ${this.accessToken}`) return this.json(401, { error_summary: 'expired_access_token/', error: { '.tag': 'expired_access_token' } });
    const fault = this.faults.findIndex((f) => f.endpoint === endpoint);
    const taken = fault >= 0 ? this.faults.splice(fault, 1)[0] : undefined;
    if (taken?.kind === 'status') return this.json(taken.status, {}, taken.retryAfter === undefined ? {} : { 'Retry-After': String(taken.retryAfter) });
    if (taken?.kind === 'too-many-writes') return this.conflict('too_many_write_operations');
    const arg = JSON.parse(headers.get('Dropbox-API-Arg') ?? '{}') as { cursor?: { session_id: string; offset: number }; commit?: { path: string } };
    const body = new Uint8Array(await (init.body as Blob).arrayBuffer());
    const answer = this.handle(endpoint, arg, body);
    if (taken?.kind === 'lose-answer') throw new TypeError('Failed to fetch');
    return answer;
  };

  private token(params: URLSearchParams): Response {
    if (params.get('client_id') !== this.clientId) return this.json(400, { error: 'invalid_client' });
    if (params.get('grant_type') !== 'refresh_token' || params.get('refresh_token') !== this.refreshToken) return this.json(400, { error: 'invalid_grant' });
    this.issued += 1;
    this.accessToken = `token-${this.issued}`;
    return this.json(200, { access_token: this.accessToken, token_type: 'bearer', expires_in: 14400 });
  }

  private handle(endpoint: string, arg: { cursor?: { session_id: string; offset: number }; commit?: { path: string } }, body: Uint8Array): Response {
    if (endpoint === 'upload_session/start') {
      const id = `session-${this.sessions.size + 1}`;
      this.sessions.set(id, body);
      return this.json(200, { session_id: id });
    }
    const cursor = arg.cursor!;
    const held = this.sessions.get(cursor.session_id);
    if (endpoint === 'upload_session/append_v2') {
      if (!held) return this.conflict('not_found');
      if (cursor.offset !== held.length) return this.conflict('incorrect_offset', { correct_offset: held.length });
      this.sessions.set(cursor.session_id, concat(held, body));
      return this.json(200, null);
    }
    if (endpoint === 'upload_session/finish') {
      if (!held) return this.json(409, { error_summary: 'lookup_failed/not_found/', error: { '.tag': 'lookup_failed', lookup_failed: { '.tag': 'not_found' } } });
      if (cursor.offset !== held.length) {
        return this.json(409, { error_summary: 'lookup_failed/incorrect_offset/', error: { '.tag': 'lookup_failed', lookup_failed: { '.tag': 'incorrect_offset', correct_offset: held.length } } });
      }
      const bytes = concat(held, body);
      if (bytes.length > this.quotaBytes) return this.json(409, { error_summary: 'path/insufficient_space/', error: { '.tag': 'path', path: { '.tag': 'insufficient_space' } } });
      this.sessions.delete(cursor.session_id);
      this.files.set(arg.commit!.path, bytes);
      return this.json(200, { name: arg.commit!.path.split('/').pop(), path_display: arg.commit!.path, size: bytes.length, content_hash: contentHashOf(bytes) });
    }
    return this.json(400, {});
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
