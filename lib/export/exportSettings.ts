import { storage } from 'wxt/utils/storage';

export interface ExportSettings {
  /** Pause between two API calls to a platform (randomised in this range). */
  apiDelayMinMs: number;
  apiDelayMaxMs: number;
  /** Shortest wait after a platform says "slow down"; doubles on each repeat. */
  rateLimitWaitMs: number;
  /** How many times one metadata page may be retried after rate limits before the job fails. */
  maxRateLimitWaits: number;
  /** Wait after a platform's temporary block of the account; a second block stops the job. */
  temporaryBlockWaitMs: number;
  /** A request that sends nothing (headers or bytes) for this long is retried. */
  stallTimeoutMs: number;
}

export const DEFAULT_EXPORT_SETTINGS: ExportSettings = {
  apiDelayMinMs: 1000,
  apiDelayMaxMs: 3000,
  rateLimitWaitMs: 60_000,
  maxRateLimitWaits: 5,
  temporaryBlockWaitMs: 15 * 60_000,
  stallTimeoutMs: 30_000,
};

export const exportSettings = storage.defineItem<ExportSettings>('local:exportSettings', {
  fallback: DEFAULT_EXPORT_SETTINGS,
  version: 1,
});

export async function readExportSettings(): Promise<ExportSettings> {
  return { ...DEFAULT_EXPORT_SETTINGS, ...(await exportSettings.getValue()) };
}
