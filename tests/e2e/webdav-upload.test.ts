import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../lib/export/history/exportHistory';
import { startFakePlatforms } from '../fake-platforms/index';
import type { FakePlatforms } from '../fake-platforms/types';
import { expectEveryServedFileAccountedFor, openExport } from './exportChecks';
import { addFakeCookies, existingZips, launchWithExtension, PopupPage, sendToBackground, stopExtensionWorker, type ExtensionSession } from './harness';
import { startDropProxy, type DropProxy } from './harness/dropProxy';
import { extensionCopyWithHosts } from './harness/extensionCopy';
import { removeDir } from './harness/profile';
import { startWebdavServer, type WebdavServer } from './harness/webdavServer';
import { useQuickPacing } from './quickPacing';

const TIMEOUT_MS = 240_000;
const MB = 1024 * 1024;
/** The server's name as the user would type it; Chromium sends it to the local proxy. */
const DAV_HOST = 'dav.star-export.test';

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

    const seen: string[] = [];
    let stopped = false;
    let bytesAtDrop = 0;
    const deadline = Date.now() + TIMEOUT_MS - 30_000;
    let text = '';
    while (Date.now() < deadline) {
      text = await popup.statusText();
      if (seen.at(-1) !== text) seen.push(text);
      if (/\bDone\b|fail|cancel/i.test(text)) break;
      if (proxy.dropped === 1 && bytesAtDrop === 0) bytesAtDrop = proxy.bytesUp;
      // Well into the upload that followed the drop: stop the worker under it.
      if (!stopped && bytesAtDrop > 0 && proxy.bytesUp > bytesAtDrop + 2 * MB) {
        await stopExtensionWorker(session.context, session.extensionId);
        stopped = true;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
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

  it('stops on a refused app password with what to do; Resume after reconnecting finishes the upload', { timeout: TIMEOUT_MS }, async () => {
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
    await popup.setIncludeMedia(false);
    await popup.page.getByText('Options', { exact: true }).click();
    await popup.page.getByLabel('Save to').selectOption('webdav');
    await popup.start();
    const failed = await popup.waitForFinalStage(120_000);
    expect(failed.text).toMatch(/refused the user name or app password\. Check them in History & settings, then press Resume\./);

    await connect(dav.password);
    await popup.page.getByRole('button', { name: /^Resume the export/ }).click();
    await expect.poll(() => popup.statusText(), { timeout: 120_000, interval: 200 }).toMatch(/Done: .* was saved to WebDAV\./);
    const jobs = await sendToBackground<HistoryEntry[]>(popup.page, 'listHistory');
    const resumed = jobs.find((job) => job.request.includeMedia === false)!;
    const uploaded = join(dav.root, 'exports', resumed.fileName!.replace(/\.zip$/, ''), resumed.fileName!);
    expect((await stat(uploaded)).size).toBe(resumed.zipBytes);
    await openExport(uploaded, 'instagram');
  });
});
