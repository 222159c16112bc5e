import type { CallBudget } from '../platforms/types';

export const HOUR_MS = 60 * 60_000;
export const DAY_MS = 24 * HOUR_MS;

/**
 * When the next call fits the budget, given the times (ms, ascending) of the calls before it: the
 * oldest call that fills the hour, or the day, has to fall out of its window first.
 */
export function nextAllowedAt(calls: readonly number[], budget: CallBudget, now: number): number {
  const inDay = calls.filter((at) => at > now - DAY_MS);
  const inHour = inDay.filter((at) => at > now - HOUR_MS);
  let allowed = now;
  if (inHour.length >= budget.perHour) allowed = Math.max(allowed, inHour[inHour.length - budget.perHour]! + HOUR_MS);
  if (inDay.length >= budget.perDay) allowed = Math.max(allowed, inDay[inDay.length - budget.perDay]! + DAY_MS);
  return allowed;
}
