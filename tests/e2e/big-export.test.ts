import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMemorySampler } from '../../bench/lib/memorySampler';
import { exportFromPopup } from '../../bench/lib/popupExport';
import { growthByStage, memoryBaseline } from '../../bench/lib/stageMemory';
import { startFakePlatforms } from '../fake-platforms/index';
import type { FakePlatforms } from '../fake-platforms/types';
import { expectEveryServedFileAccountedFor, expectNeverMoreThanThreeInFlight, openExport } from './exportChecks';
import { addFakeCookies, launchWithExtension, listZip, type ExtensionSession } from './harness';
import { chromiumPidsFor } from './harness/processGuard';
import { useQuickPacing } from './quickPacing';

/**
 * Big exports, behind STAR_EXPORT_BIG=1 (minutes and ~15 GB of disk; not for every CI run):
 * more than 4.3 GB in one ZIP (ZIP64, entries past the 4 GiB mark readable), a ~1 GB video kept,
 * and a 1.5 GB video streamed without Content-Length until the platform's 1 GiB limit refuses it,
 * with Chromium's memory sampled throughout and held to issue #17's bound in every stage.
 */
const BIG = process.env.STAR_EXPORT_BIG === '1';
const GIB = 1024 * 1024 * 1024;
const TIMEOUT_MS = 30 * 60_000;
/** Issue #17: Chromium's growth stays under this in every stage of the export. */
const MAX_STAGE_GROWTH_MB = 150;
/** Idle samples with the popup open before the click; the baseline is their median (as the bench's). */
const BASELINE_MS = 3_000;

describe.runIf(BIG)('big exports (STAR_EXPORT_BIG=1)', () => {
  let fake: FakePlatforms;
  let session: ExtensionSession;

  const captureBefore = process.env.PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK;

  beforeAll(async () => {
    // docs/testing.md, "Chromium": DevTools network capture on the worker keeps ~200 MB of bodies
    // that users never pay for; read when Playwright meets the worker, so set before the launch.
    process.env.PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK = '1';
    fake = await startFakePlatforms({
      port: 0,
      instagramAccounts: [{ username: 'star.demo', posts: 14, stories: 0, highlights: 0, imageBytes: 1_000_000, videoBytes: 1000 * 1024 * 1024 }],
    });
    session = await launchWithExtension({ fake });
    await useQuickPacing(session);
    await addFakeCookies(session.context, fake.instagramCookies());
  }, 120_000);

  afterAll(async () => {
    try {
      await session?.close();
    } finally {
      await fake?.close();
      if (captureBefore === undefined) delete process.env.PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK;
      else process.env.PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK = captureBefore;
    }
  });

  it('writes a ZIP64 archive past 4.3 GB that unzip -t accepts, keeps ~1 GB videos, refuses a 1.5 GB stream, with bounded memory', async () => {
    const served = fake.instagramMedia();
    const total = served.reduce((sum, m) => sum + m.bytes, 0);
    expect(total).toBeGreaterThan(4.3e9);
    // An image URL answered with a 1.5 GB JPEG stream without a length: the 1 GiB limit must stop it mid-way.
    fake.addFault({ match: { pathIncludes: '.jpg' }, after: 2, fault: { type: 'oversize', bytes: 1.5 * GIB, declareLength: false } });

    const sampler = startMemorySampler(() => chromiumPidsFor(session.userDataDir), 500);
    let baselineFrom = 0;
    const run = await exportFromPopup(
      { fake, session },
      {
        includeMedia: true,
        timeoutMs: TIMEOUT_MS,
        beforeStart: async () => {
          baselineFrom = Date.now();
          await new Promise((resolve) => setTimeout(resolve, BASELINE_MS));
        },
      },
    ).finally(() => sampler.stop());
    const samples = sampler.samples();
    const baseline = memoryBaseline(samples, baselineFrom, run.clickedAt);
    const during = samples.filter((sample) => sample.at >= run.clickedAt && sample.at <= run.doneAt);
    const byStage = growthByStage(during, baseline, run.stages);
    const stages = Object.entries(byStage).map(([stage, mb]) => `${stage} +${mb}`).join(', ');
    // Said before the checks below, so a failing one still leaves the figures of a long run.
    console.log(`big export: ${(total / 1e9).toFixed(2)} GB served in ${(run.wallMs / 60_000).toFixed(1)} min; Chromium anon+shmem PSS growth by stage (MB): ${stages}`);
    const zipPath = run.zipPath;
    const exported = await openExport(zipPath, 'instagram');
    const entries = await listZip(zipPath);
    expect(entries.reduce((sum, e) => sum + e.size, 0)).toBeGreaterThan(4.3e9);
    const refused = exported.manifest.failed;
    expect(refused.map((f) => f.reason)).toEqual(['too_large']);
    await expectEveryServedFileAccountedFor(
      zipPath,
      exported,
      served.filter((m) => !refused.some((f) => f.mediaId === m.mediaId)),
    );
    expectNeverMoreThanThreeInFlight(fake);

    for (const [stage, mb] of Object.entries(byStage)) expect(mb, `growth in '${stage}' (${stages})`).toBeLessThan(MAX_STAGE_GROWTH_MB);
  }, TIMEOUT_MS + 10 * 60_000);
});
