import type { ListingStrategy } from '../../types';
import { readReels, reelPosts } from '../reels';

/** The account's current stories from REST reels_media: one reel, whose id is the user's. */
export const storiesRest: ListingStrategy = {
  name: 'rest',
  async fetchPage(ctx, account) {
    const reels = await readReels(ctx, [account.id]);
    return { posts: reels.flatMap((reel) => reelPosts(ctx, reel, { section: 'story' })), nextCursor: null };
  },
};
