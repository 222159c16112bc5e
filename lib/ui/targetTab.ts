import browser, { type Tabs } from 'webextension-polyfill';
import { detectFromUrl } from '../platforms/registry';
import type { PlatformId } from '../platforms/types';

export interface DetectedAccount {
  platform: PlatformId;
  /** Undefined on a platform page of no particular account (the home feed): the user's own is exported. */
  account?: string;
}

/** The web tab (not an extension page, not a browser page) the user looked at last. */
export function mostRecentWebTab(tabs: readonly Tabs.Tab[], selfId?: number): Tabs.Tab | undefined {
  return tabs
    .filter((tab) => tab.id !== selfId && /^https?:/.test(tab.url ?? ''))
    .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
}

/**
 * The tab whose account the popup offers to export. In the toolbar popup that is the active tab.
 * The popup page can also be open as a tab of its own (a pinned tab, automated tests), where the
 * active tab is itself: then `?tabId=` names the tab, or else the most recently used web tab of
 * its window (of any window, if its own has none) is meant.
 */
export async function findTargetTab(search: string): Promise<Tabs.Tab | undefined> {
  const requested = new URLSearchParams(search).get('tabId');
  if (requested !== null && /^\d+$/.test(requested)) return browser.tabs.get(Number(requested)).catch(() => undefined);
  const self = await browser.tabs.getCurrent();
  if (!self) return (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  return mostRecentWebTab(await browser.tabs.query({ windowId: self.windowId }), self.id) ?? mostRecentWebTab(await browser.tabs.query({}), self.id);
}

export async function detectTargetAccount(search: string): Promise<DetectedAccount | undefined> {
  const tab = await findTargetTab(search).catch(() => undefined);
  return tab?.url ? detectFromUrl(tab.url) : undefined;
}
