import { describe, expect, it, vi } from 'vitest';
import browser, { type Menus, type Tabs } from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing';
import {
  EXPORT_MENU_ID,
  exportFromMenuClick,
  installContextMenu,
  platformUrlPatterns,
  requestFromMenuClick,
} from '../../../lib/export/contextMenuExport';
import { DEFAULT_USER_PREFERENCES, userPreferences } from '../../../lib/export/userPreferences';
import { registeredAdapters } from '../../../lib/platforms/registry';

const defaults = DEFAULT_USER_PREFERENCES;

describe('requestFromMenuClick', () => {
  it.each([
    ['a profile page', { pageUrl: 'https://www.instagram.com/star.demo/' }, { platform: 'instagram', account: 'star.demo' }],
    ['a link to a profile, on another profile', { linkUrl: 'https://www.instagram.com/other.one/', pageUrl: 'https://www.instagram.com/star.demo/' }, { platform: 'instagram', account: 'other.one' }],
    ['a link to a bare post, on a profile', { linkUrl: 'https://www.instagram.com/p/ABC123/', pageUrl: 'https://www.instagram.com/star.demo/' }, { platform: 'instagram', account: 'star.demo' }],
    ['the home feed (the user’s own account)', { pageUrl: 'https://www.instagram.com/' }, { platform: 'instagram' }],
  ])('%s', (_name, click, expected) => {
    expect(requestFromMenuClick(click, defaults)).toEqual({ ...expected, format: 'json', includeMedia: true });
  });

  it('asks for nothing off the platforms', () => {
    expect(requestFromMenuClick({ pageUrl: 'https://example.com/star.demo/' }, defaults)).toBeUndefined();
    expect(requestFromMenuClick({}, defaults)).toBeUndefined();
  });
});

describe('exportFromMenuClick', () => {
  it('starts the export with the user’s default format and media choice', async () => {
    await userPreferences.setValue({ format: 'html', includeMedia: false, retentionDays: 7, pacing: 'careful', options: {} });
    const start = vi.fn(async () => ({ jobId: 'x' }));
    expect(await exportFromMenuClick({ pageUrl: 'https://www.instagram.com/star.demo/reels/' }, start)).toBe(true);
    expect(start).toHaveBeenCalledWith({ platform: 'instagram', account: 'star.demo', format: 'html', includeMedia: false });
  });

  it('starts the export with the user’s default options', async () => {
    const options = { mediaTypes: ['videos', 'reels'], quality: 'high' as const, speedLimitMBps: 5 };
    await userPreferences.setValue({ format: 'json', includeMedia: true, retentionDays: 7, pacing: 'careful', options });
    const start = vi.fn(async () => ({ jobId: 'x' }));
    await exportFromMenuClick({ pageUrl: 'https://www.instagram.com/star.demo/' }, start);
    expect(start).toHaveBeenCalledWith({ platform: 'instagram', account: 'star.demo', format: 'json', includeMedia: true, ...options });
  });

  it('starts nothing on a page of no platform', async () => {
    const start = vi.fn(async () => undefined);
    expect(await exportFromMenuClick({ pageUrl: 'https://example.com/' }, start)).toBe(false);
    expect(start).not.toHaveBeenCalled();
  });

  it('passes a refusal of the scheduler on, for the caller to show', async () => {
    const start = vi.fn(async () => Promise.reject(new Error('Unknown export format.')));
    await expect(exportFromMenuClick({ pageUrl: 'https://www.instagram.com/star.demo/' }, start)).rejects.toThrow('Unknown export format.');
  });
});

describe('platformUrlPatterns', () => {
  it('matches the registered platforms’ pages only, over HTTPS', () => {
    const patterns = platformUrlPatterns(registeredAdapters());
    expect(patterns).toContain('https://www.instagram.com/*');
    for (const pattern of patterns) expect(pattern).toMatch(/^https:\/\/[a-z0-9.-]+\/\*$/);
  });
});

describe('installContextMenu', () => {
  it('registers "Export this account" on the platforms’ pages and links, and a click starts the export of that account', async () => {
    const create = vi.spyOn(browser.contextMenus, 'create').mockImplementation(() => 1);
    vi.spyOn(browser.contextMenus, 'removeAll').mockResolvedValue(undefined);
    let onClick: ((info: Menus.OnClickData, tab?: Tabs.Tab) => void) | undefined;
    vi.spyOn(browser.contextMenus.onClicked, 'addListener').mockImplementation((listener) => void (onClick = listener));
    const start = vi.fn(async () => ({ jobId: 'x' }));
    const onError = vi.fn();

    installContextMenu(registeredAdapters(), start, onError);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.waitFor(() => expect(create).toHaveBeenCalled());
    const patterns = platformUrlPatterns(registeredAdapters());
    expect(create).toHaveBeenCalledWith({
      id: EXPORT_MENU_ID,
      title: 'Export this account',
      contexts: ['page', 'link'],
      documentUrlPatterns: patterns,
      targetUrlPatterns: patterns,
    });

    onClick!({ menuItemId: EXPORT_MENU_ID, editable: false, modifiers: [], linkUrl: 'https://www.instagram.com/friend.one/' }, { url: 'https://www.instagram.com/' } as Tabs.Tab);
    await vi.waitFor(() => expect(start).toHaveBeenCalledWith({ platform: 'instagram', account: 'friend.one', format: 'json', includeMedia: true }));
    onClick!({ menuItemId: 'someone-else', editable: false, modifiers: [], pageUrl: 'https://www.instagram.com/star.demo/' });
    expect(start).toHaveBeenCalledTimes(1);
    expect(onError).not.toHaveBeenCalled();
  });

  it('hands a refused start to onError, for a notification', async () => {
    vi.spyOn(browser.contextMenus, 'removeAll').mockResolvedValue(undefined);
    let onClick: ((info: Menus.OnClickData, tab?: Tabs.Tab) => void) | undefined;
    vi.spyOn(browser.contextMenus.onClicked, 'addListener').mockImplementation((listener) => void (onClick = listener));
    const refusal = new Error('Exports from youtube are not supported yet.');
    const onError = vi.fn();
    installContextMenu(registeredAdapters(), async () => Promise.reject(refusal), onError);
    onClick!({ menuItemId: EXPORT_MENU_ID, editable: false, modifiers: [], pageUrl: 'https://www.instagram.com/star.demo/' });
    await vi.waitFor(() => expect(onError).toHaveBeenCalledWith(refusal));
  });
});
