import type { MemorySample } from '../lib/memorySampler';
import { growthByStage, memoryBaseline, stageAt, type MemoryMeasure } from '../lib/stageMemory';
import { GB, MB, median, round } from '../lib/stats';
import type { LargeExport } from './largeExport';

const TARGET_MB = 150;
/** Samples this long after 'done' still count: the download's last writes settle then. */
const TAIL_MS = 1_000;

export interface MemoryResult {
  /** Anonymous + shared-memory PSS summed over the browser's processes (see MemorySample). */
  peakGrowthMB: number;
  mbPerGB: number;
  target: number;
  met: boolean;
  baselineMB: number;
  peakMB: number;
  peakAtStage: string;
  /** Peak growth over the baseline within each stage: the target holds for every one. */
  byStageMB: Record<string, number>;
  /** The same peak by total PSS (file-backed pages too) and by summed RSS. */
  peakGrowthTotalPssMB: number;
  peakGrowthRssMB: number;
  exportedGB: number;
  samples: number;
  processes: { min: number; max: number };
  measure: string;
  /** Seconds from the click, anonymous PSS in MB, stage: the whole curve. */
  timeline: [number, number, string][];
}

function growth(before: MemorySample[], during: MemorySample[], measure: MemoryMeasure): number {
  return (Math.max(...during.map((s) => s[measure])) - median(before.map((s) => s[measure]))) / MB;
}

export function memoryFigure(run: LargeExport): MemoryResult {
  const before = run.memory.filter((s) => s.at >= run.baselineFrom && s.at < run.clickedAt);
  const during = run.memory.filter((s) => s.at >= run.clickedAt && s.at <= run.doneAt + TAIL_MS);
  if (before.length === 0 || during.length === 0) throw new Error('The memory sampler took no samples around the export.');
  const baseline = memoryBaseline(run.memory, run.baselineFrom, run.clickedAt);
  const peak = during.reduce((a, b) => (b.pssAnon > a.pssAnon ? b : a));
  const stageOf = (at: number) => stageAt(run.stages, at);
  const byStageMB = growthByStage(during, baseline, run.stages);
  const peakGrowth = (peak.pssAnon - baseline) / MB;
  const exportedGB = run.mediaBytes / GB;
  return {
    peakGrowthMB: round(peakGrowth, 1),
    mbPerGB: round(peakGrowth / exportedGB, 1),
    target: TARGET_MB,
    met: peakGrowth <= TARGET_MB,
    baselineMB: round(baseline / MB, 1),
    peakMB: round(peak.pssAnon / MB, 1),
    peakAtStage: stageOf(peak.at),
    byStageMB,
    peakGrowthTotalPssMB: round(growth(before, during, 'pss'), 1),
    peakGrowthRssMB: round(growth(before, during, 'rss'), 1),
    exportedGB: round(exportedGB, 3),
    samples: run.memory.length,
    processes: { min: Math.min(...during.map((s) => s.processes)), max: Math.max(...during.map((s) => s.processes)) },
    measure: 'Pss_Anon + Pss_Shmem from /proc/<pid>/smaps_rollup, summed over every process of the browser, every 250 ms; MB = MiB',
    timeline: during.map((s) => [round((s.at - run.clickedAt) / 1000, 2), round(s.pssAnon / MB, 1), stageOf(s.at)]),
  };
}
