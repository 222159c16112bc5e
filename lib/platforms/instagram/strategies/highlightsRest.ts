import type { AccountInfo, PlatformContext, PostPage } from '../../types';
import { REELS_PER_CALL } from '../constants';
import { highlightPosts, readReels, readTray } from '../reelPages';
import { decodeHighlights, nextHighlights } from './highlightsCursor';

/** Highlights from REST: the tray for their ids, then their items from reels_media, a few highlights per call. */
export async function highlightsViaRest(ctx: PlatformContext, account: AccountInfo, cursor: string | null): Promise<PostPage> {
  const position = decodeHighlights(cursor);
  if (position === null) return { posts: [], nextCursor: nextHighlights({ reelIds: await readTray(ctx, account.id) }) };
  const { reelIds, trayAfter } = position;
  const reels = await readReels(ctx, reelIds.slice(0, REELS_PER_CALL));
  const posts = reels.flatMap((reel) => highlightPosts(ctx, reel));
  return { posts, nextCursor: nextHighlights({ reelIds: reelIds.slice(REELS_PER_CALL), trayAfter }) };
}
