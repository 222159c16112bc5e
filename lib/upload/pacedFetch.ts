import type { ByteThrottle } from '../export/media/tokenBucket';

/**
 * The burst an upload's bucket allows: the largest request body an uploader sends in pieces
 * (Nextcloud's 16 MiB chunk). A request waits for its own bytes before it goes, and what the
 * bucket refills while one is being sent counts up to this, so sending time is not paid twice.
 */
export const UPLOAD_BURST_BYTES = 16 * 1024 * 1024;

/**
 * A fetch whose request bodies take their bytes from `throttle` before they go: the export's speed
 * limit held on uploads too. Bodies are Blob slices the browser sends by itself (see
 * `UploadSource`), so the limit holds per request: a request waits until its bytes fit the rate,
 * then goes at the link's speed. A file sent in one request (plain WebDAV) cannot be slowed inside;
 * the requests after it wait for it. Every uploader that sends through `ResumableUpload.fetch` is
 * paced, whatever its protocol.
 */
export function pacedFetch(throttle: ByteThrottle, fetchImpl: typeof fetch = fetch): typeof fetch {
  return async (input, init = {}) => {
    const bytes = init.body instanceof Blob ? init.body.size : 0;
    if (bytes > 0) await throttle.take(bytes, init.signal ?? new AbortController().signal);
    return fetchImpl(input, init);
  };
}
