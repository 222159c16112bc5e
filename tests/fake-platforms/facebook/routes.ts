/**
 * www.facebook.com: the home page with the session's tokens, profile pages, the login and
 * checkpoint pages, and POST /api/graphql/ for the queries of docs/platforms.md, "Facebook: endpoints".
 */
import { html, redirect, text, type HostRoute, type Reply, type RequestContext } from '../server/reply';
import { parseCookies } from '../server/reply';
import { checkpointPage, errorPage, homePage, loginPage, notFoundPage, profilePage } from './pages';
import { graphqlRoute, type GraphqlDeps } from './routes-graphql';
import { bundleUrls } from './bundles';

function loginRedirectUrl(ctx: RequestContext): string {
  return `https://www.facebook.com/login/?next=${encodeURIComponent(`https://www.facebook.com${ctx.url.pathname}${ctx.url.search}`)}`;
}

export function facebookRoute(deps: GraphqlDeps): HostRoute {
  return {
    hosts: ['www.facebook.com', 'facebook.com', 'web.facebook.com'],
    kind: 'api',
    loginRedirect: loginRedirectUrl,
    loginPage,
    errorReply: (status, headers) => html(status, errorPage(), headers),
    handle: async (ctx) => {
      if (/^\/api\/graphql\/?$/.test(ctx.url.pathname)) {
        return ctx.method === 'POST' ? graphqlRoute(ctx, deps) : text(405, 'Method Not Allowed');
      }
      return ctx.method === 'GET' || ctx.method === 'HEAD' ? pageFor(ctx, deps) : text(405, 'Method Not Allowed');
    },
  };
}

function pageFor(ctx: RequestContext, deps: GraphqlDeps): Reply {
  const path = ctx.url.pathname;
  if (path === '/login/' || path === '/login' || path === '/login.php') return html(200, loginPage());
  if (path.startsWith('/checkpoint')) return html(200, checkpointPage());
  const session = deps.sessions.find(ctx.req.headers.cookie);
  if (!session) {
    // A browser with a stale session cookie is sent to log in again; a stranger sees the login page.
    if (parseCookies(ctx.req.headers.cookie).has('c_user')) return redirect(loginRedirectUrl(ctx));
    return path === '/' ? html(200, loginPage()) : redirect(loginRedirectUrl(ctx));
  }
  if (path === '/') {
    const own = deps.profiles.id(session.userId);
    return own ? html(200, homePage(session, own, bundleUrls(deps.docIds.generation))) : text(500, 'fake profile missing');
  }
  const profile = profileFor(ctx, deps);
  return profile ? html(200, profilePage(profile)) : html(404, notFoundPage());
}

function profileFor(ctx: RequestContext, deps: GraphqlDeps) {
  const [first, second, third] = ctx.url.pathname.split('/').filter(Boolean);
  if (first === 'profile.php') return deps.profiles.id(ctx.url.searchParams.get('id') ?? '');
  if (first === 'people' && third) return deps.profiles.id(third);
  return first && second !== 'posts' ? deps.profiles.vanity(first) : undefined;
}
