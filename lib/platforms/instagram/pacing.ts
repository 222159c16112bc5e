import type { Pacing, PacingProfile } from '../types';

/**
 * Pauses between Instagram API calls. Accounts were blocked even at gallery-dl's default
 * (gallery-dl #3802), so Careful is that default and never less than 4 s.
 */
export const PACING: Readonly<Record<PacingProfile, Pacing>> = {
  // gallery-dl's Instagram default `sleep-request: [6.0, 12.0]` (docs/configuration.rst).
  careful: { minDelayMs: 6_000, maxDelayMs: 12_000 },
  // instaloader's rate controller allows ~200 calls per query type per 11 minutes: one per 3.3 s.
  normal: { minDelayMs: 4_000, maxDelayMs: 8_000 },
  // What Star Export used before 2027 (1–3 s); the user takes the risk.
  fast: { minDelayMs: 1_000, maxDelayMs: 3_000 },
};
