import { ExportError } from '../../errors';
import type { PlatformContext } from '../types';
import { isRedirect } from '../shared/apiResponses';
import { docIdsIn } from './bundleDocIds';
import { bundleUrlsOf, pageTokensOf, profileIdOf, showsLoggedOut, viewerIdOf, type PageTokens } from './pageHtml';
import { loginRequired, rateLimited, redirectError } from './responses';

/** One page of the web app, as far as the extension needs it. Lives in memory only. */
export interface WebPage {
  url: string;
  tokens?: PageTokens;
  viewerId?: string;
  /** The page says nobody is logged in (its viewer is "0", its fb_dtsg empty), or was not shown at all. */
  loggedOut: boolean;
  profileId?: string;
  status: number;
  bundles: string[];
  /** doc_ids the HTML itself carries (some builds inline a few query modules). */
  inlineDocIds: Map<string, string>;
}

/**
 * A page read as the browser would load it. A redirect to the login or a checkpoint page says
 * the session is gone; so does one whose target the browser hides, since a logged-in session is
 * shown its pages (without the session cookie it is a plain logout).
 */
export async function readWebPage(ctx: PlatformContext, url: string): Promise<WebPage> {
  const response = await ctx.request({ url, method: 'GET', headers: { Accept: 'text/html,application/xhtml+xml' } });
  if (isRedirect(response)) {
    if (response.location !== undefined) throw redirectError(response.location);
    if (!(await ctx.getCookie('sessionid'))) throw loginRequired();
  }
  // A page that failed to load tells nothing about the session, so it must not read as a logout.
  if (response.status === 429) throw rateLimited(response);
  if (response.status >= 500) {
    throw new ExportError('http_error', `Instagram’s page could not be read (HTTP ${response.status}).`, { status: response.status });
  }
  const html = isRedirect(response) ? '' : response.text;
  return {
    url,
    tokens: pageTokensOf(html),
    viewerId: viewerIdOf(html),
    loggedOut: isRedirect(response) || showsLoggedOut(html),
    profileId: profileIdOf(html),
    status: response.status,
    bundles: bundleUrlsOf(html),
    inlineDocIds: docIdsIn(html),
  };
}
