import type { FakeCookie } from '../../fake-platforms/types';
import { cookieHeader, fakeFetch } from '../../fake-platforms/test-client';
import type { ApiRequest, ApiResponse, PlatformContext } from '../../../lib/platforms/types';
import { MemoryNotes } from '../../unit/platforms/memoryNotes';

/**
 * A PlatformContext over Node's HTTPS to the fake, with a cookie jar standing in for the browser's:
 * the adapter runs exactly as in the extension, minus pacing, without a browser.
 */
export class NodePlatformContext implements PlatformContext {
  readonly notes = new MemoryNotes();
  readonly signal = new AbortController().signal;
  readonly requests: ApiRequest[] = [];

  constructor(
    private readonly port: number,
    public cookies: FakeCookie[],
  ) {}

  async request(req: ApiRequest): Promise<ApiResponse> {
    this.requests.push(req);
    const response = await fakeFetch(this.port, req.url, {
      method: req.method ?? 'GET',
      headers: { ...req.headers, ...(this.cookies.length > 0 ? { cookie: cookieHeader(this.cookies) } : {}) },
      body: req.body,
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(response.headers)) if (typeof value === 'string') headers.set(name, value);
    const redirected = response.status >= 300 && response.status < 400;
    return { status: response.status, redirected, location: headers.get('location') ?? undefined, headers, text: redirected ? '' : response.text() };
  }

  async getCookie(name: string): Promise<string | undefined> {
    return this.cookies.find((cookie) => cookie.name === name)?.value;
  }
}
