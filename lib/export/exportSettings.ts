import { storage } from 'wxt/utils/storage';
import type { CallBudget, Pacing, PacingLimits, PacingProfile } from '../platforms/types';

export interface ExportSettings {
  /**
   * A pause between two API calls (randomised in this range) that replaces the pacing profile's
   * for every platform: for the demo and the tests against local fakes, never set by the UI.
   */
  apiDelayMinMs?: number;
  apiDelayMaxMs?: number;
  /** Shortest wait after a platform says "slow down"; doubles on each repeat. */
  rateLimitWaitMs: number;
  /** How many times one metadata page may be retried after rate limits before the job fails. */
  maxRateLimitWaits: number;
  /** Wait after a platform's temporary block of the account; a second block stops the job. */
  temporaryBlockWaitMs: number;
  /** A request that sends nothing (headers or bytes) for this long is retried. */
  stallTimeoutMs: number;
  /**
   * The part size of every split export in bytes, replacing the chosen GB: for the demo and the
   * tests, which split a small export; never set by the UI.
   */
  partBytes?: number;
}

export const DEFAULT_EXPORT_SETTINGS: ExportSettings = {
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

/**
 * The pause between API calls to a platform and its rolling call budget: the user's pacing
 * profile, unless the settings name a pause, which then goes without a budget (local fakes only).
 */
export function apiPacing(
  settings: ExportSettings,
  profiles: Readonly<Record<PacingProfile, PacingLimits>>,
  profile: PacingProfile,
): { pacing: Pacing; budget?: CallBudget } {
  const { apiDelayMinMs: min, apiDelayMaxMs: max } = settings;
  if (min !== undefined && max !== undefined) return { pacing: { minDelayMs: min, maxDelayMs: max } };
  const { budget, ...pacing } = profiles[profile];
  return { pacing, budget };
}
