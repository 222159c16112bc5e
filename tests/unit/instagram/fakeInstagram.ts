import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiRequest, ApiResponse, PlatformContext } from '../../../lib/platforms/types';

const FIXTURES = join(import.meta.dirname, 'fixtures');

/** A fixture's text as Instagram sent it (kept as text: 19-digit numbers must reach the parser intact). */
export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export function fixtureJson(name: string): unknown {
  return JSON.parse(fixtureText(name));
}

export function respond(status: number, text: string, headers: Record<string, string> = {}): ApiResponse {
  const isJson = /^\s*[[{]/.test(text);
  return {
    status,
    redirected: false,
    headers: new Headers({ 'content-type': isJson ? 'application/json; charset=utf-8' : 'text/html; charset="utf-8"', ...headers }),
    text,
  };
}

export function respondFixture(name: string, headers: Record<string, string> = {}): ApiResponse {
  return respond(200, fixtureText(name), headers);
}

/** A redirect as fetch(redirect: 'manual') reports it: Node shows the target, a browser hides it. */
export function redirect(location?: string): ApiResponse {
  return { status: 302, redirected: true, location, headers: new Headers(location ? { location } : {}), text: '' };
}

type Handler = (url: URL, req: ApiRequest) => ApiResponse | undefined;

export const VIEWER_ID = '51234567890';

/**
 * An in-memory PlatformContext: answers each request from the first route whose method and path
 * match and whose guard accepts the query/body; anything unexpected fails the test.
 */
export class FakeInstagram implements PlatformContext {
  readonly signal = new AbortController().signal;
  readonly requests: ApiRequest[] = [];
  cookies: Record<string, string> = {
    sessionid: `${VIEWER_ID}%3AAbCdEfGhIjKlMn%3A12%3AAYd1234`,
    ds_user_id: VIEWER_ID,
    csrftoken: 'Xc9fTq2LmN4pR7sV1wY3zA5bD8eG0hJk',
  };
  private readonly handlers: Handler[] = [];

  on(method: 'GET' | 'POST', path: string, response: ApiResponse | (() => ApiResponse), guard: (url: URL, req: ApiRequest) => boolean = () => true): this {
    this.handlers.push((url, req) => {
      if ((req.method ?? 'GET') !== method || url.pathname !== path || !guard(url, req)) return undefined;
      return typeof response === 'function' ? response() : response;
    });
    return this;
  }

  async request(req: ApiRequest): Promise<ApiResponse> {
    this.requests.push(req);
    const url = new URL(req.url);
    for (const handler of this.handlers) {
      const response = handler(url, req);
      if (response) return response;
    }
    throw new Error(`Unexpected request: ${req.method ?? 'GET'} ${req.url} ${req.body ?? ''}`);
  }

  async getCookie(name: string): Promise<string | undefined> {
    return this.cookies[name];
  }

  /** The form fields of a POST body. */
  static form(req: ApiRequest): URLSearchParams {
    return new URLSearchParams(req.body ?? '');
  }
}
