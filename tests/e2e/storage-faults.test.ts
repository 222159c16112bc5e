import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobSnapshot } from '../../lib/export/types';
import { startFakePlatforms } from '../fake-platforms/index';
import type { FakePlatforms } from '../fake-platforms/types';
import { expectEveryServedFileAccountedFor, expectNeverMoreThanThreeInFlight, isMediaServed, openExport } from './exportChecks';
import { addFakeCookies, launchWithExtension, PopupPage, sendToBackground, waitForZip, type ExtensionSession } from './harness';
import { useQuickPacing } from './quickPacing';

const TIMEOUT_MS = 180_000;

const DISK_MB = 300;
/** The reserve the extension keeps free (lib/storage/freeSpace.ts). */
const RESERVE = 64 * 1024 * 1024;

/**
 * A real full disk: the browser profile lives on a small tmpfs, mostly taken by a filler file
 * that the test deletes to "free space". (Chromium's quota override does not apply to an
 * extension with unlimitedStorage, so nothing short of a small file system tests this path.)
 */
function mountSmallDisk(): { dir?: string; error?: string } {
  const dir = mkdtempSync(join(tmpdir(), 'star-export-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${DISK_MB}m`, 'tmpfs', dir], { stdio: 'pipe' });
    return { dir };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

const mounted = mountSmallDisk();
const smallDisk = mounted.dir;
/** CI runs as root: there the test must run, and a tmpfs that cannot be mounted fails it rather than skipping it. */
const mustRun = process.env.CI === 'true' || process.getuid?.() === 0;

describe('storage faults', () => {
  let fake: FakePlatforms;
  let session: ExtensionSession;
  const filler = smallDisk && join(smallDisk, 'filler.bin');

  beforeAll(async () => {
    fake = await startFakePlatforms({ port: 0, instagramAccounts: [{ username: 'star.demo', posts: 30, imageBytes: 200_000, videoBytes: 2_000_000 }] });
    session = await launchWithExtension({ fake, ...(smallDisk ? { userDataDir: join(smallDisk, 'profile') } : {}) });
    await useQuickPacing(session);
    await addFakeCookies(session.context, fake.instagramCookies());
  });

  afterAll(async () => {
    try {
      await session?.close();
    } finally {
      await fake?.close();
      if (smallDisk) {
        execFileSync('umount', [smallDisk]);
        rmSync(smallDisk, { recursive: true, force: true });
      }
    }
  });

  it.skipIf(!smallDisk && !mustRun)('a full disk fails the job clearly, keeps what was downloaded, and resumes once space is freed (needs root to mount a tmpfs)', async () => {
    expect(smallDisk, `a ${DISK_MB} MB tmpfs could not be mounted: ${mounted.error ?? ''}`).toBeDefined();
    // Leave room for about half the media, so the disk fills up in the middle of the downloads.
    const media = fake.instagramMedia().reduce((sum, m) => sum + m.bytes, 0);
    const { bavail, bsize } = statfsSync(smallDisk!);
    writeFileSync(filler!, Buffer.alloc(Math.max(0, bavail * bsize - RESERVE - Math.floor(media / 2))));
    const popup = await PopupPage.open(session.context, session.extensionId);
    await popup.start();
    const end = await popup.waitForFinalStage(TIMEOUT_MS);
    expect(end.outcome, end.text).toBe('error');
    expect(end.text).toMatch(/disk is nearly full/i);

    const [failed] = await sendToBackground<JobSnapshot[]>(popup.page, 'listJobs');
    expect(failed!.stage).toBe('failed');
    expect(failed!.resumable).toBe(true);
    expect(failed!.error?.kind).toBe('quota_exceeded');
    const keptBefore = failed!.media.done;
    // Chromium reports free space with some delay, so the stop comes during the downloads or,
    // at the latest, before the ZIP is written: either way what was downloaded stays.
    expect(keptBefore).toBeGreaterThan(0);
    expect(failed!.failed).toEqual([]);

    rmSync(filler!);
    await popup.startBy(() => popup.page.getByRole('button', { name: /^Resume the export of/ }).click());
    const resumed = await popup.waitForFinalStage(TIMEOUT_MS);
    expect(resumed.outcome, resumed.text).toBe('done');

    const zipPath = await waitForZip(session.downloadsDir, 60_000);
    const exported = await openExport(zipPath, 'instagram');
    await expectEveryServedFileAccountedFor(zipPath, exported, fake.instagramMedia());
    expectNeverMoreThanThreeInFlight(fake);
    expect(exported.manifest.failed).toEqual([]);
    // Files kept before the disk filled up are not fetched again.
    const completed = new Map<string, number>();
    for (const e of fake.log) if (isMediaServed(e)) completed.set(e.path, (completed.get(e.path) ?? 0) + 1);
    expect([...completed.values()].filter((n) => n > 1).length).toBeLessThanOrEqual(3);
  });

  it('cancel removes the job’s staging data', async () => {
    fake.addFault({ match: 'media', after: 0, times: Infinity, fault: { type: 'delay', ms: 300 } });
    const popup = await PopupPage.open(session.context, session.extensionId);
    await popup.start();
    const deadline = Date.now() + TIMEOUT_MS;
    while (!/Downloading media: [1-9]/.test(await popup.statusText()) && Date.now() < deadline) await popup.page.waitForTimeout(100);
    const [running] = (await sendToBackground<JobSnapshot[]>(popup.page, 'listJobs')).filter((j) => j.stage === 'media');
    expect(running).toBeDefined();
    await sendToBackground(popup.page, 'cancelExport', { jobId: running!.id });
    const end = await popup.waitForFinalStage(TIMEOUT_MS);
    expect(end.text).toMatch(/cancelled/i);
    fake.clearFaults();

    const leftovers = await popup.page.evaluate(async (jobId) => {
      const root = await navigator.storage.getDirectory();
      const names: string[] = [];
      try {
        const jobs = await root.getDirectoryHandle('jobs');
        for await (const name of (jobs as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
      } catch {
        // no staging folder at all
      }
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('star-export');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const count = (store: string) =>
        new Promise<number>((resolve) => {
          const request = db.transaction(store).objectStore(store).index('byJob').count(jobId);
          request.onsuccess = () => resolve(request.result);
        });
      return { staged: names.includes(jobId), posts: await count('posts'), media: await count('media') };
    }, running!.id);
    expect(leftovers).toEqual({ staged: false, posts: 0, media: 0 });
  });
});
