import type { ExportError } from '../../errors';
import type { AccountInfo, PlatformContext, Post, PostPage } from '../types';
import { asArray, asObject, asObjects, asString, type JsonObject } from '../shared/jsonReaders';
import { apiUrl, postFormJson, sendForm, sendGet } from './api';
import {
  CLIPS_PAGE_SIZE,
  FEED_PAGE_SIZE,
  GRAPHQL_PAGE_SIZE,
  ORIGIN,
  PROFILE_POSTS_CONNECTION,
  PROFILE_POSTS_DOC_ID,
  PROFILE_POSTS_QUERY_NAME,
} from './constants';
import { encodeCursor, type Cursor } from './cursor';
import { listedId, mediaPk } from './json';
import { readMediaInfo } from './mediaInfo';
import { lacksMedia, toPost } from './parseMedia';
import { isHomeOrHiddenRedirect, platformChanged, rateLimited, readJson } from './responses';

type FeedCursor = Extract<Cursor, { section: 'feed' }>;
type ClipsCursor = Extract<Cursor, { section: 'clips' }>;

const VIDEO = 2;

interface RawPage {
  items: JsonObject[];
  nextMaxId?: string;
  graphql?: boolean;
}

/**
 * One page of the posts grid. Some sessions (2026) get the REST feed redirected to the home
 * page; the GraphQL query the web app itself uses then takes over for the rest of the feed,
 * continuing from the same max_id (both page through the same user timeline).
 */
export async function feedPage(ctx: PlatformContext, account: AccountInfo, cursor: FeedCursor): Promise<PostPage> {
  const page = await readFeed(ctx, account, cursor);
  const seen = new Set(cursor.seen);
  // The clips section lists videos again, and pinned posts may come back at their date.
  const posts = unseenPosts(page.items, seen, (post) => post.metadata.media_type === VIDEO || post.metadata.pinned === true);
  const next: Cursor = continues(page.nextMaxId, cursor.maxId)
    ? { section: 'feed', maxId: page.nextMaxId, ...(page.graphql ? { graphql: true as const } : {}), seen: [...seen] }
    : { section: 'clips', seen: [...seen] };
  return { posts, nextCursor: encodeCursor(next) };
}

/** One page of the reels tab; reels the feed already listed are skipped. */
export async function clipsPage(ctx: PlatformContext, account: AccountInfo, cursor: ClipsCursor): Promise<PostPage> {
  const body = await postFormJson(
    ctx,
    apiUrl('/clips/user/'),
    { target_user_id: account.id, page_size: String(CLIPS_PAGE_SIZE), max_id: cursor.maxId, include_feed_video: 'true' },
    'reels',
  );
  const items = asObjects(itemsOf(body, 'reels').map((entry) => entry.media));
  const paging = asObject(body.paging_info);
  const nextMaxId = paging?.more_available === true ? asString(paging.max_id) : undefined;
  const seen = new Set(cursor.seen);
  const posts = unseenPosts(items, seen, (post) => post.metadata.pinned === true);
  const next: Cursor = continues(nextMaxId, cursor.maxId)
    ? { section: 'clips', maxId: nextMaxId, seen: [...seen] }
    : { section: 'stories' };
  return { posts, nextCursor: encodeCursor(next) };
}

async function readFeed(ctx: PlatformContext, account: AccountInfo, cursor: FeedCursor): Promise<RawPage> {
  if (cursor.graphql) return graphqlFeed(ctx, account, cursor.maxId);
  const url = apiUrl(`/feed/user/${account.id}/`, { count: String(FEED_PAGE_SIZE), max_id: cursor.maxId });
  const response = await sendGet(ctx, url);
  if (isHomeOrHiddenRedirect(response)) return graphqlFeed(ctx, account, cursor.maxId);
  const body = readJson(response, 'posts feed');
  return { items: itemsOf(body, 'posts feed'), nextMaxId: body.more_available === true ? asString(body.next_max_id) : undefined };
}

async function graphqlFeed(ctx: PlatformContext, account: AccountInfo, after: string | undefined): Promise<RawPage> {
  const variables = {
    ...(after === undefined ? {} : { after, before: null, first: GRAPHQL_PAGE_SIZE, last: null }),
    data: {
      count: GRAPHQL_PAGE_SIZE,
      include_reel_media_seen_timestamp: true,
      include_relationship_info: true,
      latest_besties_reel_media: true,
      latest_reel_media: true,
    },
    username: account.handle,
    __relay_internal__pv__PolarisIsLoggedInrelayprovider: true,
  };
  const response = await sendForm(ctx, `${ORIGIN}/graphql/query`, {
    fb_api_caller_class: 'RelayModern',
    fb_api_req_friendly_name: PROFILE_POSTS_QUERY_NAME,
    variables: JSON.stringify(variables),
    server_timestamps: 'true',
    doc_id: PROFILE_POSTS_DOC_ID,
  });
  const body = readJson(response, 'posts (GraphQL)');
  const connection = asObject(asObject(body.data)?.[PROFILE_POSTS_CONNECTION]);
  if (!connection) throw graphqlError(body);
  const edges = asArray(connection.edges);
  if (!edges) throw platformChanged('posts (GraphQL)');
  const pageInfo = asObject(connection.page_info);
  return {
    items: await withMediaUrls(ctx, asObjects(asObjects(edges).map((edge) => edge.node))),
    nextMaxId: pageInfo?.has_next_page === true ? asString(pageInfo.end_cursor) : undefined,
    graphql: true,
  };
}

/**
 * The grid query may leave out what the grid does not show (a video's files, a carousel child's);
 * gallery-dl reads such posts again from the media endpoint, and so do we, one call per post.
 */
async function withMediaUrls(ctx: PlatformContext, nodes: JsonObject[]): Promise<JsonObject[]> {
  const items: JsonObject[] = [];
  for (const node of nodes) {
    const pk = mediaPk(node);
    items.push(pk && lacksMedia(node) ? ((await readMediaInfo(ctx, pk)) ?? node) : node);
  }
  return items;
}

/** GraphQL reports failures as 200 with `errors`; a retired doc_id looks like any other shape change. */
function graphqlError(body: JsonObject): ExportError {
  const messages = asObjects(body.errors).map((error) => `${asString(error.message) ?? ''} ${asString(error.summary) ?? ''}`);
  if (messages.some((message) => /rate limit|please wait|try again later/i.test(message))) {
    return rateLimited();
  }
  return platformChanged('posts (GraphQL)');
}

function itemsOf(body: JsonObject, endpoint: string): JsonObject[] {
  const items = asArray(body.items);
  if (!items) throw platformChanged(endpoint);
  return asObjects(items);
}

/** A page that claims more but hands back the same position would loop for ever. */
function continues(next: string | undefined, current: string | undefined): next is string {
  return next !== undefined && next !== current;
}

/**
 * Posts whose id was not listed before; those `remember` picks join `seen`. A post sent without
 * an id is never taken for another.
 */
function unseenPosts(items: JsonObject[], seen: Set<string>, remember: (post: Post) => boolean): Post[] {
  const posts: Post[] = [];
  for (const item of items) {
    const id = listedId(item);
    if (id !== undefined && seen.has(id)) continue;
    const post = toPost(item);
    if (id !== undefined && remember(post)) seen.add(id);
    posts.push(post);
  }
  return posts;
}
