import type { AccountInfo, PlatformContext, PostPage } from '../../types';
import { REELS_PER_CALL } from '../constants';
import { graphqlRoot } from '../graphqlClient';
import { trayPage, type TrayPage } from '../graphqlParsers';
import { QUERIES } from '../graphqlQueries';
import { highlightPosts } from '../reelPages';
import { decodeHighlights, nextHighlights, trayPageDue } from './highlightsCursor';
import { readReelsViaGraphql } from './storiesGraphql';

const TRAY_PAGE_SIZE = 50;

/**
 * Highlights as the web app reads them: the tray (PolarisProfileStoryHighlightsTrayContentQuery)
 * for their ids, then their items a few highlights per call (PolarisStoriesV3ReelPageStandaloneQuery).
 */
export async function highlightsViaGraphql(ctx: PlatformContext, account: AccountInfo, cursor: string | null): Promise<PostPage> {
  const position = decodeHighlights(cursor);
  if (position === null || trayPageDue(position)) {
    const tray = await readTray(ctx, account, position?.trayAfter);
    return { posts: [], nextCursor: nextHighlights({ reelIds: tray.reelIds, trayAfter: tray.next }) };
  }
  const { reelIds, trayAfter } = position;
  const reels = await readReelsViaGraphql(ctx, reelIds.slice(0, REELS_PER_CALL), { username: account.handle });
  const posts = reels.flatMap((reel) => highlightPosts(ctx, reel));
  return { posts, nextCursor: nextHighlights({ reelIds: reelIds.slice(REELS_PER_CALL), trayAfter }) };
}

async function readTray(ctx: PlatformContext, account: AccountInfo, after: string | undefined): Promise<TrayPage> {
  const variables = { user_id: account.id, first: TRAY_PAGE_SIZE, ...(after === undefined ? {} : { after }) };
  const root = await graphqlRoot(ctx, QUERIES.highlightsTray, variables, { username: account.handle });
  return trayPage(root, QUERIES.highlightsTray.label);
}
