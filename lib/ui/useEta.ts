import { useRef } from 'preact/hooks';
import type { JobSnapshot } from '../export/types';
import { addSample, etaText, remainingMs, type ProgressSample } from './eta';

const MEASURED_STAGES = new Set(['metadata', 'media', 'archive']);

/** "about 3 min left" once the job's recent progress allows an estimate; undefined before. */
export function useEta(job: JobSnapshot): string | undefined {
  const samples = useRef<ProgressSample[]>([]);
  const seen = useRef<string>();
  if (!MEASURED_STAGES.has(job.stage) || job.waitingUntil) {
    samples.current = [];
    return undefined;
  }
  if (seen.current !== job.updatedAt) {
    seen.current = job.updatedAt;
    samples.current = addSample(samples.current, { at: Date.parse(job.updatedAt), percent: job.percent });
  }
  const left = remainingMs(samples.current);
  return left === undefined ? undefined : etaText(left);
}
