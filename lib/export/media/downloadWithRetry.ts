import { ExportError, toExportError } from '../../errors';
import { MEDIA_RETRY_POLICY, isRetryableError, retryDelayFor, sleep as realSleep } from '../../net/retryPolicy';
import type { RetryPolicy } from '../../net/retryPolicy';
import type { Connectivity } from '../../net/connectivity';
import { downloadMedia } from './downloadMedia';
import type { DownloadMediaOptions, DownloadedMedia } from './downloadMedia';
import type { DownloadSlots } from './downloadSlots';

export interface DownloadWithRetryOptions extends DownloadMediaOptions {
  /** A fresh URL when the signed one expired (403/410), or null when the item is gone; asked once. */
  refreshUrl?: () => Promise<string | null>;
  /**
   * Each attempt takes one of these slots and gives it back before any wait, so a file backing
   * off never keeps another file from downloading.
   */
  slots?: DownloadSlots;
  policy?: RetryPolicy;
  /** The job's view of the media network: while it is down, network errors wait and do not count. */
  connectivity?: Connectivity;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  random?: () => number;
}

export interface RetriedDownload extends DownloadedMedia {
  /** The URL the bytes came from (a refreshed one after an expiry). */
  url: string;
  attempts: number;
}

/**
 * Downloads one file with up to `policy.maxRetries` retries of transient failures (network,
 * truncated body, 408/425/429/5xx), backing off with jitter and honouring Retry-After. Each
 * attempt writes into a freshly opened sink. Throws the last ExportError when it gives up.
 */
export async function downloadWithRetry(opts: DownloadWithRetryOptions): Promise<RetriedDownload> {
  const { signal, refreshUrl, slots } = opts;
  const policy = opts.policy ?? MEDIA_RETRY_POLICY;
  const sleep = opts.sleep ?? realSleep;
  const random = opts.random ?? Math.random;
  let url = opts.url;
  let refreshed = false;
  let retries = 0;
  for (let attempts = 1; ; attempts += 1) {
    try {
      const attempt = () => downloadMedia({ ...opts, url });
      const result = await (slots ? slots.run(attempt, signal) : attempt());
      opts.connectivity?.succeeded();
      return { ...result, url, attempts };
    } catch (thrown) {
      const error = signal.aborted ? new ExportError('cancelled', 'The export was cancelled.') : toExportError(thrown);
      if (error.kind === 'network_error' && opts.connectivity?.failedOffline()) {
        try {
          await opts.connectivity.waitForNetwork(signal);
        } catch (waitError) {
          throw toExportError(waitError);
        }
        continue;
      }
      if (error.kind === 'expired_url' && refreshUrl && !refreshed) {
        refreshed = true;
        url = await freshUrl(refreshUrl, error);
        continue;
      }
      if (!isRetryableError(error) || retries >= policy.maxRetries) throw error;
      const { status, retryAfterMs } = error.details;
      try {
        await sleep(retryDelayFor({ attempt: retries, status, retryAfterMs, policy, random }), signal);
      } catch (sleepError) {
        throw toExportError(sleepError);
      }
      retries += 1;
    }
  }
}

async function freshUrl(refreshUrl: () => Promise<string | null>, expired: ExportError): Promise<string> {
  let url: string | null;
  try {
    url = await refreshUrl();
  } catch (error) {
    throw toExportError(error);
  }
  if (!url) {
    throw new ExportError('expired_url', `${expired.message} The platform offers no newer link for it.`, expired.details);
  }
  return url;
}
