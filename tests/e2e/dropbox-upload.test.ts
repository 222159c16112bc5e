import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../lib/export/history/exportHistory';
import type { FakePlatforms } from '../fake-platforms/types';
import { expectEveryServedFileAccountedFor, expectSha256SumsVerify, openExport } from './exportChecks';
import { existingZips, PopupPage, sendToBackground, stopExtensionWorker, type ExtensionSession } from './harness';
import { startCloudProviderSession, type CloudProviderSession } from './harness/cloudProviderSession';
import { startDropboxServer, type DropboxServer } from './harness/dropboxServer';

const TIMEOUT_MS = 180_000;
/** The origins Connect requests (DROPBOX_ORIGINS; that module needs an extension to load). */
const DROPBOX_ORIGINS = ['https://api.dropboxapi.com/*', 'https://content.dropboxapi.com/*'];
/** The extension's chunk of an upload session (8 MiB): the ZIP below takes several. */
const CHUNK = 8 * 1024 * 1024;

describe('an export saved to Dropbox (a fake Dropbox under its real host names)', () => {
  let dropbox: DropboxServer;
  let cloud: CloudProviderSession;
  let fake: FakePlatforms;
  let session: ExtensionSession;

  beforeAll(async () => {
    dropbox = await startDropboxServer();
    cloud = await startCloudProviderSession({
      provider: dropbox,
      buildMode: 'e2e-dropbox',
      buildEnv: { WXT_DROPBOX_CLIENT_ID: dropbox.dropbox.clientId },
      origins: DROPBOX_ORIGINS,
      instagramAccount: { username: 'star.demo', posts: 12, imageBytes: 1_000_000, videoBytes: 3_000_000 },
    });
    ({ fake, session } = cloud);
    dropbox.dropbox.redirectUri = `https://${session.extensionId}.chromiumapp.org/dropbox`;
  }, 180_000);

  afterAll(async () => {
    try {
      await cloud?.close();
    } finally {
      await dropbox?.close();
    }
  });

  const openSettings = async () => {
    const settings = await session.context.newPage();
    await settings.goto(`chrome-extension://${session.extensionId}/options.html`);
    return settings;
  };

  /** Starts an Instagram export with its media to Dropbox from the popup. */
  const startExport = async () => {
    const popup = await PopupPage.open(session.context, session.extensionId);
    await popup.choosePlatform('instagram');
    await popup.setIncludeMedia(true);
    await popup.page.getByText('Options', { exact: true }).click();
    await popup.page.getByLabel('Save to').selectOption('dropbox');
    await popup.start();
    return popup;
  };

  /**
   * The job's ZIP as Dropbox holds it, checked whole: size, unzip -t, SHA256SUMS, every served file.
   * (The extension finished only once Dropbox's content_hash matched its own.)
   */
  const expectWholeInDropbox = async (job: HistoryEntry) => {
    const path = `/${job.fileName!.replace(/\.zip$/, '')}/${job.fileName}`;
    const bytes = dropbox.dropbox.files.get(path);
    expect(bytes?.length, path).toBe(job.zipBytes);
    const uploaded = join(cloud.scratch, job.fileName!);
    await writeFile(uploaded, bytes!);
    const exported = await openExport(uploaded, 'instagram');
    expectSha256SumsVerify(uploaded, exported.root);
    await expectEveryServedFileAccountedFor(uploaded, exported, fake.instagramMedia());
    expect(exported.manifest.failed).toEqual([]);
  };

  it('connects through Dropbox’s sign-in window, uploads through an expired token, a lost answer, a 503 and a 429; Dropbox holds the whole ZIP', { timeout: TIMEOUT_MS }, async () => {
    const settings = await openSettings();
    await settings.getByRole('button', { name: 'Connect Dropbox' }).click();
    await settings.getByText('Connected: exports go into Apps › Star Export in your Dropbox.').waitFor();
    // The code came back to the extension and Dropbox took it with the PKCE verifier.
    expect(dropbox.dropbox.grants).toEqual(['authorization_code']);
    const stored = JSON.stringify(await session.serviceWorker.evaluate('chrome.storage.local.get(null)'));
    expect(stored).not.toContain(dropbox.dropbox.accessToken);
    expect(stored).not.toContain(dropbox.dropbox.refreshToken);

    // The four hours of the token pass before the upload; Dropbox drops one answer mid-session,
    // fails the next append with a 503 and asks for a second's wait at the finish.
    dropbox.dropbox.expireAccessToken();
    dropbox.dropbox.loseNextAnswer('upload_session/append_v2');
    dropbox.dropbox.answerNext('upload_session/append_v2', 503);
    dropbox.dropbox.answerNext('upload_session/finish', 429, 1);
    const popup = await startExport();
    const seen: string[] = [];
    const end = await popup.waitForFinalStage(TIMEOUT_MS - 30_000, (text) => seen.push(text));
    expect(end.text, seen.join('\n')).toMatch(/Done: .* was saved to Dropbox\./);
    expect(seen.some((line) => /^Uploading to Dropbox — .* of .*…$/.test(line)), seen.join('\n')).toBe(true);

    const [job] = await sendToBackground<HistoryEntry[]>(popup.page, 'listHistory');
    expect(job!.zipBytes).toBeGreaterThan(2 * CHUNK);
    await expectWholeInDropbox(job!);
    // The refused token was renewed with the refresh token, every fault was met, and after each the
    // upload asked Dropbox where its session stood (an empty append) instead of starting over.
    expect(dropbox.dropbox.grants).toEqual(['authorization_code', 'refresh_token']);
    expect(dropbox.dropbox.faultsPending).toBe(0);
    expect(dropbox.dropbox.sessionsStarted).toBe(1);
    expect(dropbox.dropbox.emptyAppends).toBeGreaterThanOrEqual(2);
    expect(job!.archiveKept).toBe(false);
    expect(await existingZips(session.downloadsDir)).toEqual([]);

    // Disconnect revokes the token at Dropbox (its refresh token with it) and forgets both.
    await settings.getByRole('button', { name: 'Disconnect' }).click();
    await settings.getByText('Not connected.').waitFor();
    expect(dropbox.dropbox.revoked).toBe(1);
    await settings.close();
  });

  it('carries the session on after a worker stop mid-append; nothing is sent twice', { timeout: TIMEOUT_MS }, async () => {
    const settings = await openSettings();
    await settings.getByRole('button', { name: 'Connect Dropbox' }).click();
    await settings.getByText('Connected: exports go into Apps › Star Export in your Dropbox.').waitFor();
    await settings.close();
    const sessionsBefore = dropbox.dropbox.sessionsStarted;
    // Slow enough to stop the worker while an append is on its way.
    dropbox.appends.delayMs = 1500;
    try {
      const popup = await startExport();
      await popup.waitForNewJob();
      let stopped = false;
      let queriesAtStop = 0;
      const { text, seen } = await popup.followJob(TIMEOUT_MS - 30_000, async (status) => {
        if (!stopped && /^Uploading to Dropbox/.test(status) && dropbox.appends.inFlight > 0) {
          queriesAtStop = dropbox.dropbox.emptyAppends;
          await stopExtensionWorker(session.context, session.extensionId);
          stopped = true;
        }
      });
      expect(text, seen.join('\n')).toMatch(/Done: .* was saved to Dropbox\./);
      expect(stopped, `the worker was stopped during an upload:\n${seen.join('\n')}`).toBe(true);
      // The restarted worker asked Dropbox where the session stood and carried it on.
      expect(dropbox.dropbox.emptyAppends).toBeGreaterThan(queriesAtStop);
      expect(dropbox.dropbox.sessionsStarted).toBe(sessionsBefore + 1);
      const [job] = await sendToBackground<HistoryEntry[]>(popup.page, 'listHistory');
      await expectWholeInDropbox(job!);
    } finally {
      dropbox.appends.delayMs = 0;
    }
  });

  it('pauses on a full Dropbox (insufficient_space) with what to do; Continue once there is space finishes the upload', { timeout: TIMEOUT_MS }, async () => {
    const sessionsBefore = dropbox.dropbox.sessionsStarted;
    dropbox.dropbox.quotaBytes = CHUNK;
    try {
      const popup = await startExport();
      await expect
        .poll(() => popup.statusText(), { timeout: 120_000, interval: 200 })
        .toMatch(/^Paused: Dropbox says the account is full\. Free space there, then press Continue\./);
      // The history page shows the pause and its Continue too; the job has not failed.
      const settings = await openSettings();
      await settings.getByText(/^Paused: Dropbox says the account is full/).waitFor();
      await settings.getByRole('button', { name: /^Continue the upload of / }).waitFor();
      await settings.close();

      dropbox.dropbox.quotaBytes = Infinity;
      await popup.page.getByRole('button', { name: /^Continue the upload of / }).click();
      await expect.poll(() => popup.statusText(), { timeout: 120_000, interval: 200 }).toMatch(/Done: .* was saved to Dropbox\./);
      // The session Dropbox kept through the refusal was finished; nothing was sent again.
      expect(dropbox.dropbox.sessionsStarted).toBe(sessionsBefore + 1);
      const [job] = await sendToBackground<HistoryEntry[]>(popup.page, 'listHistory');
      await expectWholeInDropbox(job!);
    } finally {
      dropbox.dropbox.quotaBytes = Infinity;
    }
  });
});
