import { describe, expect, it } from 'vitest';
import { startOfDay } from '../../lib/export/options/dateRange';
import type { FakePlatforms, ServedMedia } from '../fake-platforms/types';
import { isMediaServed, openExport, type CheckedExport } from './exportChecks';
import { useExtensionWithFake } from './extensionWithFake';
import { addFakeCookies, existingZips, PopupPage, readZipEntry, readZipJson, waitForZip, type ExtensionSession } from './harness';
import { openHistoryPage } from './popupUi';

const EXPORT_TIMEOUT_MS = 180_000;
const FEED_PATH = '/api/v1/feed/user/';
const REELS_PATH = '/api/v1/clips/user/';

interface OptionsManifest {
  buildsOn?: { jobId: string; exportedAt: string }[];
  posts: { media: { id: string; kind: string; path?: string; sourceUrl: string; width?: number; height?: number }[] }[];
  options: { dateFrom?: string; dateTo?: string; timeZone?: string; mediaTypes: string[]; quality: string; speedLimitMBps?: number };
}

/** Opens the popup's Options, lets `choose` set them, starts a JSON export with media and returns the ZIP's contents. */
async function exportWithOptions(session: ExtensionSession, choose: (popup: PopupPage) => Promise<void>): Promise<CheckedExport & { zipPath: string }> {
  const before = await existingZips(session.downloadsDir);
  const popup = await PopupPage.open(session.context, session.extensionId);
  await popup.choosePlatform('instagram');
  await popup.chooseFormat('json');
  await popup.setIncludeMedia(true);
  // Closed by default: the simple export stays one click.
  expect(await popup.page.getByLabel('Quality', { exact: true }).isVisible()).toBe(false);
  await popup.page.getByText('Options', { exact: true }).click();
  await choose(popup);
  await popup.start();
  const end = await popup.waitForFinalStage(EXPORT_TIMEOUT_MS);
  expect(end.outcome, end.text).toBe('done');
  await popup.page.close();
  const zipPath = await waitForZip(session.downloadsDir, 60_000, before);
  return { zipPath, ...(await openExport(zipPath, 'instagram')) };
}

function savedMediaIds(exported: CheckedExport): string[] {
  return exported.manifest.posts.flatMap((post) => post.media.filter((m) => m.path).map((m) => m.id)).sort();
}

function apiCalls(fake: FakePlatforms, path: string): number {
  return fake.log.filter((entry) => entry.kind === 'api' && entry.path.includes(path)).length;
}

const mediaRequests = (fake: FakePlatforms) => fake.log.filter((entry) => entry.kind === 'media').length;

describe('Export options from the popup: dates and media types', () => {
  const env = useExtensionWithFake();

  it('a date range keeps only the posts of those days, skips the pinned old ones, and stops listing the feed past "From"', async () => {
    const { fake, session } = env;
    await addFakeCookies(session.context, fake.instagramCookies());
    fake.resetLog();
    const exported = await exportWithOptions(session, async (popup) => {
      await popup.page.getByLabel('From', { exact: true }).fill('2026-10-10');
      await popup.page.getByLabel('To', { exact: true }).fill('2026-10-20');
    });
    const { options } = exported.manifest as unknown as OptionsManifest;
    expect(options).toMatchObject({ dateFrom: '2026-10-10', dateTo: '2026-10-20', quality: 'original' });
    const zone = options.timeZone!;
    const from = startOfDay('2026-10-10', zone);
    const until = startOfDay('2026-10-20', zone, 1);
    const expected = fake.instagramMedia().filter((m: ServedMedia) => m.takenAt * 1000 >= from && m.takenAt * 1000 < until);
    expect(expected.length).toBeGreaterThan(3);
    expect(savedMediaIds(exported)).toEqual(expected.map((m) => m.mediaId).sort());
    for (const post of exported.manifest.posts) {
      expect(Date.parse(post.publishedAt)).toBeGreaterThanOrEqual(from);
      expect(Date.parse(post.publishedAt)).toBeLessThan(until);
    }
    // 60 posts are two feed pages of 30: the first one already reaches past "From", pinned posts first or not.
    expect(apiCalls(fake, FEED_PATH)).toBe(1);
    // Filtered posts cost no download.
    expect(mediaRequests(fake)).toBe(expected.length);
  });

  it('media types alone: Stories and Highlights list no feed or reels and download only their files', async () => {
    const { fake, session } = env;
    fake.resetLog();
    const exported = await exportWithOptions(session, async (popup) => {
      for (const type of ['Images', 'Videos', 'Reels']) await popup.page.getByRole('checkbox', { name: type, exact: true }).uncheck();
      expect(await popup.page.getByRole('checkbox', { name: 'Stories', exact: true }).isChecked()).toBe(true);
    });
    expect(apiCalls(fake, FEED_PATH)).toBe(0);
    expect(apiCalls(fake, REELS_PATH)).toBe(0);
    expect(new Set(exported.manifest.posts.map((p) => p.kind))).toEqual(new Set(['story', 'highlight']));
    const gridPosts = new Set(fake.instagramPostIds());
    const expected = fake.instagramMedia().filter((m) => !gridPosts.has(m.postId));
    expect(savedMediaIds(exported)).toEqual([...new Set(expected.map((m) => m.mediaId))].sort());
    expect((exported.manifest as unknown as OptionsManifest).options.mediaTypes).toEqual(['stories', 'highlights']);

    // The history page says what each export held.
    const history = await openHistoryPage(session);
    await expect.poll(() => history.locator('table.history').textContent()).toContain('Stories, Highlights');
    await expect.poll(() => history.locator('table.history').textContent()).toContain('2026-10-10 to 2026-10-20');
    await history.close();
  });

  it('Small quality downloads Instagram’s own smaller copies, never a crop or an edited URL', async () => {
    const { fake, session } = env;
    fake.resetLog();
    const exported = await exportWithOptions(session, async (popup) => {
      await popup.page.getByLabel('Quality', { exact: true }).selectOption({ label: 'Small (up to 640 px)' });
      await popup.page.getByRole('checkbox', { name: 'Videos', exact: true }).uncheck();
      await popup.page.getByRole('checkbox', { name: 'Reels', exact: true }).uncheck();
    });
    expect((exported.manifest as unknown as OptionsManifest).options.quality).toBe('small');
    const manifest = exported.manifest as unknown as OptionsManifest;
    const images = manifest.posts.flatMap((post) => post.media.filter((m) => m.path && m.kind === 'image'));
    expect(images.length).toBeGreaterThan(10);
    for (const image of images) expect(Math.min(image.width!, image.height!), image.id).toBeLessThanOrEqual(640);
    // Every file fetched is one the fake published for it (chosen among its candidates, not an
    // edited URL), and most are not the original: the sourceUrl drops the query, the log keeps it.
    const fetched = fake.log
      .filter((entry) => isMediaServed(entry))
      .map((entry) => fake.resolveMediaUrl(`https://${entry.host}${entry.path}`));
    expect(fetched.every((served) => served !== undefined)).toBe(true);
    const smaller = fetched.filter((served) => !served!.best).length;
    expect(smaller).toBeGreaterThan(images.length / 2);
  });
});

describe('Export options from the popup: compressed images', () => {
  const env = useExtensionWithFake({ instagramAccounts: [{ username: 'star.demo', posts: 12, imageBytes: 120_000 }] });

  it('re-encodes images as smaller JPEGs that open, records the originals, and leaves videos alone', async () => {
    const { fake, session } = env;
    await addFakeCookies(session.context, fake.instagramCookies());
    const exported = await exportWithOptions(session, async (popup) => {
      await popup.page.getByRole('checkbox', { name: /^Compress images/ }).check();
    });
    const served = new Map(fake.instagramMedia().map((m) => [m.mediaId, m]));
    const manifest = exported.manifest as unknown as OptionsManifest;
    const files = manifest.posts.flatMap((post) => post.media.filter((m) => m.path));
    const images = files.filter((m) => m.kind === 'image');
    expect(images.length).toBeGreaterThan(5);
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
    for (const image of images) {
      const original = served.get(image.id)!;
      const sidecarName = `${exported.root}/${image.path!.replace(/[^/]+$/, '')}${image.id}.jpg.meta.json`;
      const sidecar = await readZipJson<{ compressed?: boolean; original?: { byteSize: number; format: string }; format: string; byteSize: number }>(exported.zipPath, sidecarName);
      expect(sidecar).toMatchObject({ compressed: true, format: 'jpg', original: { byteSize: original.bytes, format: original.format } });
      expect(sidecar.byteSize).toBeLessThan(original.bytes);
      const bytes = await readZipEntry(exported.zipPath, `${exported.root}/${image.path}`);
      expect(bytes.length).toBe(sidecar.byteSize);
      const opened = await page.evaluate(async (base64) => {
        const blob = await (await fetch(`data:image/jpeg;base64,${base64}`)).blob();
        const bitmap = await createImageBitmap(blob);
        return bitmap.width > 0 && bitmap.height > 0;
      }, Buffer.from(bytes).toString('base64'));
      expect(opened, image.path).toBe(true);
    }
    await page.close();
    // Videos are stored byte for byte as served.
    const videos = files.filter((m) => m.kind === 'video');
    expect(videos.length).toBeGreaterThan(0);
    for (const video of videos) {
      const bytes = await readZipEntry(exported.zipPath, `${exported.root}/${video.path}`);
      expect(bytes.length).toBe(served.get(video.id)!.bytes);
    }
  });
});

describe('Export options from the popup: download speed limit', () => {
  const LIMIT_MBPS = 2;
  const env = useExtensionWithFake({ instagramAccounts: [{ username: 'star.demo', posts: 36, imageBytes: 250_000, videoBytes: 500_000 }] });

  it('holds the three downloads together to the limit, within 10 %', async () => {
    const { fake, session } = env;
    await addFakeCookies(session.context, fake.instagramCookies());
    fake.resetLog();
    const exported = await exportWithOptions(session, async (popup) => {
      await popup.page.getByLabel('Download speed limit').selectOption({ label: `${LIMIT_MBPS} MB/s` });
    });
    expect((exported.manifest as unknown as OptionsManifest).options.speedLimitMBps).toBe(LIMIT_MBPS);
    const bytesOf = new Map(fake.instagramMedia().map((m) => [m.mediaId, m.bytes]));
    const requests = fake.log
      .filter((entry) => isMediaServed(entry))
      .sort((a, b) => a.at - b.at)
      .map((entry) => ({ at: entry.at, bytes: bytesOf.get(fake.resolveMediaUrl(`https://${entry.host}${entry.path}`)?.mediaId ?? '') ?? 0 }));
    expect(requests.length).toBeGreaterThan(30);
    // Each request is sent once a slot's previous file was read to its end, so request times are the
    // browser's own clock of its reading (the server's send times run ahead into socket buffers).
    // When the last request went out, every earlier file was read but the two still in flight, read in part.
    const last = requests[requests.length - 1]!;
    const inFlight = requests.slice(-3, -1).reduce((sum, r) => sum + r.bytes, 0);
    const readBeforeLast = requests.slice(0, -1).reduce((sum, r) => sum + r.bytes, 0) - inFlight / 2;
    const seconds = (last.at - requests[0]!.at) / 1000;
    const rate = readBeforeLast / seconds / 1_000_000;
    expect(seconds).toBeGreaterThan(3);
    console.info(`speed limit ${LIMIT_MBPS} MB/s: measured ${rate.toFixed(3)} MB/s over ${seconds.toFixed(1)} s (${requests.length} files)`);
    expect(rate / LIMIT_MBPS, `measured ${rate.toFixed(2)} MB/s over ${seconds.toFixed(1)} s`).toBeGreaterThanOrEqual(0.9);
    expect(rate / LIMIT_MBPS, `measured ${rate.toFixed(2)} MB/s over ${seconds.toFixed(1)} s`).toBeLessThanOrEqual(1.1);
  });
});

describe('Export options from the popup: only new since last export', () => {
  const env = useExtensionWithFake();

  it('a second run after the account gained posts holds only the new ones, with far fewer API calls', async () => {
    const { fake, session } = env;
    await addFakeCookies(session.context, fake.instagramCookies());
    const onlyNew = async (popup: PopupPage) => {
      await popup.page.getByRole('checkbox', { name: 'Only new since last export' }).check();
    };
    fake.resetLog();
    // Nothing was exported before: the first run is a full export.
    const first = await exportWithOptions(session, onlyNew);
    const firstCalls = fake.log.filter((entry) => entry.kind === 'api').length;
    expect(savedMediaIds(first)).toEqual([...new Set(fake.instagramMedia().filter((m) => !m.withheld).map((m) => m.mediaId))].sort());
    expect((first.manifest as unknown as OptionsManifest).buildsOn).toEqual([]);

    const published = new Set(fake.instagramPublishPosts(5));
    fake.resetLog();
    const second = await exportWithOptions(session, onlyNew);
    const secondCalls = fake.log.filter((entry) => entry.kind === 'api').length;
    expect(second.manifest.posts.map((p) => p.id).sort()).toEqual([...published].sort());
    expect(savedMediaIds(second)).toEqual(fake.instagramMedia().filter((m) => published.has(m.postId)).map((m) => m.mediaId).sort());
    expect(mediaRequests(fake)).toBe(savedMediaIds(second).length);
    expect(apiCalls(fake, FEED_PATH)).toBe(1);
    expect(secondCalls).toBeLessThan(firstCalls);
    console.info(`only new: ${secondCalls} API calls against ${firstCalls} for the full export`);
    expect((second.manifest as unknown as OptionsManifest).buildsOn?.map((earlier) => earlier.jobId)).toEqual([first.jobId]);
  });
});
