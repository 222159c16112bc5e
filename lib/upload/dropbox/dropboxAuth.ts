import { storage } from 'wxt/utils/storage';
import browser from 'webextension-polyfill';
import { ExportError } from '../../errors';
import { codeChallenge, createCodeVerifier, createState } from '../oauth/pkce';
import { openSecret, sealSecret, type SealedSecret } from '../secretBox';

type Fetch = typeof fetch;

const AUTHORIZE_URL = 'https://www.dropbox.com/oauth2/authorize';
const TOKEN_URL = 'https://api.dropboxapi.com/oauth2/token';
const REVOKE_URL = 'https://api.dropboxapi.com/2/auth/token/revoke';
/** Origins the upload talks to; requested as optional host permissions when the user connects. */
export const DROPBOX_ORIGINS = ['https://api.dropboxapi.com/*', 'https://content.dropboxapi.com/*'];
/** A token this close to its expiry is refreshed before use. */
const EXPIRY_MARGIN_MS = 60_000;

/** The app key of the Dropbox app ("App folder" access, files.content.write); a build-time setting, no secret. */
export function dropboxClientId(): string | undefined {
  const id = import.meta.env.WXT_DROPBOX_CLIENT_ID as string | undefined;
  return id ? id : undefined;
}

interface StoredDropboxTokens {
  access: SealedSecret;
  refresh: SealedSecret;
  /** ms since epoch. */
  expiresAt: number;
}

const dropboxTokens = storage.defineItem<StoredDropboxTokens | null>('local:dropboxTokens', { fallback: null });

export function watchDropboxConnected(callback: (connected: boolean) => void): () => void {
  return dropboxTokens.watch((value) => callback(value !== null));
}

export async function isDropboxConnected(): Promise<boolean> {
  return (await dropboxTokens.getValue()) !== null;
}

interface TokenAnswer {
  access_token?: string;
  refresh_token?: string;
  expires_in?: number;
  error?: string;
}

async function tokenRequest(params: Record<string, string>, fetchImpl: Fetch): Promise<TokenAnswer> {
  let response: Response;
  try {
    response = await fetchImpl(TOKEN_URL, { method: 'POST', body: new URLSearchParams(params), credentials: 'omit' });
  } catch (error) {
    throw new ExportError('network_error', `Dropbox could not be reached (${(error as Error).message}).`);
  }
  const answer = (await response.json().catch(() => ({}))) as TokenAnswer;
  if (response.status === 400 || response.status === 401) {
    // invalid_grant: the user revoked the app, or the refresh token expired.
    throw new ExportError('http_error', 'Dropbox no longer accepts this connection: connect Dropbox again in History & settings, then press Continue.', {
      status: 401,
      uploadPause: 'login',
    });
  }
  if (!response.ok || !answer.access_token) throw new ExportError('http_error', `Dropbox's sign-in answered ${response.status}.`, { status: response.status });
  return answer;
}

async function storeTokens(answer: TokenAnswer, refreshToken: string): Promise<string> {
  const access = answer.access_token!;
  await dropboxTokens.setValue({
    access: await sealSecret(access),
    refresh: await sealSecret(refreshToken),
    expiresAt: Date.now() + (answer.expires_in ?? 14_400) * 1000,
  });
  return access;
}

/**
 * Runs Dropbox's OAuth 2.0 code flow with PKCE in the browser's sign-in window and keeps the
 * tokens sealed. Offline access gives a refresh token, so exports keep working after the
 * four-hour access token expires.
 */
export async function connectDropbox(fetchImpl: Fetch = fetch): Promise<void> {
  const clientId = dropboxClientId();
  if (!clientId) throw new ExportError('invalid_request', 'This build has no Dropbox app key (WXT_DROPBOX_CLIENT_ID).');
  const verifier = createCodeVerifier();
  const state = createState();
  const redirectUri = browser.identity.getRedirectURL('dropbox');
  const authorize = new URL(AUTHORIZE_URL);
  authorize.search = new URLSearchParams({
    client_id: clientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    code_challenge: await codeChallenge(verifier),
    code_challenge_method: 'S256',
    token_access_type: 'offline',
    state,
  }).toString();
  const returned = new URL(await browser.identity.launchWebAuthFlow({ url: authorize.href, interactive: true }));
  const code = returned.searchParams.get('code');
  if (returned.searchParams.get('state') !== state || !code) {
    throw new ExportError('invalid_request', returned.searchParams.get('error_description') ?? 'Dropbox did not connect.');
  }
  const answer = await tokenRequest({ code, grant_type: 'authorization_code', code_verifier: verifier, client_id: clientId, redirect_uri: redirectUri }, fetchImpl);
  if (!answer.refresh_token) throw new ExportError('http_error', 'Dropbox gave no refresh token.');
  await storeTokens(answer, answer.refresh_token);
}

/** A valid access token: the stored one, or a fresh one when it is (nearly) expired or `forceRefresh` says the server refused it. */
export async function dropboxAccessToken({ forceRefresh = false } = {}, fetchImpl: Fetch = fetch): Promise<string> {
  const stored = await dropboxTokens.getValue();
  if (!stored) throw new ExportError('http_error', 'Dropbox is not connected: connect it in History & settings, then press Continue.', { status: 401, uploadPause: 'login' });
  if (!forceRefresh && stored.expiresAt - EXPIRY_MARGIN_MS > Date.now()) return openSecret(stored.access);
  const clientId = dropboxClientId();
  if (!clientId) throw new ExportError('invalid_request', 'This build has no Dropbox app key (WXT_DROPBOX_CLIENT_ID).');
  const refreshToken = await openSecret(stored.refresh);
  const answer = await tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId }, fetchImpl);
  return storeTokens(answer, answer.refresh_token ?? refreshToken);
}

/** Revokes the token at Dropbox (best effort: offline, it still goes) and forgets both tokens. */
export async function disconnectDropbox(fetchImpl: Fetch = fetch): Promise<void> {
  const stored = await dropboxTokens.getValue();
  if (stored) {
    const access = await openSecret(stored.access).catch(() => undefined);
    if (access) await fetchImpl(REVOKE_URL, { method: 'POST', headers: { Authorization: `Bearer ${access}` }, credentials: 'omit' }).catch(() => undefined);
  }
  await dropboxTokens.removeValue();
}
