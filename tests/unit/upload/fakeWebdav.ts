/**
 * An in-memory WebDAV server behind a `fetch` function, following RFC 4918 for what the uploader
 * uses (MKCOL 201/405/409, PROPFIND 207 with getcontentlength, PUT, MOVE) and Nextcloud's chunked
 * upload v2 under /remote.php/dav/uploads/<user>/ (chunks named by number, assembled in name
 * order by MOVE of `.file`, which checks OC-Total-Length). Faults: a connection that drops
 * part-way through a PUT, a status for the next requests, a quota.
 */
export interface FakeWebdavOptions {
  user: string;
  password: string;
  /** Bytes the account may hold (507 Insufficient Storage beyond). */
  quotaBytes?: number;
}

type Fault = { kind: 'drop'; method: string; afterBytes: number } | { kind: 'status'; method: string; status: number };

export class FakeWebdav {
  readonly files = new Map<string, Uint8Array>();
  readonly collections = new Set<string>(['/']);
  readonly requests: { method: string; path: string }[] = [];
  private faults: Fault[] = [];

  constructor(private readonly options: FakeWebdavOptions) {}

  /** The account's app password changed: requests with the old one are refused (401). */
  setPassword(password: string): void {
    this.options.password = password;
  }

  /** Bytes the account may hold from now on; undefined for no limit. */
  setQuota(bytes: number | undefined): void {
    this.options.quotaBytes = bytes;
  }

  /** The next `method` request sends `afterBytes` of its body to the server, then the connection drops. */
  dropNext(method: string, afterBytes: number): void {
    this.faults.push({ kind: 'drop', method, afterBytes });
  }

  answerNext(method: string, status: number): void {
    this.faults.push({ kind: 'status', method, status });
  }

  mkdir(path: string): void {
    this.collections.add(path.endsWith('/') ? path : `${path}/`);
  }

  private used(): number {
    let total = 0;
    for (const bytes of this.files.values()) total += bytes.length;
    return total;
  }

  private takeFault(method: string): Fault | undefined {
    const index = this.faults.findIndex((fault) => fault.method === method);
    return index < 0 ? undefined : this.faults.splice(index, 1)[0];
  }

  private parentOf(path: string): string {
    const trimmed = path.replace(/\/$/, '');
    return trimmed.slice(0, trimmed.lastIndexOf('/') + 1);
  }

  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const method = init.method ?? 'GET';
    const path = decodeURIComponent(url.pathname);
    const headers = new Headers(init.headers);
    this.requests.push({ method, path });
    const expected = `Basic ${btoa(`${this.options.user}:${this.options.password}`)}`;
    if (headers.get('Authorization') !== expected) return new Response('', { status: 401 });
    const fault = this.takeFault(method);
    if (fault?.kind === 'status') return new Response('', { status: fault.status });
    const body = init.body instanceof Blob ? new Uint8Array(await init.body.arrayBuffer()) : undefined;
    if (fault?.kind === 'drop') {
      // What arrived before the drop is written, as a server streaming a PUT to disk does.
      if (method === 'PUT' && body) this.files.set(path, body.slice(0, fault.afterBytes));
      throw new TypeError('Failed to fetch');
    }
    switch (method) {
      case 'MKCOL': {
        const dir = path.endsWith('/') ? path : `${path}/`;
        if (this.collections.has(dir)) return new Response('', { status: 405 });
        if (!this.collections.has(this.parentOf(dir))) return new Response('', { status: 409 });
        this.collections.add(dir);
        return new Response('', { status: 201 });
      }
      case 'PROPFIND':
        return this.propfind(path, headers.get('Depth') ?? 'infinity');
      case 'PUT': {
        if (!this.collections.has(this.parentOf(path))) return new Response('', { status: 409 });
        const bytes = body ?? new Uint8Array();
        const quota = this.options.quotaBytes;
        if (quota !== undefined && this.used() - (this.files.get(path)?.length ?? 0) + bytes.length > quota) return new Response('', { status: 507 });
        this.files.set(path, bytes);
        return new Response('', { status: 201 });
      }
      case 'MOVE':
        return this.move(path, headers);
      default:
        return new Response('', { status: 405 });
    }
  };

  private propfind(path: string, depth: string): Response {
    const dir = path.endsWith('/') ? path : `${path}/`;
    const response = (href: string, size?: number) =>
      `<d:response><d:href>${encodeURI(href)}</d:href><d:propstat><d:prop>${size === undefined ? '<d:resourcetype><d:collection/></d:resourcetype>' : `<d:getcontentlength>${size}</d:getcontentlength>`}</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>`;
    let parts: string[];
    if (this.files.has(path)) parts = [response(path, this.files.get(path)!.length)];
    else if (this.collections.has(dir)) {
      parts = [response(dir)];
      if (depth === '1') for (const [name, bytes] of this.files) if (this.parentOf(name) === dir) parts.push(response(name, bytes.length));
    } else return new Response('', { status: 404 });
    return new Response(`<?xml version="1.0"?><d:multistatus xmlns:d="DAV:">${parts.join('')}</d:multistatus>`, { status: 207 });
  }

  private move(path: string, headers: Headers): Response {
    const destination = headers.get('Destination');
    if (!destination) return new Response('', { status: 400 });
    const target = decodeURIComponent(new URL(destination).pathname);
    if (!path.endsWith('/.file')) return new Response('', { status: 501 });
    const dir = path.slice(0, -'.file'.length);
    if (!this.collections.has(dir)) return new Response('', { status: 404 });
    const chunks = [...this.files.entries()].filter(([name]) => this.parentOf(name) === dir).sort(([a], [b]) => a.localeCompare(b));
    const total = chunks.reduce((sum, [, bytes]) => sum + bytes.length, 0);
    if (Number(headers.get('OC-Total-Length')) !== total) return new Response('', { status: 400 });
    const assembled = new Uint8Array(total);
    let offset = 0;
    for (const [name, bytes] of chunks) {
      assembled.set(bytes, offset);
      offset += bytes.length;
      this.files.delete(name);
    }
    this.collections.delete(dir);
    this.files.set(target, assembled);
    return new Response('', { status: 201 });
  }
}

export function randomBytes(size: number, seed = 1): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  let state = seed;
  for (let i = 0; i < size; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}
