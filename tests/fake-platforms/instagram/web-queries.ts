import type { InstagramQueryName } from '../types';
import type { ApiCall } from './api-context';
import { graphqlNode } from './graphql-node';
import { pkFromShortcode } from './ids';
import type { IgAccount } from './model';
import { reelsCursor, reelsPage, reelsTab } from './reels-tab';
import { highlightReel, userReel } from './routes-reels';

/**
 * The five web GraphQL queries of the table in docs/platforms.md, "Instagram: GraphQL", each answering `data.<root>`.
 * A failure is `data.<root>: null` beside `errors[]`, as the real endpoint answers: never an empty
 * connection a client could mistake for an empty account.
 */

type Variables = Record<string, unknown>;

export interface QueryAnswer {
  data: Record<string, unknown>;
  errors?: { message: string; severity: 'CRITICAL' }[];
}

const failed = (root: string, message: string): QueryAnswer => ({ data: { [root]: null }, errors: [{ message, severity: 'CRITICAL' }] });

const str = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
const obj = (value: unknown): Variables => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Variables) : {});
const pageSize = (value: unknown, fallback: number) => Math.min(33, Math.max(1, Number(value ?? fallback) || fallback));

function viewable(call: ApiCall, account: IgAccount | undefined, root: string): IgAccount | QueryAnswer {
  if (!account) return failed(root, 'User not found');
  if (!call.store.canView(call.session.userPk, account)) return failed(root, 'Not authorized to view user');
  return account;
}

const isAnswer = (value: IgAccount | QueryAnswer): value is QueryAnswer => 'data' in value;

function pageInfo(cursors: string[], start: number, hasNext: boolean) {
  return { end_cursor: cursors[cursors.length - 1] ?? null, has_next_page: hasNext, has_previous_page: start > 0, start_cursor: cursors[0] ?? null };
}

const POSTS = 'xdt_api__v1__feed__user_timeline_graphql_connection';

/** The profile grid: `{"data":{"count":12,…},"username":U}` then `after` = the last "<pk>_<owner pk>" cursor. */
function profilePosts(call: ApiCall, vars: Variables): QueryAnswer {
  const account = viewable(call, call.store.username(str(vars.username)), POSTS);
  if (isAnswer(account)) return account;
  const count = pageSize(vars.first ?? obj(vars.data).count, 12);
  const after = str(vars.after);
  const start = after ? account.feed.findIndex((p) => p.pk === after.split('_')[0]) + 1 : 0;
  if (after && start === 0) return failed(POSTS, 'Invalid cursor');
  const page = account.feed.slice(start, start + count);
  const cursors = page.map((p) => `${p.pk}_${account.user.pk}`);
  return {
    data: {
      [POSTS]: {
        edges: page.map((post, i) => ({ node: graphqlNode(call.render.post(post, account.user)), cursor: cursors[i] })),
        page_info: pageInfo(cursors, start, start + page.length < account.feed.length),
      },
    },
  };
}

const CLIPS = 'xdt_api__v1__clips__user__connection_v2';

/** The Reels tab: `{"data":{"target_user_id":uid,"page_size":12,"include_feed_video":true}}` then `after`. */
function reelsTabContent(call: ApiCall, vars: Variables): QueryAnswer {
  const data = obj(vars.data);
  const account = viewable(call, call.store.pk(str(data.target_user_id)), CLIPS);
  if (isAnswer(account)) return account;
  const clips = reelsTab(account, data.include_feed_video === true);
  const listed = reelsPage(clips, str(vars.after), pageSize(data.page_size, 12));
  if (!listed) return failed(CLIPS, 'Invalid cursor');
  const start = listed.page[0] ? clips.indexOf(listed.page[0]) : clips.length;
  const cursors = listed.page.map((p) => reelsCursor(p.pk));
  return {
    data: {
      [CLIPS]: {
        edges: listed.page.map((post, i) => ({ node: { media: graphqlNode(call.render.post(post, account.user)), __typename: 'XDTClipsItem' }, cursor: cursors[i] })),
        page_info: pageInfo(cursors, start, listed.nextCursor !== null),
      },
    },
  };
}

const REELS_MEDIA = 'xdt_api__v1__feed__reels_media';

/** Current stories (reel id = user pk) and highlights ("highlight:<id>"), `{"reel_ids_arr":[…]}`; reels the viewer may not see are absent. */
function storiesReelPage(call: ApiCall, vars: Variables): QueryAnswer {
  const ids = Array.isArray(vars.reel_ids_arr) ? vars.reel_ids_arr.map(str).filter(Boolean) : [];
  if (ids.length === 0) return failed(REELS_MEDIA, 'reel_ids_arr is required');
  const reels = [...new Set(ids)].flatMap((id) => {
    const reel = id.startsWith('highlight:') ? highlightReel(call, id.slice('highlight:'.length)) : userReel(call, id);
    return reel ? [{ ...reel, __typename: 'XDTReelDict', items: (reel.items as Record<string, unknown>[]).map(graphqlNode) }] : [];
  });
  return { data: { [REELS_MEDIA]: { reels_media: reels } } };
}

/**
 * The highlights tray, `{"user_id":uid}`: nodes `{id:"highlight:<id>", title, cover_media, user}`
 * typed XDTReelDict (a 2026 capture of this query's answer, seen in a public scraper's parser).
 */
function highlightsTray(call: ApiCall, vars: Variables): QueryAnswer {
  const account = viewable(call, call.store.pk(str(vars.user_id)), 'highlights');
  if (isAnswer(account)) return account;
  const edges = account.highlights.map((h, i) => ({ node: { ...call.render.highlightReel(h, account.user, i, false), __typename: 'XDTReelDict' }, cursor: `highlight:${h.id}` }));
  return { data: { highlights: { edges, page_info: { end_cursor: null, has_next_page: false, has_previous_page: false, start_cursor: null } } } };
}

const WEB_INFO = 'xdt_api__v1__media__shortcode__web_info';

/** One post or reel by shortcode, `{"shortcode":code}`, with freshly signed URLs. */
function postRoot(call: ApiCall, vars: Variables): QueryAnswer {
  const hit = call.store.findMedia(pkFromShortcode(str(vars.shortcode)) ?? '');
  if (!hit || !('post' in hit)) return failed(WEB_INFO, 'Media not found or unavailable');
  if (!call.store.canView(call.session.userPk, hit.account)) return failed(WEB_INFO, 'Not authorized to view user');
  return { data: { [WEB_INFO]: { items: [graphqlNode(call.render.post(hit.post, hit.account.user))] } } };
}

export const WEB_QUERIES: Record<InstagramQueryName, (call: ApiCall, vars: Variables) => QueryAnswer> = {
  PolarisProfilePostsQuery: profilePosts,
  PolarisProfileReelsTabContentQuery: reelsTabContent,
  PolarisStoriesV3ReelPageStandaloneQuery: storiesReelPage,
  PolarisProfileStoryHighlightsTrayContentQuery: highlightsTray,
  PolarisPostRootQuery: postRoot,
};
