import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiRequest, ApiResponse, ListedPosts } from '../../../../lib/platforms/types';
import { FakePlatformContext } from '../fakePlatformContext';
import { respond } from '../fakeResponses';

export { redirect, respond } from '../fakeResponses';

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

/** For calling one strategy on its own: the engine's listed-posts index, empty. */
export const NONE_LISTED: ListedPosts = { has: async () => false };

/** The tokens profile-page.html carries, and the doc_ids its two bundles publish. */
export const PAGE_TOKENS = { fbDtsg: 'NAcNx7Zq-Wv8YtLp2Rk9Hs:17:1733480000', lsd: 'AVqKp5Zw3nE' };
export const BUNDLE_DOC_IDS = {
  PolarisProfilePostsQuery: '29990011223344556',
  PolarisProfileReelsTabContentQuery: '29990011223344557',
  PolarisStoriesV3ReelPageStandaloneQuery: '29990011223344558',
  PolarisProfileStoryHighlightsTrayContentQuery: '29990011223344559',
  PolarisPostRootQuery: '29990011223344560',
} as const;
export const BUNDLE_PATHS = ['/rsrc.php/v4/yA/r/Polaris1a2b.js', '/rsrc.php/v4/yC/r/Relay3c4d.js'] as const;

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

  /**
   * The web app's pages and the two bundles they link (profile-page.html, bundle-relay-ops-*.js.txt):
   * where GraphQL's tokens and doc_ids come from.
   */
  withWebApp(page = 'profile-page.html'): this {
    const javascript = { 'content-type': 'application/javascript' };
    return this.on('GET', '/star.demo/', () => respond(200, fixtureText(page)))
      .on('GET', '/', () => respond(200, fixtureText(page)))
      .on('GET', BUNDLE_PATHS[0], () => respond(200, fixtureText('bundle-relay-ops-1.js.txt'), javascript))
      .on('GET', BUNDLE_PATHS[1], () => respond(200, fixtureText('bundle-relay-ops-2.js.txt'), javascript));
  }

  /** The paths asked, in order (the host only where it is not www.instagram.com). */
  paths(): string[] {
    return this.requests.map((req) => {
      const url = new URL(req.url);
      return url.hostname === 'www.instagram.com' ? url.pathname : url.hostname + url.pathname;
    });
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
