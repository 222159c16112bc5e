import type { AccountInfo, PlatformContext, Post, PostPage } from '../types';
import { asArray, asObject, asObjects, asString, type JsonObject } from '../shared/jsonReaders';
import { apiUrl, postFormJson, sendGet } from './api';
import { CLIPS_PAGE_SIZE, FEED_PAGE_SIZE } from './constants';
import { encodeCursor, type Cursor } from './cursor';
import { listedId } from './json';
import { toPost } from './parseMedia';
import { isHomeOrHiddenRedirect, platformChanged, readJson } from './responses';
import { readTimeline } from './strategies/postsGraphql';

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
  const page = await readTimeline(ctx, account, after ?? null);
  return { items: page.items, nextMaxId: page.next, graphql: true };
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
