import type { AccountInfo, PlatformContext, PostPage } from '../../types';
import { graphqlRoot } from '../graphqlClient';
import { reelsOf } from '../graphqlParsers';
import { QUERIES } from '../graphqlQueries';
import { reelPosts } from '../reelPages';

/** The account's current stories as the web app's story viewer reads them: one reel, whose id is the user's. */
export async function storiesViaGraphql(ctx: PlatformContext, account: AccountInfo): Promise<PostPage> {
  const root = await graphqlRoot(ctx, QUERIES.reel, { reel_ids_arr: [account.id], is_highlight: false }, { username: account.handle });
  const posts = reelsOf(root, QUERIES.reel.label).flatMap((reel) => reelPosts(ctx, reel, { section: 'story' }));
  return { posts, nextCursor: null };
}
