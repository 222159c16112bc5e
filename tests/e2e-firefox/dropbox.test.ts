import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../lib/export/history/exportHistory';
import { expectEveryServedFileAccountedFor, expectSha256SumsVerify, openExport } from '../e2e/exportChecks';
import { existingZips } from '../e2e/harness';
import { DROPBOX_HOSTS, startDropboxServer } from '../e2e/harness/dropboxServer';
import { startExport, waitForJobEnd } from './harness/exportJobs';
import { useFirefoxCloudProvider } from './harness/firefoxCloudProvider';
import { until } from './harness/until';

const OPTIONS = 'options.html';
const EXPORT_TIMEOUT_MS = 120_000;
/** The extension's chunk of an upload session (8 MiB): the ZIP below takes several. */
const CHUNK = 8 * 1024 * 1024;

/**
 * Dropbox in Firefox: Connect's launchWebAuthFlow window must see the redirect to the add-on's
 * extensions.allizom.org address with the code, which the page exchanges with its PKCE verifier;
 * the background renews the token with the refresh token.
 */
describe('Firefox: an export saved to Dropbox (a fake Dropbox under its real host names)', () => {
  const env = useFirefoxCloudProvider({
    startProvider: startDropboxServer,
    hosts: DROPBOX_HOSTS,
    buildMode: 'e2e-dropbox',
    buildEnv: (dropbox) => ({ WXT_DROPBOX_CLIENT_ID: dropbox.dropbox.clientId }),
    setRedirectUri: (dropbox, uri) => (dropbox.dropbox.redirectUri = uri),
    redirectPath: 'dropbox',
    instagramAccount: { username: 'star.demo', posts: 12, imageBytes: 1_000_000, videoBytes: 3_000_000 },
  });

  it('connects through launchWebAuthFlow, uploads through an expired token, a lost answer and a 503; Dropbox holds the whole ZIP', async () => {
    const { pages, downloadsDir } = env.firefox;
    const dropbox = env.provider.dropbox;
    expect(dropbox.redirectUri).toMatch(/^https:\/\/[0-9a-f]+\.extensions\.allizom\.org\/dropbox$/);
    const status = () => pages.evaluate<string>(`document.querySelector('.dropbox-account')?.textContent ?? ''`, OPTIONS);
    await until(status, (text) => text.includes('Not connected.'));

    // The user's click: Firefox grants Dropbox's origins without its doorhanger (launchFirefox.ts prefs).
    await pages.clickAsUser(OPTIONS, '.dropbox-account button');
    const connected = await until(status, (text) => text.includes('Connected: exports go into') || text.includes('Not connected:'));
    expect(connected).toContain('Connected: exports go into Apps › Star Export in your Dropbox.');
    // The code came back to the add-on and Dropbox took it with the PKCE verifier.
    expect(dropbox.grants).toEqual(['authorization_code']);
    const stored = JSON.stringify(await pages.evaluate('browser.storage.local.get(null)'));
    expect(stored).not.toContain(dropbox.accessToken);
    expect(stored).not.toContain(dropbox.refreshToken);

    // The four hours of the token pass before the upload; Dropbox drops one answer mid-session and
    // fails the next append with a 503.
    dropbox.expireAccessToken();
    dropbox.loseNextAnswer('upload_session/append_v2');
    dropbox.answerNext('upload_session/append_v2', 503);
    const before = await existingZips(downloadsDir);
    const jobId = await startExport(pages, { platform: 'instagram', format: 'json', includeMedia: true, saveTo: 'dropbox' });
    const job = await waitForJobEnd(pages, jobId, EXPORT_TIMEOUT_MS);
    expect(job.stage, JSON.stringify(job.error)).toBe('done');

    const entry = (await pages.sendToBackground<HistoryEntry[]>('listHistory')).find((h) => h.id === jobId)!;
    expect(entry.zipBytes).toBeGreaterThan(2 * CHUNK);
    const bytes = dropbox.files.get(`/${entry.fileName!.replace(/\.zip$/, '')}/${entry.fileName}`);
    expect(bytes?.length).toBe(entry.zipBytes);
    const uploaded = join(env.scratch, entry.fileName!);
    await writeFile(uploaded, bytes!);
    // openExport runs unzip -t; SHA256SUMS verifies every file, and each is the one the fake served.
    const exported = await openExport(uploaded, 'instagram');
    expectSha256SumsVerify(uploaded, exported.root);
    await expectEveryServedFileAccountedFor(uploaded, exported, env.fake.instagramMedia());
    expect(exported.manifest.failed).toEqual([]);
    // The refused token was renewed with the refresh token, both faults were met, and after each the
    // upload asked Dropbox where its session stood (an empty append) instead of starting over.
    expect(dropbox.grants).toEqual(['authorization_code', 'refresh_token']);
    expect(dropbox.faultsPending).toBe(0);
    expect(dropbox.sessionsStarted).toBe(1);
    expect(dropbox.emptyAppends).toBeGreaterThanOrEqual(2);
    expect(entry.archiveKept).toBe(false);
    expect(await existingZips(downloadsDir)).toEqual(before);

    // Disconnect revokes the token at Dropbox (its refresh token with it) and forgets both.
    await pages.clickAsUser(OPTIONS, '.dropbox-account button');
    expect(await until(status, (text) => text.includes('Not connected.'))).toContain('Not connected.');
    expect(dropbox.revoked).toBe(1);
  });
});
