import type { PlatformContext } from '../types';

/**
 * Endpoints this job found retired for the session (a 302 to / while the session is valid), so
 * they are not probed again for every item. In memory for the job's context.
 */
const retired = new WeakMap<PlatformContext, Set<string>>();

export function isRetired(ctx: PlatformContext, endpoint: string): boolean {
  return retired.get(ctx)?.has(endpoint) ?? false;
}

export function markRetired(ctx: PlatformContext, endpoint: string): void {
  const known = retired.get(ctx) ?? new Set<string>();
  known.add(endpoint);
  retired.set(ctx, known);
}
