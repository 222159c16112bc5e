import type { ListingStrategy, PlatformContext, Post } from '../types';
import type { TabName } from './constants';
import { decodeCursor, encodeCursor } from './cursor';
import { lookUpDate, relativeDate } from './publishDates';
import { firstTabPage, nextTabPage } from './tabPages';
import { toPost } from './toPost';

/** Once YouTube refuses a date lookup, the rest of the export is dated from the grid without asking again. */
const NO_DATES = 'youtube.noDates';

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

async function datedPost(ctx: PlatformContext, video: Parameters<typeof toPost>[0]): Promise<Post> {
  const now = new Date();
  if (ctx.notes.get(NO_DATES)) return toPost(video, relativeDate(video, now));
  const lookup = await lookUpDate(ctx, video, now);
  if (lookup.refused) ctx.notes.set(NO_DATES, 'refused');
  return toPost(video, lookup.date);
}
