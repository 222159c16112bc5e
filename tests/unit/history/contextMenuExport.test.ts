import { describe, expect, it, vi } from 'vitest';
import { exportFromMenuClick, platformUrlPatterns, requestFromMenuClick } from '../../../lib/export/contextMenuExport';
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
    await userPreferences.setValue({ format: 'html', includeMedia: false, retentionDays: 7 });
    const start = vi.fn(async () => ({ jobId: 'x' }));
    expect(await exportFromMenuClick({ pageUrl: 'https://www.instagram.com/star.demo/reels/' }, start)).toBe(true);
    expect(start).toHaveBeenCalledWith({ platform: 'instagram', account: 'star.demo', format: 'html', includeMedia: false });
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
