import { GB, MB, median, round } from '../lib/stats';
import type { LargeExport } from './largeExport';

const TARGET_MB = 150;
/** Samples this long after 'done' still count: the download's last writes settle then. */
const TAIL_MS = 1_000;
const STAGES = ['queued', 'resolving', 'metadata', 'media', 'archive', 'delivering'] as const;

export interface MemoryResult {
  peakGrowthMB: number;
  mbPerGB: number;
  target: number;
  met: boolean;
  baselineMB: number;
  peakMB: number;
  peakAtStage: string;
  /** Peak growth over the baseline within each stage. */
  byStageMB: Record<string, number>;
  /** The same peak by summed RSS, which counts shared pages once per process. */
  peakGrowthRssMB: number;
  exportedGB: number;
  samples: number;
  processes: { min: number; max: number };
  measure: string;
}

export function memoryFigure(run: LargeExport): MemoryResult {
  const before = run.memory.filter((s) => s.at >= run.baselineFrom && s.at < run.clickedAt);
  const during = run.memory.filter((s) => s.at >= run.clickedAt && s.at <= run.doneAt + TAIL_MS);
  if (before.length === 0 || during.length === 0) throw new Error('The memory sampler took no samples around the export.');
  const baseline = median(before.map((s) => s.pss));
  const baselineRss = median(before.map((s) => s.rss));
  const peak = during.reduce((a, b) => (b.pss > a.pss ? b : a));
  const stageOf = (at: number) => STAGES.find((stage) => run.stages[stage] && at >= run.stages[stage].start && at < run.stages[stage].end) ?? 'done';
  const byStageMB: Record<string, number> = {};
  for (const sample of during) {
    const stage = stageOf(sample.at);
    byStageMB[stage] = Math.max(byStageMB[stage] ?? -Infinity, round((sample.pss - baseline) / MB, 1));
  }
  const growth = (peak.pss - baseline) / MB;
  const exportedGB = run.mediaBytes / GB;
  return {
    peakGrowthMB: round(growth, 1),
    mbPerGB: round(growth / exportedGB, 1),
    target: TARGET_MB,
    met: growth <= TARGET_MB,
    baselineMB: round(baseline / MB, 1),
    peakMB: round(peak.pss / MB, 1),
    peakAtStage: stageOf(peak.at),
    byStageMB,
    peakGrowthRssMB: round((Math.max(...during.map((s) => s.rss)) - baselineRss) / MB, 1),
    exportedGB: round(exportedGB, 3),
    samples: run.memory.length,
    processes: { min: Math.min(...during.map((s) => s.processes)), max: Math.max(...during.map((s) => s.processes)) },
    measure: 'sum of /proc/<pid>/smaps_rollup Pss over every process of the browser, every 250 ms; MB = MiB',
  };
}
