import { readNextPage } from '../../../lib/export/sections/sectionPlan';
import type { SectionReport } from '../../../lib/export/types';
import type { AccountInfo, ListingSection, PlatformContext, Post } from '../../../lib/platforms/types';
import type { ListingPosition } from '../../../lib/storage/exportDb';
import { listingKey } from '../../../lib/storage/listedPages';

export interface SectionWalk {
  /** The posts each page returned (before the engine drops those listed before), in listing order. */
  pages: Post[][];
  /** The listing position after each page; undefined after the last. */
  positions: (ListingPosition | undefined)[];
  /** The posts the export keeps: each listed once in its scope. */
  posts: Post[];
  reports: SectionReport[];
}

/**
 * Every page of the sections from `from` (undefined: the first) to the end, as the engine reads
 * them, with its rule for posts listed twice in a scope. More than `maxPages` fails the test: a
 * cursor that never ends would otherwise loop for ever.
 */
export async function walkSections(
  sections: readonly ListingSection[],
  ctx: PlatformContext,
  account: AccountInfo,
  { from, maxPages = 60 }: { from?: ListingPosition; maxPages?: number } = {},
): Promise<SectionWalk> {
  const walk: SectionWalk = { pages: [], positions: [], posts: [], reports: [] };
  const sectionOf = new Map<string, string>();
  let position = from;
  do {
    const page = await readNextPage(
      sections,
      position,
      (strategy, cursor, listed) => strategy.fetchPage(ctx, account, cursor, listed),
      async (scope, postId) => sectionOf.has(listingKey(scope, postId)),
    );
    let counted = 0;
    for (const post of page.posts) {
      const key = post.listingId === null ? undefined : listingKey(page.scope, post.listingId ?? post.id);
      const earlier = key === undefined ? undefined : sectionOf.get(key);
      if (earlier === undefined || earlier !== page.section) counted += 1;
      if (earlier !== undefined) continue;
      if (key !== undefined) sectionOf.set(key, page.section);
      walk.posts.push(post);
    }
    const { listing, finished } = page.advance(counted);
    walk.pages.push(page.posts);
    walk.positions.push(listing);
    if (finished) walk.reports.push(finished);
    position = listing;
    if (walk.pages.length > maxPages) throw new Error('no end');
  } while (position !== undefined);
  return walk;
}
