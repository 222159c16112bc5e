import { beforeEach, describe, expect, it } from 'vitest';
import { expectEveryServedFileAccountedFor, expectNeverMoreThanThreeInFlight, expectOnlyPlatformHosts, openExport } from './exportChecks';
import { exportFromPopup, startJsonExportWithMedia, useExtensionWithFake } from './extensionWithFake';
import { addFakeCookies, existingZips, PopupPage, readZipJson, waitForZip } from './harness';

const EXPORT_TIMEOUT_MS = 180_000;
/** What tests/e2e/quickPacing.ts sets as the wait after a temporary block. */
const BLOCK_WAIT_MS = 3000;

describe('Facebook export from the popup', () => {
  const env = useExtensionWithFake();

  beforeEach(() => {
    env.fake.clearFaults();
  });

  const exportFacebook = async (onChange?: (text: string) => void) =>
    (await exportFromPopup(env.session, 'facebook', EXPORT_TIMEOUT_MS, onChange)).end;

  it('exports the logged-in user: every photo and video in the ZIP, byte-identical, with sidecars and the main JSON', async () => {
    await addFakeCookies(env.session.context, env.fake.facebookCookies());
    // The GIF's signed URL has expired by download time: its detail is read again for a fresh one.
    env.fake.addFault({ match: { pathIncludes: '.gif?' }, times: 1, fault: { type: 'expire' } });
    const before = await existingZips(env.session.downloadsDir);
    const end = await exportFacebook();
    expect(end.outcome, end.text).toBe('done');

    const userId = env.fake.facebookUserId();
    const zipPath = await waitForZip(env.session.downloadsDir, 60_000, before);
    expect(zipPath).toMatch(new RegExp(`star-export_facebook_${userId}_\\d{4}-\\d{2}-\\d{2}_\\d{8}-[0-9a-f]{6}\\.zip$`));
    const exported = await openExport(zipPath, 'facebook');
    const { manifest, root } = exported;

    expect(manifest.account).toMatchObject({ id: userId, handle: userId });
    expect(manifest.failed).toEqual([]);
    expect(manifest.posts.map((p) => p.id).sort()).toEqual([...env.fake.facebookItemIds()].sort());
    const served = env.fake.facebookMedia();
    expect(new Set(served.map((m) => m.format))).toEqual(new Set(['jpg', 'png', 'gif', 'mp4']));
    await expectEveryServedFileAccountedFor(zipPath, exported, served);
    expect(manifest.counts.savedFiles).toBe(served.length);
    expect(manifest.posts.some((p) => p.caption && /[\u0590-\u05ff\u0600-\u06ff]/.test(p.caption))).toBe(true);

    const gif = served.find((m) => m.format === 'gif')!;
    const gifPath = manifest.posts.flatMap((p) => p.media).find((m) => m.id === gif.mediaId)!.path!;
    const sidecar = await readZipJson<Record<string, unknown>>(zipPath, `${root}/${gifPath.replace(/[^/]+$/, '')}${gif.mediaId}.gif.meta.json`);
    expect(sidecar).toMatchObject({ id: gif.mediaId, postId: gif.postId, platform: 'facebook', kind: 'image', byteSize: gif.bytes });
    expect(String(sidecar.sourceUrl)).toMatch(/^https:\/\/scontent\.[a-z0-9-]+\.fna\.fbcdn\.net\/v\/[^?]+\.gif$/);
    // The expired link's 403, then the file from its fresh link, asked for as a range (206).
    const gifStatuses = env.fake.log.filter((e) => e.kind === 'media' && e.path.includes('.gif?')).map((e) => e.status);
    expect(gifStatuses.sort()).toEqual([403, ...served.filter((m) => m.format === 'gif').map(() => 206)].sort());
    expectNeverMoreThanThreeInFlight(env.fake);
    expectOnlyPlatformHosts(env.fake);
  });

  it('waits out one temporary block (3 s in tests) and completes the export', async () => {
    await addFakeCookies(env.session.context, env.fake.facebookCookies());
    env.fake.facebookFault('temporary-block', { after: 6, times: 1 });
    const before = await existingZips(env.session.downloadsDir);
    let sawWait = false;
    const startedAt = Date.now();
    const end = await exportFacebook((text) => {
      if (/slow down/.test(text)) sawWait = true;
    });
    expect(end.outcome, end.text).toBe('done');
    expect(sawWait).toBe(true);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(BLOCK_WAIT_MS);

    const zipPath = await waitForZip(env.session.downloadsDir, 60_000, before);
    const exported = await openExport(zipPath, 'facebook');
    expect(exported.manifest.failed).toEqual([]);
    await expectEveryServedFileAccountedFor(zipPath, exported, env.fake.facebookMedia());
    expectNeverMoreThanThreeInFlight(env.fake);
  });

  it('parks at a second temporary block until tomorrow 09:00; Continue now finishes the export', async () => {
    await addFakeCookies(env.session.context, env.fake.facebookCookies());
    env.fake.facebookFault('temporary-block', { after: 4, times: 2 });
    const before = await existingZips(env.session.downloadsDir);
    const popup = await PopupPage.open(env.session.context, env.session.extensionId);
    await startJsonExportWithMedia(popup, 'facebook');
    let parked = false;
    const end = await popup.waitForFinalStage(EXPORT_TIMEOUT_MS, (text) => {
      if (parked || !/continues tomorrow at 09:00, or press Continue now/.test(text)) return;
      parked = true;
      void popup.page.getByRole('button', { name: /Continue the export of .* now/ }).click();
    });
    expect(parked).toBe(true);
    expect(end.outcome, end.text).toBe('done');
    const zipPath = await waitForZip(env.session.downloadsDir, 60_000, before);
    const exported = await openExport(zipPath, 'facebook');
    expect(exported.manifest.failed).toEqual([]);
    await expectEveryServedFileAccountedFor(zipPath, exported, env.fake.facebookMedia());
  });

  it('ends a logged-out run with the clear login error and no ZIP', async () => {
    await env.session.context.clearCookies();
    const before = await existingZips(env.session.downloadsDir);
    const end = await exportFacebook();
    expect(end.outcome).toBe('error');
    expect(end.text).toMatch(/Log in to Facebook in this browser, then try again\./);
    expect(await existingZips(env.session.downloadsDir)).toEqual(before);
  });
});
