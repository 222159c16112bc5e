import type { ApiResponse, PlatformContext } from '../types';
import { ASBD_ID, IG_APP_ID, INITIAL_WWW_CLAIM } from './constants';

/**
 * The web app echoes the last claim the server set; keeping it per context (one per job) means
 * a new job starts at "0" as a fresh page load would.
 */
const claims = new WeakMap<PlatformContext, string>();

/** The headers the Instagram web app sends on every API call (Referer/Origin come from a DNR rule). */
export async function apiHeaders(ctx: PlatformContext): Promise<Record<string, string>> {
  const headers: Record<string, string> = {
    Accept: '*/*',
    'X-IG-App-ID': IG_APP_ID,
    'X-ASBD-ID': ASBD_ID,
    'X-IG-WWW-Claim': claims.get(ctx) ?? INITIAL_WWW_CLAIM,
    'X-Requested-With': 'XMLHttpRequest',
  };
  const csrf = await ctx.getCookie('csrftoken');
  if (csrf) headers['X-CSRFToken'] = csrf;
  return headers;
}

export function rememberClaim(ctx: PlatformContext, response: ApiResponse): void {
  const claim = response.headers.get('x-ig-set-www-claim');
  if (claim) claims.set(ctx, claim);
}
