import { sleep } from '../../net/retryPolicy';

/** The wake-ups of the waits each running job is in, by job id. */
const waits = new Map<string, Set<() => void>>();

/**
 * Sleeps `ms` unless the user presses Continue now for the job first; rejects only when `signal`
 * aborts (the job is cancelled or stopped).
 */
export async function sleepUnlessContinued(jobId: string, ms: number, signal: AbortSignal): Promise<void> {
  const continued = new AbortController();
  const wake = () => continued.abort();
  const ofJob = waits.get(jobId) ?? new Set();
  ofJob.add(wake);
  waits.set(jobId, ofJob);
  try {
    await sleep(ms, AbortSignal.any([signal, continued.signal]));
  } catch (error) {
    if (signal.aborted || !continued.signal.aborted) throw error;
  } finally {
    ofJob.delete(wake);
    if (ofJob.size === 0) waits.delete(jobId);
  }
}

/** Ends every wait the job is in now; false when it is in none (not running, or between waits). */
export function continueWaitingJob(jobId: string): boolean {
  const ofJob = waits.get(jobId);
  if (!ofJob?.size) return false;
  for (const wake of [...ofJob]) wake();
  return true;
}
