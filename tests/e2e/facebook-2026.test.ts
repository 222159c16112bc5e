import { describe, expect, it } from 'vitest';
import { expectEveryServedFileAccountedFor, openExport } from './exportChecks';
import { exportFromPopup, useExtensionWithFake } from './extensionWithFake';
import { addFakeCookies, existingZips, readZipJson, waitForZip } from './harness';

const EXPORT_TIMEOUT_MS = 180_000;

/** Facebook as 2026 clients see it (docs/platforms.md, "Facebook: what changed in late 2026"), from the popup in Chromium. */
describe('Facebook export, late 2026', () => {
  const env = useExtensionWithFake({ facebookProfiles: [{ vanity: 'star.demo', uploads: 6, videos: 3, reels: 2, tagged: 0, notReturned: 1 }] });

  it('exports under rotated doc_ids, read from the page’s bundles, with every video’s width and height in its sidecar; an upload not returned is failed', async () => {
    // The compiled-in ids are the fake's first generation: after a rotation only the bundles know the current ones.
    env.fake.rotateFacebookDocIds();
    await addFakeCookies(env.session.context, env.fake.facebookCookies());
    const before = await existingZips(env.session.downloadsDir);
    const end = (await exportFromPopup(env.session, 'facebook', EXPORT_TIMEOUT_MS)).end;
    expect(end.outcome, end.text).toBe('done');

    const zipPath = await waitForZip(env.session.downloadsDir, 60_000, before);
    const exported = await openExport(zipPath, 'facebook');
    const { manifest, root } = exported;
    // The upload the media viewer answers `currMedia: null` for is in the failed list, not silently dropped.
    const withheld = env.fake.facebookMedia().filter((m) => m.withheld);
    expect(withheld).toHaveLength(1);
    expect(manifest.failed.map((f) => [f.mediaId, f.reason])).toEqual([[withheld[0]!.mediaId, 'not_returned']]);
    expect(manifest.posts.map((p) => p.id).sort()).toEqual([...env.fake.facebookItemIds()].sort());
    const served = env.fake.facebookMedia();
    await expectEveryServedFileAccountedFor(zipPath, exported, served);

    const graphql = env.fake.log.filter((e) => e.host === 'www.facebook.com' && e.path.startsWith('/api/graphql'));
    expect(graphql.length).toBeGreaterThan(0);
    expect(env.fake.log.some((e) => e.host === 'static.xx.fbcdn.net' && e.path.startsWith('/rsrc.php/'))).toBe(true);

    const videos = manifest.posts.flatMap((p) => p.media).filter((m) => m.kind === 'video');
    expect(videos.length).toBe(served.filter((m) => m.kind === 'video').length);
    for (const video of videos) {
      expect(video, video.id).toMatchObject({ width: expect.any(Number) as unknown, height: expect.any(Number) as unknown });
      const sidecar = await readZipJson<Record<string, unknown>>(zipPath, `${root}/${video.path!.replace(/[^/]+$/, '')}${video.id}.mp4.meta.json`);
      expect(sidecar).toMatchObject({ id: video.id, width: video.width, height: video.height, durationSeconds: expect.any(Number) as unknown });
      expect(sidecar.width as number).toBeGreaterThan(0);
    }
  });
});
