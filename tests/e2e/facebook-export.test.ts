import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakePlatforms } from '../fake-platforms/index';
import type { FakePlatforms } from '../fake-platforms/types';
import { expectEveryServedFileAccountedFor, expectNeverMoreThanThreeInFlight, expectOnlyPlatformHosts, openExport } from './exportChecks';
import { addFakeCookies, existingZips, launchWithExtension, PopupPage, readZipJson, waitForZip, type ExtensionSession } from './harness';
import { useQuickPacing } from './quickPacing';

const EXPORT_TIMEOUT_MS = 180_000;
/** What tests/e2e/quickPacing.ts sets as the wait after a temporary block. */
const BLOCK_WAIT_MS = 3000;

describe('Facebook export from the popup', () => {
  let fake: FakePlatforms;
  let session: ExtensionSession;

  beforeAll(async () => {
    fake = await startFakePlatforms({ port: 0 });
    session = await launchWithExtension({ fake });
    await useQuickPacing(session);
  });

  beforeEach(() => {
    fake.clearFaults();
  });

  afterAll(async () => {
    try {
      await session?.close();
    } finally {
      await fake?.close();
    }
  });

  async function exportFromPopup(onChange?: (text: string) => void) {
    const popup = await PopupPage.open(session.context, session.extensionId);
    await popup.choosePlatform('facebook');
    await popup.chooseFormat('json');
    await popup.setIncludeMedia(true);
    await popup.start();
    return popup.waitForFinalStage(EXPORT_TIMEOUT_MS, onChange);
  }

  it('exports the logged-in user: every photo and video in the ZIP, byte-identical, with sidecars and the main JSON', async () => {
    await addFakeCookies(session.context, fake.facebookCookies());
    // The GIF's signed URL has expired by download time: its detail is read again for a fresh one.
    fake.addFault({ match: { pathIncludes: '.gif?' }, times: 1, fault: { type: 'expire' } });
    const before = await existingZips(session.downloadsDir);
    const end = await exportFromPopup();
    expect(end.outcome, end.text).toBe('done');

    const userId = fake.facebookUserId();
    const zipPath = await waitForZip(session.downloadsDir, 60_000, before);
    expect(zipPath).toMatch(new RegExp(`star-export_facebook_${userId}_\\d{4}-\\d{2}-\\d{2}_\\d{8}-[0-9a-f]{6}\\.zip$`));
    const exported = await openExport(zipPath, 'facebook');
    const { manifest, root } = exported;

    expect(manifest.account).toMatchObject({ id: userId, handle: userId });
    expect(manifest.failed).toEqual([]);
    expect(manifest.posts.map((p) => p.id).sort()).toEqual([...fake.facebookItemIds()].sort());
    const served = fake.facebookMedia();
    expect(new Set(served.map((m) => m.format))).toEqual(new Set(['jpg', 'png', 'gif', 'mp4']));
    await expectEveryServedFileAccountedFor(zipPath, exported, served);
    expect(manifest.counts.savedFiles).toBe(served.length);
    expect(manifest.posts.some((p) => p.caption && /[\u0590-\u05ff\u0600-\u06ff]/.test(p.caption))).toBe(true);

    const gif = served.find((m) => m.format === 'gif')!;
    const gifPath = manifest.posts.flatMap((p) => p.media).find((m) => m.id === gif.mediaId)!.path!;
    const sidecar = await readZipJson<Record<string, unknown>>(zipPath, `${root}/${gifPath.replace(/[^/]+$/, '')}${gif.mediaId}.gif.meta.json`);
    expect(sidecar).toMatchObject({ id: gif.mediaId, postId: gif.postId, platform: 'facebook', kind: 'image', byteSize: gif.bytes });
    expect(String(sidecar.sourceUrl)).toMatch(/^https:\/\/scontent\.[a-z0-9-]+\.fna\.fbcdn\.net\/v\/[^?]+\.gif$/);
    const gifStatuses = fake.log.filter((e) => e.kind === 'media' && e.path.includes('.gif?')).map((e) => e.status);
    expect(gifStatuses.sort()).toEqual([403, ...served.filter((m) => m.format === 'gif').map(() => 200)].sort());
    expectNeverMoreThanThreeInFlight(fake);
    expectOnlyPlatformHosts(fake);
  });

  it('waits out one temporary block (3 s in tests) and completes the export', async () => {
    await addFakeCookies(session.context, fake.facebookCookies());
    fake.facebookFault('temporary-block', { after: 6, times: 1 });
    const before = await existingZips(session.downloadsDir);
    let sawWait = false;
    const startedAt = Date.now();
    const end = await exportFromPopup((text) => {
      if (/slow down/.test(text)) sawWait = true;
    });
    expect(end.outcome, end.text).toBe('done');
    expect(sawWait).toBe(true);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(BLOCK_WAIT_MS);

    const zipPath = await waitForZip(session.downloadsDir, 60_000, before);
    const exported = await openExport(zipPath, 'facebook');
    expect(exported.manifest.failed).toEqual([]);
    await expectEveryServedFileAccountedFor(zipPath, exported, fake.facebookMedia());
    expectNeverMoreThanThreeInFlight(fake);
  });

  it('stops at a second temporary block with the clear message, and no ZIP', async () => {
    await addFakeCookies(session.context, fake.facebookCookies());
    fake.facebookFault('temporary-block', { after: 4, times: 2 });
    const before = await existingZips(session.downloadsDir);
    const end = await exportFromPopup();
    expect(end.outcome).toBe('error');
    expect(end.text).toMatch(/temporarily blocked/i);
    expect(end.text).toMatch(/Blocked a second time, so the export stopped/);
    expect(await existingZips(session.downloadsDir)).toEqual(before);
  });

  it('ends a logged-out run with the clear login error and no ZIP', async () => {
    await session.context.clearCookies();
    const before = await existingZips(session.downloadsDir);
    const end = await exportFromPopup();
    expect(end.outcome).toBe('error');
    expect(end.text).toMatch(/Log in to Facebook in this browser, then try again\./);
    expect(await existingZips(session.downloadsDir)).toEqual(before);
  });
});
