import { json, parseCookies, redirect, type Reply, type RequestContext } from '../server/reply';
import type { BudgetEnforcer } from '../budgets/enforcer';
import type { ApiBudget } from './api-budget';
import type { IgSession, InstagramSessions } from './sessions';

export const WEB_APP_ID = '936619743392459';
export const RATE_LIMIT_BODY = { message: 'Please wait a few minutes before you try again.', status: 'fail' };

export function loginRedirectUrl(ctx: RequestContext): string {
  return `https://www.instagram.com/accounts/login/?next=${encodeURIComponent(`${ctx.url.pathname}${ctx.url.search}`)}`;
}

/**
 * The checks the real site makes before an API call, in its order: the rate limit first, then
 * the session (a web client without one is redirected to the login page, which is what clients
 * see as "login required"), then the app id, then CSRF on POSTs (double-submit: header = cookie).
 */
export function guardApi(ctx: RequestContext, sessions: InstagramSessions, budget: ApiBudget, enforcer?: BudgetEnforcer): IgSession | Reply {
  const retryAfter = budget.take(ctx.receivedAt);
  if (retryAfter !== undefined) return json(429, RATE_LIMIT_BODY, { 'retry-after': retryAfter });
  if (enforcer?.refuses(`query:${queryType(ctx)}`, ctx.receivedAt)) return json(429, RATE_LIMIT_BODY);

  const cookies = parseCookies(ctx.req.headers.cookie);
  const session = sessions.find(cookies.get('sessionid')?.[0]);
  if (!session) return redirect(loginRedirectUrl(ctx));

  if (ctx.req.headers['x-ig-app-id'] !== WEB_APP_ID) return json(400, { message: 'useragent mismatch', status: 'fail' });

  if (ctx.method === 'POST') {
    const header = ctx.req.headers['x-csrftoken'];
    const cookie = cookies.get('csrftoken') ?? [];
    if (typeof header !== 'string' || header === '' || !cookie.includes(header)) {
      return json(403, { message: 'CSRF token missing or incorrect', status: 'fail' });
    }
  }
  return session;
}

/**
 * The query type a call counts against, as instaloader models Instagram's limits: a GraphQL query
 * by its friendly name, a REST endpoint by its path with the ids left out.
 */
function queryType(ctx: RequestContext): string {
  const friendly = ctx.req.headers['x-fb-friendly-name'];
  return typeof friendly === 'string' && friendly !== '' ? friendly : ctx.url.pathname.replace(/\d+/g, 'N');
}

/** Headers every authenticated API answer carries. */
export function apiHeaders(session: IgSession): Record<string, string> {
  return {
    'x-ig-set-www-claim': session.wwwClaim,
    'cache-control': 'private, no-cache, no-store, must-revalidate',
    'x-frame-options': 'SAMEORIGIN',
  };
}
