import type { Pacing, PacingProfile } from '../types';

/**
 * Pauses between InnerTube calls. YouTube limits an account for up to an hour after too many
 * calls (yt-dlp's warnings), and dating every video costs one call each.
 */
export const PACING: Readonly<Record<PacingProfile, Pacing>> = {
  // Star Export's earlier default, above yt-dlp's `-t sleep` preset (`--sleep-requests 0.75`).
  careful: { minDelayMs: 1_000, maxDelayMs: 3_000 },
  // yt-dlp's `-t sleep` preset: 0.75 s between requests, jittered up.
  normal: { minDelayMs: 750, maxDelayMs: 1_500 },
  // Faster than any preset; the user takes the risk.
  fast: { minDelayMs: 300, maxDelayMs: 750 },
};
