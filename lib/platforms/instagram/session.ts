import { ExportError, isExportError } from '../../errors';
import type { PlatformContext } from '../types';
import { endpointRetired, loginRequired } from './responses';
import { sessionPage } from './sessionPage';

const STOPPING: ReadonlySet<string> = new Set(['login_required', 'checkpoint_required', 'cancelled']);

/**
 * What a redirect to the home page (or one whose target the browser hides) from one endpoint
 * means. Since Aug 2026 Instagram answers retired endpoints that way to sessions that are
 * perfectly valid, so the redirect alone decides nothing: the session cookie and the viewer the
 * web app's page shows do. Without a readable page the cookie's word stands.
 */
export async function redirectVerdict(ctx: PlatformContext, endpoint: string): Promise<ExportError> {
  if (!(await ctx.getCookie('sessionid'))) return loginRequired();
  try {
    const page = await sessionPage(ctx);
    return page.loggedOut ? loginRequired() : endpointRetired(endpoint);
  } catch (error) {
    if (isExportError(error) && STOPPING.has(error.kind)) return error;
    return endpointRetired(endpoint);
  }
}
