import { addFakeCookies } from '../../tests/e2e/harness';
import { useQuickPacing } from '../../tests/e2e/quickPacing';
import type { BenchConfig } from '../config';
import { withRig } from '../lib/benchRig';
import { fetchFromExtensionPage } from '../lib/pageFetch';
import { exportFromPopup } from '../lib/popupExport';
import { mediaEntries, mediaStageTiming } from '../lib/requestLog';
import { median, round } from '../lib/stats';

const SLOTS = 3;
// Enough paired samples that one odd request does not move the load correction.
const SOLO_FETCHES = 12;
const TARGET = 1.1;

export interface SchedulerResult {
  ratio: number;
  target: number;
  met: boolean;
  files: number;
  mediaStageMs: number;
  idealMs: number;
  /**
   * What one file costs: the mean service time the fake logged for the exported files (JPEG and MP4
   * are paced in different slices, so equal sizes still differ by ~15%), lowered by how much slower
   * the same files were in the export than fetched alone, so load cannot flatter the ratio.
   */
  perFileMs: number;
  perFile: { inExportMeanMs: number; inExportMedianMs: number; soloMs: number[]; sameFilesInExportMs: number[]; loadFactor: number; nominalMs: number };
  inFlight: { max: number; mean: number; maxReportedByFake: number };
  /** The job's own media stage (its IndexedDB bookkeeping included), from its broadcasts. */
  jobMediaStageMs: number;
  wallMs: number;
  setup: BenchConfig['scheduler'];
}

export async function benchScheduler(config: BenchConfig['scheduler'], log: (line: string) => void): Promise<SchedulerResult> {
  const account = { username: 'star.demo', posts: config.posts, stories: 0, highlights: 0, imageBytes: config.fileBytes, videoBytes: config.fileBytes };
  const fakeOptions = { instagramAccounts: [account], mediaLatencyMs: config.latencyMs, mediaBytesPerSecond: config.bytesPerSecond };
  return withRig(fakeOptions, async (rig) => {
    await useQuickPacing(rig.session);
    await addFakeCookies(rig.session.context, rig.fake.instagramCookies());
    const served = rig.fake.instagramMedia().length;
    log(`  ${served} files of ${config.fileBytes} B, ${config.latencyMs} ms delay, ${config.bytesPerSecond} B/s per file`);
    rig.fake.resetLog();
    const run = await exportFromPopup(rig, { includeMedia: true, timeoutMs: 300_000 });
    const exportLog = [...rig.fake.log];
    const maxReportedByFake = rig.fake.maxMediaInFlight;
    const timing = mediaStageTiming(exportLog);
    const urls = mediaEntries(exportLog)
      .slice(0, SOLO_FETCHES)
      .map((e) => `https://${e.host}${e.path}`);
    // The first files of the export fetched again one at a time: no slot, queue, storage or parallel transfer in the way.
    const soloMs = (await fetchFromExtensionPage(rig, urls)).map((e) => e.durationMs);
    const sameFilesInExportMs = mediaEntries(exportLog)
      .slice(0, SOLO_FETCHES)
      .map((e) => e.durationMs);
    const loadFactor = median(sameFilesInExportMs.map((ms, i) => ms / (soloMs[i] ?? ms)));
    const inExportMeanMs = timing.durationsMs.reduce((a, b) => a + b, 0) / timing.files;
    const perFileMs = inExportMeanMs / Math.max(1, loadFactor);
    const idealMs = Math.ceil(timing.files / SLOTS) * perFileMs;
    const ratio = timing.spanMs / idealMs;
    if (timing.files !== served) log(`  note: the fake served ${timing.files} media responses for ${served} files`);
    return {
      ratio: round(ratio, 3),
      target: TARGET,
      met: ratio <= TARGET && timing.maxInFlight === SLOTS,
      files: timing.files,
      mediaStageMs: timing.spanMs,
      idealMs: round(idealMs, 1),
      perFileMs: round(perFileMs, 1),
      perFile: {
        inExportMeanMs: round(inExportMeanMs, 1),
        inExportMedianMs: median(timing.durationsMs),
        soloMs,
        sameFilesInExportMs,
        loadFactor: round(loadFactor, 3),
        nominalMs: round(config.latencyMs + (config.fileBytes / config.bytesPerSecond) * 1000, 1),
      },
      inFlight: { max: timing.maxInFlight, mean: round(timing.meanInFlight, 3), maxReportedByFake },
      jobMediaStageMs: run.stages.media?.ms ?? NaN,
      wallMs: run.wallMs,
      setup: config,
    };
  });
}
