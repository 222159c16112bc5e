import { request } from 'node:https';

export interface FakeResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** Set when the server dropped the connection before the body was complete. */
  error?: string;
  text(): string;
  json<T = Record<string, unknown>>(): T;
}

export interface FakeRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * Node-side requests to the fake as if to the real host: TLS to 127.0.0.1 with the real name as
 * SNI and Host header, certificate unchecked (it is self-signed). For tests without a browser.
 */
export function fakeFetch(port: number, url: string, init: FakeRequest = {}): Promise<FakeResponse> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        servername: target.hostname,
        method: init.method ?? 'GET',
        path: `${target.pathname}${target.search}`,
        headers: { host: target.hostname, ...init.headers },
        rejectUnauthorized: false,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        const done = (error?: string) => {
          const body = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            error,
            text: () => body.toString('utf8'),
            json: <T>() => JSON.parse(body.toString('utf8')) as T,
          });
        };
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done());
        res.on('aborted', () => done('aborted'));
        res.on('error', (error) => done(error.message));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

/** The Cookie header for a list of cookies (name=value; …). */
export function cookieHeader(cookies: readonly { name: string; value: string }[]): string {
  return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}
