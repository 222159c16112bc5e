import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakePlatforms } from '../fake-platforms/index';
import type { FakePlatforms } from '../fake-platforms/types';
import { expectEveryServedFileAccountedFor, expectNeverMoreThanThreeInFlight, isMediaServed, openExport } from './exportChecks';
import { addFakeCookies, existingZips, extensionWorker, launchWithExtension, PopupPage, stopExtensionWorker, waitForZip, type ExtensionSession } from './harness';
import { useQuickPacing } from './quickPacing';

const TIMEOUT_MS = 240_000;

/** What the popup's live region says, reduced to the stage and the media count. */
function progressOf(text: string): { stage: string; media?: number } {
  const media = /Downloading media: (\d+) of/.exec(text);
  if (media) return { stage: 'media', media: Number(media[1]) };
  // While listing, the files of posts already listed download too.
  const listing = /Listing posts.*?(?:\((\d+) files? downloaded\))?$/.exec(text);
  if (listing) return listing[1] === undefined ? { stage: 'metadata' } : { stage: 'metadata', media: Number(listing[1]) };
  if (/asked us to slow down/.test(text)) return { stage: 'waiting' };
  if (/Building the ZIP/.test(text)) return { stage: 'archive' };
  if (/Handing the ZIP/.test(text)) return { stage: 'delivering' };
  if (/\bDone\b/.test(text)) return { stage: 'done' };
  if (/fail|cancel/i.test(text)) return { stage: 'failed' };
  return { stage: 'other' };
}

type Interruption = { name: string; when: (p: { stage: string; media?: number }) => boolean; action: 'stop-worker' | 'restart-browser' };

describe('an export survives its service worker being stopped and the browser restarting', () => {
  let fake: FakePlatforms;
  let session: ExtensionSession;

  beforeAll(async () => {
    fake = await startFakePlatforms({
      port: 0,
      instagramAccounts: [{ username: 'star.demo', posts: 60, imageBytes: 400_000, videoBytes: 4_000_000 }],
      mediaLatencyMs: 120,
    });
    session = await launchWithExtension({ fake });
    // Slower API pacing than other tests, so the metadata stage lasts long enough to interrupt.
    await useQuickPacing(session, { apiDelayMinMs: 400, apiDelayMaxMs: 600 });
    await addFakeCookies(session.context, fake.instagramCookies());
  });

  afterAll(async () => {
    try {
      await session?.close();
    } finally {
      await fake?.close();
    }
  });

  it('resumes by itself each time and delivers one complete, valid ZIP', async () => {
    const plan: Interruption[] = [
      { name: 'listing', when: (p) => p.stage === 'metadata', action: 'stop-worker' },
      { name: 'listing and downloading', when: (p) => p.stage === 'metadata' && (p.media ?? 0) >= 1, action: 'stop-worker' },
      // A persisted rate-limit wait is honoured by the restarted worker (it asks no sooner).
      { name: 'a rate-limit wait', when: (p) => p.stage === 'waiting', action: 'stop-worker' },
      { name: 'media 10', when: (p) => p.stage === 'media' && (p.media ?? 0) >= 10, action: 'stop-worker' },
      { name: 'media 40', when: (p) => p.stage === 'media' && (p.media ?? 0) >= 40, action: 'stop-worker' },
      { name: 'browser restart', when: (p) => p.stage === 'media' && (p.media ?? 0) >= 60, action: 'restart-browser' },
      { name: 'media 80', when: (p) => p.stage === 'media' && (p.media ?? 0) >= 80, action: 'stop-worker' },
      { name: 'archive', when: (p) => p.stage === 'archive', action: 'stop-worker' },
      // The ZIP must not be downloaded twice, whenever the worker stops during its hand-over.
      { name: 'delivery', when: (p) => p.stage === 'delivering', action: 'stop-worker' },
    ];
    const planned = plan.map((i) => i.name);
    // One rate limit on a listing call, so the listing waits (Retry-After 5 s) and can be interrupted then.
    fake.addFault({ match: 'api', after: 5, fault: { type: 'status', status: 429, retryAfterSeconds: 5 } });
    let popup = await PopupPage.open(session.context, session.extensionId);
    await popup.choosePlatform('instagram');
    await popup.setIncludeMedia(true);
    await popup.start();

    const done: string[] = [];
    const deadline = Date.now() + TIMEOUT_MS;
    let text = '';
    while (Date.now() < deadline) {
      text = await popup.statusText();
      const progress = progressOf(text);
      if (progress.stage === 'done' || progress.stage === 'failed') break;
      // The first planned interruption whose moment it is (the rate limit's moment is the fake's).
      const index = plan.findIndex((i) => i.when(progress));
      const next = index >= 0 ? plan.splice(index, 1)[0] : undefined;
      if (next) {
        if (next.action === 'stop-worker') {
          await stopExtensionWorker(session.context, session.extensionId);
        } else {
          session = await session.restart();
          popup = await PopupPage.open(session.context, session.extensionId);
        }
        done.push(`${next.action} during ${progress.stage}${progress.media === undefined ? '' : ` at ${progress.media}`} (${next.name})`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(progressOf(text).stage, `${text} after ${done.join(', ')}`).toBe('done');
    expect(fake.log.some((e) => e.faulted && e.status === 429), 'the rate limit fired').toBe(true);
    // Every planned interruption happened, each at its moment.
    expect(plan.map((i) => i.name), done.join(', ')).toEqual([]);
    expect(done).toHaveLength(planned.length);
    expect(done, 'a stop while listing and downloading both ran').toContainEqual(expect.stringMatching(/^stop-worker during metadata at \d+ \(listing and downloading\)$/));
    // The worker that finished is a fresh one: Playwright's handle to the first one is gone.
    await extensionWorker(session.context);

    const zipPath = await waitForZip(session.downloadsDir, 60_000);
    expect(await existingZips(session.downloadsDir), 'the ZIP was downloaded once').toHaveLength(1);
    const exported = await openExport(zipPath, 'instagram');
    await expectEveryServedFileAccountedFor(zipPath, exported, fake.instagramMedia());
    expect(exported.manifest.failed).toEqual([]);
    expect(new Set(exported.manifest.posts.map((p) => p.id)).size).toBe(exported.manifest.posts.length);
    expectNeverMoreThanThreeInFlight(fake);

    // A file is fetched again only when an interruption cut its download short: at most the three
    // in flight per interruption, never a file that was already kept.
    const completed = new Map<string, number>();
    for (const entry of fake.log) {
      if (isMediaServed(entry)) completed.set(entry.path, (completed.get(entry.path) ?? 0) + 1);
    }
    const refetched = [...completed.values()].filter((n) => n > 1).length;
    expect(refetched).toBeLessThanOrEqual(3 * done.length);
  });
});
