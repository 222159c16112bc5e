import type { ExportError } from '../../errors';
import type { ListingStrategy } from '../types';
import { asArray, asObject, asObjects, asString, type JsonObject } from '../shared/jsonReaders';
import { apiUrl, sendForm, sendGet } from './api';
import {
  CLIPS_PAGE_SIZE,
  FEED_PAGE_SIZE,
  GRAPHQL_PAGE_SIZE,
  ORIGIN,
  PROFILE_POSTS_CONNECTION,
  PROFILE_POSTS_DOC_ID,
  PROFILE_POSTS_QUERY_NAME,
} from './constants';
import { nextPage, pageCursor } from './cursor';
import { mediaPk } from './json';
import { readMediaInfo } from './mediaInfo';
import { lacksMedia, toPost } from './parseMedia';
import { platformChanged, rateLimited, readJson, readRetirable } from './responses';

/** The posts grid through the REST feed, 30 a page. */
export const restFeed: ListingStrategy = {
  name: 'rest',
  async fetchPage(ctx, account, cursor) {
    const { next } = pageCursor.decode(cursor);
    const url = apiUrl(`/feed/user/${account.id}/`, { count: String(FEED_PAGE_SIZE), max_id: next });
    const body = await readRetirable(ctx, await sendGet(ctx, url), 'posts feed');
    const more = body.more_available === true ? asString(body.next_max_id) : undefined;
    return { posts: itemsOf(body, 'posts feed').map((item) => toPost(item)), nextCursor: nextPage(more, next) };
  },
};

/**
 * The posts grid through the web app's own GraphQL query. Its cursors are the REST feed's
 * `next_max_id` values ("<pk>_<owner pk>"), so it carries on where the REST feed stopped.
 */
export const graphqlFeed: ListingStrategy = {
  name: 'graphql',
  async fetchPage(ctx, account, cursor) {
    const { next: after } = pageCursor.decode(cursor);
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
    const items = await withMediaUrls(ctx, asObjects(asObjects(edges).map((edge) => edge.node)));
    const more = pageInfo?.has_next_page === true ? asString(pageInfo.end_cursor) : undefined;
    return { posts: items.map((item) => toPost(item)), nextCursor: nextPage(more, after) };
  },
  continueFrom: (previous) => (previous.strategy === restFeed.name ? previous.cursor : null),
};

/** The reels tab through the REST clips endpoint. */
export const restClips: ListingStrategy = {
  name: 'rest',
  async fetchPage(ctx, account, cursor) {
    const { next } = pageCursor.decode(cursor);
    const form = { target_user_id: account.id, page_size: String(CLIPS_PAGE_SIZE), max_id: next, include_feed_video: 'true' };
    const body = await readRetirable(ctx, await sendForm(ctx, apiUrl('/clips/user/'), form), 'reels');
    const items = asObjects(itemsOf(body, 'reels').map((entry) => entry.media));
    const paging = asObject(body.paging_info);
    const more = paging?.more_available === true ? asString(paging.max_id) : undefined;
    return { posts: items.map((item) => toPost(item)), nextCursor: nextPage(more, next) };
  },
};

/**
 * The grid query may leave out what the grid does not show (a video's files, a carousel child's);
 * gallery-dl reads such posts again from the media endpoint, and so do we, one call per post.
 */
async function withMediaUrls(ctx: Parameters<ListingStrategy['fetchPage']>[0], nodes: JsonObject[]): Promise<JsonObject[]> {
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
