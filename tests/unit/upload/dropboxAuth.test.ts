import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { connectDropbox, disconnectDropbox, dropboxAccessToken, isDropboxConnected } from '../../../lib/upload/dropbox/dropboxAuth';
import { FakeDropbox } from './fakeDropbox';

function setUp() {
  const server = new FakeDropbox();
  import.meta.env.WXT_DROPBOX_CLIENT_ID = server.clientId;
  const windows: URL[] = [];
  vi.spyOn(fakeBrowser.identity, 'getRedirectURL').mockImplementation((path?: string) => `https://extension-id.chromiumapp.org/${path ?? ''}`);
  vi.spyOn(fakeBrowser.identity, 'launchWebAuthFlow').mockImplementation(async ({ url }) => {
    windows.push(new URL(url));
    return server.authorize(url);
  });
  return { server, windows };
}

describe('Dropbox sign-in', () => {
  it('runs the code flow with PKCE for offline access; Dropbox accepts the verifier and both tokens stay sealed', async () => {
    const { server, windows } = setUp();
    await connectDropbox(server.fetch);
    const asked = windows[0]!.searchParams;
    expect(asked.get('response_type')).toBe('code');
    expect(asked.get('token_access_type')).toBe('offline');
    expect(asked.get('code_challenge_method')).toBe('S256');
    expect(asked.get('redirect_uri')).toBe(server.redirectUri);
    expect(await isDropboxConnected()).toBe(true);
    expect(await dropboxAccessToken({}, server.fetch)).toBe(server.accessToken);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(server.refreshToken);
    // The refresh token the code exchange gave renews the access token.
    const first = server.accessToken;
    expect(await dropboxAccessToken({ forceRefresh: true }, server.fetch)).not.toBe(first);
  });

  it('refuses an answer whose state is not the one it sent', async () => {
    const { server } = setUp();
    vi.spyOn(fakeBrowser.identity, 'launchWebAuthFlow').mockImplementation(async ({ url }) => {
      const back = new URL(server.authorize(url));
      back.searchParams.set('state', 'forged');
      return back.href;
    });
    await expect(connectDropbox(server.fetch)).rejects.toThrow('Dropbox did not connect.');
    expect(await isDropboxConnected()).toBe(false);
  });

  it('disconnect revokes the token at Dropbox, which disables its refresh token too', async () => {
    const { server } = setUp();
    await connectDropbox(server.fetch);
    const refresh = server.refreshToken;
    await disconnectDropbox(server.fetch);
    expect(server.revoked).toBe(1);
    expect(server.refreshToken).not.toBe(refresh);
    expect(await isDropboxConnected()).toBe(false);
  });
});
