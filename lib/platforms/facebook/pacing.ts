import type { Pacing, PacingProfile } from '../types';

/**
 * Pauses between Facebook API calls. Facebook blocks an account after ~1 800 photo requests
 * (gallery-dl #5626) and warned of automated behaviour at 6–12 s over two days (#7745).
 */
export const PACING: Readonly<Record<PacingProfile, Pacing>> = {
  // PLATFORMS.md "Pacing seen in the field": serial calls 3–6 s apart.
  careful: { minDelayMs: 3_000, maxDelayMs: 6_000 },
  // Half of Careful: still slower than SCrawler's 1 s.
  normal: { minDelayMs: 1_500, maxDelayMs: 3_000 },
  // SCrawler's 1 s, jittered; the user takes the risk.
  fast: { minDelayMs: 1_000, maxDelayMs: 2_000 },
};
