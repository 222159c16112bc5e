import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiRequest, ApiResponse } from '../../../lib/platforms/types';
import { FakePlatformContext } from '../platform-fakes/fakePlatformContext';
import { respond } from '../platform-fakes/fakeResponses';

export { redirect, respond } from '../platform-fakes/fakeResponses';

const FIXTURES = join(import.meta.dirname, 'fixtures');

/** A fixture's text as Instagram sent it (kept as text: 19-digit numbers must reach the parser intact). */
export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export function fixtureJson(name: string): unknown {
  return JSON.parse(fixtureText(name));
}

export function respondFixture(name: string, headers: Record<string, string> = {}): ApiResponse {
  return respond(200, fixtureText(name), headers);
}

type Handler = (url: URL, req: ApiRequest) => ApiResponse | undefined;

export const VIEWER_ID = '51234567890';

/** Answers each request from the first route whose method and path match and whose guard accepts the query/body. */
export class FakeInstagram extends FakePlatformContext {
  private readonly handlers: Handler[] = [];

  constructor() {
    super({
      sessionid: `${VIEWER_ID}%3AAbCdEfGhIjKlMn%3A12%3AAYd1234`,
      ds_user_id: VIEWER_ID,
      csrftoken: 'Xc9fTq2LmN4pR7sV1wY3zA5bD8eG0hJk',
    });
  }

  on(method: 'GET' | 'POST', path: string, response: ApiResponse | (() => ApiResponse), guard: (url: URL, req: ApiRequest) => boolean = () => true): this {
    this.handlers.push((url, req) => {
      if ((req.method ?? 'GET') !== method || url.pathname !== path || !guard(url, req)) return undefined;
      return typeof response === 'function' ? response() : response;
    });
    return this;
  }

  protected answer(req: ApiRequest, url: URL): ApiResponse | undefined {
    for (const handler of this.handlers) {
      const response = handler(url, req);
      if (response) return response;
    }
    return undefined;
  }

  /** The form fields of a POST body. */
  static form(req: ApiRequest): URLSearchParams {
    return new URLSearchParams(req.body ?? '');
  }
}
