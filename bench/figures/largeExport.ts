import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { addFakeCookies } from '../../tests/e2e/harness';
import { chromiumPidsFor } from '../../tests/e2e/harness/processGuard';
import { useQuickPacing } from '../../tests/e2e/quickPacing';
import type { BenchConfig } from '../config';
import { withRig } from '../lib/benchRig';
import { startMemorySampler, type MemorySample } from '../lib/memorySampler';
import { exportFromPopup, type StageSpan } from '../lib/popupExport';
import { lastMediaByteAt, mediaStageTiming } from '../lib/requestLog';

/** Idle samples before the click; the baseline is their median. */
const BASELINE_MS = 3_000;

/** One export of about 1 GB of media, shared by the archive and memory figures. */
export interface LargeExport {
  files: number;
  mediaBytes: number;
  zipBytes: number;
  /** The ZIP, moved out of the browser's downloads folder into the caller's folder. */
  zipPath: string;
  jobId: string;
  clickedAt: number;
  doneAt: number;
  baselineFrom: number;
  stages: Record<string, StageSpan>;
  memory: MemorySample[];
  /** Media throughput as the fake served it. */
  mediaStageMs: number;
  maxMediaInFlight: number;
  /** Date.now() when the fake sent the last media byte. */
  lastMediaByteAt: number;
}

export async function runLargeExport(config: BenchConfig['large'], keepZipIn: string, log: (line: string) => void): Promise<LargeExport> {
  const account = { username: 'star.demo', posts: config.posts, stories: config.stories, highlights: 0, imageBytes: config.fileBytes, videoBytes: config.fileBytes };
  return withRig({ instagramAccounts: [account] }, async (rig) => {
    const { session, fake, fakeStartedAt } = rig;
    await useQuickPacing(session);
    await addFakeCookies(session.context, fake.instagramCookies());
    const served = fake.instagramMedia();
    const mediaBytes = served.reduce((sum, m) => sum + m.bytes, 0);
    log(`  ${served.length} files, ${(mediaBytes / 2 ** 20).toFixed(0)} MiB of media`);
    fake.resetLog();
    const sampler = startMemorySampler(() => chromiumPidsFor(session.userDataDir));
    let baselineFrom = 0;
    try {
      const run = await exportFromPopup(rig, {
        includeMedia: true,
        timeoutMs: 600_000,
        beforeStart: async () => {
          baselineFrom = Date.now();
          await new Promise((resolve) => setTimeout(resolve, BASELINE_MS));
        },
        onStatus: (text) => {
          if (/Building|Downloading media: 0 |Handing|Saving/i.test(text)) log(`  ${text}`);
        },
      });
      const memory = sampler.stop();
      const timing = mediaStageTiming(fake.log);
      const zipPath = join(keepZipIn, 'extension.zip');
      await rename(run.zipPath, zipPath);
      return {
        files: served.length,
        mediaBytes,
        zipBytes: run.finalMark.zipBytes ?? NaN,
        zipPath,
        jobId: run.jobId,
        clickedAt: run.clickedAt,
        doneAt: run.doneAt,
        baselineFrom,
        stages: run.stages,
        memory,
        mediaStageMs: timing.spanMs,
        maxMediaInFlight: timing.maxInFlight,
        lastMediaByteAt: fakeStartedAt + lastMediaByteAt(fake.log),
      };
    } finally {
      sampler.stop();
    }
  });
}
