import { describe, expect, it } from 'vitest';
import { resolveAccount } from '../../../../lib/platforms/facebook/account';
import { redirect } from '../fakeResponses';
import { rejection } from '../rejections';
import { FakeFacebook, fixtureText, respond, respondFixture, VIEWER_ID } from './fakeFacebook';

describe('resolveAccount', () => {
  it('exports the logged-in user by default, named by the home page, with one request', async () => {
    const fb = new FakeFacebook();
    await expect(resolveAccount(fb)).resolves.toEqual({
      id: VIEWER_ID,
      handle: VIEWER_ID,
      displayName: 'Maria Test',
      profileUrl: `https://www.facebook.com/profile.php?id=${VIEWER_ID}`,
      isViewer: true,
    });
    expect(fb.requests.map((r) => r.url)).toEqual(['https://www.facebook.com/']);
  });

  it('treats the user’s own id as their own profile', async () => {
    await expect(resolveAccount(new FakeFacebook(), VIEWER_ID)).resolves.toMatchObject({ id: VIEWER_ID, displayName: 'Maria Test' });
  });

  it('takes a numeric id as given, without reading its profile page', async () => {
    const fb = new FakeFacebook();
    await expect(resolveAccount(fb, 'https://www.facebook.com/profile.php?id=100077712345678')).resolves.toMatchObject({ id: '100077712345678', handle: '100077712345678' });
    expect(fb.requests).toHaveLength(1);
  });

  it('reads a vanity name’s id ("userID") and name from its profile page', async () => {
    const fb = new FakeFacebook().onPage('/maria.friends', respondFixture('profile-page.html'));
    await expect(resolveAccount(fb, '@Maria.Friends')).resolves.toEqual({
      id: '100077712345678',
      handle: 'maria.friends',
      displayName: 'Maria Test & Friends',
      profileUrl: 'https://www.facebook.com/maria.friends',
    });
  });

  it('reads a Page’s id ("pageID")', async () => {
    const fb = new FakeFacebook().onPage('/somebakery', respondFixture('page-profile.html'));
    await expect(resolveAccount(fb, 'https://www.facebook.com/somebakery/photos')).resolves.toMatchObject({ id: '104512345678901', displayName: 'Some Bakery' });
  });

  it('says when a profile does not exist', async () => {
    const fb = new FakeFacebook().onPage('/nobody.here', respond(404, fixtureText('profile-not-found.html')));
    expect((await rejection(resolveAccount(fb, 'nobody.here'))).kind).toBe('account_not_found');
    expect((await rejection(resolveAccount(new FakeFacebook(), 'not a name!'))).kind).toBe('account_not_found');
  });

  it.each([
    ['no cookies at all', (fb: FakeFacebook) => void (fb.cookies = {})],
    ['no c_user', (fb: FakeFacebook) => void delete fb.cookies.c_user],
    ['a logged-out home page (USER_ID "0", login form)', (fb: FakeFacebook) => void fb.onPage('/', respondFixture('home-logged-out.html'), true)],
    ['a redirect to the login page', (fb: FakeFacebook) => void fb.onPage('/', redirect('https://www.facebook.com/login/?next=%2F'), true)],
    ['a checkpoint', (fb: FakeFacebook) => void fb.onPage('/', redirect('https://www.facebook.com/checkpoint/1501092823525282/'), true)],
    ['a page for another account than c_user', (fb: FakeFacebook) => void (fb.cookies.c_user = '100000000000001')],
  ])('asks to log in on %s, never exporting nothing', async (_name, setUp) => {
    const fb = new FakeFacebook();
    setUp(fb);
    const error = await rejection(resolveAccount(fb));
    expect(error.kind).toBe('login_required');
    expect(error.message).toMatch(/log in/i);
  });

  it('accepts a Page profile the user switched to (i_user)', async () => {
    const fb = new FakeFacebook();
    fb.cookies.c_user = '100000000000001';
    fb.cookies.i_user = VIEWER_ID;
    await expect(resolveAccount(fb)).resolves.toMatchObject({ id: VIEWER_ID });
  });

  it('reports a temporary block met on the home page as one', async () => {
    const fb = new FakeFacebook().onPage('/', respondFixture('block-page.html'), true);
    const error = await rejection(resolveAccount(fb));
    expect(error).toMatchObject({ kind: 'rate_limited', details: { temporaryBlock: true } });
  });

  it('calls a home page without tokens or login form a change on Facebook’s side', async () => {
    const fb = new FakeFacebook().onPage('/', respond(200, '<!DOCTYPE html><html><body><div id="mount"></div></body></html>'), true);
    expect((await rejection(resolveAccount(fb))).kind).toBe('platform_changed');
  });
});
