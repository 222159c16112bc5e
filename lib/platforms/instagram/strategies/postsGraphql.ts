import type { AccountInfo, ListingStrategy, PlatformContext } from '../../types';
import { GRAPHQL_PAGE_SIZE } from '../constants';
import { nextPage, pageCursor, timelineContinuation } from '../cursor';
import { graphqlRoot } from '../graphqlClient';
import { timelinePage, type MediaPage } from '../graphqlParsers';
import { QUERIES } from '../graphqlQueries';
import { toPost } from '../parseMedia';

/**
 * The posts grid as the web app reads it (PolarisProfilePostsQuery). Its nodes carry the files
 * the grid opens, so nothing is read per post. Its end_cursor is the same "<pk>_<owner>" as the
 * REST feed's next_max_id, so either carries on the other.
 */
export const postsGraphql: ListingStrategy = {
  name: 'graphql',
  async fetchPage(ctx, account, cursor) {
    const { next: after } = pageCursor.decode(cursor);
    const page = await readTimeline(ctx, account, after);
    return { posts: page.items.map((item) => toPost(item)), nextCursor: nextPage(page.next, after) };
  },
  continueFrom: timelineContinuation,
};

async function readTimeline(ctx: PlatformContext, account: AccountInfo, after: string | undefined): Promise<MediaPage> {
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
  const root = await graphqlRoot(ctx, QUERIES.posts, variables, { username: account.handle });
  return timelinePage(root, QUERIES.posts.label);
}
