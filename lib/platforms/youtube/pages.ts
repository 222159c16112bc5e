import type { AccountInfo, PlatformContext, Post, PostPage } from '../types';
import { decodeCursor, encodeCursor, nextTab, type Cursor } from './cursor';
import { lookUpDate, relativeDate } from './publishDates';
import { firstTabPage, nextTabPage } from './tabPages';
import { toPost } from './toPost';

/**
 * One grid page of one tab (30 videos, 48 Shorts) with each video's exact date: one `browse` call,
 * then one paced `player` call per video until YouTube refuses them.
 */
export async function fetchPage(ctx: PlatformContext, account: AccountInfo, cursor: string | null): Promise<PostPage> {
  const position = decodeCursor(cursor);
  const page = position.token ? await nextTabPage(ctx, position.tab, position.token) : await firstTabPage(ctx, account.id, position.tab);
  let noDates = position.noDates === true;
  const posts: Post[] = [];
  for (const video of page.videos) {
    ctx.signal.throwIfAborted();
    const now = new Date();
    if (noDates) {
      posts.push(toPost(video, relativeDate(video, now)));
      continue;
    }
    const lookup = await lookUpDate(ctx, video, now);
    noDates = lookup.refused;
    posts.push(toPost(video, lookup.date));
  }
  // A token that repeats would page for ever; a tab the channel lacks ends at once.
  const next: Cursor | null =
    page.present && page.token && page.token !== position.token
      ? { tab: position.tab, token: page.token, ...(noDates ? { noDates: true as const } : {}) }
      : nextTab(position.tab, noDates);
  return { posts, nextCursor: next && encodeCursor(next) };
}
