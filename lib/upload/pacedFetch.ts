import { sleep as realSleep } from '../net/retryPolicy';

/** Waits before a request body of `bytes` may go, so the bodies sent keep to a rate. */
export type RequestPacer = (bytes: number, signal: AbortSignal) => Promise<void>;

export interface RequestPacerOptions {
  now?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/**
 * Paces request bodies to `bytesPerSecond`: a body goes no sooner than the one before it would
 * have been sent at that rate, counted from when that one started, so the time a request spends
 * sending counts towards its own bytes and an idle spell saves up no burst beyond one request.
 */
export function requestPacer(bytesPerSecond: number, options: RequestPacerOptions = {}): RequestPacer {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  let nextAt = -Infinity;
  return async (bytes, signal) => {
    const wait = nextAt - now();
    if (wait > 0) await sleep(wait, signal);
    nextAt = now() + (bytes * 1000) / bytesPerSecond;
  };
}

/**
 * A fetch whose request bodies wait for `pace` before they go: the export's speed limit held on
 * uploads too. Bodies are Blob slices the browser sends by itself (see `UploadSource`; Chrome
 * streams a ReadableStream body only over HTTP/2), so the limit holds per request: a file sent in
 * one request (plain WebDAV) cannot be slowed inside, the requests after it wait for it. Every
 * uploader that sends through `ResumableUpload.fetch` is paced, whatever its protocol.
 */
export function pacedFetch(pace: RequestPacer, fetchImpl: typeof fetch = fetch): typeof fetch {
  return async (input, init = {}) => {
    const bytes = init.body instanceof Blob ? init.body.size : 0;
    if (bytes > 0) await pace(bytes, init.signal ?? new AbortController().signal);
    return fetchImpl(input, init);
  };
}
