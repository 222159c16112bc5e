import type { ApiRequest, ApiResponse, PlatformContext } from '../../../lib/platforms/types';
import { cookieHeader, fakeFetch } from '../test-client';
import type { FakeCookie } from '../types';
import { MemoryNotes } from '../../unit/platforms/memoryNotes';

/**
 * A PlatformContext for running the extension's YouTube adapter in Node against the fake: the
 * browser's cookies, and the Origin/Referer its declarativeNetRequest rule would set. Unpaced, and
 * it records each request for tests to count.
 */
export class NodeYouTubeContext implements PlatformContext {
  readonly notes = new MemoryNotes();
  readonly signal = new AbortController().signal;
  readonly requests: ApiRequest[] = [];

  constructor(
    private readonly port: number,
    private readonly cookies: FakeCookie[],
  ) {}

  async request(req: ApiRequest): Promise<ApiResponse> {
    this.requests.push(req);
    const res = await fakeFetch(this.port, req.url, {
      method: req.method ?? 'GET',
      body: req.body,
      headers: {
        ...req.headers,
        ...(this.cookies.length > 0 ? { cookie: cookieHeader(this.cookies) } : {}),
        origin: 'https://www.youtube.com',
        referer: 'https://www.youtube.com/',
      },
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(res.headers)) if (typeof value === 'string') headers.set(name, value);
    const redirected = res.status >= 300 && res.status < 400;
    return { status: res.status, redirected, location: headers.get('location') ?? undefined, headers, text: redirected ? '' : res.text() };
  }

  async getCookie(name: string): Promise<string | undefined> {
    return this.cookies.find((cookie) => cookie.name === name)?.value;
  }

  /** Requests made so far to one InnerTube endpoint ('player', 'browse'…) or page path. */
  count(endpoint: string): number {
    return this.requests.filter((req) => new URL(req.url).pathname.replace('/youtubei/v1/', '') === endpoint).length;
  }
}
