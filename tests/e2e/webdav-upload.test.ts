import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../lib/export/history/exportHistory';
import { PART_RESERVE_BYTES } from '../../lib/export/parts/partPlan';
import { startFakePlatforms } from '../fake-platforms/index';
import type { FakePlatforms } from '../fake-platforms/types';
import { expectEveryServedFileAccountedFor, expectSha256SumsVerify, openExport } from './exportChecks';
import { addFakeCookies, existingZips, hashZipEntry, launchWithExtension, PopupPage, sendToBackground, stopExtensionWorker, type ExtensionSession } from './harness';
import { startDropProxy, type DropProxy } from './harness/dropProxy';
import { extensionCopyWithHosts } from './harness/extensionCopy';
import { removeDir } from './harness/profile';
import { startWebdavServer, type WebdavServer } from './harness/webdavServer';
import { useQuickPacing } from './quickPacing';

const TIMEOUT_MS = 240_000;
const MB = 1024 * 1024;
/** The server's name as the user would type it; Chromium sends it to the local proxy. */
const DAV_HOST = 'dav.star-export.test';

/** The names of the ZIP files the extension holds in its storage (OPFS), of every job. */
function storedZips(page: PopupPage['page']): Promise<string[]> {
  return page.evaluate(async () => {
    const names: string[] = [];
    type Folder = FileSystemDirectoryHandle & { entries(): AsyncIterable<[string, FileSystemHandle]> };
    try {
      const jobs = (await (await navigator.storage.getDirectory()).getDirectoryHandle('jobs')) as Folder;
      for await (const [, job] of jobs.entries()) {
        if (job.kind !== 'directory') continue;
        for await (const [name] of (job as Folder).entries()) if (name.endsWith('.zip')) names.push(name);
      }
    } catch {
      // No staging folder at all.
    }
    return names;
  });
}

/** A split export's parts as the job record keeps them: each one's name and size as written. */
function partsOf(page: PopupPage['page'], jobId: string): Promise<{ name: string; size: number }[]> {
  return page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('star-export');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const job = await new Promise<{ parts?: { name: string; size: number }[] }>((resolve, reject) => {
      const request = db.transaction('jobs').objectStore('jobs').get(id);
      request.onsuccess = () => resolve(request.result as { parts?: { name: string; size: number }[] });
      request.onerror = () => reject(request.error);
    });
    db.close();
    return (job.parts ?? []).map(({ name, size }) => ({ name, size }));
  }, jobId);
}

describe('an export saved to a WebDAV server (rclone serve webdav)', () => {
  let fake: FakePlatforms;
  let dav: WebdavServer;
  let proxy: DropProxy;
  let extensionPath: string;
  let session: ExtensionSession;

  beforeAll(async () => {
    dav = await startWebdavServer(['exports']);
    // Paced so one upload lasts seconds: long enough to cut it and to stop the worker during it.
    proxy = await startDropProxy(dav.port, { bytesPerSecond: 3 * MB });
    extensionPath = await extensionCopyWithHosts([`http://${DAV_HOST}/*`]);
    fake = await startFakePlatforms({
      port: 0,
      instagramAccounts: [{ username: 'star.demo', posts: 20, imageBytes: 300_000, videoBytes: 1_000_000 }],
    });
    // The fakes map every other host name to themselves; this rule goes first (Chromium keeps the last flag).
    const rules = `MAP ${DAV_HOST} 127.0.0.1:${proxy.port}, ${fake.hostResolverRules}`;
    session = await launchWithExtension({ fake, extensionPath, args: [`--host-resolver-rules=${rules}`] });
    await useQuickPacing(session);
    await addFakeCookies(session.context, fake.instagramCookies());
  }, 60_000);

  afterAll(async () => {
    try {
      await session?.close();
    } finally {
      await fake?.close();
      await proxy?.close();
      await dav?.close();
      if (extensionPath) await removeDir(extensionPath);
    }
  });

  it('uploads through a dropped connection and a worker stop; the server holds the complete ZIP', { timeout: TIMEOUT_MS }, async () => {
    const settings = await session.context.newPage();
    await settings.goto(`chrome-extension://${session.extensionId}/options.html`);
    await settings.getByLabel('Folder address').fill(`http://${DAV_HOST}/exports/`);
    await settings.getByLabel('User name').fill(dav.user);
    await settings.getByLabel('App password').fill(dav.password);
    await settings.getByRole('button', { name: 'Connect' }).click();
    await settings.getByText('Connected to').waitFor();
    await settings.getByLabel('Save exports to').selectOption('webdav');
    // The password is kept sealed, never in the clear, in the extension's storage.
    const stored = await session.serviceWorker.evaluate('chrome.storage.local.get(null)');
    expect(JSON.stringify(stored)).not.toContain(dav.password);

    const popup = await PopupPage.open(session.context, session.extensionId);
    await popup.choosePlatform('instagram');
    await popup.setIncludeMedia(true);
    expect(await popup.page.getByLabel('Save to').inputValue()).toBe('webdav');
    proxy.dropOnceAfter(2 * MB);
    await popup.start();
    await popup.waitForNewJob();

    let stopped = false;
    let bytesAtDrop = 0;
    const { text, seen } = await popup.followJob(TIMEOUT_MS - 30_000, async () => {
      if (proxy.dropped === 1 && bytesAtDrop === 0) bytesAtDrop = proxy.bytesUp;
      // Well into the upload that followed the drop: stop the worker under it.
      if (!stopped && bytesAtDrop > 0 && proxy.bytesUp > bytesAtDrop + 2 * MB) {
        await stopExtensionWorker(session.context, session.extensionId);
        stopped = true;
      }
    });
    expect(text, seen.join('\n')).toMatch(/Done: .* was saved to WebDAV\./);
    expect(proxy.dropped, 'the connection was cut once').toBe(1);
    expect(stopped, 'the worker was stopped during the upload').toBe(true);
    expect(seen.some((line) => /^Uploading to WebDAV — .* of .*…$/.test(line)), seen.join('\n')).toBe(true);

    const [job] = await sendToBackground<HistoryEntry[]>(popup.page, 'listHistory');
    const folder = join(dav.root, 'exports', job!.fileName!.replace(/\.zip$/, ''));
    expect(await readdir(folder)).toEqual([job!.fileName]);
    const uploaded = join(folder, job!.fileName!);
    expect((await stat(uploaded)).size).toBe(job!.zipBytes);
    const exported = await openExport(uploaded, 'instagram');
    await expectEveryServedFileAccountedFor(uploaded, exported, fake.instagramMedia());
    expect(exported.manifest.failed).toEqual([]);
    // Confirmed on the server, the local copy is gone and nothing went to the downloads folder.
    expect(job!.archiveKept).toBe(false);
    expect(await existingZips(session.downloadsDir)).toEqual([]);
  });

  it('pauses on a refused app password with what to do; Continue after reconnecting finishes the upload', { timeout: TIMEOUT_MS }, async () => {
    const settings = await session.context.newPage();
    await settings.goto(`chrome-extension://${session.extensionId}/options.html`);
    const connect = async (password: string) => {
      await settings.getByRole('button', { name: 'Disconnect' }).click();
      await settings.getByLabel('Folder address').fill(`http://${DAV_HOST}/exports/`);
      await settings.getByLabel('User name').fill(dav.user);
      await settings.getByLabel('App password').fill(password);
      await settings.getByRole('button', { name: 'Connect' }).click();
      await settings.getByText('Connected to').waitFor();
    };
    await connect('not-the-password');

    const popup = await PopupPage.open(session.context, session.extensionId);
    await popup.choosePlatform('instagram');
    await popup.setIncludeMedia(true);
    await popup.page.getByText('Options', { exact: true }).click();
    await popup.page.getByLabel('Save to').selectOption('webdav');
    await popup.start();
    await expect
      .poll(() => popup.statusText(), { timeout: 120_000, interval: 200 })
      .toMatch(/^Paused: The WebDAV server refused the user name or app password\. Check them in History & settings, then press Continue\./);
    // The history page shows the pause and its Continue too; the job has not failed.
    await settings.reload();
    await settings.getByText(/^Paused: The WebDAV server refused/).waitFor();
    await settings.getByRole('button', { name: /^Continue the upload of / }).waitFor();

    await connect(dav.password);
    await popup.page.getByRole('button', { name: /^Continue the upload of / }).click();
    await expect.poll(() => popup.statusText(), { timeout: 120_000, interval: 200 }).toMatch(/Done: .* was saved to WebDAV\./);
    const [resumed] = await sendToBackground<HistoryEntry[]>(popup.page, 'listHistory');
    const uploaded = join(dav.root, 'exports', resumed!.fileName!.replace(/\.zip$/, ''), resumed!.fileName!);
    expect((await stat(uploaded)).size).toBe(resumed!.zipBytes);
    // Every file the platform served is in the uploaded ZIP byte for byte.
    const exported = await openExport(uploaded, 'instagram');
    await expectEveryServedFileAccountedFor(uploaded, exported, fake.instagramMedia());
    expect(exported.manifest.failed).toEqual([]);
  });

  it(
    'uploads each part of a split export as it completes, through a drop and a worker stop; every part on the server whole, none left locally',
    { timeout: TIMEOUT_MS },
    async () => {
      const served = fake.instagramMedia();
      const servedBytes = served.reduce((sum, file) => sum + file.bytes, 0);
      // About a third of the files' bytes a part: the account in three parts or more.
      await useQuickPacing(session, { partBytes: PART_RESERVE_BYTES + Math.ceil(servedBytes / 3) });

      const popup = await PopupPage.open(session.context, session.extensionId);
      await popup.choosePlatform('instagram');
      await popup.setIncludeMedia(true);
      await popup.page.getByText('Options', { exact: true }).click();
      await popup.page.getByLabel('Split into parts').selectOption('2');
      await popup.page.getByLabel('Save to').selectOption('webdav');
      // Cuts the first part's upload part-way.
      proxy.dropOnceAfter(MB);
      const droppedBefore = proxy.dropped;
      await popup.start();
      await popup.waitForNewJob();

      let zipsWhileSecondUploads: string[] | undefined;
      let bytesAtSecond: number | undefined;
      let stopped = false;
      const { text, seen } = await popup.followJob(TIMEOUT_MS - 60_000, async (status) => {
        // "of N" once the last part is complete; earlier parts go up while later media download.
        const uploading = /Uploading part (\d+)(?: of \d+)? to WebDAV/.exec(status);
        if (uploading && Number(uploading[1]) >= 2 && bytesAtSecond === undefined) {
          bytesAtSecond = proxy.bytesUp;
          // Parts go up one at a time, and a part's file goes once the server has it.
          zipsWhileSecondUploads = await storedZips(popup.page);
        }
        // Part-way into a later part's upload: stop the worker under it.
        if (!stopped && bytesAtSecond !== undefined && uploading && proxy.bytesUp > bytesAtSecond + MB) {
          await stopExtensionWorker(session.context, session.extensionId);
          stopped = true;
        }
      });
      expect(text, seen.join('\n')).toMatch(/Done: .* (\d+) ZIPs, from .*_part-01\.zip, were saved to WebDAV\./);
      expect(proxy.dropped - droppedBefore, 'the connection was cut once').toBe(1);
      expect(stopped, `the worker was stopped during an upload:\n${seen.join('\n')}`).toBe(true);
      expect(seen.some((line) => /Uploading part 1( of \d+)? to WebDAV — .* of .*…$/.test(line)), seen.join('\n')).toBe(true);
      expect(zipsWhileSecondUploads, 'the extension storage was looked at while part 2 or later went up').toBeDefined();
      expect(zipsWhileSecondUploads).not.toContain('export.part-01.zip');

      const [job] = await sendToBackground<HistoryEntry[]>(popup.page, 'listHistory');
      const parts = await partsOf(popup.page, job!.id);
      expect(parts.length).toBe(job!.partCount);
      expect(parts.length).toBeGreaterThanOrEqual(3);
      const folder = join(dav.root, 'exports', job!.fileName!.replace(/_part-01\.zip$/, ''));
      expect((await readdir(folder)).sort()).toEqual(parts.map((part) => part.name));
      const partOf = new Map<string, string>();
      for (const part of parts) {
        const uploaded = join(folder, part.name);
        expect((await stat(uploaded)).size, part.name).toBe(part.size);
        // openExport runs unzip -t; SHA256SUMS inside the part verifies every file it holds.
        const { manifest, root } = await openExport(uploaded, 'instagram');
        expectSha256SumsVerify(uploaded, root);
        for (const post of manifest.posts) {
          for (const media of post.media) {
            if (!media.path) continue;
            const key = `${post.id}/${media.id}`;
            expect(partOf.has(key), `${key} is in one part only`).toBe(false);
            partOf.set(key, part.name);
            const file = served.find((s) => s.postId === post.id && s.mediaId === media.id)!;
            expect(await hashZipEntry(uploaded, `${root}/${media.path}`), key).toBe(file.sha256);
          }
        }
      }
      for (const file of served) expect(partOf.has(`${file.postId}/${file.mediaId}`), `${file.mediaId} of ${file.postId} is in a part`).toBe(true);
      // Nothing stays on this computer: no part in the extension's storage, none in the downloads folder.
      expect(await storedZips(popup.page)).toEqual([]);
      expect(await existingZips(session.downloadsDir)).toEqual([]);
    },
  );
});
