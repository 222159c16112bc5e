import type { ListingStrategy } from '../../types';
import { GRAPHQL_PAGE_SIZE } from '../constants';
import { nextPage, pageCursor } from '../cursor';
import { graphqlRoot } from '../graphqlClient';
import { reelsTabPage } from '../graphqlParsers';
import { QUERIES } from '../graphqlQueries';
import { toPost } from '../parseMedia';

/** The reels tab as the web app reads it (PolarisProfileReelsTabContentQuery); it lists reels the grid may not. */
export const reelsGraphql: ListingStrategy = {
  name: 'graphql',
  async fetchPage(ctx, account, cursor) {
    const { next: after } = pageCursor.decode(cursor);
    const variables = {
      ...(after === undefined ? {} : { after, before: null, first: GRAPHQL_PAGE_SIZE, last: null }),
      data: { include_feed_video: true, page_size: GRAPHQL_PAGE_SIZE, target_user_id: account.id },
    };
    const root = await graphqlRoot(ctx, QUERIES.reels, variables, { username: account.handle });
    const page = reelsTabPage(root, QUERIES.reels.label);
    return { posts: page.items.map((item) => toPost(item)), nextCursor: nextPage(page.next, after) };
  },
};
