import type { AccountInfo, PlatformContext, PostPage } from '../types';
import { decodeCursor } from './cursor';
import { clipsPage, feedPage } from './feedPages';
import { highlightsPage, storiesPage } from './reelPages';

/** One API call's worth of posts: feed, then reels, then current stories, then highlights. */
export async function fetchPage(ctx: PlatformContext, account: AccountInfo, cursor: string | null): Promise<PostPage> {
  const position = decodeCursor(cursor);
  switch (position.section) {
    case 'feed':
      return feedPage(ctx, account, position);
    case 'clips':
      return clipsPage(ctx, account, position);
    case 'stories':
      return storiesPage(ctx, account);
    case 'highlights':
      return highlightsPage(ctx, account, position);
  }
}
