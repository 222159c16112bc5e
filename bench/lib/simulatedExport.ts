import { ExportError } from '../../lib/errors';
import { metadataRetryDelay, type MetadataRetryState } from '../../lib/export/job/metadataRetry';
import { nextAllowedAt } from '../../lib/net/rollingBudget';
import type { CallBudget, Pacing } from '../../lib/platforms/types';
import { BudgetEnforcer } from '../../tests/fake-platforms/budgets/enforcer';
import { REALISTIC_BUDGETS, type BudgetedPlatform } from '../../tests/fake-platforms/budgets/realistic';

const HOUR_MS = 60 * 60_000;
/** What a call takes on the wire, between the pauses. */
const CALL_MS = 300;

/** The extension's default waits after a warning (DEFAULT_EXPORT_SETTINGS, checked by a unit test). */
export const WARNING_WAITS = { rateLimitWaitMs: 60_000, maxRateLimitWaits: 5, temporaryBlockWaitMs: 15 * 60_000 };

/** The API calls an export of a `posts`-post account makes, in order, by the kind the platform budgets. */
export function callPlan(platform: BudgetedPlatform, posts: number): string[] {
  const repeat = (kind: string, count: number) => Array.from({ length: count }, () => kind);
  switch (platform) {
    case 'instagram':
      // The lookup, the posts and reels grids 30 a page, stories and highlights (lib/platforms/instagram/pacing.ts).
      return [...repeat('query:profile', 2), ...repeat('query:feed', Math.ceil(posts / 30)), ...repeat('query:clips', Math.ceil(posts / 30)), 'query:stories', 'query:highlights'];
    case 'facebook':
      // The lookups, the collection 8 a page, then one media-viewer call per item.
      return [...repeat('session', 2), ...repeat('collection', Math.ceil(posts / 8)), ...repeat('detail', posts)];
    case 'youtube':
      // The lookups, the Videos tab 30 a page, and one player call per video for its date.
      return [...repeat('lookup', 2), ...repeat('browse', Math.ceil(posts / 30)), ...repeat('player', posts)];
  }
}

export interface SimulatedExport {
  calls: number;
  /** The most calls in any rolling hour. */
  peakHourCalls: number;
  wallMs: number;
  /** Refusals the platform answered (429, block, player refusal). */
  warnings: number;
}

/** A small seeded PRNG, so every run of the bench jitters alike. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function peakInAnyHour(times: readonly number[]): number {
  let peak = 0;
  let first = 0;
  for (let last = 0; last < times.length; last += 1) {
    while (times[first]! <= times[last]! - HOUR_MS) first += 1;
    peak = Math.max(peak, last - first + 1);
  }
  return peak;
}

/**
 * One export on a virtual clock against the platform's realistic budgets: the extension's pacer
 * (a jittered pause after each call), its rolling call budget when it has one, and its waits after
 * a warning (metadataRetryDelay itself, parking included).
 */
export function simulateExport(platform: BudgetedPlatform, posts: number, pacing: Pacing, budget: CallBudget | undefined, seed = 1): SimulatedExport {
  const enforcer = new BudgetEnforcer(REALISTIC_BUDGETS[platform]);
  const random = seeded(seed);
  const start = new Date(2026, 11, 7, 10, 0).getTime();
  const made: number[] = [];
  let now = start;
  let warnings = 0;
  const state: MetadataRetryState = { rateLimitWaits: 0, transientRetries: 0, temporaryBlocks: 0 };
  for (const kind of callPlan(platform, posts)) {
    for (;;) {
      if (budget) now = nextAllowedAt(made, budget, now);
      made.push(now);
      const refused = enforcer.refuses(kind, now);
      now += CALL_MS;
      const pause = pacing.minDelayMs + random() * (pacing.maxDelayMs - pacing.minDelayMs);
      if (!refused) {
        state.rateLimitWaits = 0;
        now += pause;
        break;
      }
      warnings += 1;
      const warning = new ExportError('rate_limited', 'refused', { temporaryBlock: platform === 'facebook' });
      now += metadataRetryDelay(warning, state, WARNING_WAITS, random, now)!.waitMs;
    }
  }
  return { calls: made.length, peakHourCalls: peakInAnyHour(made), wallMs: now - start, warnings };
}
