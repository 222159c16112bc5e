/**
 * www.youtube.com: the InnerTube API of docs/platforms.md ("YouTube: endpoints") plus the HTML pages a browser tab (and yt-dlp) loads.
 *
 * What Debian's yt-dlp 2023.03.04 needed (extractor/youtube.py, YoutubeTabIE), checked by
 * tests/e2e/yt-dlp.test.ts:
 *   GET  /@h/videos, /@h/streams, /@h/shorts   HTML pages: it reads `ytcfg.set({...})` with a regular
 *                                             expression and the first page of the tab from
 *                                             `var ytInitialData = …;`; it never calls browse for page 1.
 *                                             A channel URL without a tab is sent to /videos, and the
 *                                             Live and Shorts tabs are added when the tab list links them.
 *   POST /youtubei/v1/browse {continuation}   every later page; it sends `?key=` (ignored here) and,
 *                                             with cookies, `SAPISIDHASH <ts>_<sha1(ts cookie origin)>`
 *                                             (the form without U, hashing __Secure-3PAPISID) plus X-Origin.
 *   GET  i.ytimg.com/vi/<id>/hqdefault.jpg?sqp=…&rs=…   the grid's thumbnail URL, query and all.
 *   GET  /playlist?list=UU…                    an uploads playlist's page (ytInitialData: the
 *                                             playlistVideoListRenderer), then browse {continuation}.
 * It reads only `legacy` items: richItemRenderer.content.videoRenderer (videos, streams) and
 * .reelItemRenderer (Shorts), with continuationItemRenderer; lockupViewModel and
 * shortsLockupViewModel items are silently skipped by that version, so `youtubeShape: 'legacy'`
 * exists for it. It also needs `metadata.channelMetadataRenderer` and each tab's
 * `endpoint.commandMetadata.webCommandMetadata.url` (the tab names come from the URL's last part).
 */
import { html, type HostRoute, type Reply, type RequestContext } from '../server/reply';
import type { ApiBudget } from '../instagram/api-budget';
import { browse, channelPage, tabFromPath } from './browse';
import type { ChannelStore } from './channel-store';
import { accountMenu, resolveUrl } from './navigation';
import { consentPage, consentRedirect, homeInitialData, notFoundPage, youtubePage } from './pages';
import type { YouTubeSessions } from './sessions';
import { uploadsPlaylistPage } from './uploads-playlist';
import { next, player, type PlayerBudget } from './watch';
import { errorPage, failure, invalidArgument, notFound, rateLimited, unauthenticated, type YtCall, type YtOptions } from './youtube-call';

export interface YouTubeRouteDeps {
  store: ChannelStore;
  sessions: YouTubeSessions;
  budget: ApiBudget;
  playerBudget: PlayerBudget;
  options: YtOptions;
}

type Handler = (call: YtCall, deps: YouTubeRouteDeps) => Reply;

const INNERTUBE: Record<string, Handler> = {
  browse: (call) => browse(call),
  'navigation/resolve_url': (call) => resolveUrl(call),
  'account/account_menu': (call) => accountMenu(call),
  player: (call, deps) => player(call, deps.playerBudget),
  next: (call) => next(call),
};

export function youtubeRoute(deps: YouTubeRouteDeps): HostRoute {
  return {
    hosts: ['www.youtube.com', 'youtube.com', 'm.youtube.com'],
    kind: 'api',
    loginRedirect: consentRedirect,
    loginPage: consentPage,
    errorReply: (status, headers, ctx) => (ctx.url.pathname.startsWith('/youtubei/v1/') ? failure(status, headers) : errorPage(status, headers)),
    handle: async (ctx) => {
      const retryAfter = deps.budget.take(ctx.receivedAt);
      if (retryAfter !== undefined) return rateLimited(retryAfter);
      return ctx.url.pathname.startsWith('/youtubei/v1/') ? innertube(ctx, deps) : page(ctx, deps);
    },
  };
}

/**
 * The checks InnerTube makes, in order: a known endpoint, a JSON body with the client's context,
 * then the Authorization tokens (a bad one is 401; none at all is answered as logged out).
 */
async function innertube(ctx: RequestContext, deps: YouTubeRouteDeps): Promise<Reply> {
  const handler = INNERTUBE[ctx.url.pathname.slice('/youtubei/v1/'.length)];
  if (!handler) return notFound();
  if (ctx.method !== 'POST') return notFound();
  let body: Record<string, unknown>;
  try {
    body = JSON.parse((await ctx.readBody()).toString('utf8')) as Record<string, unknown>;
  } catch {
    return invalidArgument();
  }
  const client = (body?.context as { client?: Record<string, unknown> } | undefined)?.client;
  if (typeof client?.clientName !== 'string' || typeof client.clientVersion !== 'string') return invalidArgument();
  const nowSeconds = Math.floor(ctx.receivedAt / 1000);
  const viewer = deps.sessions.viewer(ctx.req, nowSeconds);
  if (viewer.kind === 'unauthenticated') return unauthenticated();
  const pageId = ctx.req.headers['x-goog-pageid'];
  const actingAs = viewer.kind === 'user' ? deps.store.actingAs(viewer.user, Array.isArray(pageId) ? pageId[0] : pageId) : undefined;
  return handler({ ctx, viewer, body, store: deps.store, options: deps.options, nowSeconds, actingAs }, deps);
}

/** Pages know their viewer from cookies alone, as for any page load. */
function page(ctx: RequestContext, deps: YouTubeRouteDeps): Reply {
  if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return html(405, notFoundPage());
  const user = deps.sessions.cookieUser(ctx.req);
  // A page shows the identity the session is switched to: the brand account, if the user chose one.
  const brand = user && deps.store.switchedBrand(user);
  if (ctx.url.pathname === '/') return html(200, youtubePage('YouTube', user, homeInitialData(), brand));
  const call: YtCall = {
    ctx,
    viewer: user ? { kind: 'user', user } : { kind: 'anonymous' },
    body: {},
    store: deps.store,
    options: deps.options,
    nowSeconds: Math.floor(ctx.receivedAt / 1000),
    actingAs: user && (brand ?? deps.store.key(user.key)),
  };
  if (ctx.url.pathname === '/playlist') {
    const playlist = uploadsPlaylistPage(call, ctx.url.searchParams.get('list') ?? '');
    return playlist ? html(200, youtubePage('Uploads', user, playlist, brand)) : html(404, notFoundPage());
  }
  const found = deps.store.fromPath(ctx.url.pathname);
  const tab = found && tabFromPath(found.rest);
  if (!found || !tab) return html(404, notFoundPage());
  return html(200, youtubePage(found.channel.title, user, channelPage(call, found.channel, tab), brand));
}
