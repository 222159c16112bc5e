import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { resolveAccount } from '../../../../lib/platforms/youtube/account';
import { respond } from '../fakeResponses';
import { rejection } from '../rejections';
import { FakeYouTube, LOGGED_IN_COOKIES, PARAMS, browseTab, fixtureText, respondFixture } from './fakeYouTube';

const USER = '110123456789012345678';
const BRAND = '105554433221100998877';

/** The home page of a browser switched to a brand account (DATASYNC_ID "<delegated>||<user>"). */
function brandHomePage(extra = ''): string {
  return `<script>ytcfg.set({"LOGGED_IN":true,"INNERTUBE_CLIENT_VERSION":"2.20261120.01.00","SESSION_INDEX":"0","DATASYNC_ID":"${BRAND}||${USER}"${extra}});</script>`;
}

/** The fixture account menu, as YouTube answers it for the given identity. */
function accountMenu(datasyncId: string, withChannel = true): string {
  const menu = JSON.parse(fixtureText(withChannel ? 'account-menu.json' : 'account-menu-no-channel.json')) as { responseContext: { mainAppWebResponseContext: Record<string, unknown> } };
  menu.responseContext.mainAppWebResponseContext.datasyncId = datasyncId;
  return JSON.stringify(menu);
}

function brandSession(menu: string): FakeYouTube {
  const yt = new FakeYouTube()
    .on('account/account_menu', respond(200, menu))
    .on('navigation/resolve_url', respondFixture('resolve-url-channel.json'))
    .on('browse', respondFixture('browse-videos-lockup.json'), browseTab(PARAMS.videos));
  yt.homePage = respond(200, brandHomePage());
  return yt;
}

describe('a browser switched to a brand account', () => {
  it('acts as the brand on every InnerTube call: X-Goog-PageId, and the user part of DATASYNC_ID in the hash', async () => {
    const yt = brandSession(accountMenu(`${BRAND}||${USER}`));
    expect(await resolveAccount(yt)).toMatchObject({ handle: 'star.demo' });
    const calls = yt.requests.filter((req) => req.url.includes('/youtubei/v1/'));
    expect(calls).toHaveLength(3);
    for (const call of calls) {
      expect(call.headers?.['X-Goog-PageId']).toBe(BRAND);
      const [, ts, hash] = /^SAPISIDHASH (\d+)_([0-9a-f]{40})_u /.exec(call.headers!.Authorization!)!;
      const expected = createHash('sha1').update(`${USER} ${ts} ${LOGGED_IN_COOKIES.SAPISID} https://www.youtube.com`).digest('hex');
      expect(hash).toBe(expected);
    }
  });

  it('takes DELEGATED_SESSION_ID and USER_SESSION_ID when the page config has them', async () => {
    const yt = brandSession(accountMenu(`${BRAND}||${USER}`));
    yt.homePage = respond(200, `<script>ytcfg.set({"LOGGED_IN":true,"DATASYNC_ID":"x||y","DELEGATED_SESSION_ID":"${BRAND}","USER_SESSION_ID":"${USER}"});</script>`);
    await resolveAccount(yt);
    expect(yt.requests[1]?.headers?.['X-Goog-PageId']).toBe(BRAND);
  });

  it('sends no X-Goog-PageId for a person’s own identity', async () => {
    const yt = brandSession(accountMenu(`${USER}||`));
    yt.homePage = respondFixture('home-page.html');
    await resolveAccount(yt);
    expect(yt.requests.every((req) => req.headers?.['X-Goog-PageId'] === undefined)).toBe(true);
  });

  it('refuses a menu YouTube answered for the person instead of the brand: never another channel', async () => {
    const yt = brandSession(accountMenu(`${USER}||`));
    const error = await rejection(resolveAccount(yt));
    expect(error.kind).toBe('account_not_found');
    expect(error.message).toMatch(/brand channel this browser is switched to/);
    expect(yt.bodies('browse')).toHaveLength(0);
  });

  it('says so clearly when the identity it acts as has no channel', async () => {
    const yt = brandSession(accountMenu(`${BRAND}||${USER}`, false));
    const error = await rejection(resolveAccount(yt));
    expect(error.kind).toBe('account_not_found');
    expect(error.message).toMatch(/identity this browser is switched to on YouTube has no channel/);
  });
});
