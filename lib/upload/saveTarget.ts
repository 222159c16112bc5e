import { storage } from 'wxt/utils/storage';
import { dropboxClientId } from './dropbox/dropboxAuth';
import { googleClientId } from './googleDrive/googleAuth';

/** Where a finished export goes. */
export type SaveTarget = 'downloads' | 'googleDrive' | 'dropbox' | 'webdav';

export const SAVE_TARGET_LABELS: Readonly<Record<SaveTarget, string>> = {
  downloads: 'Downloads folder',
  googleDrive: 'Google Drive',
  dropbox: 'Dropbox',
  webdav: 'WebDAV (Nextcloud, ownCloud, …)',
};

/** The short name in progress lines: "Uploading to WebDAV — 1.2 of 4 GB". */
export const SAVE_TARGET_SHORT: Readonly<Record<SaveTarget, string>> = {
  downloads: 'your downloads',
  googleDrive: 'Google Drive',
  dropbox: 'Dropbox',
  webdav: 'WebDAV',
};

/**
 * The targets this build can upload to; the others are listed but not offered. Google Drive and
 * Dropbox need the build's client id (WXT_GOOGLE_CLIENT_ID, WXT_DROPBOX_CLIENT_ID).
 */
export const AVAILABLE_SAVE_TARGETS: readonly SaveTarget[] = [
  'downloads',
  'webdav',
  ...(googleClientId() ? (['googleDrive'] as const) : []),
  ...(dropboxClientId() ? (['dropbox'] as const) : []),
];

export function isSaveTarget(value: unknown): value is SaveTarget {
  return typeof value === 'string' && Object.hasOwn(SAVE_TARGET_LABELS, value);
}

/** The default chosen in History & settings; the popup starts with it. */
export const defaultSaveTarget = storage.defineItem<SaveTarget>('local:saveTarget', { fallback: 'downloads' });

export async function readDefaultSaveTarget(): Promise<SaveTarget> {
  const value = await defaultSaveTarget.getValue();
  return isSaveTarget(value) ? value : 'downloads';
}
