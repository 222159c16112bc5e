import type { PlatformContext } from '../types';

/**
 * Endpoints this job found retired for the session (a 302 to / while the session is valid), so
 * they are not probed again for every item. Kept in the job's notes: a retired endpoint stays
 * retired after a worker restart.
 */
const PREFIX = 'instagram.retired.';

export function isRetired(ctx: PlatformContext, endpoint: string): boolean {
  return ctx.notes.get(PREFIX + endpoint) !== undefined;
}

export function markRetired(ctx: PlatformContext, endpoint: string): void {
  ctx.notes.set(PREFIX + endpoint, 'yes');
}
