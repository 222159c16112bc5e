import type { ListingStrategy } from '../../types';
import { REELS_PER_CALL } from '../constants';
import { highlightsContinuation, highlightsCursor, nextHighlights } from '../cursor';
import { deliveredWhole, highlightPosts, readReels, readTray } from '../reels';

/**
 * Highlights from REST: the tray for their ids, then their items from reels_media, a few highlights
 * per call. With "Only new", a highlight whose every item an earlier export delivered is not read.
 */
export const highlightsRest: ListingStrategy = {
  name: 'rest',
  async fetchPage(ctx, account, cursor, listed) {
    const position = highlightsCursor.decode(cursor);
    if (position === undefined) {
      const unread = (await readTray(ctx, account.id)).filter((highlight) => !deliveredWhole(highlight, listed));
      return { posts: [], nextCursor: nextHighlights({ reelIds: unread.map((highlight) => highlight.reelId) }) };
    }
    const { reelIds, trayAfter } = position;
    const reels = await readReels(ctx, reelIds.slice(0, REELS_PER_CALL));
    const posts = reels.flatMap((reel) => highlightPosts(ctx, reel));
    return { posts, nextCursor: nextHighlights({ reelIds: reelIds.slice(REELS_PER_CALL), trayAfter }) };
  },
  continueFrom: highlightsContinuation,
};
