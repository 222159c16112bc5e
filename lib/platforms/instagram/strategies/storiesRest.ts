import type { AccountInfo, PlatformContext, PostPage } from '../../types';
import { readReels, reelPosts } from '../reelPages';

/** The account's current stories from REST reels_media: one reel, whose id is the user's. */
export async function storiesViaRest(ctx: PlatformContext, account: AccountInfo): Promise<PostPage> {
  const reels = await readReels(ctx, [account.id]);
  return { posts: reels.flatMap((reel) => reelPosts(ctx, reel, { section: 'story' })), nextCursor: null };
}
