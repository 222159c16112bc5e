import { storage } from 'wxt/utils/storage';
import { ExportError } from '../../errors';
import { openSecret, sealSecret, type SealedSecret } from '../secretBox';

/** A WebDAV account as stored: the app password only sealed (see secretBox). */
export interface StoredWebdavAccount {
  /** The folder exports go into, ending in `/`. */
  url: string;
  user: string;
  password: SealedSecret;
}

export interface WebdavCredentials {
  url: string;
  user: string;
  password: string;
}

const webdavAccount = storage.defineItem<StoredWebdavAccount | null>('local:webdavAccount', { fallback: null });

/** The server URL as a folder URL; only http(s), no credentials inside it. */
export function normalizeWebdavUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ExportError('invalid_request', 'The server address is not a valid URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ExportError('invalid_request', 'The server address must be an https (or http) address.');
  if (url.username || url.password) throw new ExportError('invalid_request', 'Enter the user name and password in their own fields, not in the address.');
  url.hash = '';
  url.search = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/** The host permission pattern for the server's origin alone. */
export function originPattern(url: string): string {
  return `${new URL(url).origin}/*`;
}

export async function saveWebdavAccount(credentials: WebdavCredentials): Promise<StoredWebdavAccount> {
  const account = { url: normalizeWebdavUrl(credentials.url), user: credentials.user.trim(), password: await sealSecret(credentials.password) };
  await webdavAccount.setValue(account);
  return account;
}

export async function readWebdavAccount(): Promise<StoredWebdavAccount | null> {
  return webdavAccount.getValue();
}

export function watchWebdavAccount(callback: (account: StoredWebdavAccount | null) => void): () => void {
  return webdavAccount.watch(callback);
}

export async function removeWebdavAccount(): Promise<void> {
  await webdavAccount.removeValue();
}

/** The account with its password opened, for the uploader only. */
export async function webdavCredentials(): Promise<WebdavCredentials> {
  const account = await readWebdavAccount();
  if (!account) throw new ExportError('http_error', 'No WebDAV server is connected: add it in History & settings, then press Continue.', { status: 401, uploadPause: 'login' });
  return { url: account.url, user: account.user, password: await openSecret(account.password) };
}
