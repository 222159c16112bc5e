import { describe, expect, it } from 'vitest';
import type { PlatformId } from '../../lib/platforms/types';
import { expectEveryServedFileAccountedFor, expectNeverMoreThanThreeInFlight, openExport } from '../e2e/exportChecks';
import { existingZips, waitForZip } from '../e2e/harness';
import { startExport, waitForJobEnd } from './harness/exportJobs';
import { useFirefoxWithFake } from './harness/firefoxWithFake';

const EXPORT_TIMEOUT_MS = 180_000;

/**
 * The three platforms exported in Firefox ESR, each started with the popup's own `startExport`
 * message from the extension's page (harness/extensionPages.ts: BiDi does not reach it), and
 * checked as in Chromium: every served file in the ZIP byte for byte, or failed with a reason.
 */
describe('Firefox: an export of each platform', () => {
  const env = useFirefoxWithFake((fake) => [...fake.instagramCookies(), ...fake.facebookCookies(), ...fake.youtubeCookies()]);

  const exportPlatform = async (platform: PlatformId) => {
    const before = await existingZips(env.firefox.downloadsDir);
    const jobId = await startExport(env.firefox.pages, { platform, format: 'json', includeMedia: true });
    const job = await waitForJobEnd(env.firefox.pages, jobId, EXPORT_TIMEOUT_MS);
    expect(job.stage, JSON.stringify(job.error)).toBe('done');
    const zipPath = await waitForZip(env.firefox.downloadsDir, 60_000, before);
    expect(zipPath.endsWith(job.fileName!), zipPath).toBe(true);
    return { zipPath, exported: await openExport(zipPath, platform) };
  };

  it('Instagram: every served file in the ZIP, byte-identical', async () => {
    const { zipPath, exported } = await exportPlatform('instagram');
    expect(exported.manifest.account.handle).toBe('star.demo');
    expect(exported.manifest.failed).toEqual([]);
    const postIds = new Set(exported.manifest.posts.map((p) => p.id));
    for (const id of env.fake.instagramPostIds()) expect(postIds.has(id), `post ${id}`).toBe(true);
    await expectEveryServedFileAccountedFor(zipPath, exported, env.fake.instagramMedia());
    expect(exported.manifest.counts.savedFiles).toBe(new Set(env.fake.instagramMedia().map((m) => m.mediaId)).size);
    expectNeverMoreThanThreeInFlight(env.fake);
  });

  it('Facebook: every photo and video byte-identical; POSTs carry the platform’s Origin (header rules work in Firefox)', async () => {
    const { zipPath, exported } = await exportPlatform('facebook');
    expect(exported.manifest.account.id).toBe(env.fake.facebookUserId());
    expect(exported.manifest.failed).toEqual([]);
    expect(exported.manifest.posts.map((p) => p.id).sort()).toEqual([...env.fake.facebookItemIds()].sort());
    await expectEveryServedFileAccountedFor(zipPath, exported, env.fake.facebookMedia());
    expect(exported.manifest.counts.savedFiles).toBe(env.fake.facebookMedia().length);
    const posts = env.fake.log.filter((e) => e.host === 'www.facebook.com' && e.method === 'POST');
    expect(posts.length).toBeGreaterThan(0);
    expect(new Set(posts.map((e) => e.origin))).toEqual(new Set(['https://www.facebook.com']));
  });

  it('YouTube: every thumbnail byte-identical, the one the CDN lacks failed with its reason', async () => {
    const { zipPath, exported } = await exportPlatform('youtube');
    expect(exported.manifest.account.handle).toBe('star.demo');
    expect(exported.manifest.posts.map((p) => p.id)).toEqual(env.fake.youtubeVideoIds());
    const served = env.fake.youtubeMedia();
    // The age-gated video's player gives no date: it is dated by its watch page's day, as in Chromium.
    const dayDated = new Map(exported.manifest.posts.filter((p) => p.metadata.dateSource !== 'player').map((p) => [p.id, Date.parse(p.publishedAt) / 1000]));
    const expected = served.map((m) => (dayDated.has(m.postId) ? { ...m, takenAt: dayDated.get(m.postId)! } : m));
    await expectEveryServedFileAccountedFor(zipPath, exported, expected);
    expect(exported.manifest.counts.savedFiles).toBe(served.length);
    expect(exported.manifest.failed.map((f) => f.reason)).toEqual(exported.manifest.failed.map(() => 'http_error'));
  });
});
