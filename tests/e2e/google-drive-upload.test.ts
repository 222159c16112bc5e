import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../lib/export/history/exportHistory';
import type { FakePlatforms } from '../fake-platforms/types';
import { expectEveryServedFileAccountedFor, expectSha256SumsVerify, openExport } from './exportChecks';
import { existingZips, hashZipEntry, PopupPage, sendToBackground, stopExtensionWorker, type ExtensionSession } from './harness';
import { startCloudProviderSession, type CloudProviderSession } from './harness/cloudProviderSession';
import { startGoogleDriveServer, type GoogleDriveServer } from './harness/googleDriveServer';
import { PART_RESERVE_BYTES } from '../../lib/export/parts/partPlan';
import { useQuickPacing } from './quickPacing';

const TIMEOUT_MS = 240_000;
/** The origins Connect requests (GOOGLE_DRIVE_ORIGINS; that module needs an extension to load). */
const GOOGLE_DRIVE_ORIGINS = ['https://www.googleapis.com/*', 'https://oauth2.googleapis.com/*'];

describe('an export saved to Google Drive (a fake Google under its real host names)', () => {
  let google: GoogleDriveServer;
  let cloud: CloudProviderSession;
  let fake: FakePlatforms;
  let session: ExtensionSession;
  let scratch: string;

  beforeAll(async () => {
    google = await startGoogleDriveServer();
    // The client id is inlined at build time: the test builds its own copy of the extension with one.
    cloud = await startCloudProviderSession({
      provider: google,
      buildMode: 'e2e-google',
      buildEnv: { WXT_GOOGLE_CLIENT_ID: google.drive.clientId },
      origins: GOOGLE_DRIVE_ORIGINS,
      instagramAccount: { username: 'star.demo', posts: 12, imageBytes: 300_000, videoBytes: 1_000_000 },
    });
    ({ fake, session, scratch } = cloud);
    google.drive.redirectUri = `https://${session.extensionId}.chromiumapp.org/google`;
  }, 180_000);

  afterAll(async () => {
    try {
      await cloud?.close();
    } finally {
      await google?.close();
    }
  });

  it('connects through Google’s sign-in window, uploads through a lost answer, a 503 and an expired token; Drive holds the whole ZIP', { timeout: TIMEOUT_MS }, async () => {
    const settings = await session.context.newPage();
    await settings.goto(`chrome-extension://${session.extensionId}/options.html`);
    await settings.getByRole('button', { name: 'Connect Google Drive' }).click();
    await settings.getByText(`Connected as ${google.drive.account}`).waitFor();
    await settings.getByLabel('Save exports to').selectOption('googleDrive');
    const stored = JSON.stringify(await session.serviceWorker.evaluate('chrome.storage.local.get(null)'));
    expect(stored).not.toContain('ya29.');

    // The hour of the token passes before the upload; Google drops one answer and fails one chunk.
    google.drive.expireAccessTokens();
    google.drive.answerNext('chunk', 503);
    google.drive.loseNextAnswer('chunk');
    const popup = await PopupPage.open(session.context, session.extensionId);
    await popup.choosePlatform('instagram');
    await popup.setIncludeMedia(true);
    expect(await popup.page.getByLabel('Save to').inputValue()).toBe('googleDrive');
    await popup.start();
    const seen: string[] = [];
    const end = await popup.waitForFinalStage(TIMEOUT_MS - 30_000, (text) => seen.push(text));
    expect(end.text, seen.join('\n')).toMatch(/Done: .* was saved to Google Drive\./);
    expect(seen.some((line) => /^Uploading to Google Drive — .* of .*…$/.test(line)), seen.join('\n')).toBe(true);

    const [job] = await sendToBackground<HistoryEntry[]>(popup.page, 'listHistory');
    const bytes = google.drive.bytesOf(`${job!.fileName!.replace(/\.zip$/, '')}/${job!.fileName}`);
    expect(bytes?.length).toBe(job!.zipBytes);
    const uploaded = join(scratch, job!.fileName!);
    await writeFile(uploaded, bytes!);
    const exported = await openExport(uploaded, 'instagram');
    await expectEveryServedFileAccountedFor(uploaded, exported, fake.instagramMedia());
    // The renewed token came without a window (prompt=none); both faults were met. After the 503 the
    // upload asked where it stood; Chromium itself may resend a PUT whose connection dropped.
    expect(google.drive.silentSignIns).toBe(1);
    expect(google.drive.faultsPending).toBe(0);
    expect(google.drive.requests.filter((kind) => kind === 'query').length).toBeGreaterThanOrEqual(1);
    expect(job!.archiveKept).toBe(false);
    expect(await existingZips(session.downloadsDir)).toEqual([]);

    // Disconnect revokes the grant at Google and forgets the token.
    await settings.getByRole('button', { name: 'Disconnect' }).click();
    await settings.getByText('Not connected.').waitFor();
    expect(google.drive.consented).toBe(false);
  });

  it('sends each part of a split export into one folder, through a worker stop mid-part; every part whole in Drive', { timeout: TIMEOUT_MS }, async () => {
    const served = fake.instagramMedia();
    const servedBytes = served.reduce((sum, file) => sum + file.bytes, 0);
    // About a third of the files' bytes a part: the account in three parts or more.
    await useQuickPacing(session, { partBytes: PART_RESERVE_BYTES + Math.ceil(servedBytes / 3) });
    const settings = await session.context.newPage();
    await settings.goto(`chrome-extension://${session.extensionId}/options.html`);
    await settings.getByRole('button', { name: 'Connect Google Drive' }).click();
    await settings.getByText(`Connected as ${google.drive.account}`).waitFor();
    // Slow enough to stop the worker while a chunk is on its way.
    google.chunks.delayMs = 1500;
    try {
      const popup = await PopupPage.open(session.context, session.extensionId);
      await popup.choosePlatform('instagram');
      await popup.setIncludeMedia(true);
      await popup.page.getByText('Options', { exact: true }).click();
      await popup.page.getByLabel('Split into parts').selectOption('2');
      await popup.page.getByLabel('Save to').selectOption('googleDrive');
      await popup.start();
      await popup.waitForNewJob();
      let stopped = false;
      let queriesAtStop = 0;
      const queries = () => google.drive.requests.filter((kind) => kind === 'query').length;
      const { text, seen } = await popup.followJob(TIMEOUT_MS - 60_000, async (status) => {
        // While a chunk of part 2 is on its way: the session is open and its checkpoint saved.
        if (!stopped && /Uploading part 2( of \d+)? to Google Drive/.test(status) && google.chunks.inFlight > 0) {
          queriesAtStop = queries();
          await stopExtensionWorker(session.context, session.extensionId);
          stopped = true;
        }
      });
      expect(text, seen.join('\n')).toMatch(/Done: .* (\d+) ZIPs, from .*_part-01\.zip, were saved to Google Drive\./);
      expect(stopped, `the worker was stopped during an upload:\n${seen.join('\n')}`).toBe(true);
      // The restarted worker asked Google where the session stood instead of starting over.
      expect(queries()).toBeGreaterThan(queriesAtStop);

      const [job] = await sendToBackground<HistoryEntry[]>(popup.page, 'listHistory');
      const folder = job!.fileName!.replace(/_part-01\.zip$/, '');
      expect(google.drive.folders(folder)).toHaveLength(1);
      const uploaded = google.drive.filesIn(folder);
      expect(uploaded.size).toBe(job!.partCount);
      expect(uploaded.size).toBeGreaterThanOrEqual(3);
      const inParts = new Set<string>();
      for (const [name, bytes] of uploaded) {
        const path = join(scratch, name);
        await writeFile(path, bytes);
        // openExport runs unzip -t; SHA256SUMS inside the part verifies every file it holds.
        const { manifest, root } = await openExport(path, 'instagram');
        expectSha256SumsVerify(path, root);
        for (const post of manifest.posts) {
          for (const media of post.media) {
            if (!media.path) continue;
            const file = served.find((s) => s.postId === post.id && s.mediaId === media.id)!;
            expect(await hashZipEntry(path, `${root}/${media.path}`), `${post.id}/${media.id}`).toBe(file.sha256);
            inParts.add(`${post.id}/${media.id}`);
          }
        }
      }
      for (const file of served) expect(inParts.has(`${file.postId}/${file.mediaId}`), `${file.mediaId} of ${file.postId} is in a part`).toBe(true);
      expect(await existingZips(session.downloadsDir)).toEqual([]);
    } finally {
      google.chunks.delayMs = 0;
    }
  });
});
