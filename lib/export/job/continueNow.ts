import { sleep } from '../../net/retryPolicy';

/** The wake-ups of the waits each running job is in, by job id. */
const waits = new Map<string, Set<() => void>>();

/**
 * Runs `wait` until the user presses Continue for the job; rejects only when `signal` aborts (the
 * job is cancelled or stopped).
 */
async function untilContinued(jobId: string, signal: AbortSignal, wait: (signal: AbortSignal) => Promise<void>): Promise<void> {
  const continued = new AbortController();
  const wake = () => continued.abort();
  const ofJob = waits.get(jobId) ?? new Set();
  ofJob.add(wake);
  waits.set(jobId, ofJob);
  try {
    await wait(AbortSignal.any([signal, continued.signal]));
  } catch (error) {
    if (signal.aborted || !continued.signal.aborted) throw error;
  } finally {
    ofJob.delete(wake);
    if (ofJob.size === 0) waits.delete(jobId);
  }
}

/** Sleeps `ms` unless the user presses Continue now for the job first. */
export function sleepUnlessContinued(jobId: string, ms: number, signal: AbortSignal): Promise<void> {
  return untilContinued(jobId, signal, (either) => sleep(ms, either));
}

/** Waits, with no end of its own, for the user to press Continue (or the job to stop). */
export function waitForContinue(jobId: string, signal: AbortSignal): Promise<void> {
  return untilContinued(jobId, signal, (either) => new Promise((_resolve, reject) => {
    if (either.aborted) reject(either.reason);
    else either.addEventListener('abort', () => reject(either.reason), { once: true });
  }));
}

/** Ends every wait the job is in now; false when it is in none (not running, or between waits). */
export function continueWaitingJob(jobId: string): boolean {
  const ofJob = waits.get(jobId);
  if (!ofJob?.size) return false;
  for (const wake of [...ofJob]) wake();
  return true;
}
