import type { PacingLimits, PacingProfile } from '../platformDescriptor';
import { FEED_PAGE_SIZE } from './constants';

/**
 * Pauses and call budgets for Instagram's API. Accounts were blocked even at gallery-dl's default
 * pace (gallery-dl #3802), so Careful is that default and never waits less than 4 s.
 */
export const PACING: Readonly<Record<PacingProfile, PacingLimits>> = {
  // gallery-dl's Instagram default `sleep-request: [6.0, 12.0]` (docs/configuration.rst); an hour
  // of it is at most 600 calls, and instaloader's rate controller keeps ~200 per query type per
  // 11 minutes: a third of that per hour overall leaves room for the user's own browsing.
  careful: { minDelayMs: 6_000, maxDelayMs: 12_000, budget: { perHour: 200, perDay: 1_500 } },
  // instaloader's pace (~200 calls per 11 minutes, one per 3.3 s), with a floor above it.
  normal: { minDelayMs: 4_000, maxDelayMs: 8_000, budget: { perHour: 400, perDay: 3_000 } },
  // What Star Export used before (1–3 s); the user takes the risk.
  fast: { minDelayMs: 1_000, maxDelayMs: 3_000, budget: { perHour: 1_000, perDay: 8_000 } },
};

/**
 * About how many API calls an export of `postCount` posts makes: the account lookup and its page,
 * the posts and the reels grids (reels are grid posts, so at most as many pages again), 30 a page
 * (FEED_PAGE_SIZE), and a call each for the stories and the highlights tray.
 */
export function apiCallsFor(postCount: number): number {
  return 2 + 2 * Math.ceil(postCount / FEED_PAGE_SIZE) + 2;
}
