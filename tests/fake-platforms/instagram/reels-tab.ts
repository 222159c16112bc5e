import type { IgAccount, IgPost } from './model';

/**
 * What the Reels tab lists, shared by the REST `clips/user` endpoint and the web app's
 * PolarisProfileReelsTabContentQuery (one backend, two doors): pinned reels first, then newest
 * first, including reels hidden from the grid; with include_feed_video, feed videos too.
 */
export function reelsTab(account: IgAccount, withFeedVideos: boolean): IgPost[] {
  const isClip = (p: IgPost) => p.productType === 'clips' || (withFeedVideos && p.mediaType === 2);
  const byDate = [...account.feed.filter((p) => isClip(p) && !p.pinned), ...account.reelsTabOnly].sort((a, b) => b.takenAt - a.takenAt);
  return [...account.feed.filter((p) => isClip(p) && p.pinned), ...byDate];
}

/** The Reels tab's paging cursor: opaque to clients, like the real base64 `max_id`. */
export const reelsCursor = (pk: string) => Buffer.from(`clips:${pk}`).toString('base64url');

/** The page after `cursor` (the first page without one); undefined for a cursor the tab never issued. */
export function reelsPage(clips: IgPost[], cursor: string | null | undefined, size: number): { page: IgPost[]; nextCursor: string | null } | undefined {
  let start = 0;
  if (cursor) {
    const pk = Buffer.from(cursor, 'base64url').toString().replace(/^clips:/, '');
    const index = clips.findIndex((p) => p.pk === pk);
    if (index < 0) return undefined;
    start = index + 1;
  }
  const page = clips.slice(start, start + size);
  const last = page[page.length - 1];
  const more = start + page.length < clips.length;
  return { page, nextCursor: more && last ? reelsCursor(last.pk) : null };
}
