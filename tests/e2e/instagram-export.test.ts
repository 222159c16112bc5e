import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakePlatforms } from '../fake-platforms/index';
import type { FakePlatforms } from '../fake-platforms/types';
import { expectEveryServedFileAccountedFor, expectNeverMoreThanThreeInFlight, expectOnlyPlatformHosts, openExport } from './exportChecks';
import { addFakeCookies, existingZips, launchWithExtension, PopupPage, readZipJson, waitForZip, type ExtensionSession } from './harness';
import { useQuickPacing } from './quickPacing';

const EXPORT_TIMEOUT_MS = 180_000;

describe('Instagram export from the popup', () => {
  let fake: FakePlatforms;
  let session: ExtensionSession;

  beforeAll(async () => {
    fake = await startFakePlatforms({ port: 0 });
    session = await launchWithExtension({ fake });
    await useQuickPacing(session);
  });

  afterAll(async () => {
    try {
      await session?.close();
    } finally {
      await fake?.close();
    }
  });

  it('exports the logged-in user: every served file in the ZIP, byte-identical, with sidecars and the main JSON', async () => {
    await addFakeCookies(session.context, fake.instagramCookies());
    const popup = await PopupPage.open(session.context, session.extensionId);
    await popup.choosePlatform('instagram');
    await popup.chooseFormat('json');
    await popup.setIncludeMedia(true);
    await popup.start();
    const end = await popup.waitForFinalStage(EXPORT_TIMEOUT_MS);
    expect(end.outcome, end.text).toBe('done');

    const zipPath = await waitForZip(session.downloadsDir, 60_000);
    expect(zipPath).toMatch(/star-export_instagram_star\.demo_\d{4}-\d{2}-\d{2}_\d{8}-[0-9a-f]{6}\.zip$/);
    const exported = await openExport(zipPath, 'instagram');
    const { manifest, root, entries } = exported;

    expect(manifest.account.handle).toBe('star.demo');
    expect(manifest.failed).toEqual([]);
    const postIds = new Set(manifest.posts.map((p) => p.id));
    for (const id of fake.instagramPostIds()) expect(postIds.has(id), `post ${id}`).toBe(true);
    const served = fake.instagramMedia();
    await expectEveryServedFileAccountedFor(zipPath, exported, served);
    expect(manifest.counts.savedFiles).toBe(new Set(served.map((m) => m.mediaId)).size);

    const video = served.find((m) => m.kind === 'video')!;
    const videoPath = manifest.posts.flatMap((p) => p.media).find((m) => m.id === video.mediaId)!.path!;
    const sidecarName = `${root}/${videoPath.replace(/[^/]+$/, '')}${video.mediaId}.${video.format}.meta.json`;
    const sidecar = await readZipJson<Record<string, unknown>>(zipPath, sidecarName);
    expect(sidecar).toMatchObject({ id: video.mediaId, postId: video.postId, platform: 'instagram', kind: 'video', byteSize: video.bytes });
    expect(String(sidecar.sourceUrl)).not.toContain('?');
    expect(new Date(String(sidecar.downloadedAt)).getTime()).not.toBeNaN();

    const mainJson = entries.find((e) => e.name.endsWith('.json') && !e.name.endsWith('.meta.json'))!;
    expect(mainJson.compressionMethod).toBe(8);
    expectNeverMoreThanThreeInFlight(fake);
    expectOnlyPlatformHosts(fake);
  });

  it('ends a logged-out run with the clear login error and no ZIP', async () => {
    await session.context.clearCookies();
    const before = await existingZips(session.downloadsDir);
    const popup = await PopupPage.open(session.context, session.extensionId);
    await popup.choosePlatform('instagram');
    await popup.start();
    const end = await popup.waitForFinalStage(EXPORT_TIMEOUT_MS);
    expect(end.outcome).toBe('error');
    expect(end.text).toMatch(/Log in to Instagram/);
    expect(await existingZips(session.downloadsDir)).toEqual(before);
  });
});
