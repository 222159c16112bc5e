import type { ListedPosts, ListingStrategy, PlatformContext, Post } from '../types';
import type { TabName } from './constants';
import { decodeCursor, encodeCursor } from './cursor';
import type { GridVideo } from './gridItems';
import { lookUpDate, relativeDate } from './publishDates';
import { firstTabPage, nextTabPage } from './tabPages';
import { toPost } from './toPost';

/**
 * A channel tab, one grid page (30 videos, 48 Shorts) at a time, with each video's exact date: one
 * `browse` call, then one paced `player` call per video until YouTube refuses them.
 */
export function tabStrategy(tab: TabName): ListingStrategy {
  return {
    name: 'tabs',
    async fetchPage(ctx, account, cursor, listed) {
      const { token } = decodeCursor(cursor);
      const page = token ? await nextTabPage(ctx, tab, token) : await firstTabPage(ctx, account.id, tab);
      const posts: Post[] = [];
      for (const video of page.videos) {
        ctx.signal.throwIfAborted();
        posts.push(await postOf(ctx, video, listed));
      }
      // A token that repeats would page for ever; a tab the channel lacks ends at once.
      const more = page.present && page.token && page.token !== token;
      return { posts, nextCursor: more ? encodeCursor({ token: page.token }) : null };
    },
  };
}

/**
 * The video as a post. One an earlier export delivered with this title is left out by "Only new"
 * (and ends a tab's listing): its date lookup is spared, the grid's label dates it.
 */
export async function postOf(ctx: PlatformContext, video: GridVideo, listed: ListedPosts): Promise<Post> {
  return listed.deliveredBefore?.(video.id, video.title) ? toPost(video, relativeDate(video, new Date())) : datedPost(ctx, video);
}

/** The video with its date: exact while YouTube answers `player`, from the grid once it refused (see lookUpDate). */
export async function datedPost(ctx: PlatformContext, video: GridVideo): Promise<Post> {
  return toPost(video, (await lookUpDate(ctx, video, new Date())).date);
}
