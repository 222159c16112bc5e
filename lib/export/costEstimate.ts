import { DAY_MS, HOUR_MS } from '../net/rollingBudget';
import type { PacingLimits } from '../platforms/types';

/**
 * About how long `calls` API calls take at a pacing profile: one mean pause each, unless the
 * rolling hourly or daily budget holds them back longer (a full hour waits for the next one).
 */
export function estimateApiTimeMs(calls: number, limits: PacingLimits): number {
  if (calls <= 0) return 0;
  const gap = (limits.minDelayMs + limits.maxDelayMs) / 2;
  const paced = calls * gap;
  const { perHour, perDay } = limits.budget;
  const byHour = Math.floor((calls - 1) / perHour) * HOUR_MS + ((calls - 1) % perHour) * gap;
  const byDay = Math.floor((calls - 1) / perDay) * DAY_MS;
  return Math.max(paced, byHour, byDay);
}
