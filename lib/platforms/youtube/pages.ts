import type { ListingStrategy, PlatformContext, Post } from '../types';
import type { TabName } from './constants';
import { decodeCursor, encodeCursor } from './cursor';
import type { GridVideo } from './gridItems';
import { lookUpDate } from './publishDates';
import { firstTabPage, nextTabPage } from './tabPages';
import { toPost } from './toPost';

/**
 * A channel tab, one grid page (30 videos, 48 Shorts) at a time, with each video's exact date: one
 * `browse` call, then one paced `player` call per video until YouTube refuses them.
 */
export function tabStrategy(tab: TabName): ListingStrategy {
  return {
    name: 'tabs',
    async fetchPage(ctx, account, cursor) {
      const { token } = decodeCursor(cursor);
      const page = token ? await nextTabPage(ctx, tab, token) : await firstTabPage(ctx, account.id, tab);
      const posts: Post[] = [];
      for (const video of page.videos) {
        ctx.signal.throwIfAborted();
        posts.push(await datedPost(ctx, video));
      }
      // A token that repeats would page for ever; a tab the channel lacks ends at once.
      const more = page.present && page.token && page.token !== token;
      return { posts, nextCursor: more ? encodeCursor({ token: page.token }) : null };
    },
  };
}

/** The video with its date: exact while YouTube answers `player`, from the grid once it refused (see lookUpDate). */
export async function datedPost(ctx: PlatformContext, video: GridVideo): Promise<Post> {
  return toPost(video, (await lookUpDate(ctx, video, new Date())).date);
}
