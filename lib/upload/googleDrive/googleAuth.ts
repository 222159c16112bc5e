import { storage } from 'wxt/utils/storage';
import browser from 'webextension-polyfill';
import { ExportError } from '../../errors';
import { createState } from '../oauth/pkce';
import { openSecret, sealSecret, type SealedSecret } from '../secretBox';

type Fetch = typeof fetch;

const AUTHORIZE_URL = 'https://accounts.google.com/o/oauth2/v2/auth';
const REVOKE_URL = 'https://oauth2.googleapis.com/revoke';
const ABOUT_URL = 'https://www.googleapis.com/drive/v3/about?fields=user(emailAddress)';
/** Only the files and folders Star Export itself creates: the user's other files stay out of reach. */
export const DRIVE_FILE_SCOPE = 'https://www.googleapis.com/auth/drive.file';
/** Origins the upload talks to; requested as optional host permissions when the user connects. */
export const GOOGLE_DRIVE_ORIGINS = ['https://www.googleapis.com/*', 'https://oauth2.googleapis.com/*'];
/** A token this close to its expiry is renewed before use. */
const EXPIRY_MARGIN_MS = 5 * 60_000;

/** The OAuth client id ("Web application" client); a build-time setting, no secret. */
export function googleClientId(): string | undefined {
  const id = import.meta.env.WXT_GOOGLE_CLIENT_ID as string | undefined;
  return id ? id : undefined;
}

interface StoredGoogleToken {
  access: SealedSecret;
  /** ms since epoch. */
  expiresAt: number;
  /** The connected account, shown in settings and passed as login_hint when the token is renewed. */
  account?: string;
}

const googleToken = storage.defineItem<StoredGoogleToken | null>('local:googleDriveToken', { fallback: null });

export function watchGoogleDriveConnected(callback: (connected: boolean) => void): () => void {
  return googleToken.watch((value) => callback(value !== null));
}

export async function googleDriveAccount(): Promise<{ connected: boolean; account?: string }> {
  const stored = await googleToken.getValue();
  return stored ? { connected: true, account: stored.account } : { connected: false };
}

function requireClientId(): string {
  const clientId = googleClientId();
  if (!clientId) throw new ExportError('invalid_request', 'This build has no Google client id (WXT_GOOGLE_CLIENT_ID).');
  return clientId;
}

function signInAgain(): ExportError {
  return new ExportError('http_error', 'Google Drive needs you to sign in again: connect it again in History & settings, then press Continue.', { status: 401, uploadPause: 'login' });
}

/**
 * Google's token flow for browser clients (response_type=token). Its code flow would give a
 * refresh token, but Google's token endpoint refuses to exchange a code without the client secret
 * for the "Web application" clients that chromiumapp.org redirects need, PKCE or not, and a
 * secret shipped in an extension is no secret. So the access token comes straight from the
 * sign-in window, and an expired one is renewed the same way without a window (prompt=none),
 * which works while the user is signed in to Google in this browser and keeps the consent.
 */
async function authorize(clientId: string, interactive: boolean, account: string | undefined): Promise<{ token: string; expiresIn: number }> {
  const state = createState();
  const url = new URL(AUTHORIZE_URL);
  url.search = new URLSearchParams({
    client_id: clientId,
    response_type: 'token',
    redirect_uri: browser.identity.getRedirectURL('google'),
    scope: DRIVE_FILE_SCOPE,
    include_granted_scopes: 'false',
    state,
    ...(interactive ? {} : { prompt: 'none' }),
    ...(account ? { login_hint: account } : {}),
  }).toString();
  let returned: URL;
  try {
    returned = new URL(await browser.identity.launchWebAuthFlow({ url: url.href, interactive }));
  } catch (error) {
    if (!interactive) throw signInAgain();
    throw new ExportError('invalid_request', `Google Drive did not connect (${(error as Error).message}).`);
  }
  const answer = new URLSearchParams(returned.hash.slice(1));
  const token = answer.get('access_token');
  if (answer.get('state') !== state || !token) {
    if (!interactive) throw signInAgain();
    throw new ExportError('invalid_request', `Google Drive did not connect (${answer.get('error') ?? 'no token'}).`);
  }
  // Google's consent screen lets the user untick a scope; without this one nothing can be uploaded.
  if (!(answer.get('scope') ?? '').split(' ').includes(DRIVE_FILE_SCOPE)) {
    throw new ExportError('invalid_request', 'Google Drive connected without permission to save files; connect again and allow it.', { status: 403 });
  }
  return { token, expiresIn: Number(answer.get('expires_in')) || 3600 };
}

async function store(token: string, expiresIn: number, account: string | undefined): Promise<void> {
  await googleToken.setValue({ access: await sealSecret(token), expiresAt: Date.now() + expiresIn * 1000, ...(account ? { account } : {}) });
}

/** Which account the token belongs to, so a renewal asks Google for that one among several signed in. */
async function accountOf(token: string, fetchImpl: Fetch): Promise<string | undefined> {
  const response = await fetchImpl(ABOUT_URL, { headers: { Authorization: `Bearer ${token}` }, credentials: 'omit' }).catch(() => undefined);
  if (!response?.ok) return undefined;
  const about = (await response.json().catch(() => ({}))) as { user?: { emailAddress?: string } };
  return about.user?.emailAddress;
}

/** Opens Google's sign-in window for the drive.file scope and keeps the token sealed. */
export async function connectGoogleDrive(fetchImpl: Fetch = fetch): Promise<void> {
  const { token, expiresIn } = await authorize(requireClientId(), true, undefined);
  await store(token, expiresIn, await accountOf(token, fetchImpl));
}

/** A valid access token: the stored one, or a renewed one when it is (nearly) expired or `forceRefresh` says Google refused it. */
export async function googleDriveAccessToken({ forceRefresh = false } = {}): Promise<string> {
  const stored = await googleToken.getValue();
  if (!stored) throw new ExportError('http_error', 'Google Drive is not connected: connect it in History & settings, then press Continue.', { status: 401, uploadPause: 'login' });
  if (!forceRefresh && stored.expiresAt - EXPIRY_MARGIN_MS > Date.now()) return openSecret(stored.access);
  const { token, expiresIn } = await authorize(requireClientId(), false, stored.account);
  await store(token, expiresIn, stored.account);
  return token;
}

/**
 * Revokes the grant at Google and forgets the token. Google revokes only through a live token, so
 * an expired one is renewed first; offline, or signed out of Google, the token still goes.
 */
export async function disconnectGoogleDrive(fetchImpl: Fetch = fetch): Promise<void> {
  const access = await googleDriveAccessToken().catch(() => undefined);
  if (access) {
    await fetchImpl(REVOKE_URL, { method: 'POST', body: new URLSearchParams({ token: access }), credentials: 'omit' }).catch(() => undefined);
  }
  await googleToken.removeValue();
}
