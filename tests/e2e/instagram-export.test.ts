import { describe, expect, it } from 'vitest';
import { expectEveryServedFileAccountedFor, expectNeverMoreThanThreeInFlight, expectOnlyPlatformHosts, expectSha256SumsVerify, openExport } from './exportChecks';
import { exportFromPopup, useExtensionWithFake } from './extensionWithFake';
import { addFakeCookies, existingZips, readZipJson, waitForZip } from './harness';

const EXPORT_TIMEOUT_MS = 180_000;

describe('Instagram export from the popup', () => {
  const env = useExtensionWithFake();

  it('exports the logged-in user: every served file in the ZIP, byte-identical, with sidecars and the main JSON', async () => {
    await addFakeCookies(env.session.context, env.fake.instagramCookies());
    const { end } = await exportFromPopup(env.session, 'instagram', EXPORT_TIMEOUT_MS);
    expect(end.outcome, end.text).toBe('done');

    const zipPath = await waitForZip(env.session.downloadsDir, 60_000);
    expect(zipPath).toMatch(/star-export_instagram_star\.demo_\d{4}-\d{2}-\d{2}_\d{8}-[0-9a-f]{6}\.zip$/);
    const exported = await openExport(zipPath, 'instagram');
    const { manifest, root, entries } = exported;

    expect(manifest.account.handle).toBe('star.demo');
    expect(manifest.failed).toEqual([]);
    const postIds = new Set(manifest.posts.map((p) => p.id));
    for (const id of env.fake.instagramPostIds()) expect(postIds.has(id), `post ${id}`).toBe(true);
    const served = env.fake.instagramMedia();
    await expectEveryServedFileAccountedFor(zipPath, exported, served);
    expect(manifest.counts.savedFiles).toBe(new Set(served.map((m) => m.mediaId)).size);
    expectSha256SumsVerify(zipPath, root);

    const video = served.find((m) => m.kind === 'video')!;
    const videoPath = manifest.posts.flatMap((p) => p.media).find((m) => m.id === video.mediaId)!.path!;
    const sidecarName = `${root}/${videoPath.replace(/[^/]+$/, '')}${video.mediaId}.${video.format}.meta.json`;
    const sidecar = await readZipJson<Record<string, unknown>>(zipPath, sidecarName);
    expect(sidecar).toMatchObject({ id: video.mediaId, postId: video.postId, platform: 'instagram', kind: 'video', byteSize: video.bytes, sha256: video.sha256 });
    expect(String(sidecar.sourceUrl)).not.toContain('?');
    expect(new Date(String(sidecar.downloadedAt)).getTime()).not.toBeNaN();

    const mainJson = entries.find((e) => e.name.endsWith('.json') && !e.name.endsWith('.meta.json'))!;
    expect(mainJson.compressionMethod).toBe(8);
    expectNeverMoreThanThreeInFlight(env.fake);
    expectOnlyPlatformHosts(env.fake);
  });

  it('ends a logged-out run with the clear login error and no ZIP', async () => {
    await env.session.context.clearCookies();
    const before = await existingZips(env.session.downloadsDir);
    const { end } = await exportFromPopup(env.session, 'instagram', EXPORT_TIMEOUT_MS);
    expect(end.outcome).toBe('error');
    expect(end.text).toMatch(/Log in to Instagram/);
    expect(await existingZips(env.session.downloadsDir)).toEqual(before);
  });
});
