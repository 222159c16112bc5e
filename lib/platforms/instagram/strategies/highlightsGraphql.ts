import { ExportError } from '../../../errors';
import type { AccountInfo, PlatformContext, PostPage } from '../../types';
import { isOptionalString, isStringArray, opaqueCursorCodec } from '../../shared/opaqueCursor';
import { REELS_PER_CALL } from '../constants';
import { graphqlRoot } from '../graphqlClient';
import { trayPage } from '../graphqlParsers';
import { QUERIES } from '../graphqlQueries';
import { highlightPosts } from '../reelPages';
import { readReelsViaGraphql } from './storiesGraphql';

/** Highlight reels still to read, and the tray's next page when it has one. */
interface HighlightsCursor {
  reelIds: string[];
  trayAfter?: string;
}

const TRAY_PAGE_SIZE = 50;

const { encode, decode } = opaqueCursorCodec<HighlightsCursor | null>({
  first: () => null,
  isCursor: (cursor) => isStringArray(cursor.reelIds) && isOptionalString(cursor.trayAfter),
  unreadable: () => new ExportError('internal', 'The saved position of this Instagram export cannot be read. Start a new export.'),
});

/**
 * Highlights as the web app reads them: the tray (PolarisProfileStoryHighlightsTrayContentQuery)
 * for their ids, then their items a few highlights per call (PolarisStoriesV3ReelPageStandaloneQuery).
 */
export async function highlightsViaGraphql(ctx: PlatformContext, account: AccountInfo, cursor: string | null): Promise<PostPage> {
  const position = decode(cursor);
  if (position === null || (position.reelIds.length === 0 && position.trayAfter !== undefined)) {
    const tray = await readTray(ctx, account, position?.trayAfter);
    return { posts: [], nextCursor: nextCursor({ reelIds: tray.reelIds, trayAfter: tray.next }) };
  }
  const reels = await readReelsViaGraphql(ctx, position.reelIds.slice(0, REELS_PER_CALL), { username: account.handle });
  const posts = reels.flatMap((reel) => highlightPosts(ctx, reel));
  return { posts, nextCursor: nextCursor({ reelIds: position.reelIds.slice(REELS_PER_CALL), trayAfter: position.trayAfter }) };
}

async function readTray(ctx: PlatformContext, account: AccountInfo, after: string | undefined) {
  const variables = { user_id: account.id, first: TRAY_PAGE_SIZE, ...(after === undefined ? {} : { after }) };
  const root = await graphqlRoot(ctx, QUERIES.highlightsTray, variables, { username: account.handle });
  return trayPage(root, QUERIES.highlightsTray.label);
}

function nextCursor(position: HighlightsCursor): string | null {
  return position.reelIds.length > 0 || position.trayAfter !== undefined ? encode(position) : null;
}
