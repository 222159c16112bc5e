import { describe, expect, it } from 'vitest';
import { ExportError } from '../../../../lib/errors';
import { parsePageConfig } from '../../../../lib/platforms/youtube/pageConfig';
import { fixtureText } from './fakeYouTube';

describe('parsePageConfig (ytcfg.set in the home page)', () => {
  it('reads the client version, visitor data, session index and user session id the web client uses', () => {
    expect(parsePageConfig(fixtureText('home-page.html'))).toEqual({
      clientVersion: '2.20261120.01.00',
      visitorData: 'CgtpZFNqOEFQeVpwNCiMrbe6BjIKCgJVUxIEGgAgQw%3D%3D',
      loggedIn: true,
      sessionIndex: '0',
      userSessionId: '110123456789012345678',
    });
  });

  it('sees a logged-out page as such', () => {
    expect(parsePageConfig(fixtureText('home-page-logged-out.html'))).toMatchObject({ loggedIn: false, userSessionId: undefined });
  });

  it.each([
    ['"110123456789012345678||"', '110123456789012345678', undefined],
    ['"105554433221100998877||110123456789012345678"', '110123456789012345678', '105554433221100998877'],
  ])('takes the user and brand account parts of DATASYNC_ID %s', (datasync, user, delegated) => {
    const html = `<script>ytcfg.set({"LOGGED_IN":true,"INNERTUBE_CLIENT_VERSION":"2.1","DATASYNC_ID":${datasync}});</script>`;
    expect(parsePageConfig(html)).toMatchObject({ userSessionId: user, delegatedSessionId: delegated });
  });

  it('prefers USER_SESSION_ID and DELEGATED_SESSION_ID to DATASYNC_ID', () => {
    const html =
      '<script>ytcfg.set({"LOGGED_IN":true,"DATASYNC_ID":"1||2","USER_SESSION_ID":"110123456789012345678","DELEGATED_SESSION_ID":"105554433221100998877"});</script>';
    expect(parsePageConfig(html)).toMatchObject({ userSessionId: '110123456789012345678', delegatedSessionId: '105554433221100998877' });
  });

  it('falls back to INNERTUBE_CONTEXT for the version and visitor data', () => {
    const html = `<script>ytcfg.set({"LOGGED_IN":true,"INNERTUBE_CONTEXT":{"client":{"clientVersion":"2.9","visitorData":"Cgv"}}});</script>`;
    expect(parsePageConfig(html)).toMatchObject({ clientVersion: '2.9', visitorData: 'Cgv', sessionIndex: '0' });
  });

  it('says YouTube changed when the page has no config at all', () => {
    expect(() => parsePageConfig('<html><body>Before you continue to YouTube</body></html>')).toThrow(ExportError);
  });
});
