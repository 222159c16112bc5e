import { describe, expect, it } from 'vitest';
import type { JobSnapshot } from '../../lib/export/types';
import { expectEveryServedFileAccountedFor, expectNeverMoreThanThreeInFlight, openExport } from '../e2e/exportChecks';
import { existingZips, waitForZip } from '../e2e/harness';
import { startExport, waitForJobEnd } from './harness/exportJobs';
import { useFirefoxWithFake } from './harness/firefoxWithFake';

const TIMEOUT_MS = 240_000;

type Interruption = { name: string; when: (job: JobSnapshot) => boolean };

/**
 * Firefox stops an idle MV3 background page as Chromium stops its service worker; the next event
 * (here the page's next `listJobs`) starts it again, and it must carry the job on from its checkpoint.
 */
describe('Firefox: an export survives its background page being stopped', () => {
  const env = useFirefoxWithFake(
    (fake) => fake.instagramCookies(),
    { instagramAccounts: [{ username: 'star.demo', posts: 60, imageBytes: 400_000, videoBytes: 4_000_000 }], mediaLatencyMs: 120, mediaBytesPerSecond: 4_000_000 },
    // Slower API pacing, so the listing lasts long enough to interrupt.
    { apiDelayMinMs: 400, apiDelayMaxMs: 600 },
  );

  it('resumes by itself each time and delivers one complete, valid ZIP', async () => {
    const plan: Interruption[] = [
      { name: 'listing', when: (job) => job.stage === 'metadata' },
      { name: 'downloading', when: (job) => job.stage === 'media' },
      // Two stops in the media stage: the files left when the listing ends take seconds at 4 MB/s each.
      { name: 'downloading, half done', when: (job) => job.stage === 'media' && job.media.done * 2 >= job.media.total },
    ];
    const planned = plan.length;
    const done: string[] = [];
    const jobId = await startExport(env.firefox.pages, { platform: 'instagram', format: 'json', includeMedia: true });
    const job = await waitForJobEnd(env.firefox.pages, jobId, TIMEOUT_MS, async (progress) => {
      const index = plan.findIndex((i) => i.when(progress));
      if (index < 0) return;
      const [next] = plan.splice(index, 1);
      await env.firefox.pages.terminateBackground();
      done.push(`stopped during ${progress.stage} at ${progress.media.done} files (${next!.name})`);
    });
    expect(job.stage, `${JSON.stringify(job.error)} after ${done.join(', ')}`).toBe('done');
    expect(plan.map((i) => i.name), done.join(', ')).toEqual([]);
    expect(done).toHaveLength(planned);

    const zipPath = await waitForZip(env.firefox.downloadsDir, 60_000);
    expect(await existingZips(env.firefox.downloadsDir), 'the ZIP was downloaded once').toHaveLength(1);
    const exported = await openExport(zipPath, 'instagram');
    await expectEveryServedFileAccountedFor(zipPath, exported, env.fake.instagramMedia());
    expect(exported.manifest.failed).toEqual([]);
    expect(new Set(exported.manifest.posts.map((p) => p.id)).size).toBe(exported.manifest.posts.length);
    expectNeverMoreThanThreeInFlight(env.fake);

    // A file is fetched again only when a stop cut its download short: at most the three in flight per stop.
    const completed = new Map<string, number>();
    for (const entry of env.fake.log) {
      if (entry.kind === 'media' && entry.status === 200) completed.set(entry.path, (completed.get(entry.path) ?? 0) + 1);
    }
    expect([...completed.values()].filter((n) => n > 1).length).toBeLessThanOrEqual(3 * done.length);
  });
});
