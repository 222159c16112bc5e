/**
 * Dropbox's API v2 as its documentation describes it, behind a `fetch` function and an `authorize`
 * function standing in for the sign-in window: the OAuth 2 code flow with PKCE (/oauth2/authorize
 * redirecting with a one-time `code` and the `state`; /oauth2/token exchanging it only with the
 * verifier whose S256 challenge was sent, the same client_id and redirect_uri, else 400
 * `invalid_grant`; refresh_token grants), /2/auth/token/revoke (the access token and its refresh
 * token both die), upload sessions (start, append_v2,
 * finish) with `incorrect_offset` / `not_found` / `insufficient_space` 409 errors, 401
 * `expired_access_token`, 429 with Retry-After, the finish's `too_many_write_operations` 409 ("retry
 * uploading this file") and the content_hash of what it stored.
 */
import { createHash } from 'node:crypto';

interface IssuedCode {
  challenge: string;
  clientId: string;
  redirectUri: string;
}

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
  /** The redirect URI registered in the App Console; an e2e test sets it once it knows the extension id. */
  redirectUri = 'https://extension-id.chromiumapp.org/dropbox';
  quotaBytes = Infinity;
  /** Tokens revoked through /2/auth/token/revoke. */
  revoked = 0;
  /** The grant_type of each token request Dropbox accepted. */
  readonly grants: string[] = [];
  /** Upload sessions started, and appends without bytes (a client asking where its session stands). */
  sessionsStarted = 0;
  emptyAppends = 0;
  /** The next finished upload is stored with one byte changed (its size and content_hash are of what is stored). */
  corruptNextFile = false;
  private issued = 1;
  private codes = new Map<string, IssuedCode>();
  private codesIssued = 0;
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

  /** Faults set up and not yet met. */
  get faultsPending(): number {
    return this.faults.length;
  }

  /**
   * The sign-in window of a user signed in to Dropbox who approves the app: what launchWebAuthFlow
   * resolves to. A request Dropbox would refuse with its error page (unknown app, unregistered
   * redirect URI, no S256 challenge) throws.
   */
  authorize(url: string): string {
    const params = new URL(url).searchParams;
    const redirectUri = params.get('redirect_uri') ?? '';
    if (params.get('client_id') !== this.clientId) throw new Error('Invalid client_id');
    if (redirectUri !== this.redirectUri) throw new Error('Invalid redirect_uri');
    if (params.get('response_type') !== 'code') throw new Error('Invalid response_type');
    const challenge = params.get('code_challenge') ?? '';
    if (params.get('code_challenge_method') !== 'S256' || !/^[A-Za-z0-9_-]{43,128}$/.test(challenge)) throw new Error('Invalid code_challenge');
    const code = `code-${++this.codesIssued}`;
    this.codes.set(code, { challenge, clientId: this.clientId, redirectUri });
    const back = new URL(redirectUri);
    back.searchParams.set('code', code);
    const state = params.get('state');
    if (state !== null) back.searchParams.set('state', state);
    return back.href;
  }

  expireAccessToken(): void {
    this.accessToken = `expired-${this.accessToken}`;
  }

  private json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
  }

  /** Dropbox's 429 names the wait in its body and in Retry-After; its 5xx answers are plain text. */
  private failure(status: number, retryAfter?: number): Response {
    const wait: Record<string, string> = retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) };
    if (status === 429) return this.json(429, { error_summary: 'too_many_requests/...', error: { reason: { '.tag': 'too_many_requests' }, retry_after: retryAfter ?? 1 } }, wait);
    return new Response('Internal Server Error', { status, headers: { 'Content-Type': 'text/plain', ...wait } });
  }

  private conflict(tag: string, extra: Record<string, unknown> = {}): Response {
    return this.json(409, { error_summary: `${tag}/...`, error: { '.tag': tag, ...extra } });
  }

  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    if (url.href === 'https://api.dropboxapi.com/oauth2/token') return this.token(new URLSearchParams(init.body as URLSearchParams));
    const headers = new Headers(init.headers);
    const authorized = headers.get('Authorization') === `Bearer ${this.accessToken}`;
    if (url.href === 'https://api.dropboxapi.com/2/auth/token/revoke') return this.revoke(authorized);
    const endpoint = url.pathname.replace('/2/files/', '');
    this.calls.push(endpoint);
    if (!authorized) return this.json(401, { error_summary: 'expired_access_token/', error: { '.tag': 'expired_access_token' } });
    const fault = this.faults.findIndex((f) => f.endpoint === endpoint);
    const taken = fault >= 0 ? this.faults.splice(fault, 1)[0] : undefined;
    if (taken?.kind === 'status') return this.failure(taken.status, taken.retryAfter);
    if (taken?.kind === 'too-many-writes') return this.conflict('too_many_write_operations');
    const body = new Uint8Array(await new Response(init.body).arrayBuffer());
    // An RPC endpoint: its argument is the JSON body, on the API host.
    if (endpoint === 'delete_v2') return url.host === 'api.dropboxapi.com' ? this.delete(JSON.parse(new TextDecoder().decode(body)) as { path: string }) : this.json(400, {});
    const arg = JSON.parse(headers.get('Dropbox-API-Arg') ?? '{}') as { cursor?: { session_id: string; offset: number }; commit?: { path: string } };
    const answer = this.handle(endpoint, arg, body);
    if (taken?.kind === 'lose-answer') throw new TypeError('Failed to fetch');
    return answer;
  };

  private token(params: URLSearchParams): Response {
    if (params.get('client_id') !== this.clientId) return this.json(400, { error: 'invalid_client', error_description: 'Invalid client_id or client_secret' });
    if (params.get('grant_type') === 'authorization_code') return this.exchangeCode(params);
    if (params.get('grant_type') !== 'refresh_token') return this.json(400, { error: 'unsupported_grant_type' });
    if (params.get('refresh_token') !== this.refreshToken) return this.json(400, { error: 'invalid_grant', error_description: 'refresh token is invalid or revoked' });
    this.issued += 1;
    this.accessToken = `token-${this.issued}`;
    this.grants.push('refresh_token');
    return this.json(200, { access_token: this.accessToken, token_type: 'bearer', expires_in: 14400 });
  }

  /** A code is good once, for the app and redirect URI it was issued to, with the verifier behind its challenge. */
  private exchangeCode(params: URLSearchParams): Response {
    const code = params.get('code') ?? '';
    const issued = this.codes.get(code);
    this.codes.delete(code);
    if (!issued) return this.json(400, { error: 'invalid_grant', error_description: "code doesn't exist or has expired" });
    if (params.get('redirect_uri') !== issued.redirectUri) return this.json(400, { error: 'invalid_grant', error_description: 'redirect_uri mismatch' });
    const verifier = params.get('code_verifier') ?? '';
    if (createHash('sha256').update(verifier).digest('base64url') !== issued.challenge) return this.json(400, { error: 'invalid_grant', error_description: 'invalid code verifier' });
    this.issued += 1;
    this.accessToken = `token-${this.issued}`;
    this.refreshToken = `refresh-${this.issued}`;
    this.grants.push('authorization_code');
    return this.json(200, {
      access_token: this.accessToken,
      token_type: 'bearer',
      expires_in: 14400,
      refresh_token: this.refreshToken,
      scope: 'files.content.write',
      uid: '12345',
      account_id: 'dbid:star-export-creator',
    });
  }

  /** Revoking an access token also disables the refresh token it came with. */
  private revoke(authorized: boolean): Response {
    if (!authorized) return this.json(401, { error_summary: 'invalid_access_token/', error: { '.tag': 'invalid_access_token' } });
    this.revoked += 1;
    this.accessToken = `revoked-${this.accessToken}`;
    this.refreshToken = `revoked-${this.refreshToken}`;
    return this.json(200, null);
  }

  private delete({ path }: { path: string }): Response {
    if (!this.files.delete(path)) return this.json(409, { error_summary: 'path_lookup/not_found/', error: { '.tag': 'path_lookup', path_lookup: { '.tag': 'not_found' } } });
    return this.json(200, { metadata: { '.tag': 'file', name: path.split('/').pop(), path_display: path } });
  }

  private handle(endpoint: string, arg: { cursor?: { session_id: string; offset: number }; commit?: { path: string } }, body: Uint8Array): Response {
    if (endpoint === 'upload_session/start') {
      const id = `session-${++this.sessionsStarted}`;
      this.sessions.set(id, body);
      return this.json(200, { session_id: id });
    }
    const cursor = arg.cursor!;
    const held = this.sessions.get(cursor.session_id);
    if (endpoint === 'upload_session/append_v2') {
      if (body.length === 0) this.emptyAppends += 1;
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
      if (this.corruptNextFile && bytes.length > 0) {
        this.corruptNextFile = false;
        bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0xff;
      }
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
