import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../lib/export/history/exportHistory';
import { expectEveryServedFileAccountedFor, expectSha256SumsVerify, openExport } from '../e2e/exportChecks';
import { existingZips } from '../e2e/harness';
import { GOOGLE_HOSTS, startGoogleDriveServer } from '../e2e/harness/googleDriveServer';
import { startExport, waitForJobEnd } from './harness/exportJobs';
import { useFirefoxCloudProvider } from './harness/firefoxCloudProvider';
import { until } from './harness/until';

const OPTIONS = 'options.html';
const EXPORT_TIMEOUT_MS = 120_000;

/**
 * Google Drive in Firefox: Connect opens Firefox's own launchWebAuthFlow window, which must see the
 * redirect to the add-on's extensions.allizom.org address, and the background renews an expired
 * token through the same API without a window (prompt=none).
 */
describe('Firefox: an export saved to Google Drive (a fake Google under its real host names)', () => {
  const env = useFirefoxCloudProvider({
    startProvider: startGoogleDriveServer,
    hosts: GOOGLE_HOSTS,
    buildMode: 'e2e-google',
    buildEnv: (google) => ({ WXT_GOOGLE_CLIENT_ID: google.drive.clientId }),
    setRedirectUri: (google, uri) => (google.drive.redirectUri = uri),
    redirectPath: 'google',
    instagramAccount: { username: 'star.demo', posts: 12, imageBytes: 300_000, videoBytes: 1_000_000 },
  });

  it('connects through launchWebAuthFlow, uploads through an expired token, a 503 and a lost answer; Drive holds the whole ZIP', async () => {
    const { pages, downloadsDir } = env.firefox;
    const drive = env.provider.drive;
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
    const before = await existingZips(downloadsDir);
    const jobId = await startExport(pages, { platform: 'instagram', format: 'json', includeMedia: true, saveTo: 'googleDrive' });
    const job = await waitForJobEnd(pages, jobId, EXPORT_TIMEOUT_MS);
    expect(job.stage, JSON.stringify(job.error)).toBe('done');

    const history = await pages.sendToBackground<HistoryEntry[]>('listHistory');
    const entry = history.find((h) => h.id === jobId)!;
    const bytes = drive.bytesOf(`${entry.fileName!.replace(/\.zip$/, '')}/${entry.fileName}`);
    expect(bytes?.length).toBe(entry.zipBytes);
    const uploaded = join(env.scratch, entry.fileName!);
    await writeFile(uploaded, bytes!);
    // openExport runs unzip -t; SHA256SUMS verifies every file, and each is the one the fake served.
    const exported = await openExport(uploaded, 'instagram');
    expectSha256SumsVerify(uploaded, exported.root);
    await expectEveryServedFileAccountedFor(uploaded, exported, env.fake.instagramMedia());
    expect(exported.manifest.failed).toEqual([]);
    // The renewed token came without a window (prompt=none); both faults were met, and after them
    // the upload asked Google where the session stood.
    expect(drive.silentSignIns).toBe(1);
    expect(drive.faultsPending).toBe(0);
    expect(drive.requests.filter((kind) => kind === 'query').length).toBeGreaterThanOrEqual(1);
    expect(entry.archiveKept).toBe(false);
    expect(await existingZips(downloadsDir)).toEqual(before);

    // Disconnect revokes the grant at Google and forgets the token.
    await pages.clickAsUser(OPTIONS, '.google-drive-account button');
    expect(await until(status, (text) => text.includes('Not connected.'))).toContain('Not connected.');
    expect(drive.consented).toBe(false);
  });
});
