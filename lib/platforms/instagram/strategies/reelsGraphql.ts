import type { AccountInfo, PlatformContext, PostPage } from '../../types';
import { GRAPHQL_PAGE_SIZE } from '../constants';
import { graphqlRoot } from '../graphqlClient';
import { reelsTabPage } from '../graphqlParsers';
import { QUERIES } from '../graphqlQueries';
import { toPost } from '../parseMedia';
import { nextPosition } from './nextPosition';

/** The reels tab as the web app reads it (PolarisProfileReelsTabContentQuery); it lists reels the grid may not. */
export async function reelsViaGraphql(ctx: PlatformContext, account: AccountInfo, cursor: string | null): Promise<PostPage> {
  const variables = {
    ...(cursor === null ? {} : { after: cursor, before: null, first: GRAPHQL_PAGE_SIZE, last: null }),
    data: { include_feed_video: true, page_size: GRAPHQL_PAGE_SIZE, target_user_id: account.id },
  };
  const root = await graphqlRoot(ctx, QUERIES.reels, variables, { username: account.handle });
  const page = reelsTabPage(root, QUERIES.reels.label);
  return { posts: page.items.map((item) => toPost(item)), nextCursor: nextPosition(page.next, cursor) };
}
