import type { MemorySample } from './memorySampler';
import type { StageSpan } from './popupExport';
import { MB, median, round } from './stats';

/** The job's stages in order (`metadata` is the listing; media downloads overlap it). */
export const JOB_STAGES = ['queued', 'resolving', 'metadata', 'media', 'archive', 'delivering'] as const;

export type MemoryMeasure = 'pssAnon' | 'pss' | 'rss';

/** The stage the job was in at `at`, by its own saved states; `done` after the last. */
export function stageAt(stages: Record<string, StageSpan>, at: number): string {
  return JOB_STAGES.find((stage) => stages[stage] && at >= stages[stage].start && at < stages[stage].end) ?? 'done';
}

/** The median of the idle samples taken before the click: what the browser held before the export. */
export function memoryBaseline(samples: readonly MemorySample[], from: number, clickedAt: number, measure: MemoryMeasure = 'pssAnon'): number {
  const before = samples.filter((s) => s.at >= from && s.at < clickedAt);
  if (before.length === 0) throw new Error('The memory sampler took no samples before the export.');
  return median(before.map((s) => s[measure]));
}

/** The highest growth over the baseline (MB, 1 decimal) sampled while the job was in each stage. */
export function growthByStage(
  samples: readonly MemorySample[],
  baseline: number,
  stages: Record<string, StageSpan>,
  measure: MemoryMeasure = 'pssAnon',
): Record<string, number> {
  const byStage: Record<string, number> = {};
  for (const sample of samples) {
    const stage = stageAt(stages, sample.at);
    byStage[stage] = Math.max(byStage[stage] ?? -Infinity, round((sample[measure] - baseline) / MB, 1));
  }
  return byStage;
}
