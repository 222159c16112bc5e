import { isExportError, type ExportError } from '../../errors';
import type { PlatformContext } from '../types';
import { endpointRetired } from './responses';

/**
 * Endpoints this job found retired for the session (a 302 to / while the session is valid, or a
 * server error from one endpoint while others answer), so they are not probed again for every
 * item or section. Kept in the job's notes: a retired endpoint stays retired after a worker restart.
 */
const PREFIX = 'instagram.retired.';

export function isRetired(ctx: PlatformContext, endpoint: string): boolean {
  return ctx.notes.get(PREFIX + endpoint) !== undefined;
}

export function markRetired(ctx: PlatformContext, endpoint: string): void {
  ctx.notes.set(PREFIX + endpoint, 'yes');
}

/**
 * An answer that retires the endpoint for this session: the 302 to / (endpoint_retired), or a
 * server error, as reels_media answers the sessions it is retired for (gallery-dl #9765).
 */
export function isRetirement(error: ExportError): boolean {
  return error.kind === 'endpoint_retired' || (error.kind === 'http_error' && (error.details.status ?? 0) >= 500);
}

/**
 * `read`, unless `endpoint` was found retired earlier in the job (then endpoint_retired at once,
 * `label` naming the call); a retirement it answers now is noted for the next caller.
 */
export async function unlessRetired<T>(ctx: PlatformContext, endpoint: string, label: string, read: () => Promise<T>): Promise<T> {
  if (isRetired(ctx, endpoint)) throw endpointRetired(label);
  try {
    return await read();
  } catch (error) {
    if (isExportError(error) && isRetirement(error)) markRetired(ctx, endpoint);
    throw error;
  }
}
