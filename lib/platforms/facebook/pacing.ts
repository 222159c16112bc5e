import type { PacingLimits, PacingProfile } from '../platformDescriptor';
import { COLLECTIONS } from './queries';

const COLLECTION_PAGE_SIZE = COLLECTIONS.uploads.pageSize;

/**
 * Pauses and call budgets for Facebook's API. Facebook blocked an account for ~15 minutes after
 * ~1 800 photo requests (gallery-dl #5626), and warned of automated behaviour after ~1 200 photos
 * over two days at 6–12 s (#7745): a day's budget stays below both.
 */
export const PACING: Readonly<Record<PacingProfile, PacingLimits>> = {
  // docs/platforms.md, "Facebook: pacing": serial calls 3–6 s apart.
  careful: { minDelayMs: 3_000, maxDelayMs: 6_000, budget: { perHour: 300, perDay: 1_000 } },
  // Half of Careful's pause: still slower than SCrawler's 1 s.
  normal: { minDelayMs: 1_500, maxDelayMs: 3_000, budget: { perHour: 500, perDay: 1_500 } },
  // SCrawler's 1 s, jittered; the user takes the risk of the reported block.
  fast: { minDelayMs: 1_000, maxDelayMs: 2_000, budget: { perHour: 1_000, perDay: 4_000 } },
};

/**
 * About how many API calls an export of `postCount` photos and videos makes: the session and
 * account lookups, the collections a page at a time (queries.ts), and one media-viewer call per item.
 */
export function apiCallsFor(postCount: number): number {
  return 2 + Math.ceil(postCount / COLLECTION_PAGE_SIZE) + postCount;
}
