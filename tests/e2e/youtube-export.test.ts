import { describe, expect, it } from 'vitest';
import type { ServedMedia } from '../fake-platforms/types';
import { expectEveryServedFileAccountedFor, expectNeverMoreThanThreeInFlight, expectOnlyPlatformHosts, openExport } from './exportChecks';
import { exportFromPopup, useExtensionWithFake } from './extensionWithFake';
import { addFakeCookies, existingZips, readZipJson, waitForZip } from './harness';

const EXPORT_TIMEOUT_MS = 240_000;

interface YouTubePost {
  id: string;
  kind: string;
  publishedAt: string;
  caption: string | null;
  metadata: Record<string, unknown>;
  media: { id: string; path?: string; width?: number; height?: number; sourceUrl?: string; failure?: { reason: string; message: string } }[];
}

describe('YouTube export from the popup', () => {
  // The demo channel grown to hundreds of videos: seven Videos pages, two Shorts pages.
  const env = useExtensionWithFake({ youtubeChannels: [{ handle: 'star.demo', videos: 200, shorts: 60, lives: 3 }] });

  it('exports the logged-in user’s channel: every thumbnail byte-identical, named by its exact date; the missing one failed', async () => {
    await addFakeCookies(env.session.context, env.fake.youtubeCookies());
    const { end } = await exportFromPopup(env.session, 'youtube', EXPORT_TIMEOUT_MS);
    expect(end.outcome, end.text).toBe('done');

    const zipPath = await waitForZip(env.session.downloadsDir, 60_000);
    expect(zipPath).toMatch(/star-export_youtube_star\.demo_\d{4}-\d{2}-\d{2}_\d{8}-[0-9a-f]{6}\.zip$/);
    const exported = await openExport(zipPath, 'youtube');
    const { manifest, root } = exported;
    const posts = manifest.posts as unknown as YouTubePost[];

    expect(manifest.account).toMatchObject({ handle: 'star.demo', displayName: 'Star Demo ✨' });
    expect(posts.map((p) => p.id)).toEqual(env.fake.youtubeVideoIds());
    expect(posts.filter((p) => p.kind === 'video')).toHaveLength(200);
    expect(posts.filter((p) => p.kind === 'short')).toHaveLength(60);
    expect(posts.filter((p) => p.kind === 'live')).toHaveLength(3);
    expect(posts.filter((p) => p.metadata.dateApproximate)).toEqual([]);

    // One video is age-gated: the player gives no date, and the watch page only its (Pacific) day.
    const served = env.fake.youtubeMedia();
    const dayDated = posts.filter((p) => p.metadata.dateSource !== 'player');
    expect(dayDated.map((p) => p.metadata.dateSource)).toEqual(['watch page']);
    const expected = served.map((m): ServedMedia => {
      if (m.postId !== dayDated[0]!.id) return m;
      const day = Date.parse(dayDated[0]!.publishedAt) / 1000;
      expect(m.takenAt - day).toBeGreaterThanOrEqual(0);
      expect(m.takenAt - day).toBeLessThan(32 * 3600);
      return { ...m, takenAt: day };
    });
    await expectEveryServedFileAccountedFor(zipPath, exported, expected);
    expect(manifest.counts.savedFiles).toBe(served.length);

    // The one thumbnail i.ytimg.com does not have: a 404 (with a grey JPEG body), recorded, not kept.
    const servedIds = new Set(served.map((m) => m.mediaId));
    const missing = env.fake.youtubeVideoIds().flatMap((id) => [`${id}_high`, `${id}_medium`]).filter((id) => !servedIds.has(id));
    expect(missing).toHaveLength(1);
    const videoId = missing[0]!.replace(/_medium$/, '');
    expect(manifest.failed).toEqual([
      { mediaId: `${videoId}_medium`, postId: videoId, url: `https://i.ytimg.com/vi/${videoId}/mqdefault.jpg`, reason: 'http_error', message: expect.stringMatching(/404/) },
    ]);
    const failedEntry = posts.find((p) => p.id === videoId)!.media.find((m) => m.id === `${videoId}_medium`)!;
    expect(failedEntry.path).toBeUndefined();
    expect(failedEntry.failure?.reason).toBe('http_error');
    expect(env.fake.log.filter((e) => e.path === `/vi/${videoId}/mqdefault.jpg`).map((e) => e.status)).toEqual([404]);

    const first = posts[0]!;
    const highPath = first.media.find((m) => m.id === `${first.id}_high`)!.path!;
    expect(highPath).toMatch(new RegExp(`^media/images/youtube/\\d{4}-\\d\\d-\\d\\d_${first.id}_high\\.jpg$`));
    const sidecar = await readZipJson<Record<string, unknown>>(zipPath, `${root}/media/images/youtube/${first.id}_high.jpg.meta.json`);
    expect(sidecar).toMatchObject({
      id: `${first.id}_high`,
      postId: first.id,
      platform: 'youtube',
      kind: 'image',
      format: 'jpg',
      publishedAt: first.publishedAt,
      caption: first.caption,
      width: 1280,
      height: 720,
      sourceUrl: `https://i.ytimg.com/vi/${first.id}/maxresdefault.jpg`,
    });

    // Original is the largest thumbnail that exists: an upload below 720p (and every Short here) has
    // no maxresdefault, whose 404 only sends the export on to sddefault, never to the failed list.
    const thumbStatus = (id: string, name: string) => env.fake.log.filter((e) => e.path === `/vi/${id}/${name}.jpg`).map((e) => e.status);
    const withoutMaxres = posts.filter((p) => thumbStatus(p.id, 'maxresdefault')[0] === 404);
    expect(withoutMaxres.map((p) => p.kind).sort()).toEqual([...Array(60).fill('short'), 'video']);
    for (const post of withoutMaxres) {
      expect(thumbStatus(post.id, 'maxresdefault')).toEqual([404]);
      expect(thumbStatus(post.id, 'sddefault')).toEqual([200]);
      expect(post.media.find((m) => m.id === `${post.id}_high`)).toMatchObject({ width: 640, height: 480, sourceUrl: `https://i.ytimg.com/vi/${post.id}/sddefault.jpg` });
    }
    const lowRes = withoutMaxres.find((p) => p.kind === 'video')!;
    expect(await readZipJson<Record<string, unknown>>(zipPath, `${root}/media/images/youtube/${lowRes.id}_high.jpg.meta.json`)).toMatchObject({
      width: 640,
      height: 480,
      sourceUrl: `https://i.ytimg.com/vi/${lowRes.id}/sddefault.jpg`,
    });

    // Requests per video: one player call (the age-gated one also asks next); one browse per grid page.
    const api = env.fake.log.filter((e) => e.host === 'www.youtube.com').map((e) => e.path.replace(/\?.*/, ''));
    expect(api.filter((p) => p === '/youtubei/v1/player')).toHaveLength(263);
    expect(api.filter((p) => p === '/youtubei/v1/next')).toHaveLength(1);
    // The owner's export also reads the uploads playlist: 263 videos, 100 a page.
    expect(api.filter((p) => p === '/youtubei/v1/browse')).toHaveLength(1 + 7 + 2 + 1 + 3);
    expectNeverMoreThanThreeInFlight(env.fake);
    expectOnlyPlatformHosts(env.fake);
  });

  it('ends a logged-out run with the clear login error and no ZIP', async () => {
    await env.session.context.clearCookies();
    const before = await existingZips(env.session.downloadsDir);
    const { end } = await exportFromPopup(env.session, 'youtube', EXPORT_TIMEOUT_MS);
    expect(end.outcome).toBe('error');
    expect(end.text).toMatch(/Log in to YouTube in this browser, then try again\./);
    expect(await existingZips(env.session.downloadsDir)).toEqual(before);
  });
});
