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
  if (known && !wish.fresh) return known;
  const page = await readWebPage(ctx, profilePageUrl(wish.username));
  pages.set(ctx, page);
  return page;
}

export function profilePageUrl(username?: string): string {
  return username ? `${ORIGIN}/${encodeURIComponent(username)}/` : `${ORIGIN}/`;
}
