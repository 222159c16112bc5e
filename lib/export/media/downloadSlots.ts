import pLimit from 'p-limit';
import { ExportError } from '../../errors';

export interface DownloadSlots {
  /**
   * Runs `task` in a free slot. A task whose signal aborts while it waits never starts: its
   * promise rejects as cancelled at once. A running task sees the abort through its signal.
   */
  run<T>(task: (signal: AbortSignal) => Promise<T>, signal: AbortSignal): Promise<T>;
  /** Tasks running now. */
  readonly activeCount: number;
  /** Tasks waiting for a slot (cancelled ones excluded). */
  readonly pendingCount: number;
}

function cancelled(): ExportError {
  return new ExportError('cancelled', 'The export was cancelled.');
}

export function createDownloadSlots(concurrency: number): DownloadSlots {
  const limit = pLimit(concurrency);
  // p-limit cannot take an entry out of its queue; a cancelled entry stays until its turn and
  // then returns at once, so it holds its slot for one microtask only.
  let cancelledWaiting = 0;

  function run<T>(task: (signal: AbortSignal) => Promise<T>, signal: AbortSignal): Promise<T> {
    if (signal.aborted) return Promise.reject(cancelled());
    return new Promise<T>((resolve, reject) => {
      let state: 'waiting' | 'started' | 'cancelled' = 'waiting';
      const onAbort = () => {
        if (state !== 'waiting') return;
        state = 'cancelled';
        cancelledWaiting += 1;
        reject(cancelled());
      };
      signal.addEventListener('abort', onAbort, { once: true });
      void limit(async () => {
        signal.removeEventListener('abort', onAbort);
        if (state === 'cancelled') {
          cancelledWaiting -= 1;
          return;
        }
        state = 'started';
        try {
          resolve(await task(signal));
        } catch (error) {
          reject(error);
        }
      });
    });
  }

  return {
    run,
    get activeCount() {
      return limit.activeCount;
    },
    get pendingCount() {
      return limit.pendingCount - cancelledWaiting;
    },
  };
}

/** Every job's downloads share these three slots: two exports at once never mean six requests. */
export const downloadSlots = createDownloadSlots(3);
