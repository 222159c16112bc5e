import type { Pacing } from '../platforms/types';
import { sleep } from './retryPolicy';

/**
 * Serialises a platform's API calls with a jittered pause between them: the user's own account
 * is at stake, and a steady machine-like rhythm is what platforms flag. One pacer per platform is
 * shared by every job, so two queued exports never double the request rate.
 */
export class RequestPacer {
  private tail: Promise<unknown> = Promise.resolve();
  private lastFinishedAt: number | undefined;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly random: () => number = Math.random,
  ) {}

  run<T>(task: () => Promise<T>, pacing: Pacing, signal: AbortSignal): Promise<T> {
    const result = this.tail.then(async () => {
      const pause = pacing.minDelayMs + this.random() * Math.max(0, pacing.maxDelayMs - pacing.minDelayMs);
      const wait = this.lastFinishedAt === undefined ? 0 : this.lastFinishedAt + pause - this.now();
      if (wait > 0) await sleep(wait, signal);
      signal.throwIfAborted();
      try {
        return await task();
      } finally {
        this.lastFinishedAt = this.now();
      }
    });
    this.tail = result.catch(() => undefined);
    return result;
  }
}
