import type { BudgetRule } from './enforcer';

const MINUTE = 60_000;

/**
 * The limits the fakes enforce with `enforceBudgets`, per platform, as models of what peers met
 * (docs/platforms.md, "Instagram: pacing", "Facebook: pacing" and "YouTube: pacing"); the numbers are the models' sources, not measurements.
 */
export const REALISTIC_BUDGETS = {
  // instaloader's rate controller: ~200 requests per query type per 11 minutes, then 429 "Please wait".
  instagram: { query: { limit: 200, windowMs: 11 * MINUTE } },
  // gallery-dl #5626: blocked ~15 minutes after a burst of photo requests at SCrawler's 1 s pace;
  // modelled as more than 300 media-viewer (detail) calls in any 10 minutes, then a 15-minute block.
  facebook: { detail: { limit: 300, windowMs: 10 * MINUTE, penaltyMs: 15 * MINUTE } },
  // yt-dlp's wiki: a logged-in session is limited after ~4 000 webpage/player requests an hour,
  // for up to an hour ("try again later").
  youtube: { player: { limit: 4_000, windowMs: 60 * MINUTE, penaltyMs: 60 * MINUTE } },
} satisfies Record<string, Record<string, BudgetRule>>;

export type BudgetedPlatform = keyof typeof REALISTIC_BUDGETS;
