import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiRequest, ApiResponse, PlatformContext } from '../../../lib/platforms/types';

const FIXTURES = join(import.meta.dirname, 'fixtures');

export const CHANNEL_ID = 'UCd5hJ1MrjUxB0eMkGThiWdQ';

export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export function respond(status: number, text: string, headers: Record<string, string> = {}): ApiResponse {
  const isJson = /^\s*[[{]/.test(text);
  return {
    status,
    redirected: false,
    headers: new Headers({ 'content-type': isJson ? 'application/json; charset=UTF-8' : 'text/html; charset=utf-8', ...headers }),
    text,
  };
}

export function respondFixture(name: string): ApiResponse {
  return respond(200, fixtureText(name));
}

/** A redirect as fetch(redirect: 'manual') reports it: Node shows the target, a browser hides it. */
export function redirect(location?: string): ApiResponse {
  return { status: 302, redirected: true, location, headers: new Headers(location ? { location } : {}), text: '' };
}

type Body = Record<string, unknown>;
type Handler = (url: URL, body: Body) => ApiResponse | undefined;

/** The cookies of a logged-in browser, as far as the adapter reads them. */
export const LOGGED_IN_COOKIES: Record<string, string> = {
  LOGIN_INFO: 'AFmmF2swRQIhAJ8demo:QUQ3MjNmdemo',
  SAPISID: 'AbCdEfGhIjKlMnOp/QrStUvWxYzAbCdEfG',
  '__Secure-1PAPISID': 'AbCdEfGhIjKlMnOp/QrStUvWxYzAbCdEfG',
  '__Secure-3PAPISID': 'AbCdEfGhIjKlMnOp/QrStUvWxYzAbCdEfG',
};

/**
 * An in-memory PlatformContext: GET / answers the home page, each InnerTube endpoint the first
 * route whose guard accepts the JSON body; anything unexpected fails the test.
 */
export class FakeYouTube implements PlatformContext {
  readonly signal = new AbortController().signal;
  readonly requests: ApiRequest[] = [];
  cookies: Record<string, string> = { ...LOGGED_IN_COOKIES };
  homePage: ApiResponse = respondFixture('home-page.html');
  private readonly handlers: Handler[] = [];

  on(endpoint: string, response: ApiResponse | (() => ApiResponse), guard: (body: Body) => boolean = () => true): this {
    this.handlers.push((url, body) => {
      if (url.pathname !== `/youtubei/v1/${endpoint}` || !guard(body)) return undefined;
      return typeof response === 'function' ? response() : response;
    });
    return this;
  }

  async request(req: ApiRequest): Promise<ApiResponse> {
    this.requests.push(req);
    const url = new URL(req.url);
    if (req.method === 'GET' && url.pathname === '/') return this.homePage;
    const body = JSON.parse(req.body ?? '{}') as Body;
    for (const handler of this.handlers) {
      const response = handler(url, body);
      if (response) return response;
    }
    throw new Error(`Unexpected request: ${req.method ?? 'GET'} ${req.url} ${req.body ?? ''}`);
  }

  async getCookie(name: string): Promise<string | undefined> {
    return this.cookies[name];
  }

  /** The parsed JSON bodies sent to one endpoint. */
  bodies(endpoint: string): Body[] {
    return this.requests.filter((req) => new URL(req.url).pathname === `/youtubei/v1/${endpoint}`).map((req) => JSON.parse(req.body ?? '{}') as Body);
  }
}

export const browseTab = (params: string) => (body: Body) => body.browseId === CHANNEL_ID && body.params === params;
export const continuation = (token: string) => (body: Body) => body.continuation === token;
export const videoId = (id: string) => (body: Body) => body.videoId === id;

export const PARAMS = { videos: 'EgZ2aWRlb3PyBgQKAjoA', shorts: 'EgZzaG9ydHPyBgUKA5oBAA%3D%3D', streams: 'EgdzdHJlYW1z8gYECgJ6AA%3D%3D' };
export const TOKENS = {
  videos2: '4qmFsgKlARIYVUNkNWhKMU1yalV4QjBlTWtHVGhpV2RRGogBOGdaZ0dsNTZYQXB1',
  videos3: '4qmFsgKlARIYVUNkNWhKMU1yalV4QjBlTWtHVGhpV2RRGogBOGdaZ0dsNTZYQXB2',
  legacy2: '4qmFsgKlARIYVUNkNWhKMU1yalV4QjBlTWtHVGhpV2RRGogBOGdaZ0dsNTZYQXB3',
  shorts2: '4qmFsgKrARIYVUNkNWhKMU1yalV4QjBlTWtHVGhpV2RRGo4BOGdaZ0dsNTZYQXB4',
};

/** Resolves to the ExportError a promise rejects with (fails when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<{ kind: string; message: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof Error) || !('kind' in error)) throw new Error(`expected an ExportError, got ${String(error)}`);
  return error as unknown as { kind: string; message: string };
}
