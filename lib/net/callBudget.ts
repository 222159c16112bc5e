import { storage } from 'wxt/utils/storage';
import type { CallBudget } from '../platforms/types';
import { sleep } from './retryPolicy';
import { DAY_MS, nextAllowedAt } from './rollingBudget';

/**
 * The times of the last day's API calls by budget key, in extension storage: every job, and a job
 * resumed after a restart, draws on one budget, so a second export does not start afresh.
 */
const callLog = storage.defineItem<Record<string, number[]>>('local:apiCallLog', { fallback: {} });

/**
 * The budgets a call to a platform draws on: the platform's own, which every call of the browser's
 * session counts against (before the job knows its account too), and, once the job resolved it,
 * the account's, which every export of that account shares.
 */
export function budgetKeys(origin: string, accountId: string | undefined): string[] {
  return accountId === undefined ? [origin] : [origin, `${origin} account ${accountId}`];
}

function callsIn(log: Record<string, number[]>, key: string, now: number): number[] {
  return (log[key] ?? []).filter((at) => at > now - DAY_MS);
}

/** Counts one call now against every budget in `keys`. Callers run one call at a time per platform (the pacer). */
export async function recordCall(keys: readonly string[], now = Date.now()): Promise<void> {
  const log = await callLog.getValue();
  const counted = Object.fromEntries(keys.map((key) => [key, [...callsIn(log, key, now), now]]));
  await callLog.setValue({ ...log, ...counted });
}

/** The calls counted against `key` in the last day, oldest first. */
export async function callsCounted(key: string, now = Date.now()): Promise<number[]> {
  return callsIn(await callLog.getValue(), key, now);
}

/**
 * Waits until a call fits every budget in `keys`. `onPause` hears when the wait ends (so the job
 * can show it), then undefined once it is over.
 */
export async function waitForBudget(
  keys: readonly string[],
  budget: CallBudget,
  signal: AbortSignal,
  onPause: (until: Date | undefined) => Promise<void>,
): Promise<void> {
  for (;;) {
    const now = Date.now();
    const log = await callLog.getValue();
    const allowed = Math.max(...keys.map((key) => nextAllowedAt(callsIn(log, key, now), budget, now)));
    if (allowed <= now) return;
    await onPause(new Date(allowed));
    await sleep(allowed - now, signal);
    await onPause(undefined);
  }
}
