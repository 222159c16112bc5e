import type { PacingLimits, PacingProfile } from '../platformDescriptor';

/** Videos per page of a channel's Videos tab (docs/platforms.md, "YouTube: endpoints": 30 a page, so 1 000 videos take ~34 calls). */
const GRID_PAGE_SIZE = 30;

/**
 * Pauses and call budgets for InnerTube. YouTube limits an account for up to an hour after too
 * many requests (yt-dlp's warnings), and dating every video costs one call each.
 */
export const PACING: Readonly<Record<PacingProfile, PacingLimits>> = {
  // Star Export's earlier default, above yt-dlp's `-t sleep` preset (`--sleep-requests 0.75`).
  careful: { minDelayMs: 1_000, maxDelayMs: 3_000, budget: { perHour: 1_200, perDay: 10_000 } },
  // yt-dlp's `-t sleep` preset: 0.75 s between requests, jittered up.
  normal: { minDelayMs: 750, maxDelayMs: 1_500, budget: { perHour: 2_400, perDay: 20_000 } },
  // Faster than any preset; the user takes the risk.
  fast: { minDelayMs: 300, maxDelayMs: 750, budget: { perHour: 6_000, perDay: 50_000 } },
};

/**
 * About how many API calls an export of `postCount` videos makes: the channel lookups, the
 * Videos tab 30 a page, and one player call per video to date it exactly.
 */
export function apiCallsFor(postCount: number): number {
  return 2 + Math.ceil(postCount / GRID_PAGE_SIZE) + postCount;
}
