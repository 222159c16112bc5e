import type { ListingStrategy, Post } from '../types';
import { decodeCursor, encodeCursor } from './cursor';
import { postOf } from './pages';
import { relativeDate } from './publishDates';
import { toPost } from './toPost';
import { firstUploadsPage, nextUploadsPage } from './uploadsPages';

/**
 * The channel's uploads playlist, 100 videos a page, every continuation: for the channel's own
 * export it holds the private and unlisted uploads the tabs never show, each with its visibility.
 * It comes after the tabs in the same scope, so a public video keeps the tabs' listing (its kind
 * and exact date) and is not looked up a second time here: the engine drops this listing of it.
 */
export const uploadsStrategy: ListingStrategy = {
  name: 'playlist',
  async fetchPage(ctx, account, cursor, listed) {
    const { token } = decodeCursor(cursor);
    const page = token ? await nextUploadsPage(ctx, token) : await firstUploadsPage(ctx, account.id);
    const posts: Post[] = [];
    for (const video of page.videos) {
      ctx.signal.throwIfAborted();
      const listedBefore = await listed.has(video.id);
      posts.push(listedBefore ? toPost(video, relativeDate(video, new Date())) : await postOf(ctx, video, listed));
    }
    // A token that repeats would page for ever.
    const more = page.token && page.token !== token;
    return { posts, nextCursor: more ? encodeCursor({ token: page.token }) : null };
  },
};
