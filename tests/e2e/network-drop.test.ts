import { describe, expect, it } from 'vitest';
import { expectEveryServedFileAccountedFor, openExport } from './exportChecks';
import { startJsonExportWithMedia, useExtensionWithFake } from './extensionWithFake';
import { addFakeCookies, existingZips, PopupPage, waitForZip } from './harness';

const DROP_MS = 25_000;

describe('A network drop mid-export', () => {
  const env = useExtensionWithFake({ instagramAccounts: [{ username: 'star.demo', posts: 24, stories: 0, highlights: 0 }] });

  it('the media host dropping every connection for 25 s: every file ends in the ZIP, none failed, nothing pressed', async () => {
    const { fake, session } = env;
    await addFakeCookies(session.context, fake.instagramCookies());
    // After a few files, every media connection is cut mid-body for 25 s.
    fake.addFault({ match: 'media', after: 4, forMs: DROP_MS, fault: { type: 'reset' } });
    const before = await existingZips(session.downloadsDir);
    const popup = await PopupPage.open(session.context, session.extensionId);
    await startJsonExportWithMedia(popup, 'instagram');
    const end = await popup.waitForFinalStage(240_000);
    expect(end.outcome, end.text).toBe('done');

    const faulted = fake.log.filter((e) => e.kind === 'media' && e.faulted);
    expect(faulted.length, 'the drop happened').toBeGreaterThan(3);
    const span = faulted[faulted.length - 1]!.at - faulted[0]!.at;
    expect(span, 'requests kept coming during the drop, paced').toBeGreaterThan(DROP_MS / 2);

    const zipPath = await waitForZip(session.downloadsDir, 60_000, before);
    const exported = await openExport(zipPath, 'instagram');
    expect(exported.manifest.failed).toEqual([]);
    await expectEveryServedFileAccountedFor(zipPath, exported, fake.instagramMedia());
  }, 300_000);
});
