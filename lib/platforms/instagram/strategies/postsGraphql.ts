import type { AccountInfo, PlatformContext, PostPage } from '../../types';
import { GRAPHQL_PAGE_SIZE } from '../constants';
import { graphqlRoot } from '../graphqlClient';
import { timelinePage, type MediaPage } from '../graphqlParsers';
import { QUERIES } from '../graphqlQueries';
import { toPost } from '../parseMedia';
import { nextPosition } from './nextPosition';

/**
 * The posts grid as the web app reads it (PolarisProfilePostsQuery). Its nodes carry the files
 * the grid opens, so nothing is read per post. `after` is the timeline cursor, "<pk>_<owner>",
 * the same form as the REST feed's next_max_id, so either can continue the other.
 */
export async function readTimeline(ctx: PlatformContext, account: AccountInfo, after: string | null): Promise<MediaPage> {
  const variables = {
    ...(after === null ? {} : { after, before: null, first: GRAPHQL_PAGE_SIZE, last: null }),
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

export async function postsViaGraphql(ctx: PlatformContext, account: AccountInfo, cursor: string | null): Promise<PostPage> {
  const page = await readTimeline(ctx, account, cursor);
  return { posts: page.items.map((item) => toPost(item)), nextCursor: nextPosition(page.next, cursor) };
}
