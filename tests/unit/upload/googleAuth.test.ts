import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  connectGoogleDrive,
  disconnectGoogleDrive,
  DRIVE_FILE_SCOPE,
  googleDriveAccessToken,
  googleDriveAccount,
} from '../../../lib/upload/googleDrive/googleAuth';
import { FakeGoogleDrive } from './fakeGoogleDrive';

function setUp() {
  const server = new FakeGoogleDrive();
  import.meta.env.WXT_GOOGLE_CLIENT_ID = server.clientId;
  const windows: URL[] = [];
  vi.spyOn(fakeBrowser.identity, 'getRedirectURL').mockImplementation((path?: string) => `https://extension-id.chromiumapp.org/${path ?? ''}`);
  vi.spyOn(fakeBrowser.identity, 'launchWebAuthFlow').mockImplementation(async ({ url, interactive }) => {
    windows.push(new URL(url));
    return server.authorize(url, interactive ?? false);
  });
  return { server, windows };
}

/** Makes the stored token look an hour old. */
async function ageToken(): Promise<void> {
  const { googleDriveToken } = await fakeBrowser.storage.local.get('googleDriveToken');
  await fakeBrowser.storage.local.set({ googleDriveToken: { ...(googleDriveToken as object), expiresAt: Date.now() - 1 } });
}

describe('Google Drive sign-in', () => {
  it('asks for drive.file only, keeps the token sealed and knows the account', async () => {
    const { server, windows } = setUp();
    await connectGoogleDrive(server.fetch);
    const asked = windows[0]!.searchParams;
    expect(asked.get('scope')).toBe(DRIVE_FILE_SCOPE);
    expect(asked.get('response_type')).toBe('token');
    expect(asked.get('redirect_uri')).toBe(server.redirectUri);
    expect(await googleDriveAccount()).toEqual({ connected: true, account: server.account });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('ya29.');
    expect(await googleDriveAccessToken()).toBe('ya29.token-1');
  });

  it('renews an expired token without a window, for the same account', async () => {
    const { server, windows } = setUp();
    await connectGoogleDrive(server.fetch);
    await ageToken();
    expect(await googleDriveAccessToken()).toBe('ya29.token-2');
    const renewal = windows[1]!.searchParams;
    expect(renewal.get('prompt')).toBe('none');
    expect(renewal.get('login_hint')).toBe(server.account);
    // Still valid: no third window.
    expect(await googleDriveAccessToken()).toBe('ya29.token-2');
    // Google refused the token early: renewed on demand.
    expect(await googleDriveAccessToken({ forceRefresh: true })).toBe('ya29.token-3');
    expect(windows).toHaveLength(3);
  });

  it('asks the user to connect again when Google wants them back in the window', async () => {
    const { server } = setUp();
    await connectGoogleDrive(server.fetch);
    server.consented = false;
    await expect(googleDriveAccessToken({ forceRefresh: true })).rejects.toMatchObject({ kind: 'http_error', details: { status: 401, uploadPause: 'login' } });
  });

  it('refuses a connection whose consent left out drive.file', async () => {
    const { server } = setUp();
    server.grantsScope = false;
    await expect(connectGoogleDrive(server.fetch)).rejects.toThrow('without permission to save files');
    expect(await googleDriveAccount()).toEqual({ connected: false });
  });

  it('disconnect revokes the grant at Google and forgets the token, renewing an expired one to do so', async () => {
    const { server } = setUp();
    await connectGoogleDrive(server.fetch);
    await ageToken();
    await disconnectGoogleDrive(server.fetch);
    expect(server.consented).toBe(false);
    expect(await googleDriveAccount()).toEqual({ connected: false });
    await expect(googleDriveAccessToken()).rejects.toMatchObject({ details: { status: 401, uploadPause: 'login' } });
  });
});
