import { sleep as realSleep } from './retryPolicy';

/**
 * Whether the network under one kind of request (the platform's API, its media servers) is there,
 * judged job-wide: a laptop that sleeps or a Wi-Fi that drops fails every request alike, and each
 * file spending its own few retries on it would fail them all for good. While the network looks
 * down, requests wait with growing pauses instead, uncounted, until one goes through.
 */
export interface Connectivity {
  /** A request went through: the network is there. */
  succeeded(): void;
  /** A request failed at the network level; true when it should wait for the network, not count. */
  failedOffline(): boolean;
  /** The pause before the next try while the network is down; resolves early when the browser says it is back. */
  waitForNetwork(signal: AbortSignal): Promise<void>;
}

export interface ConnectivityOptions {
  /** Network errors in a row (no success between) that mean the network, not one file, is down. */
  errorsInARow?: number;
  baseWaitMs?: number;
  maxWaitMs?: number;
  /**
   * A streak of errors older than this, with the browser still saying it is online, is a host
   * that refuses these requests, not a dropped network: the files fail (and can be retried).
   */
  giveUpAfterMs?: number;
  isOnline?: () => boolean;
  now?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

function browserSaysOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}

/** Resolves when the browser reports the network back, or never where it cannot. */
function onlineEvent(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (typeof globalThis.addEventListener !== 'function') return;
    const done = () => {
      globalThis.removeEventListener('online', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    globalThis.addEventListener('online', done, { once: true });
    signal.addEventListener('abort', done, { once: true });
  });
}

export function createConnectivity(options: ConnectivityOptions = {}): Connectivity {
  const errorsInARow = options.errorsInARow ?? 3;
  const baseWaitMs = options.baseWaitMs ?? 2000;
  const maxWaitMs = options.maxWaitMs ?? 20_000;
  const giveUpAfterMs = options.giveUpAfterMs ?? 30 * 60_000;
  const isOnline = options.isOnline ?? browserSaysOnline;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  let streak = 0;
  let streakStartedAt = 0;
  let waits = 0;

  return {
    succeeded() {
      streak = 0;
      waits = 0;
    },
    failedOffline() {
      if (streak === 0) streakStartedAt = now();
      streak += 1;
      if (!isOnline()) return true;
      return streak >= errorsInARow && now() - streakStartedAt < giveUpAfterMs;
    },
    async waitForNetwork(signal) {
      const waitMs = Math.min(maxWaitMs, baseWaitMs * 2 ** waits);
      waits += 1;
      await Promise.race([sleep(waitMs, signal), onlineEvent(signal)]);
      signal.throwIfAborted();
    },
  };
}
