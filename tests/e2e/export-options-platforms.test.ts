import { describe, expect, it } from 'vitest';
import type { FakePlatforms } from '../fake-platforms/types';
import { isMediaServed, openExport, type CheckedExport } from './exportChecks';
import { useExtensionWithFake } from './extensionWithFake';
import { addFakeCookies, existingZips, PopupPage, waitForZip, type ExtensionSession } from './harness';

const EXPORT_TIMEOUT_MS = 180_000;

interface OptionsManifest {
  options: { quality: string; onlyNew?: boolean };
  buildsOn?: { jobId: string }[];
  posts: { id: string; kind: string; media: { id: string; kind: string; path?: string; sourceUrl: string; width?: number; height?: number; failure?: { reason: string } }[] }[];
  failed: { mediaId: string; reason: string }[];
}

/** Opens the popup's Options, lets `choose` set them, starts a JSON export with media of `platform` and returns the ZIP's contents. */
async function exportWithOptions(
  session: ExtensionSession,
  platform: 'youtube' | 'facebook',
  choose: (popup: PopupPage) => Promise<void>,
): Promise<Omit<CheckedExport, 'manifest'> & { manifest: OptionsManifest }> {
  const before = await existingZips(session.downloadsDir);
  const popup = await PopupPage.open(session.context, session.extensionId);
  await popup.choosePlatform(platform);
  await popup.chooseFormat('json');
  await popup.setIncludeMedia(true);
  await popup.page.getByText('Options', { exact: true }).click();
  await choose(popup);
  await popup.start();
  const end = await popup.waitForFinalStage(EXPORT_TIMEOUT_MS);
  expect(end.outcome, end.text).toBe('done');
  await popup.page.close();
  const exported = await openExport(await waitForZip(session.downloadsDir, 60_000, before), platform);
  return { ...exported, manifest: exported.manifest as unknown as OptionsManifest };
}

/** An export at `quality` ("Small (up to 640 px)"…), the other options as `choose` sets them. */
function exportAtQuality(session: ExtensionSession, platform: 'youtube' | 'facebook', quality: string, choose: (popup: PopupPage) => Promise<void> = async () => undefined) {
  return exportWithOptions(session, platform, async (popup) => {
    await popup.page.getByLabel('Quality', { exact: true }).selectOption({ label: quality });
    await choose(popup);
  });
}

const thumbnailRequests = (fake: FakePlatforms, name: string) => fake.log.filter((e) => e.host === 'i.ytimg.com' && e.path.includes(`/${name}.jpg`));

describe('Quality of YouTube thumbnails and Facebook videos', () => {
  const env = useExtensionWithFake({
    youtubeChannels: [{ handle: 'star.demo', videos: 8, shorts: 2, lives: 0 }],
    facebookProfiles: [{ vanity: 'star.demo', uploads: 2, videos: 8, reels: 2, tagged: 0 }],
  });

  it('Small takes YouTube’s sddefault (640×480) and never asks for maxresdefault', async () => {
    const { fake, session } = env;
    await addFakeCookies(session.context, fake.youtubeCookies());
    fake.resetLog();
    const { manifest } = await exportAtQuality(session, 'youtube', 'Small (up to 640 px)');
    expect(manifest.options.quality).toBe('small');
    const high = manifest.posts.map((post) => post.media.find((m) => m.id === `${post.id}_high`)!);
    expect(high).toHaveLength(10);
    for (const item of high) expect(item).toMatchObject({ width: 640, height: 480, sourceUrl: expect.stringMatching(/\/sddefault\.jpg$/) as unknown, path: expect.any(String) as unknown });
    expect(thumbnailRequests(fake, 'maxresdefault')).toEqual([]);
    expect(thumbnailRequests(fake, 'sddefault').map((e) => e.status)).toEqual(Array(10).fill(200));
    // Only the one mqdefault the fake does not have fails, as it does at any quality.
    expect(manifest.failed.map((f) => f.mediaId)).toEqual([expect.stringMatching(/_medium$/)]);
  });

  it('Small takes Facebook’s SD file where an HD one exists, Original the HD one', async () => {
    const { fake, session } = env;
    await addFakeCookies(session.context, fake.facebookCookies());
    const videosOnly = async (popup: PopupPage) => {
      await popup.page.getByRole('checkbox', { name: 'Images', exact: true }).uncheck();
    };
    const fetched = () =>
      fake.log
        .filter((e) => isMediaServed(e) && e.host.startsWith('video.'))
        .map((e) => fake.resolveMediaUrl(`https://${e.host}${e.path}`));
    fake.resetLog();
    const original = await exportAtQuality(session, 'facebook', 'Original (best available)', videosOnly);
    const originalFiles = fetched();
    fake.resetLog();
    const small = await exportAtQuality(session, 'facebook', 'Small (up to 640 px)', videosOnly);
    const smallFiles = fetched();

    const videos = (manifest: OptionsManifest) => manifest.posts.flatMap((post) => post.media.filter((m) => m.path && m.kind === 'video'));
    expect(videos(small.manifest).map((m) => m.id).sort()).toEqual(videos(original.manifest).map((m) => m.id).sort());
    expect(videos(small.manifest).length).toBeGreaterThanOrEqual(8);
    // Every file fetched is one the fake published (a listed variant, never an edited URL).
    expect([...originalFiles, ...smallFiles].every((file) => file !== undefined)).toBe(true);
    // Original keeps what a faithful exporter keeps (HD when usable); Small swaps HD for SD.
    expect(originalFiles.every((file) => file!.best)).toBe(true);
    const swapped = smallFiles.filter((file) => !file!.best);
    expect(swapped.length).toBeGreaterThan(smallFiles.length / 2);
    const smallById = new Map(videos(small.manifest).map((m) => [m.id, m]));
    for (const file of swapped) expect(Math.min(smallById.get(file!.mediaId)!.width!, smallById.get(file!.mediaId)!.height!)).toBeLessThanOrEqual(640);
  });
});

describe('Only new since last export on YouTube and Facebook: nothing looked up again', () => {
  const env = useExtensionWithFake({
    youtubeChannels: [{ handle: 'star.demo', videos: 40, shorts: 0, lives: 0 }],
    facebookProfiles: [{ vanity: 'star.demo', uploads: 20, videos: 0, reels: 0, tagged: 0 }],
  });
  const onlyNew = async (popup: PopupPage) => {
    await popup.page.getByRole('checkbox', { name: 'Only new since last export' }).check();
  };
  const apiCalls = (fake: FakePlatforms, host: string) => fake.log.filter((e) => e.kind === 'api' && e.host === host);

  it('YouTube dates no video it delivered before: only the one whose thumbnail failed comes again', async () => {
    const { fake, session } = env;
    await addFakeCookies(session.context, fake.youtubeCookies());
    fake.resetLog();
    const first = await exportWithOptions(session, 'youtube', onlyNew);
    expect(apiCalls(fake, 'www.youtube.com').filter((e) => e.path.startsWith('/youtubei/v1/player'))).toHaveLength(40);
    // The video whose mqdefault the fake lacks was not delivered whole, so "Only new" brings it again.
    const incomplete = first.manifest.posts.filter((post) => post.media.some((m) => m.failure)).map((post) => post.id);
    expect(incomplete).toHaveLength(1);

    fake.resetLog();
    const second = await exportWithOptions(session, 'youtube', onlyNew);
    expect(second.manifest.posts.map((post) => post.id)).toEqual(incomplete);
    expect(second.manifest.buildsOn?.map((earlier) => earlier.jobId)).toEqual([first.jobId]);
    expect(apiCalls(fake, 'www.youtube.com').filter((e) => e.path.startsWith('/youtubei/v1/player'))).toHaveLength(1);
  });

  it('Facebook reads no detail of an item it delivered before, only the collection pages', async () => {
    const { fake, session } = env;
    await addFakeCookies(session.context, fake.facebookCookies());
    fake.resetLog();
    const first = await exportWithOptions(session, 'facebook', onlyNew);
    const firstCalls = apiCalls(fake, 'www.facebook.com').length;
    expect(first.manifest.posts).toHaveLength(20);
    const incomplete = first.manifest.posts.filter((post) => post.media.some((m) => !m.path)).map((post) => post.id);

    fake.resetLog();
    const second = await exportWithOptions(session, 'facebook', onlyNew);
    expect(second.manifest.posts.map((post) => post.id)).toEqual(incomplete);
    // The detail calls of the items delivered are spared; the collection is still read page by page
    // (no order to stop on).
    expect(apiCalls(fake, 'www.facebook.com').length).toBe(firstCalls - (20 - incomplete.length));
  });
});
