import { describe, expect, it } from 'vitest';
import { resolveAccount } from '../../../../lib/platforms/instagram/account';
import { redirect, respond } from '../fakeResponses';
import { rejection } from '../rejections';
import { FakeInstagram, VIEWER_ID, fixtureText, respondFixture } from './fakeInstagram';

const PROFILE = '/api/v1/users/web_profile_info/';
const SEARCH = '/web/search/topsearch/';
const INFO = `/api/v1/users/${VIEWER_ID}/info/`;
const FEEDBACK_REQUIRED = '{"message":"feedback_required","spam":true,"feedback_title":"Try Again Later","status":"fail"}';

/** A topsearch answer with a look-alike first and the user asked for second. */
function searchFor(username: string, user: Record<string, unknown> = {}): string {
  const lookAlike = { pk: '71234567890', username: `${username}.fan`, full_name: 'Not me', is_private: false };
  const exact = { pk: VIEWER_ID, username, full_name: 'Star Demo', is_private: false, ...user };
  return JSON.stringify({ users: [{ position: 0, user: lookAlike }, { position: 1, user: exact }], status: 'ok' });
}
const byUsername = (name: string) => (url: URL) => url.searchParams.get('username') === name;

describe('resolveAccount', () => {
  it('needs a session cookie and asks nothing without one', async () => {
    const ig = new FakeInstagram();
    delete ig.cookies.ds_user_id;
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

  it('never reads the HttpOnly session cookie: without ds_user_id it asks to log in, asking nothing', async () => {
    const ig = new FakeInstagram();
    delete ig.cookies.ds_user_id;
    expect((await rejection(resolveAccount(ig))).kind).toBe('login_required');
    expect(ig.requests).toHaveLength(0);
  });

  it('sends the web app headers, CSRF token from the cookie', async () => {
    const ig = new FakeInstagram().on('GET', `/api/v1/users/${VIEWER_ID}/info/`, respondFixture('user-info.json'));
    await resolveAccount(ig);
    expect(ig.requests[0]?.headers).toMatchObject({
      'X-IG-App-ID': '936619743392459',
      'X-ASBD-ID': '359341',
      'X-CSRFToken': ig.cookies.csrftoken,
      'X-IG-WWW-Claim': '0',
      'X-Requested-With': 'XMLHttpRequest',
      Accept: '*/*',
    });
  });

  it.each([['star.demo'], ['@star.demo'], ['  Star.Demo '], ['https://www.instagram.com/star.demo/reels/']])(
    'resolves a named account given as %j: topsearch finds the id, users/{id}/info tells the facts',
    async (input) => {
      const ig = new FakeInstagram()
        .on('GET', SEARCH, () => respond(200, searchFor('star.demo')), (url) => url.searchParams.get('query') === 'star.demo')
        .on('GET', INFO, respondFixture('user-info.json'));
      expect(await resolveAccount(ig, input)).toMatchObject({ id: VIEWER_ID, handle: 'star.demo', postCount: 7 });
      expect(ig.paths()).toEqual([SEARCH, INFO]);
    },
  );

  it('accepts a numeric id', async () => {
    const ig = new FakeInstagram().on('GET', INFO, respondFixture('user-info.json'));
    expect((await resolveAccount(ig, VIEWER_ID)).handle).toBe('star.demo');
  });

  it('takes only the exact username from the search: look-alikes come first', async () => {
    const ig = new FakeInstagram()
      .on('GET', SEARCH, respondFixture('topsearch.json'))
      .on('GET', '/api/v1/users/71234567891/info/', () => respond(200, fixtureText('user-info.json').replaceAll(VIEWER_ID, '71234567891').replace('"star.demo"', '"searchable.one"').replace('"is_private": true', '"is_private": false')));
    expect(await resolveAccount(ig, 'searchable.one')).toMatchObject({ id: '71234567891', handle: 'searchable.one', postCount: 7 });
  });

  it.each([
    ['finds only look-alikes', respondFixture('topsearch.json')],
    ['answers feedback_required (not a checkpoint)', respond(400, FEEDBACK_REQUIRED)],
    ['redirects to / (retired for this session)', redirect(undefined)],
    ['answers 500', respond(500, '<html>oops</html>')],
  ])('reads "profile_id" from the profile page when the search %s', async (_name, searchAnswer) => {
    const ig = new FakeInstagram().on('GET', SEARCH, searchAnswer).withWebApp().on('GET', INFO, respondFixture('user-info.json'));
    expect(await resolveAccount(ig, 'star.demo')).toMatchObject({ id: VIEWER_ID, handle: 'star.demo', postCount: 7 });
    expect(ig.paths()).toContain('/star.demo/');
    expect(ig.paths().at(-1)).toBe(INFO);
  });

  it('asks web_profile_info last, when neither the search nor the page names the user', async () => {
    const ig = new FakeInstagram()
      .on('GET', SEARCH, respond(400, FEEDBACK_REQUIRED))
      .on('GET', '/star.demo/', () => respond(200, fixtureText('profile-page.html').replace(/"profile_id":"\d+",/, '')))
      .on('GET', PROFILE, respondFixture('web-profile-info.json'), byUsername('star.demo'));
    expect(await resolveAccount(ig, 'star.demo')).toMatchObject({ id: VIEWER_ID, handle: 'star.demo', postCount: 7, isPrivate: false });
    expect(ig.paths()).toEqual([SEARCH, '/star.demo/', PROFILE]);
  });

  it('goes on to web_profile_info when the profile page has no web app data at all (an older layout)', async () => {
    const ig = new FakeInstagram()
      .on('GET', SEARCH, respondFixture('topsearch.json'))
      .on('GET', '/star.demo/', respond(200, '<!DOCTYPE html><html><head><title>star.demo</title></head><body><h2>star.demo</h2></body></html>'))
      .on('GET', PROFILE, respondFixture('web-profile-info.json'));
    expect(await resolveAccount(ig, 'star.demo')).toMatchObject({ id: VIEWER_ID, handle: 'star.demo' });
  });

  it('takes the facts from web_profile_info when users/{id}/info is retired for this session', async () => {
    const ig = new FakeInstagram()
      .on('GET', SEARCH, () => respond(200, searchFor('star.demo')))
      .on('GET', INFO, redirect(undefined))
      .withWebApp()
      .on('GET', PROFILE, respondFixture('web-profile-info.json'));
    expect(await resolveAccount(ig, 'star.demo')).toMatchObject({ id: VIEWER_ID, postCount: 7 });
  });

  it('keeps what the search said when no endpoint tells the facts', async () => {
    const ig = new FakeInstagram()
      .on('GET', SEARCH, () => respond(200, searchFor('star.demo')))
      .on('GET', INFO, redirect(undefined))
      .withWebApp()
      .on('GET', PROFILE, respond(400, FEEDBACK_REQUIRED));
    expect(await resolveAccount(ig, 'star.demo')).toEqual({
      isViewer: true,
      id: VIEWER_ID,
      handle: 'star.demo',
      displayName: 'Star Demo',
      isPrivate: false,
      profileUrl: 'https://www.instagram.com/star.demo/',
    });
  });

  it('refuses a private account the viewer does not follow', async () => {
    const ig = new FakeInstagram()
      .on('GET', SEARCH, respond(200, '{"users":[],"status":"ok"}'))
      .on('GET', '/closed.circle/', () => respond(200, fixtureText('profile-page.html').replace(/"profile_id":"\d+",/, '')))
      .on('GET', PROFILE, respondFixture('web-profile-info-private.json'));
    const error = await rejection(resolveAccount(ig, 'closed.circle'));
    expect(error.kind).toBe('private_account');
    expect(error.message).toContain('@closed.circle');
  });

  it('refuses a private account the search says the viewer does not follow', async () => {
    const found = searchFor('closed.circle', { pk: '61111111111', is_private: true, friendship_status: { following: false } });
    const ig = new FakeInstagram()
      .on('GET', SEARCH, () => respond(200, found))
      .on('GET', '/api/v1/users/61111111111/info/', () => respond(200, '{"user":{"pk":"61111111111","username":"closed.circle","is_private":true,"media_count":3},"status":"ok"}'));
    expect((await rejection(resolveAccount(ig, 'closed.circle'))).kind).toBe('private_account');
  });

  it('allows the viewer’s own private account', async () => {
    const found = searchFor('closed.circle', { pk: '61111111111', is_private: true, friendship_status: { following: false } });
    const ig = new FakeInstagram().on('GET', SEARCH, () => respond(200, found)).on('GET', '/api/v1/users/61111111111/info/', redirect(undefined)).withWebApp().on('GET', PROFILE, respond(400, FEEDBACK_REQUIRED));
    ig.cookies.ds_user_id = '61111111111';
    expect((await resolveAccount(ig, 'closed.circle')).id).toBe('61111111111');
  });

  it('reports a missing account when every way that answered found nobody', async () => {
    const ig = new FakeInstagram()
      .on('GET', SEARCH, respondFixture('topsearch.json'))
      .on('GET', '/nobody.here/', respond(404, fixtureText('profile-page.html').replace(/"profile_id":"\d+",/, '')))
      .on('GET', PROFILE, respondFixture('web-profile-info-null.json'));
    expect((await rejection(resolveAccount(ig, 'nobody.here'))).kind).toBe('account_not_found');
  });

  it('says why when every way was refused rather than finding nobody', async () => {
    const ig = new FakeInstagram()
      .on('GET', SEARCH, respond(429, '', { 'retry-after': '300' }))
      .on('GET', '/star.demo/', () => respond(200, fixtureText('profile-page.html').replace(/"profile_id":"\d+",/, '')))
      .on('GET', PROFILE, respond(429, '', { 'retry-after': '300' }));
    const error = await rejection(resolveAccount(ig, 'star.demo'));
    expect(error.kind).toBe('rate_limited');
    expect(error.details.retryAfterMs).toBe(300_000);
  });

  it.each([
    ['a login redirect', redirect('https://www.instagram.com/accounts/login/'), 'login_required'],
    ['a checkpoint', respond(400, '{"message":"checkpoint_required","checkpoint_url":"https://www.instagram.com/challenge/x/","lock":true,"status":"fail"}'), 'checkpoint_required'],
  ] as const)('stops at %s from the search', async (_name, response, kind) => {
    const ig = new FakeInstagram().on('GET', SEARCH, response);
    expect((await rejection(resolveAccount(ig, 'star.demo'))).kind).toBe(kind);
    expect(ig.requests).toHaveLength(1);
  });

  it('stops when the profile page shows nobody logged in', async () => {
    const ig = new FakeInstagram().on('GET', SEARCH, respondFixture('topsearch.json')).withWebApp('profile-page-logged-out.html');
    expect((await rejection(resolveAccount(ig, 'star.demo'))).kind).toBe('login_required');
  });

  it('rejects what cannot be a username without asking Instagram', async () => {
    const ig = new FakeInstagram();
    expect((await rejection(resolveAccount(ig, 'no spaces allowed'))).kind).toBe('account_not_found');
    expect(ig.requests).toHaveLength(0);
  });
});
