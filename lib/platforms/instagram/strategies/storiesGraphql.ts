import type { ListingStrategy, PlatformContext } from '../../types';
import type { JsonObject } from '../../shared/jsonReaders';
import { graphqlRoot } from '../graphqlClient';
import { HIGHLIGHT_PREFIX, reelsOf } from '../graphqlParsers';
import { QUERIES } from '../graphqlQueries';
import { reelPosts } from '../reels';
import type { PageWish } from '../sessionPage';

/** Reels (a user's current stories, or `highlight:<id>`s) as the web app's story viewer reads them. */
export async function readReelsViaGraphql(ctx: PlatformContext, reelIds: readonly string[], wish: PageWish = {}): Promise<JsonObject[]> {
  const variables = { reel_ids_arr: reelIds, is_highlight: reelIds.some((id) => id.startsWith(HIGHLIGHT_PREFIX)) };
  return reelsOf(await graphqlRoot(ctx, QUERIES.reel, variables, wish), QUERIES.reel.label);
}

/** The account's current stories: one reel, whose id is the user's. */
export const storiesGraphql: ListingStrategy = {
  name: 'graphql',
  async fetchPage(ctx, account) {
    const reels = await readReelsViaGraphql(ctx, [account.id], { username: account.handle });
    return { posts: reels.flatMap((reel) => reelPosts(ctx, reel, { section: 'story' })), nextCursor: null };
  },
};
