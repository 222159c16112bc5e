/**
 * www.instagram.com: the web API of docs/platforms.md ("Instagram: endpoints", "Instagram: GraphQL") plus the few HTML pages a browser tab needs.
 *
 * What Debian's gallery-dl 1.25.3 calls (default REST mode, extractor/instagram.py), all of which
 * docs/platforms.md lists, so no older endpoint had to be added:
 *   GET  /api/v1/users/web_profile_info/?username=U   user → id; it reads is_private/followed_by_viewer
 *   GET  /api/v1/feed/user/{id}/?count=30[&max_id=]   posts, looping on more_available/next_max_id
 *   POST /api/v1/clips/user/                          reels (target_user_id, page_size=50, include_feed_video)
 *   GET  /api/v1/highlights/{id}/highlights_tray/     highlight ids
 *   GET  /api/v1/feed/reels_media/?reel_ids=…         stories and highlights, up to 5 reel ids per call
 *   GET  /api/v1/media/{pk}/info/                     single /p/{code}/ URLs
 *   GET  /api/v1/users/{id}/info/                     avatar (hd_profile_pic_url_info)
 * It sends X-IG-App-ID 936619743392459, X-CSRFToken equal to a csrftoken cookie it makes up itself
 * (so the fake's CSRF check is double-submit, not bound to the session), X-ASBD-ID 198387 (not
 * checked), X-IG-WWW-Claim and X-Instagram-AJAX. Its optional `api: graphql` mode uses the retired
 * GET /graphql/query/?query_hash=… and is not served. That is the 'legacy' era.
 *
 * The 'late2026' era is Instagram as many logged-in sessions have seen it since August 2026: the
 * REST listings answer as routes-retired.ts says, topsearch ranks look-alikes first, the pages carry
 * the web app's tokens and bundle links (web-app-page.ts), and POST /graphql/query and /api/graphql
 * answer the web app's own queries (web-graphql.ts, web-queries.ts).
 */
import { html, json, parseCookies, type HostRoute, type Reply, type RequestContext } from '../server/reply';
import type { InstagramEra } from '../types';
import { fail, isReply, type ApiCall } from './api-context';
import type { BudgetEnforcer } from '../budgets/enforcer';
import { guardApi, loginRedirectUrl, RATE_LIMIT_BODY } from './api-guard';
import type { AccountStore } from './accounts';
import type { ApiBudget } from './api-budget';
import type { InstagramDocIds } from './doc-ids';
import type { MediaJson } from './media-json';
import { homePage, loginPage, notFoundPage, profilePage, type WebAppParts } from './pages';
import { graphqlQuery } from './routes-graphql';
import { mediaInfo, userClips, userFeed } from './routes-feed';
import { highlightsTray, reelsMedia } from './routes-reels';
import { RETIRED_IN_LATE_2026 } from './routes-retired';
import { topsearch, userInfo, webProfileInfo } from './routes-users';
import { InstagramSessions } from './sessions';
import { bundleScripts, profileProps, sessionDefines } from './web-app-page';
import { webGraphql } from './web-graphql';

type Handler = (call: ApiCall, match: RegExpExecArray) => Reply;
type ApiRoute = { method: 'GET' | 'POST'; path: RegExp; handler: Handler };

const REST_ROUTES: ApiRoute[] = [
  { method: 'GET', path: /^\/api\/v1\/users\/web_profile_info\/$/, handler: (call) => webProfileInfo(call) },
  { method: 'GET', path: /^\/api\/v1\/users\/(\d+)\/info\/$/, handler: (call, m) => userInfo(call, m[1] ?? '') },
  { method: 'GET', path: /^\/web\/search\/topsearch\/$/, handler: (call) => topsearch(call) },
  { method: 'GET', path: /^\/api\/v1\/feed\/user\/(\d+)\/$/, handler: (call, m) => userFeed(call, m[1] ?? '') },
  { method: 'POST', path: /^\/api\/v1\/clips\/user\/$/, handler: (call) => userClips(call) },
  { method: 'GET', path: /^\/api\/v1\/feed\/reels_media\/$/, handler: (call) => reelsMedia(call) },
  { method: 'GET', path: /^\/api\/v1\/highlights\/(\d+)\/highlights_tray\/$/, handler: (call, m) => highlightsTray(call, m[1] ?? '') },
  { method: 'GET', path: /^\/api\/v1\/media\/([\d_]+)\/info\/$/, handler: (call, m) => mediaInfo(call, m[1] ?? '') },
];

/** Each era's API: legacy keeps its GraphQL fallback; late 2026 retires REST listings and serves the web app's GraphQL at both its paths. */
function apiRoutes(era: InstagramEra, docIds: InstagramDocIds): ApiRoute[] {
  if (era === 'legacy') return [...REST_ROUTES, { method: 'POST', path: /^\/graphql\/query\/?$/, handler: (call) => graphqlQuery(call) }];
  const web: Handler = (call) => webGraphql(call, docIds);
  return [
    ...RETIRED_IN_LATE_2026.map((r) => ({ method: r.method, path: r.path, handler: r.answer })),
    { method: 'GET', path: /^\/web\/search\/topsearch\/$/, handler: (call) => topsearch(call, 'last') },
    ...REST_ROUTES,
    { method: 'POST', path: /^\/graphql\/query\/?$/, handler: web },
    { method: 'POST', path: /^\/api\/graphql\/?$/, handler: web },
  ];
}

const isApiPath = (path: string) => path.startsWith('/api/') || path.startsWith('/web/search/') || path.startsWith('/graphql/');

export interface InstagramRouteDeps {
  store: AccountStore;
  sessions: InstagramSessions;
  budget: ApiBudget;
  /** The realistic per-query-type budget, when the fake enforces it. */
  enforcer?: BudgetEnforcer;
  render: MediaJson;
  era: InstagramEra;
  docIds: InstagramDocIds;
}

export function instagramRoute(deps: InstagramRouteDeps): HostRoute {
  const routes = apiRoutes(deps.era, deps.docIds);
  return {
    hosts: ['www.instagram.com', 'instagram.com'],
    kind: 'api',
    loginRedirect: loginRedirectUrl,
    loginPage,
    // docs/platforms.md, "Instagram: errors": a 429 says "Please wait…"; other failures an empty message.
    errorReply: (status, headers) => json(status, status === 429 ? RATE_LIMIT_BODY : { message: '', status: 'fail' }, headers),
    handle: async (ctx) => (isApiPath(ctx.url.pathname) ? api(ctx, deps, routes) : pageFor(ctx, deps)),
  };
}

async function api(ctx: RequestContext, deps: InstagramRouteDeps, routes: ApiRoute[]): Promise<Reply> {
  const session = guardApi(ctx, deps.sessions, deps.budget, deps.enforcer);
  if (isReply(session)) return session;
  const form = ctx.method === 'POST' ? new URLSearchParams((await ctx.readBody()).toString('utf8')) : new URLSearchParams();
  const call: ApiCall = { ctx, session, store: deps.store, render: deps.render, form };
  for (const route of routes) {
    const match = route.path.exec(ctx.url.pathname);
    if (!match) continue;
    if (route.method !== ctx.method && !(route.method === 'GET' && ctx.method === 'HEAD')) return fail(call, 405, 'Method not allowed');
    return route.handler(call, match);
  }
  return html(404, notFoundPage());
}

const RESERVED = new Set(['accounts', 'explore', 'p', 'reel', 'reels', 'stories', 'direct', 'api', 'web', 'graphql']);

function pageFor(ctx: RequestContext, deps: InstagramRouteDeps): Reply {
  const path = ctx.url.pathname;
  if (path === '/') return html(200, homePage(webAppParts(ctx, deps)));
  if (path.startsWith('/accounts/login')) return html(200, loginPage());
  const profile = /^\/([A-Za-z0-9._]+)\/?$/.exec(path)?.[1];
  const account = profile && !RESERVED.has(profile) ? deps.store.username(profile) : undefined;
  if (!account) return html(404, notFoundPage());
  const parts = webAppParts(ctx, deps);
  return html(200, profilePage(account, parts && { head: parts.head, body: parts.body + profileProps(account.user) }));
}

/** Late 2026: the viewer's page tokens and actor id, and the bundles publishing the doc_ids; a logged-out visitor gets actor "0" and no fb_dtsg. */
function webAppParts(ctx: RequestContext, deps: InstagramRouteDeps): WebAppParts | undefined {
  if (deps.era === 'legacy') return undefined;
  const session = deps.sessions.find(parseCookies(ctx.req.headers.cookie).get('sessionid')?.[0]);
  const viewer = session ? { actorId: session.userPk, fbDtsg: session.fbDtsg, lsd: session.lsd } : { actorId: '0', lsd: InstagramSessions.LOGGED_OUT_LSD };
  return { head: bundleScripts(deps.docIds.currentBundles()), body: sessionDefines(viewer) };
}
