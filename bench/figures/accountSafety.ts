import { PACING as FACEBOOK } from '../../lib/platforms/facebook/pacing';
import { PACING as INSTAGRAM } from '../../lib/platforms/instagram/pacing';
import { PACING as YOUTUBE } from '../../lib/platforms/youtube/pacing';
import type { PacingLimits, PacingProfile } from '../../lib/platforms/types';
import type { BudgetedPlatform } from '../../tests/fake-platforms/budgets/realistic';
import { simulateExport } from '../lib/simulatedExport';

const POSTS = 1_000;
const PROFILES: readonly PacingProfile[] = ['careful', 'normal', 'fast'];
const LIMITS: Record<BudgetedPlatform, Readonly<Record<PacingProfile, PacingLimits>>> = { instagram: INSTAGRAM, facebook: FACEBOOK, youtube: YOUTUBE };
/** What the extension must never regress to: no pause worth the name, no budget. */
const UNPACED = { minDelayMs: 0, maxDelayMs: 200 };

export interface SafetyRun {
  platform: BudgetedPlatform;
  profile: PacingProfile | 'unpaced';
  calls: number;
  /** The most calls in any rolling hour ÷ the profile's hourly budget (Careful's for the unpaced run). */
  hourRatio: number;
  wallMs: number;
  warnings: number;
}

export interface SafetyResult {
  posts: number;
  runs: SafetyRun[];
  /** Every profile within its hourly budget, and Careful without a warning, on every platform. */
  met: boolean;
}

/**
 * A 1 000-post account per platform, exported on a virtual clock against the fakes' realistic
 * budgets (tests/fake-platforms/budgets): at each profile, and unpaced for contrast.
 */
export function accountSafetyFigure(): SafetyResult {
  const runs: SafetyRun[] = [];
  for (const platform of Object.keys(LIMITS) as BudgetedPlatform[]) {
    for (const profile of PROFILES) {
      const { budget, ...pacing } = LIMITS[platform][profile];
      const run = simulateExport(platform, POSTS, pacing, budget);
      runs.push({ platform, profile, calls: run.calls, hourRatio: run.peakHourCalls / budget.perHour, wallMs: run.wallMs, warnings: run.warnings });
    }
    const unpaced = simulateExport(platform, POSTS, UNPACED, undefined);
    const careful = LIMITS[platform].careful.budget;
    runs.push({ platform, profile: 'unpaced', calls: unpaced.calls, hourRatio: unpaced.peakHourCalls / careful.perHour, wallMs: unpaced.wallMs, warnings: unpaced.warnings });
  }
  const paced = runs.filter((run) => run.profile !== 'unpaced');
  const met = paced.every((run) => run.hourRatio <= 1) && paced.filter((run) => run.profile === 'careful').every((run) => run.warnings === 0);
  return { posts: POSTS, runs, met };
}
