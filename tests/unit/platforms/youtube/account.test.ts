import { describe, expect, it } from 'vitest';
import { resolveAccount } from '../../../../lib/platforms/youtube/account';
import { redirect, respond } from '../fakeResponses';
import { rejection } from '../rejections';
import { CHANNEL_ID, FakeYouTube, PARAMS, browseTab, fixtureText, respondFixture, videoId } from './fakeYouTube';

const STAR_DEMO = {
  id: CHANNEL_ID,
  handle: 'star.demo',
  displayName: 'Star Demo ✨',
  postCount: 1234,
  profileUrl: 'https://www.youtube.com/@star.demo',
};
const resolves = (url: string) => (body: Record<string, unknown>) => body.url === url;

/** The star.demo channel, whose owner is the logged-in user (the fixture account menu is theirs). */
function withChannel(yt = new FakeYouTube()): FakeYouTube {
  return yt.on('browse', respondFixture('browse-videos-lockup.json'), browseTab(PARAMS.videos)).on('account/account_menu', respondFixture('account-menu.json'));
}

describe('resolveAccount', () => {
  it('finds the logged-in user’s own channel: account menu → handle → resolve_url', async () => {
    const yt = withChannel()
      .on('account/account_menu', respondFixture('account-menu.json'))
      .on('navigation/resolve_url', respondFixture('resolve-url-channel.json'), resolves('https://www.youtube.com/@star.demo'));
    expect(await resolveAccount(yt)).toMatchObject(STAR_DEMO);
    expect(yt.requests.map((r) => new URL(r.url).pathname)).toEqual([
      '/',
      '/youtubei/v1/account/account_menu',
      '/youtubei/v1/navigation/resolve_url',
      '/youtubei/v1/browse',
    ]);
  });

  it('sends the web client’s headers, context and fresh SAPISIDHASH tokens', async () => {
    const yt = withChannel()
      .on('account/account_menu', respondFixture('account-menu.json'))
      .on('navigation/resolve_url', respondFixture('resolve-url-channel.json'));
    await resolveAccount(yt);
    const call = yt.requests[1]!;
    expect(call.method).toBe('POST');
    expect(call.url).toBe('https://www.youtube.com/youtubei/v1/account/account_menu?prettyPrint=false');
    expect(call.headers).toMatchObject({
      'Content-Type': 'application/json',
      'X-Youtube-Client-Name': '1',
      'X-Youtube-Client-Version': '2.20261120.01.00',
      'X-Goog-Visitor-Id': 'CgtpZFNqOEFQeVpwNCiMrbe6BjIKCgJVUxIEGgAgQw%3D%3D',
      'X-Goog-AuthUser': '0',
      'X-Origin': 'https://www.youtube.com',
    });
    expect(call.headers?.Authorization).toMatch(/^SAPISIDHASH \d+_[0-9a-f]{40}_u SAPISID1PHASH \d+_[0-9a-f]{40}_u SAPISID3PHASH \d+_[0-9a-f]{40}_u$/);
    const now = Math.floor(Date.now() / 1000);
    expect(Math.abs(Number(/SAPISIDHASH (\d+)_/.exec(call.headers!.Authorization!)![1]) - now)).toBeLessThan(5);
    expect(JSON.parse(call.body!).context.client).toEqual({
      clientName: 'WEB',
      clientVersion: '2.20261120.01.00',
      hl: 'en',
      gl: 'US',
      visitorData: 'CgtpZFNqOEFQeVpwNCiMrbe6BjIKCgJVUxIEGgAgQw%3D%3D',
    });
  });

  it.each([
    ['a handle', 'star.demo'],
    ['an @handle', '@star.demo'],
    ['a channel URL', 'https://www.youtube.com/@star.demo/shorts'],
    ['a legacy custom URL', 'c/StarDemo'],
  ])('resolves %s through resolve_url', async (_what, account) => {
    const yt = withChannel().on('navigation/resolve_url', respondFixture('resolve-url-channel.json'));
    expect(await resolveAccount(yt, account)).toMatchObject(STAR_DEMO);
    expect(yt.bodies('navigation/resolve_url')).toHaveLength(1);
  });

  it('takes a channel id as it is', async () => {
    const yt = withChannel();
    expect(await resolveAccount(yt, `channel/${CHANNEL_ID}`)).toMatchObject(STAR_DEMO);
    expect(yt.bodies('navigation/resolve_url')).toHaveLength(0);
  });

  it('finds a watch page’s uploader through the player', async () => {
    const yt = withChannel().on('player', respondFixture('player-ok.json'), videoId('BD-LB23rRBE'));
    expect(await resolveAccount(yt, 'video:BD-LB23rRBE')).toMatchObject(STAR_DEMO);
  });

  it('asks the watch page when the player refuses', async () => {
    const yt = withChannel().on('player', respondFixture('player-bot-wall.json')).on('next', respondFixture('next.json'), videoId('xnhI8vUSEzo'));
    expect(await resolveAccount(yt, 'video:xnhI8vUSEzo')).toMatchObject(STAR_DEMO);
  });

  it('reads the older channel header’s video count', async () => {
    const yt = new FakeYouTube().on('browse', respondFixture('browse-videos-legacy.json')).on('account/account_menu', respondFixture('account-menu.json'));
    expect((await resolveAccount(yt, `channel/${CHANNEL_ID}`)).postCount).toBe(1234);
  });

  it('knows the logged-in user’s own channel from any address of it, and someone else’s as theirs', async () => {
    expect(await resolveAccount(withChannel().on('navigation/resolve_url', respondFixture('resolve-url-channel.json')))).toMatchObject({ isViewer: true });
    expect(await resolveAccount(withChannel(), `channel/${CHANNEL_ID}`)).toMatchObject({ isViewer: true });
    const visitor = new FakeYouTube()
      .on('account/account_menu', respondFixture('account-menu-no-channel.json'))
      .on('browse', respondFixture('browse-videos-lockup.json'), browseTab(PARAMS.videos));
    expect(await resolveAccount(visitor, `channel/${CHANNEL_ID}`)).toMatchObject({ isViewer: false });
  });

  it('tells a user without a channel so', async () => {
    const yt = new FakeYouTube().on('account/account_menu', respondFixture('account-menu-no-channel.json'));
    const error = await rejection(resolveAccount(yt));
    expect(error.kind).toBe('account_not_found');
    expect(error.message).toMatch(/no YouTube channel/);
  });

  it.each([
    ['an unknown handle (404)', 'nobody.here', () => new FakeYouTube().on('navigation/resolve_url', respond(404, '{"error":{"code":404,"status":"NOT_FOUND"}}'))],
    ['a terminated channel (alert)', `channel/${CHANNEL_ID}`, () => new FakeYouTube().on('browse', respondFixture('browse-channel-gone.json'))],
    ['a URL that is no channel', 'https://www.youtube.com/watch?v=xnhI8vUSEzo', () => new FakeYouTube().on('player', respond(200, '{"playabilityStatus":{"status":"ERROR"}}')).on('next', respond(200, '{"contents":{}}'))],
  ])('refuses %s as account_not_found', async (_what, account, make) => {
    expect((await rejection(resolveAccount(make(), account))).kind).toBe('account_not_found');
  });

  describe('logged out is the clear login error, never an empty export', () => {
    const LOGIN = /Log in to YouTube in this browser, then try again\./;

    it('without the SAPISID cookies, before any request', async () => {
      const yt = new FakeYouTube();
      delete yt.cookies.SAPISID;
      delete yt.cookies['__Secure-3PAPISID'];
      const error = await rejection(resolveAccount(yt));
      expect(error).toMatchObject({ kind: 'login_required' });
      expect(error.message).toMatch(LOGIN);
      expect(yt.requests).toHaveLength(0);
    });

    it.each([
      ['a logged-out page config', (yt: FakeYouTube) => void (yt.homePage = respond(200, fixtureText('home-page-logged-out.html')))],
      ['a consent redirect', (yt: FakeYouTube) => void (yt.homePage = redirect('https://consent.youtube.com/m?continue=https%3A%2F%2Fwww.youtube.com%2F'))],
      ['401 UNAUTHENTICATED', (yt: FakeYouTube) => void yt.on('account/account_menu', respond(401, '{"error":{"code":401,"status":"UNAUTHENTICATED"}}'))],
      ['loggedOut: true', (yt: FakeYouTube) => void yt.on('account/account_menu', respondFixture('account-menu-logged-out.json'))],
    ])('on %s', async (_what, arrange) => {
      const yt = new FakeYouTube();
      arrange(yt);
      const error = await rejection(resolveAccount(yt));
      expect(error.kind).toBe('login_required');
      expect(error.message).toMatch(LOGIN);
    });
  });
});
