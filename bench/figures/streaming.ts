import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { addFakeCookies } from '../../tests/e2e/harness';
import { useQuickPacing } from '../../tests/e2e/quickPacing';
import type { BenchConfig } from '../config';
import { withRig } from '../lib/benchRig';
import { startDiskSampler } from '../lib/diskSampler';
import { fetchFromExtensionPage } from '../lib/pageFetch';
import { exportFromPopup } from '../lib/popupExport';
import { lastMediaByteAt, mediaEntries, mediaStageTiming } from '../lib/requestLog';
import { stageAt } from '../lib/stageMemory';
import { round } from '../lib/stats';
import { zipMinus0Of } from './archive';

const TARGETS = { tail: 0.25, overall: 1.05, diskPeak: 1.1 };
/** The extension's three download slots (lib/export/media/downloadSlots.ts): downloading alone gets as many. */
const SLOTS = 3;

export interface StreamingResult {
  /** Last media byte the fake sent → the ZIP handed to Downloads, ÷ `zip -0` of the same files. */
  tailRatio: number;
  /** Export wall time ÷ the longer of listing alone and downloading alone. */
  overallRatio: number;
  /** Peak browser storage during the export ÷ the ZIP's size. */
  diskPeakRatio: number;
  targets: typeof TARGETS;
  met: { tail: boolean; overall: boolean; diskPeak: boolean };
  tailMs: number;
  zipMinus0Ms: number[];
  zipMinus0MedianMs: number;
  /** Click to the job's 'done' (the browser reported the download complete). */
  wallMs: number;
  /** A metadata-only export of the same account at the same pacing, click to 'done'. */
  listingAloneMs: number;
  /** The export's media fetched again from an extension page, 3 at a time, bodies read and dropped: the fake's first request in to last byte out. */
  downloadingAloneMs: number;
  /** The same span within the export, for comparison. */
  mediaInExportMs: number;
  diskPeakBytes: number;
  diskBaselineBytes: number;
  diskPeakAtStage: string;
  diskSamples: number;
  zipBytes: number;
  files: number;
  mediaBytes: number;
  jobStagesMs: Record<string, number>;
  setup: BenchConfig['streaming'];
}

/**
 * One export with media from a paced fake (the network, not the machine, sets the pace, as for a
 * user), sampled for browser storage; then, in the same browser, the two things it overlaps done
 * alone: listing (no media) and downloading (no job).
 */
export async function benchStreaming(config: BenchConfig['streaming'], workDir: string, log: (line: string) => void): Promise<StreamingResult> {
  const account = { username: 'star.demo', posts: config.posts, stories: config.stories, highlights: 0, imageBytes: config.fileBytes, videoBytes: config.fileBytes };
  const fakeOptions = { instagramAccounts: [account], mediaLatencyMs: config.latencyMs, mediaBytesPerSecond: config.bytesPerSecond };
  return withRig(fakeOptions, async (rig) => {
    const { session, fake, fakeStartedAt } = rig;
    await useQuickPacing(session);
    await addFakeCookies(session.context, fake.instagramCookies());
    const served = fake.instagramMedia();
    const mediaBytes = served.reduce((sum, m) => sum + m.bytes, 0);
    log(`  ${served.length} files, ${(mediaBytes / 2 ** 20).toFixed(0)} MiB, ${config.latencyMs} ms delay, ${config.bytesPerSecond / 1e6} MB/s per file`);
    fake.resetLog();
    const disk = startDiskSampler(session.userDataDir);
    let samples;
    let run;
    try {
      run = await exportFromPopup(rig, { includeMedia: true, timeoutMs: 600_000 });
    } finally {
      samples = await disk.stop();
    }
    const exportLog = [...fake.log];
    const handedAt = run.downloadsCreatedAt[0];
    if (handedAt === undefined) throw new Error('The popup saw no download created.');
    const tailMs = handedAt - (fakeStartedAt + lastMediaByteAt(exportLog));
    const before = samples.filter((s) => s.at < run.clickedAt);
    const during = samples.filter((s) => s.at >= run.clickedAt && s.at <= run.doneAt);
    if (during.length === 0) throw new Error('The disk sampler took no samples during the export.');
    const peak = during.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    const zipPath = join(workDir, 'extension.zip');
    await rename(run.zipPath, zipPath);
    const zipBytes = run.finalMark.zipBytes ?? NaN;

    const urls = mediaEntries(exportLog).map((e) => `https://${e.host}${e.path}`);
    log(`  downloading alone: ${urls.length} files, ${SLOTS} at a time`);
    const alone = mediaStageTiming(await fetchFromExtensionPage(rig, urls, SLOTS));
    log('  listing alone: a metadata-only export');
    const listing = await exportFromPopup(rig, { includeMedia: false, timeoutMs: 300_000 });
    const zip = await zipMinus0Of(zipPath, run.jobId, workDir, log);

    const tailRatio = tailMs / zip.medianMs;
    const overallRatio = run.wallMs / Math.max(listing.wallMs, alone.spanMs);
    const diskPeakRatio = peak.bytes / zipBytes;
    return {
      tailRatio: round(tailRatio, 3),
      overallRatio: round(overallRatio, 3),
      diskPeakRatio: round(diskPeakRatio, 3),
      targets: TARGETS,
      met: { tail: tailRatio <= TARGETS.tail, overall: overallRatio <= TARGETS.overall, diskPeak: diskPeakRatio <= TARGETS.diskPeak },
      tailMs,
      zipMinus0Ms: zip.runsMs,
      zipMinus0MedianMs: zip.medianMs,
      wallMs: run.wallMs,
      listingAloneMs: listing.wallMs,
      downloadingAloneMs: alone.spanMs,
      mediaInExportMs: mediaStageTiming(exportLog).spanMs,
      diskPeakBytes: peak.bytes,
      diskBaselineBytes: before.length > 0 ? Math.max(...before.map((s) => s.bytes)) : NaN,
      diskPeakAtStage: stageAt(run.stages, peak.at),
      diskSamples: samples.length,
      zipBytes,
      files: served.length,
      mediaBytes,
      jobStagesMs: Object.fromEntries(Object.entries(run.stages).map(([stage, span]) => [stage, span.ms])),
      setup: config,
    };
  });
}
