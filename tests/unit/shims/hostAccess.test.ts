import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { assertHostAccess, hostOf, missingHostAccess, requestHostAccess } from '../../../lib/shims/hostAccess';

const ORIGINS = ['https://www.instagram.com/*', 'https://*.cdninstagram.com/*', 'https://*.fbcdn.net/*'];

/** Firefox's permissions.contains, answering for the origins the user granted. */
function grant(granted: string[]) {
  return vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async ({ origins = [] }) => origins.every((o) => granted.includes(o)));
}

describe('host access (Firefox makes MV3 host permissions optional)', () => {
  it('finds nothing missing when every manifest host is granted', async () => {
    grant(ORIGINS);
    expect(await missingHostAccess(ORIGINS)).toEqual([]);
    await expect(assertHostAccess(ORIGINS)).resolves.toBeUndefined();
  });

  it('names exactly the hosts not granted, each asked on its own', async () => {
    const contains = grant(['https://www.instagram.com/*']);
    expect(await missingHostAccess(ORIGINS)).toEqual(['https://*.cdninstagram.com/*', 'https://*.fbcdn.net/*']);
    expect(contains).toHaveBeenCalledTimes(ORIGINS.length);
  });

  it('refuses to start an export without them, saying which hosts and what to press', async () => {
    grant([]);
    const refusal = assertHostAccess(ORIGINS);
    await expect(refusal).rejects.toMatchObject({ kind: 'not_allowed_host' });
    await expect(refusal).rejects.toThrow('Star Export is not allowed to reach www.instagram.com, *.cdninstagram.com, *.fbcdn.net: open the Star Export popup and press “Allow access”');
  });

  it('asks for the missing origins in one request', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
    expect(await requestHostAccess(ORIGINS.slice(1))).toBe(true);
    expect(request).toHaveBeenCalledExactlyOnceWith({ origins: ORIGINS.slice(1) });
  });

  it('shows a host pattern as a user reads it', () => {
    expect(ORIGINS.map(hostOf)).toEqual(['www.instagram.com', '*.cdninstagram.com', '*.fbcdn.net']);
  });
});
