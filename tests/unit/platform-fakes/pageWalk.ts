import type { Post, PostPage } from '../../../lib/platforms/types';

export interface PageWalk {
  /** The posts of each page, in listing order. */
  pages: Post[][];
  /** The cursor each page returned; the last is null. */
  cursors: (string | null)[];
}

/**
 * Every page from `from` (null: the first) to the end, as the engine asks for them. More than
 * `maxPages` fails the test: a cursor that never reaches null would otherwise loop for ever.
 */
export async function walkPages(
  fetchPage: (cursor: string | null) => Promise<PostPage>,
  { from = null, maxPages = 50 }: { from?: string | null; maxPages?: number } = {},
): Promise<PageWalk> {
  const pages: Post[][] = [];
  const cursors: (string | null)[] = [];
  let cursor = from;
  do {
    const page = await fetchPage(cursor);
    pages.push(page.posts);
    cursors.push(page.nextCursor);
    cursor = page.nextCursor;
    if (pages.length > maxPages) throw new Error('no end');
  } while (cursor !== null);
  return { pages, cursors };
}
