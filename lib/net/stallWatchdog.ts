import { ExportError } from '../errors';

export interface StallWatchdog {
  /** Aborts on the caller's cancel, or when no progress was reported for the timeout. */
  readonly signal: AbortSignal;
  readonly stalled: boolean;
  /** Call on every sign of life (headers, a chunk) to restart the countdown. */
  progress(): void;
  stop(): void;
  /** The error to report when `stalled`. */
  error(): ExportError;
}

/**
 * A server that takes minutes to send headers, or stops sending mid-body, must not hold a
 * download slot or the job forever; a stall becomes a retryable network error.
 */
export function createStallWatchdog(parent: AbortSignal, timeoutMs: number): StallWatchdog {
  const controller = new AbortController();
  let stalled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const error = () => new ExportError('network_error', `The server sent nothing for ${Math.round(timeoutMs / 1000)} s.`);
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      controller.abort(error());
    }, timeoutMs);
  };
  const onParentAbort = () => {
    clearTimeout(timer);
    controller.abort(parent.reason);
  };
  if (parent.aborted) onParentAbort();
  else {
    parent.addEventListener('abort', onParentAbort, { once: true });
    arm();
  }
  return {
    signal: controller.signal,
    get stalled() {
      return stalled;
    },
    progress: () => {
      if (!controller.signal.aborted) arm();
    },
    stop: () => {
      clearTimeout(timer);
      parent.removeEventListener('abort', onParentAbort);
    },
    error,
  };
}
