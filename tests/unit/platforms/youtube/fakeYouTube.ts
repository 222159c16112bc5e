import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiRequest, ApiResponse } from '../../../../lib/platforms/types';
import { FakePlatformContext } from '../fakePlatformContext';
import { respond } from '../fakeResponses';

const FIXTURES = join(import.meta.dirname, 'fixtures');

export const CHANNEL_ID = 'UCd5hJ1MrjUxB0eMkGThiWdQ';

export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export function respondFixture(name: string): ApiResponse {
  return respond(200, fixtureText(name));
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

/** GET / answers the home page, each InnerTube endpoint the first route whose guard accepts the JSON body. */
export class FakeYouTube extends FakePlatformContext {
  homePage: ApiResponse = respondFixture('home-page.html');
  private readonly handlers: Handler[] = [];

  constructor() {
    super({ ...LOGGED_IN_COOKIES });
  }

  on(endpoint: string, response: ApiResponse | (() => ApiResponse), guard: (body: Body) => boolean = () => true): this {
    this.handlers.push((url, body) => {
      if (url.pathname !== `/youtubei/v1/${endpoint}` || !guard(body)) return undefined;
      return typeof response === 'function' ? response() : response;
    });
    return this;
  }

  protected answer(req: ApiRequest, url: URL): ApiResponse | undefined {
    if (req.method === 'GET' && url.pathname === '/') return this.homePage;
    const body = JSON.parse(req.body ?? '{}') as Body;
    for (const handler of this.handlers) {
      const response = handler(url, body);
      if (response) return response;
    }
    return undefined;
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

/** A channel with three Videos pages (both continuation shapes), two Shorts pages (both Shorts shapes) and a Live tab. */
export function channelTabs(yt = new FakeYouTube()): FakeYouTube {
  return yt
    .on('browse', respondFixture('browse-videos-lockup.json'), browseTab(PARAMS.videos))
    .on('browse', respondFixture('continuation-videos-viewmodel.json'), continuation(TOKENS.videos2))
    .on('browse', respondFixture('continuation-videos-last.json'), continuation(TOKENS.videos3))
    .on('browse', respondFixture('browse-shorts-lockup.json'), browseTab(PARAMS.shorts))
    .on('browse', respondFixture('continuation-shorts-reel.json'), continuation(TOKENS.shorts2))
    .on('browse', respondFixture('browse-streams-lockup.json'), browseTab(PARAMS.streams));
}
