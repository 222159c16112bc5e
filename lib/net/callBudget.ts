import { storage } from 'wxt/utils/storage';
import type { CallBudget } from '../platforms/types';
import { sleep } from './retryPolicy';

const HOUR_MS = 60 * 60_000;
const DAY_MS = 24 * HOUR_MS;

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

/**
 * The times of the last day's API calls to each platform, in extension storage: every job, and a
 * job resumed after a restart, draws on one budget, so a second export does not start afresh.
 */
const callLog = storage.defineItem<Record<string, number[]>>('local:apiCallLog', { fallback: {} });

async function callsTo(key: string, now: number): Promise<number[]> {
  return ((await callLog.getValue())[key] ?? []).filter((at) => at > now - DAY_MS);
}

/** Counts one call to `key`'s platform now. Callers run one call at a time per platform (the pacer). */
export async function recordCall(key: string, now = Date.now()): Promise<void> {
  const log = await callLog.getValue();
  await callLog.setValue({ ...log, [key]: [...(await callsTo(key, now)), now] });
}

/**
 * Waits until a call to `key`'s platform fits its rolling budget. `onPause` hears when the wait
 * ends (so the job can show it), then undefined once it is over.
 */
export async function waitForBudget(
  key: string,
  budget: CallBudget,
  signal: AbortSignal,
  onPause: (until: Date | undefined) => Promise<void>,
): Promise<void> {
  for (;;) {
    const now = Date.now();
    const allowed = nextAllowedAt(await callsTo(key, now), budget, now);
    if (allowed <= now) return;
    await onPause(new Date(allowed));
    await sleep(allowed - now, signal);
    await onPause(undefined);
  }
}
