import type { PlatformContext } from '../types';
import { ORIGIN } from './constants';
import { readWebPage, type WebPage } from './webPage';

/**
 * The page the job read its tokens from, one per job context: read once, and again after a
 * token error or a revoked doc_id. Tokens are bound to the session, so any page of it serves;
 * the profile page is preferred because its bundles carry the profile's queries.
 */
const pages = new WeakMap<PlatformContext, WebPage>();

export interface PageWish {
  /** The profile whose page to read; the home page without one. */
  username?: string;
  /** Read it again even if one is known (after a token error or a revoked doc_id). */
  fresh?: boolean;
}

export async function sessionPage(ctx: PlatformContext, wish: PageWish = {}): Promise<WebPage> {
  const known = pages.get(ctx);
  const url = profilePageUrl(wish.username);
  // Any page's tokens serve, but a query for a profile wants that profile's bundles too.
  if (known && !wish.fresh && (wish.username === undefined || known.url === url)) return known;
  const page = await readWebPage(ctx, url);
  pages.set(ctx, page);
  return page;
}

function profilePageUrl(username?: string): string {
  return username ? `${ORIGIN}/${encodeURIComponent(username.toLowerCase())}/` : `${ORIGIN}/`;
}
