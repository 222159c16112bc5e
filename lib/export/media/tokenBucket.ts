import { sleep as realSleep } from '../../net/retryPolicy';

/** Holds media bytes to a rate: every download takes its bytes from one shared bucket. */
export interface ByteThrottle {
  /** Resolves once `bytes` may pass; rejects when `signal` aborts while waiting. */
  take(bytes: number, signal: AbortSignal): Promise<void>;
}

export interface TokenBucketOptions {
  /** Bytes allowed to pass at once after an idle spell (never at the start); default a twentieth of a second's worth. */
  burstBytes?: number;
  now?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/**
 * A token bucket of `bytesPerSecond`. A chunk larger than what the bucket holds still passes, and
 * the bucket goes into debt that the next takers wait out, so concurrent downloads share the rate
 * in the order they asked, and chunk sizes (which the browser decides) never stall a download.
 */
export function createTokenBucket(bytesPerSecond: number, options: TokenBucketOptions = {}): ByteThrottle {
  const burst = options.burstBytes ?? bytesPerSecond / 20;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  // Empty at first: a full bucket would let the export as a whole run one burst over the limit
  // (measured 1.004 of it), since the bucket only refills as time passes.
  let tokens = 0;
  let refilledAt = now();
  return {
    async take(bytes, signal) {
      const time = now();
      tokens = Math.min(burst, tokens + ((time - refilledAt) * bytesPerSecond) / 1000);
      refilledAt = time;
      tokens -= bytes;
      if (tokens < 0) await sleep((-tokens * 1000) / bytesPerSecond, signal);
    },
  };
}

/** The limit a request asks for, in bytes per second (MB/s of 10^6 bytes), or undefined for none. */
export function throttleFor(speedLimitMBps: number | undefined): ByteThrottle | undefined {
  return speedLimitMBps === undefined ? undefined : createTokenBucket(speedLimitMBps * 1_000_000);
}
