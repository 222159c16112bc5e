import { describe, expect, it, vi } from 'vitest';
import browser, { type Tabs } from 'webextension-polyfill';
import { detectTargetAccount, findTargetTab, mostRecentWebTab } from '../../../lib/ui/targetTab';

function tab(id: number, url: string, lastAccessed: number, windowId = 1): Tabs.Tab {
  return { id, url, lastAccessed, windowId, index: id, highlighted: false, active: false, pinned: false, incognito: false };
}

const popupTab = tab(9, 'chrome-extension://abc/popup.html', 500);
const profile = tab(2, 'https://www.instagram.com/star.demo/', 300);
const news = tab(3, 'https://news.example/', 200);
const settings = tab(4, 'chrome://settings/', 400);

describe('mostRecentWebTab', () => {
  it('takes the web tab used last, never the popup itself or a browser page', () => {
    expect(mostRecentWebTab([popupTab, news, profile, settings], popupTab.id)).toBe(profile);
    expect(mostRecentWebTab([popupTab, settings], popupTab.id)).toBeUndefined();
  });
});

describe('findTargetTab', () => {
  it('in the toolbar popup (no tab of its own), is the active tab of the window', async () => {
    vi.spyOn(browser.tabs, 'getCurrent').mockResolvedValue(undefined as never);
    const query = vi.spyOn(browser.tabs, 'query').mockResolvedValue([news]);
    expect(await findTargetTab('')).toBe(news);
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
  });

  it('as a tab of its own, is the web tab of its window used last', async () => {
    vi.spyOn(browser.tabs, 'getCurrent').mockResolvedValue(popupTab);
    vi.spyOn(browser.tabs, 'query').mockImplementation(async (info) => (info.windowId === 1 ? [popupTab, news, profile] : []));
    expect(await findTargetTab('')).toBe(profile);
  });

  it('as a tab alone in its window, is the web tab of any window used last', async () => {
    vi.spyOn(browser.tabs, 'getCurrent').mockResolvedValue(popupTab);
    vi.spyOn(browser.tabs, 'query').mockImplementation(async (info) => (info.windowId === 1 ? [popupTab] : [popupTab, tab(5, 'https://www.instagram.com/other/', 100, 2)]));
    expect((await findTargetTab(''))?.id).toBe(5);
  });

  it('is the tab ?tabId= names, when given', async () => {
    const get = vi.spyOn(browser.tabs, 'get').mockResolvedValue(profile);
    expect(await findTargetTab('?tabId=2')).toBe(profile);
    expect(get).toHaveBeenCalledWith(2);
  });

  it('finds nothing for a tab id that is gone, and ignores one that is not a number', async () => {
    vi.spyOn(browser.tabs, 'get').mockRejectedValue(new Error('No tab with id: 77.'));
    expect(await findTargetTab('?tabId=77')).toBeUndefined();
    vi.spyOn(browser.tabs, 'getCurrent').mockResolvedValue(undefined as never);
    vi.spyOn(browser.tabs, 'query').mockResolvedValue([news]);
    expect(await findTargetTab('?tabId=abc')).toBe(news);
  });
});

describe('detectTargetAccount', () => {
  it('reads the platform and account from the target tab’s address', async () => {
    vi.spyOn(browser.tabs, 'get').mockResolvedValue(profile);
    expect(await detectTargetAccount('?tabId=2')).toEqual({ platform: 'instagram', account: 'star.demo' });
  });

  it('is undefined off the platforms', async () => {
    vi.spyOn(browser.tabs, 'get').mockResolvedValue(news);
    expect(await detectTargetAccount('?tabId=3')).toBeUndefined();
  });
});
