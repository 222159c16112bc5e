import { describe, expect, it } from 'vitest';
import { startExport, waitForJobEnd } from './harness/exportJobs';
import { useFirefoxWithFake } from './harness/firefoxWithFake';
import { until } from './harness/until';

const POPUP = 'popup.html';
const HOST_PERMISSIONS = ['https://www.instagram.com/*', 'https://*.cdninstagram.com/*', 'https://*.fbcdn.net/*', 'https://www.youtube.com/*', 'https://i.ytimg.com/*', 'https://www.facebook.com/*'];

/**
 * Firefox lets the user withdraw an MV3 add-on's host permissions (about:addons → Permissions). The
 * popup must then say so and ask again with one button; an export must never start and fail silently.
 */
describe('Firefox: host permissions withdrawn', () => {
  const env = useFirefoxWithFake((fake) => fake.instagramCookies());

  it('refuses to start, the popup asks with one button, and after the user allows it the export runs', async () => {
    const { pages } = env.firefox;
    await pages.evaluate(`browser.permissions.remove({ origins: ${JSON.stringify(HOST_PERMISSIONS)} })`);

    await expect(startExport(pages, { platform: 'instagram', format: 'json', includeMedia: true })).rejects.toThrow(
      /not allowed to reach www\.instagram\.com, \*\.cdninstagram\.com.*press “Allow access”/,
    );
    expect(env.fake.log.filter((e) => e.host === 'www.instagram.com')).toEqual([]);

    await pages.openPage(POPUP);
    const notice = await until(
      () => pages.evaluate<string | null>(`document.querySelector('.host-access')?.textContent ?? null`, POPUP),
      (text) => text !== null,
    );
    expect(notice).toMatch(/has not allowed Star Export to reach www\.instagram\.com, \*\.cdninstagram\.com, .*www\.facebook\.com/);
    expect(await pages.evaluate<string[]>(`[...document.querySelectorAll('.host-access button')].map((b) => b.textContent)`, POPUP)).toEqual(['Allow access']);

    // The user's click: Firefox's prompt is answered "Allow" by extensions.webextOptionalPermissionPrompts=false.
    await pages.clickAsUser(POPUP, '.host-access button');
    const after = await until(() => pages.evaluate<string | null>(`document.querySelector('.host-access')?.textContent ?? null`, POPUP), (text) => text === null);
    expect(after, 'the notice is gone').toBeNull();
    expect(await pages.evaluate<boolean>(`browser.permissions.contains({ origins: ${JSON.stringify(HOST_PERMISSIONS)} })`)).toBe(true);

    const jobId = await startExport(pages, { platform: 'instagram', format: 'json', includeMedia: false });
    const job = await waitForJobEnd(pages, jobId, 120_000);
    expect(job.stage, JSON.stringify(job.error)).toBe('done');
  });
});
