import type { AccountInfo, ListingStrategy, PlatformContext } from '../../types';
import { REELS_PER_CALL } from '../constants';
import { highlightsContinuation, highlightsCursor, nextHighlights, trayPageDue } from '../cursor';
import { graphqlRoot } from '../graphqlClient';
import { trayPage, type TrayPage } from '../graphqlParsers';
import { QUERIES } from '../graphqlQueries';
import { highlightPosts } from '../reels';
import { readReelsViaGraphql } from './storiesGraphql';

const TRAY_PAGE_SIZE = 50;

/**
 * Highlights as the web app reads them: the tray (PolarisProfileStoryHighlightsTrayContentQuery)
 * for their ids, then their items a few highlights per call (PolarisStoriesV3ReelPageStandaloneQuery).
 */
export const highlightsGraphql: ListingStrategy = {
  name: 'graphql',
  async fetchPage(ctx, account, cursor) {
    const position = highlightsCursor.decode(cursor);
    if (position === undefined || trayPageDue(position)) {
      const tray = await readTray(ctx, account, position?.trayAfter);
      return { posts: [], nextCursor: nextHighlights({ reelIds: tray.reelIds, trayAfter: tray.next }) };
    }
    const { reelIds, trayAfter } = position;
    const reels = await readReelsViaGraphql(ctx, reelIds.slice(0, REELS_PER_CALL), { username: account.handle });
    const posts = reels.flatMap((reel) => highlightPosts(ctx, reel));
    return { posts, nextCursor: nextHighlights({ reelIds: reelIds.slice(REELS_PER_CALL), trayAfter }) };
  },
  continueFrom: highlightsContinuation,
};

async function readTray(ctx: PlatformContext, account: AccountInfo, after: string | undefined): Promise<TrayPage> {
  const variables = { user_id: account.id, first: TRAY_PAGE_SIZE, ...(after === undefined ? {} : { after }) };
  const root = await graphqlRoot(ctx, QUERIES.highlightsTray, variables, { username: account.handle });
  return trayPage(root, QUERIES.highlightsTray.label);
}
