import { describe, expect, it } from 'vitest';
import { resolveAccount } from '../../../lib/platforms/instagram/account';
import { redirect, respond } from '../platform-fakes/fakeResponses';
import { rejection } from '../platform-fakes/rejections';
import { FakeInstagram, VIEWER_ID, respondFixture } from './fakeInstagram';

const PROFILE = '/api/v1/users/web_profile_info/';
const byUsername = (name: string) => (url: URL) => url.searchParams.get('username') === name;

describe('resolveAccount', () => {
  it('needs a session cookie and asks nothing without one', async () => {
    const ig = new FakeInstagram();
    delete ig.cookies.sessionid;
    const error = await rejection(resolveAccount(ig));
    expect(error.kind).toBe('login_required');
    expect(error.message).toMatch(/log in to instagram/i);
    expect(ig.requests).toHaveLength(0);
  });

  it('resolves the own account from ds_user_id via users/{id}/info', async () => {
    const ig = new FakeInstagram().on('GET', `/api/v1/users/${VIEWER_ID}/info/`, respondFixture('user-info.json'));
    expect(await resolveAccount(ig)).toEqual({
      id: VIEWER_ID,
      handle: 'star.demo',
      displayName: 'Star Demo ✨',
      isPrivate: true,
      postCount: 7,
      profileUrl: 'https://www.instagram.com/star.demo/',
      isViewer: true,
    });
  });

  it('falls back to the id at the start of sessionid', async () => {
    const ig = new FakeInstagram().on('GET', `/api/v1/users/${VIEWER_ID}/info/`, respondFixture('user-info.json'));
    delete ig.cookies.ds_user_id;
    expect((await resolveAccount(ig)).id).toBe(VIEWER_ID);
  });

  it('sends the web app headers, CSRF token from the cookie', async () => {
    const ig = new FakeInstagram().on('GET', `/api/v1/users/${VIEWER_ID}/info/`, respondFixture('user-info.json'));
    await resolveAccount(ig);
    expect(ig.requests[0]?.headers).toMatchObject({
      'X-IG-App-ID': '936619743392459',
      'X-ASBD-ID': '129477',
      'X-CSRFToken': ig.cookies.csrftoken,
      'X-IG-WWW-Claim': '0',
      'X-Requested-With': 'XMLHttpRequest',
      Accept: '*/*',
    });
  });

  it.each([['star.demo'], ['@star.demo'], ['  Star.Demo '], ['https://www.instagram.com/star.demo/reels/']])(
    'resolves a named account given as %j via web_profile_info',
    async (input) => {
      const ig = new FakeInstagram().on('GET', PROFILE, respondFixture('web-profile-info.json'), byUsername('star.demo'));
      expect(await resolveAccount(ig, input)).toMatchObject({ id: VIEWER_ID, handle: 'star.demo', postCount: 7, isPrivate: false });
    },
  );

  it('accepts a numeric id', async () => {
    const ig = new FakeInstagram().on('GET', `/api/v1/users/${VIEWER_ID}/info/`, respondFixture('user-info.json'));
    expect((await resolveAccount(ig, VIEWER_ID)).handle).toBe('star.demo');
  });

  it('refuses a private account the viewer does not follow', async () => {
    const ig = new FakeInstagram().on('GET', PROFILE, respondFixture('web-profile-info-private.json'));
    const error = await rejection(resolveAccount(ig, 'closed.circle'));
    expect(error.kind).toBe('private_account');
    expect(error.message).toContain('@closed.circle');
  });

  it('allows a private account the viewer follows', async () => {
    const ig = new FakeInstagram().on('GET', PROFILE, respondFixture('web-profile-info-private-followed.json'));
    expect((await resolveAccount(ig, 'friend.private')).isPrivate).toBe(true);
  });

  it('allows the viewer’s own private account', async () => {
    const ig = new FakeInstagram().on('GET', PROFILE, respondFixture('web-profile-info-private.json'));
    ig.cookies.ds_user_id = '61111111111';
    expect((await resolveAccount(ig, 'closed.circle')).id).toBe('61111111111');
  });

  it.each([
    ['data.user is null', respondFixture('web-profile-info-null.json')],
    ['404', respond(404, '<!DOCTYPE html><html><body>Sorry, this page isn’t available.</body></html>')],
  ])('reports a missing account (%s) after an unsuccessful search', async (_name, response) => {
    const ig = new FakeInstagram()
      .on('GET', PROFILE, response)
      .on('GET', '/web/search/topsearch/', respondFixture('topsearch.json'));
    const error = await rejection(resolveAccount(ig, 'nobody.here'));
    expect(error.kind).toBe('account_not_found');
  });

  it('falls back to topsearch with an exact username match when web_profile_info is rate limited', async () => {
    const ig = new FakeInstagram()
      .on('GET', PROFILE, respond(429, '', { 'retry-after': '300' }))
      .on('GET', '/web/search/topsearch/', respondFixture('topsearch.json'), (url) => url.searchParams.get('query') === 'searchable.one');
    expect(await resolveAccount(ig, 'searchable.one')).toMatchObject({ id: '71234567891', handle: 'searchable.one', displayName: 'Searchable One' });
    expect(ig.requests.map((r) => new URL(r.url).origin + new URL(r.url).pathname)).toEqual([
      'https://www.instagram.com/api/v1/users/web_profile_info/',
      'https://www.instagram.com/web/search/topsearch/',
    ]);
  });

  it('keeps the first error when the search finds no exact match', async () => {
    const ig = new FakeInstagram()
      .on('GET', PROFILE, respond(429, '', { 'retry-after': '300' }))
      .on('GET', '/web/search/topsearch/', respondFixture('topsearch.json'));
    const error = await rejection(resolveAccount(ig, 'searchable'));
    expect(error.kind).toBe('rate_limited');
    expect(error.details.retryAfterMs).toBe(300_000);
  });

  it.each([
    ['a login redirect', redirect('https://www.instagram.com/accounts/login/'), 'login_required'],
    ['a checkpoint', respond(400, '{"message":"checkpoint_required","checkpoint_url":"https://www.instagram.com/challenge/x/","lock":true,"status":"fail"}'), 'checkpoint_required'],
  ] as const)('does not search after %s', async (_name, response, kind) => {
    const ig = new FakeInstagram().on('GET', PROFILE, response);
    expect((await rejection(resolveAccount(ig, 'star.demo'))).kind).toBe(kind);
    expect(ig.requests).toHaveLength(1);
  });

  it('rejects what cannot be a username without asking Instagram', async () => {
    const ig = new FakeInstagram();
    expect((await rejection(resolveAccount(ig, 'no spaces allowed'))).kind).toBe('account_not_found');
    expect(ig.requests).toHaveLength(0);
  });
});
