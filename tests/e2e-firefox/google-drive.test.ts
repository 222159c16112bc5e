import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../lib/export/history/exportHistory';
import { startFakePlatforms } from '../fake-platforms/index';
import { startProxy, type FakeProxy } from '../fake-platforms/server/proxy';
import type { FakePlatforms } from '../fake-platforms/types';
import { expectEveryServedFileAccountedFor, expectSha256SumsVerify, openExport } from '../e2e/exportChecks';
import { existingZips } from '../e2e/harness';
import { GOOGLE_HOSTS, startGoogleDriveServer, type GoogleDriveServer } from '../e2e/harness/googleDriveServer';
import { makeTempDir, removeDir } from '../e2e/harness/profile';
import { startExport, useQuickPacing, waitForJobEnd } from './harness/exportJobs';
import { launchFirefoxWithExtension, type FirefoxSession } from './harness/launchFirefox';

const BUILD_MODE = 'e2e-google';
const OPTIONS = 'options.html';
const EXPORT_TIMEOUT_MS = 120_000;

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    value = await read();
  }
  return value;
}

/**
 * Google Drive in Firefox: Connect opens Firefox's own launchWebAuthFlow window, which must see the
 * redirect to the add-on's extensions.allizom.org address, and the background renews an expired
 * token through the same API without a window (prompt=none). Firefox reaches the fake Google under
 * its real host names through a proxy that routes Google's hosts to it and every other host to
 * the fake platforms.
 */
describe('Firefox: an export saved to Google Drive (a fake Google under its real host names)', () => {
  let google: GoogleDriveServer | undefined;
  let fake: FakePlatforms | undefined;
  let proxy: FakeProxy | undefined;
  let firefox: FirefoxSession | undefined;
  let scratch: string | undefined;

  beforeAll(async () => {
    // The client id is inlined at build time: the test builds its own copy of the add-on with one.
    google = await startGoogleDriveServer();
    await promisify(execFile)('npx', ['wxt', 'build', '-b', 'firefox', '-m', BUILD_MODE, '--level', 'warn'], {
      env: { ...process.env, WXT_GOOGLE_CLIENT_ID: google.drive.clientId },
    });
    fake = await startFakePlatforms({ port: 0, instagramAccounts: [{ username: 'star.demo', posts: 12, imageBytes: 300_000, videoBytes: 1_000_000 }] });
    proxy = await startProxy(0, fake.port, new Map(GOOGLE_HOSTS.map((host) => [host, google!.port])));
    firefox = await launchFirefoxWithExtension({ fake: { proxyPort: proxy.port }, cookies: fake.instagramCookies(), extensionPath: `.output/firefox-mv3-${BUILD_MODE}` });
    await useQuickPacing(firefox.pages);
    // The address Firefox gives this add-on, as the user registers it with their OAuth client.
    google.drive.redirectUri = await firefox.pages.evaluate<string>(`browser.identity.getRedirectURL('google')`);
    scratch = await makeTempDir('firefox-google-scratch');
  }, 180_000);

  afterAll(async () => {
    try {
      await firefox?.close();
    } finally {
      await Promise.all([proxy?.close(), fake?.close(), google?.close()]);
      if (scratch) await removeDir(scratch);
    }
  });

  it('connects through launchWebAuthFlow, uploads through an expired token, a 503 and a lost answer; Drive holds the whole ZIP', async () => {
    const { pages } = firefox!;
    const drive = google!.drive;
    expect(drive.redirectUri).toMatch(/^https:\/\/[0-9a-f]+\.extensions\.allizom\.org\/google$/);
    const status = () => pages.evaluate<string>(`document.querySelector('.google-drive-account')?.textContent ?? ''`, OPTIONS);
    await until(status, (text) => text.includes('Not connected.'));

    // The user's click: Firefox grants Google's origins without its doorhanger (launchFirefox.ts prefs).
    await pages.clickAsUser(OPTIONS, '.google-drive-account button');
    const connected = await until(status, (text) => text.includes(`Connected as ${drive.account}`) || text.includes('Not connected:'));
    expect(connected).toContain(`Connected as ${drive.account}`);
    // Google's window was open for the consent: no token has come without one yet.
    expect(drive.consented).toBe(true);
    expect(drive.silentSignIns).toBe(0);
    expect(JSON.stringify(await pages.evaluate('browser.storage.local.get(null)'))).not.toContain('ya29.');

    // The hour of the token passes before the upload; Google fails one chunk and drops another's answer.
    drive.expireAccessTokens();
    drive.answerNext('chunk', 503);
    drive.loseNextAnswer('chunk');
    const before = await existingZips(firefox!.downloadsDir);
    const jobId = await startExport(pages, { platform: 'instagram', format: 'json', includeMedia: true, saveTo: 'googleDrive' });
    const job = await waitForJobEnd(pages, jobId, EXPORT_TIMEOUT_MS);
    expect(job.stage, JSON.stringify(job.error)).toBe('done');

    const history = await pages.sendToBackground<HistoryEntry[]>('listHistory');
    const entry = history.find((h) => h.id === jobId)!;
    const bytes = drive.bytesOf(`${entry.fileName!.replace(/\.zip$/, '')}/${entry.fileName}`);
    expect(bytes?.length).toBe(entry.zipBytes);
    const uploaded = join(scratch!, entry.fileName!);
    await writeFile(uploaded, bytes!);
    // openExport runs unzip -t; SHA256SUMS verifies every file, and each is the one the fake served.
    const exported = await openExport(uploaded, 'instagram');
    expectSha256SumsVerify(uploaded, exported.root);
    await expectEveryServedFileAccountedFor(uploaded, exported, fake!.instagramMedia());
    expect(exported.manifest.failed).toEqual([]);
    // The renewed token came without a window (prompt=none); both faults were met, and after them
    // the upload asked Google where the session stood.
    expect(drive.silentSignIns).toBe(1);
    expect(drive.faultsPending).toBe(0);
    expect(drive.requests.filter((kind) => kind === 'query').length).toBeGreaterThanOrEqual(1);
    expect(entry.archiveKept).toBe(false);
    expect(await existingZips(firefox!.downloadsDir)).toEqual(before);

    // Disconnect revokes the grant at Google and forgets the token.
    await pages.clickAsUser(OPTIONS, '.google-drive-account button');
    expect(await until(status, (text) => text.includes('Not connected.'))).toContain('Not connected.');
    expect(drive.consented).toBe(false);
  });
});
