import browser, { type Menus, type Tabs } from 'webextension-polyfill';
import { detectFromUrl } from '../platforms/registry';
import type { PlatformAdapter } from '../platforms/types';
import { readDefaultSaveTarget } from '../upload/saveTarget';
import type { ExportRequest } from './types';
import { readUserPreferences, type UserPreferences } from './userPreferences';

export const EXPORT_MENU_ID = 'star-export:export-account';

/** Where the menu was opened: the link under the pointer, if any, and the page. */
export interface MenuClick {
  linkUrl?: string;
  pageUrl?: string;
}

/** The pages (and links to them) of every registered platform, as match patterns. */
export function platformUrlPatterns(adapters: readonly PlatformAdapter[]): string[] {
  return adapters.flatMap((adapter) => adapter.site.hosts.map((host) => `https://${host}/*`));
}

/**
 * The export the menu asks for: the account a link points to, else the account whose page is
 * open, else (a platform page of no one in particular, like the home feed) the user's own — with
 * the user's default format, media choice and export options.
 */
export function requestFromMenuClick(click: MenuClick, preferences: UserPreferences): ExportRequest | undefined {
  const options = { format: preferences.format, includeMedia: preferences.includeMedia, ...preferences.options };
  const link = click.linkUrl ? detectFromUrl(click.linkUrl) : undefined;
  if (link?.account) return { platform: link.platform, account: link.account, ...options };
  const page = click.pageUrl ? detectFromUrl(click.pageUrl) : undefined;
  if (page) return { platform: page.platform, ...(page.account ? { account: page.account } : {}), ...options };
  return undefined;
}

/** What a click on "Export this account" does; `start` is the scheduler's, as for the popup. */
export async function exportFromMenuClick(click: MenuClick, start: (request: ExportRequest) => Promise<unknown>): Promise<boolean> {
  const request = requestFromMenuClick(click, await readUserPreferences());
  if (!request) return false;
  // The default "Save to" falls back to the downloads folder when its account is disconnected.
  const saveTo = await readDefaultSaveTarget();
  await start(saveTo === 'downloads' ? request : { ...request, saveTo });
  return true;
}

/**
 * Registers the menu on the platforms' pages only. Chrome keeps menu items across worker
 * restarts, so they are (re)created when the extension is installed or updated.
 */
export function installContextMenu(
  adapters: readonly PlatformAdapter[],
  start: (request: ExportRequest) => Promise<unknown>,
  onError: (error: unknown) => void,
): void {
  const patterns = platformUrlPatterns(adapters);
  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({
        id: EXPORT_MENU_ID,
        title: 'Export this account',
        contexts: ['page', 'link'],
        documentUrlPatterns: patterns,
        targetUrlPatterns: patterns,
      }),
    );
  });
  browser.contextMenus.onClicked.addListener((info: Menus.OnClickData, tab?: Tabs.Tab) => {
    if (info.menuItemId !== EXPORT_MENU_ID) return;
    exportFromMenuClick({ linkUrl: info.linkUrl, pageUrl: info.pageUrl ?? tab?.url }, start).catch(onError);
  });
}
