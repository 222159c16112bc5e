import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FOREIGN_MEDIA_HOSTS, HOSTILE_CAPTION, HOSTILE_HANDLE, HOSTILE_PKS, HOSTILE_POST_PKS, HOSTILE_USERNAME } from '../fake-platforms/instagram/hostile-data';
import type { FakePlatforms, ServedMedia } from '../fake-platforms/types';
import { collisions, componentProblems, entryPathProblems } from '../unit/export/layout/portableNames';
import {
  expectEveryServedFileAccountedFor,
  expectNeverMoreThanThreeInFlight,
  expectOnlyPlatformHosts,
  openExport,
  type CheckedExport,
} from './exportChecks';
import { useExtensionWithFake } from './extensionWithFake';
import { addFakeCookies, existingZips, hashZipEntry, PopupPage, readZipEntry, readZipJson, waitForZip, type ExtensionSession } from './harness';
import { unzipToTemp } from './popupUi';
import { startFromExtensionPage } from './startFromExtensionPage';

const EXPORT_TIMEOUT_MS = 180_000;
const isNumeric = (id: string) => /^\d+$/.test(id);
/** A post whose pk is no number and whose file's link the CDN treats as expired, so the export would have to ask the API again. */
const EXPIRED_PK = '../../../../etc/passwd';
/** The fake's CDN URLs carry `ig_cache_key=<base64 of the pk>.…` (fake-platforms/instagram/cdn-files.ts). */
const cacheKeyOf = (pk: string) => `ig_cache_key=${encodeURIComponent(Buffer.from(pk).toString('base64'))}.`;
/** `media/images/instagram/{date}_{id}.jpg` → `media/images/instagram/{id}.jpg.meta.json`. */
const sidecarPath = (path: string) => `${path.replace(/[^/]+$/, '')}${path.split('/').pop()!.replace(/^[^_]+_/, '')}.meta.json`;

/**
 * An Instagram account whose answers are hostile (tests/fake-platforms/instagram/hostile-data.ts):
 * whatever the adapter does with them, nothing may escape the export folder, collide, carry a
 * name some system cannot hold, or go missing without a trace.
 */
describe('hostile platform data: ids, captions, hosts, dates and a username no file system can take', () => {
  const env = useExtensionWithFake({ instagramHostileAccount: true });
  let fake: FakePlatforms;
  let session: ExtensionSession;
  let zipPath: string;
  let exported: CheckedExport;
  let served: ServedMedia[];
  let newDownloads: string[];
  /** sha256 → entry names of every media file in the ZIP. */
  const inZip = new Map<string, string[]>();

  beforeAll(async () => {
    ({ fake, session } = env);
    fake.addFault({ match: { pathIncludes: cacheKeyOf(EXPIRED_PK) }, times: Infinity, fault: { type: 'expire' } });
    await addFakeCookies(session.context, fake.instagramCookies());
    const before = await readdir(session.downloadsDir);
    const zipsBefore = await existingZips(session.downloadsDir);
    const popup = await PopupPage.open(session.context, session.extensionId);
    await popup.startBy(() =>
      startFromExtensionPage(popup.page, { platform: 'instagram', account: HOSTILE_USERNAME, format: 'html', includeMedia: true }),
    );
    const end = await popup.waitForFinalStage(EXPORT_TIMEOUT_MS);
    await popup.page.close();
    if (end.outcome !== 'done') throw new Error(`The hostile export did not finish: ${end.text}`);
    zipPath = await waitForZip(session.downloadsDir, 60_000, zipsBefore);
    newDownloads = (await readdir(session.downloadsDir)).filter((n) => !before.includes(n));
    exported = await openExport(zipPath, 'instagram');
    served = fake.instagramMedia(HOSTILE_USERNAME);
    for (const entry of exported.entries) {
      if (entry.directory || !entry.name.includes('/media/') || entry.name.endsWith('.meta.json')) continue;
      const sha = await hashZipEntry(zipPath, entry.name);
      inZip.set(sha, [...(inZip.get(sha) ?? []), entry.name]);
    }
  });

  it('delivers one ZIP with a sane file name, straight into the downloads folder', () => {
    expect(newDownloads).toEqual([basename(zipPath)]);
    expect(dirname(zipPath)).toBe(session.downloadsDir);
    const name = basename(zipPath);
    expect(componentProblems(name), name).toEqual([]);
    const account = /^star-export_instagram_(.+)_\d{4}-\d{2}-\d{2}_\d{8}-[0-9a-f]{6}\.zip$/.exec(name)?.[1];
    expect(account, name).toBeDefined();
    // What is left of the handle is still recognisable, and none of its hostile characters.
    expect(account).toContain('CON');
    expect(account).not.toMatch(/[\u0000-\u001f\u202e/\\<>:"|?*]|\.\./);
    expect(exported.manifest.account.handle, 'the main JSON keeps the handle as the platform sent it').toBe(HOSTILE_HANDLE);
  });

  it('keeps every entry inside export-{jobId}/ with a name Windows, macOS and Linux can all hold', () => {
    const { entries, root } = exported;
    expect(root).toBe(`export-${exported.jobId}`);
    const problems = entries.flatMap((e) => [
      ...(e.name.startsWith(`${root}/`) ? [] : [`${e.name}: outside ${root}/`]),
      ...entryPathProblems(e.name).map((p) => `${e.name}: ${p}`),
    ]);
    expect(problems).toEqual([]);
  });

  it('has no two entries that would be the same file on a case-insensitive file system', () => {
    expect(collisions(exported.entries.map((e) => e.name))).toEqual([]);
  });

  it('keeps the 10 000-character caption intact in the main JSON and in the sidecar', async () => {
    const { manifest, root } = exported;
    expect(HOSTILE_CAPTION).toHaveLength(10_000);
    const post = manifest.posts.find((p) => p.id === HOSTILE_PKS.longCaption);
    expect(post?.caption).toBe(HOSTILE_CAPTION);
    const media = post!.media[0]!;
    expect(media.path).toBeDefined();
    const sidecarName = `${root}/${sidecarPath(media.path!)}`;
    const sidecar = await readZipJson<{ id: string; caption: string }>(zipPath, sidecarName);
    expect(sidecar.id).toBe(HOSTILE_PKS.longCaption);
    expect(sidecar.caption).toBe(HOSTILE_CAPTION);
  });

  it('accounts for every file whose id is the platform’s own and unique: in the ZIP byte-identical, or failed', async () => {
    const counts = new Map<string, number>();
    for (const m of served) counts.set(m.mediaId, (counts.get(m.mediaId) ?? 0) + 1);
    const plain = served.filter((m) => isNumeric(m.postId) && isNumeric(m.mediaId) && counts.get(m.mediaId) === 1);
    expect(plain).toHaveLength(8);
    expect(plain.filter((m) => m.withheld).map((m) => m.mediaId)).toEqual([HOSTILE_PKS.withheldVideo]);
    await expectEveryServedFileAccountedFor(zipPath, exported, plain);
  });

  it('reports the video Instagram listed without any video URL as failed, saying why, without asking any host for it', () => {
    const id = HOSTILE_PKS.withheldVideo;
    const message = 'Instagram listed this video but gave no address to download it from.';
    const failures = exported.manifest.failed.filter((f) => f.mediaId === id);
    expect(failures).toEqual([{ mediaId: id, postId: id, url: '', reason: 'unavailable', message }]);
    const post = exported.manifest.posts.find((p) => p.id === id)!;
    expect(post.media).toEqual([{ id, kind: 'video', sourceUrl: '', failure: { reason: 'unavailable', message } }]);
    expect(post.metadata.missing_media).toEqual([id]);
    const fetched = fake.log.filter((e) => e.kind === 'media').map((e) => fake.resolveMediaUrl(`https://${e.host}${e.path}`)?.mediaId);
    expect(fetched).not.toContain(id);
  });

  it('counts every listed file once: saved and failed add up to the files the posts list', () => {
    const { counts, posts, failed } = exported.manifest;
    const entries = posts.flatMap((p) => p.media);
    expect(counts.media).toBe(entries.length);
    expect(counts.savedFiles).toBe(entries.filter((m) => m.path !== undefined).length);
    expect(counts.failedFiles).toBe(failed.length);
    expect(entries.filter((m) => m.failure).length).toBe(failed.length);
    expect(counts.savedFiles + counts.failedFiles).toBe(counts.media);
  });

  it('refuses media on any host but the platform’s CDN, as a failed file', () => {
    const foreign = [HOSTILE_PKS.foreignHost, HOSTILE_PKS.userinfoHost, HOSTILE_PKS.suffixHost];
    const failed = exported.manifest.failed.filter((f) => foreign.includes(f.mediaId));
    expect(failed.map((f) => f.mediaId).sort()).toEqual([...foreign].sort());
    for (const f of failed) expect(f.message.length).toBeGreaterThan(10);
    expect(FOREIGN_MEDIA_HOSTS).toHaveLength(3);
  });

  it('never connects to a media host the platform’s JSON names outside its CDN', () => {
    expectOnlyPlatformHosts(fake);
  });

  it('keeps signed-URL signatures out of every text in the ZIP', async () => {
    const withSignature: string[] = [];
    for (const entry of exported.entries) {
      if (entry.directory || !/\.(json|html|csv)$/.test(entry.name)) continue;
      const text = new TextDecoder().decode(await readZipEntry(zipPath, entry.name));
      if (/(?:[?&]|&amp;)(oh|oe|_nc_ohc)=/.test(text)) withSignature.push(entry.name);
    }
    expect(withSignature).toEqual([]);
  });

  it('keeps carousel children whose pks are no id, under the post’s id and their position, and the pks as sent', () => {
    const post = exported.manifest.posts.find((p) => p.id === HOSTILE_PKS.carousel)!;
    expect(post.media.map((m) => m.id).slice(0, 2)).toEqual([`${HOSTILE_PKS.carousel}_1`, `${HOSTILE_PKS.carousel}_2`]);
    expect(post.metadata.media_ids_as_sent).toEqual([
      { id: `${HOSTILE_PKS.carousel}_1`, as_sent: '../../evil' },
      { id: `${HOSTILE_PKS.carousel}_2`, as_sent: 'CON' },
    ]);
    for (const child of served.filter((m) => m.postId === HOSTILE_PKS.carousel && !isNumeric(m.mediaId))) {
      expect(inZip.has(child.sha256), `child ${JSON.stringify(child.mediaId)} is in the ZIP`).toBe(true);
    }
  });

  it('keeps both posts cut to the same file-name length apart (a 250-digit id each)', async () => {
    for (const id of [HOSTILE_PKS.longA, HOSTILE_PKS.longB]) {
      const file = served.find((m) => m.mediaId === id)!;
      expect(inZip.get(file.sha256), `file of ${id.slice(195)}…`).toHaveLength(1);
    }
  });

  it('names files of posts from 1900 and 3000 by those dates, in a ZIP unzip -t accepts', () => {
    const dated = (id: string) => exported.manifest.posts.find((p) => p.id === id)?.media[0]?.path?.split('/').pop();
    expect(dated(HOSTILE_PKS.year1900)).toMatch(/^1900-01-01_/);
    expect(dated(HOSTILE_PKS.year3000)).toMatch(/^3000-01-01_/);
  });

  it('keeps every post whose pk is no number, under that pk: its file byte-identical in the ZIP, or failed with a reason', async () => {
    const listed = new Set(exported.manifest.posts.map((p) => p.id));
    expect(HOSTILE_POST_PKS.filter((pk) => !listed.has(pk))).toEqual([]);
    const files = served.filter((m) => HOSTILE_POST_PKS.includes(m.postId));
    expect(files.map((m) => m.postId).sort()).toEqual([...HOSTILE_POST_PKS].sort());
    await expectEveryServedFileAccountedFor(zipPath, exported, files);
    for (const file of files) {
      const failure = exported.manifest.failed.find((f) => f.postId === file.postId && f.mediaId === file.mediaId);
      expect(inZip.has(file.sha256) !== (failure !== undefined), `${JSON.stringify(file.postId)} is saved or failed, not both`).toBe(true);
      if (failure) expect(failure.message.length).toBeGreaterThan(10);
    }
    expect(files.filter((m) => !inZip.has(m.sha256)).map((m) => m.postId)).toEqual([EXPIRED_PK]);
  });

  it('names the pk exactly as sent in the sidecar of each such file', async () => {
    const { manifest, root } = exported;
    for (const pk of HOSTILE_POST_PKS.filter((id) => id !== EXPIRED_PK)) {
      const media = manifest.posts.find((p) => p.id === pk)!.media[0]!;
      const sidecar = await readZipJson<{ id: string; postId: string }>(zipPath, `${root}/${sidecarPath(media.path!)}`);
      expect(sidecar, JSON.stringify(pk)).toMatchObject({ id: pk, postId: pk });
    }
  });

  it('never puts a pk that is no number into an API request: the expired file of such a post fails, saying why', () => {
    const failure = exported.manifest.failed.find((f) => f.postId === EXPIRED_PK);
    expect(failure).toMatchObject({ mediaId: EXPIRED_PK, reason: 'expired_url' });
    expect(failure!.message).toMatch(/numeric media id/);
    const apiPaths = fake.log.filter((e) => e.kind === 'api').map((e) => decodeURIComponent(e.path));
    expect(apiPaths.filter((path) => path.includes('/api/v1/media/') || path.includes('passwd'))).toEqual([]);
  });

  it('loses no file when posts, or children of one carousel, repeat a media id', () => {
    const listedPosts = new Set(exported.manifest.posts.map((p) => p.id));
    const failedIds = new Set(exported.manifest.failed.map((f) => f.mediaId));
    const lost = served.filter((m) => listedPosts.has(m.postId) && !inZip.has(m.sha256) && !failedIds.has(m.mediaId));
    expect(lost.map((m) => `${m.postId}/${m.mediaId} (${m.format}, ${m.bytes} bytes)`)).toEqual([]);
  });

  it('shows hostile captions, names and handle in index.html as text, with no script and no network', async () => {
    const dir = await unzipToTemp(zipPath);
    const page = await session.context.newPage();
    try {
      const requests: string[] = [];
      const dialogs: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(`file://${join(dir, exported.root, 'index.html')}`);
      await page.waitForLoadState('load');
      expect(await page.locator('script, iframe, object, embed, [onerror], [onload], [onclick]').count()).toBe(0);
      expect(await page.locator('h1').textContent()).toContain(HOSTILE_HANDLE.slice(0, 8));
      const captions = await page.locator('.caption:not(.empty)').allTextContents();
      expect(captions.some((c) => c.includes('<script>alert(1)</script>'))).toBe(true);
      expect(dialogs).toEqual([]);
      expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
    } finally {
      await page.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('never had more than three media downloads in flight', () => {
    expectNeverMoreThanThreeInFlight(fake);
  });
});
