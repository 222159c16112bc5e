import { ExportError } from '../../errors';
import type { PlatformContext } from '../types';
import { isRedirect } from '../shared/apiResponses';
import { bundleUrls } from './bundles';
import { HOME_URL } from './constants';
import { readPageTokens, type PageTokens } from './pageTokens';
import { isBlockPage, isLoginPage, loginRequired, platformChanged, rateLimited, redirectError, temporarilyBlocked } from './responses';

export interface FacebookSession {
  /** The acting user: `c_user`, or the Page profile the user switched to (`i_user`). */
  uid: string;
  tokens: PageTokens;
  /** The JS bundles the home page links, where the current doc_ids are published. */
  bundles: string[];
  /** Requests sent with these tokens, for `__req`. */
  requests: number;
}

/**
 * One job's tokens, read from the home page the first time they are needed and again after a
 * stale-token answer. Kept per PlatformContext (one per job run) and never stored: a restarted
 * worker simply reads them again. Shared as a promise because expired media URLs are refreshed
 * from three download slots at once.
 */
const sessions = new WeakMap<PlatformContext, Promise<FacebookSession>>();

/** The logged-in user's id from the cookies alone; `c_user` and `xs` are what "logged in" means. */
export async function viewerId(ctx: PlatformContext): Promise<string> {
  const [user, xs] = await Promise.all([ctx.getCookie('c_user'), ctx.getCookie('xs')]);
  if (!user || !/^\d+$/.test(user) || !xs) throw loginRequired();
  return user;
}

export function facebookSession(ctx: PlatformContext, options: { refresh?: boolean } = {}): Promise<FacebookSession> {
  let session = sessions.get(ctx);
  if (!session || options.refresh) {
    session = readSession(ctx);
    sessions.set(ctx, session);
    session.catch(() => {
      if (sessions.get(ctx) === session) sessions.delete(ctx);
    });
  }
  return session;
}

async function readSession(ctx: PlatformContext): Promise<FacebookSession> {
  const user = await viewerId(ctx);
  const response = await ctx.request({ url: HOME_URL, method: 'GET', headers: { Accept: 'text/html,application/xhtml+xml' } });
  if (isRedirect(response)) throw redirectError(response.location);
  if (response.status === 429) throw rateLimited(response);
  const tokens = readPageTokens(response.text);
  if (!tokens) {
    if (isBlockPage(response.text)) throw temporarilyBlocked();
    if (response.status >= 500) {
      throw new ExportError('http_error', `Facebook could not show its home page (HTTP ${response.status}).`, { status: response.status });
    }
    if (isLoginPage(response.text)) throw loginRequired();
    throw platformChanged('home page tokens');
  }
  if (tokens.userId === '0') throw loginRequired();
  const acting = await ctx.getCookie('i_user');
  if (tokens.userId !== user && tokens.userId !== acting) {
    throw loginRequired('Facebook’s page and this browser’s cookies name different accounts. Open facebook.com, log in again, then try again.');
  }
  return { uid: tokens.userId, tokens, bundles: bundleUrls(response.text), requests: 0 };
}
