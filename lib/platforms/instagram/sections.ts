import type { AccountInfo, ListingSection } from '../types';
import { isPinned } from './mediaTypes';
import { highlightsGraphql } from './strategies/highlightsGraphql';
import { highlightsRest } from './strategies/highlightsRest';
import { postsGraphql } from './strategies/postsGraphql';
import { postsRest } from './strategies/postsRest';
import { reelsGraphql } from './strategies/reelsGraphql';
import { reelsRest } from './strategies/reelsRest';
import { storiesGraphql } from './strategies/storiesGraphql';
import { storiesRest } from './strategies/storiesRest';

/** Reels are feed posts too: the feed and the reels tab list some posts twice. */
const GRID = 'grid';

/**
 * What an Instagram export lists, in order, and the ways to read each part: the REST endpoint
 * first, then the web app's own GraphQL query, which keeps working where Instagram retires REST
 * endpoints per session (docs/platforms.md, "Instagram: what changed in late 2026").
 */
export function sections(account: AccountInfo): ListingSection[] {
  return [
    {
      name: 'posts',
      label: 'Posts',
      scope: GRID,
      strategies: [postsRest, postsGraphql],
      expectedCount: account.postCount,
      // The grid lists reels too, but the reels tab lists them all: without images and videos, it is enough.
      mediaTypes: ['images', 'videos'],
      newestFirst: { outOfOrder: isPinned },
    },
    { name: 'reels', label: 'Reels', scope: GRID, strategies: [reelsRest, reelsGraphql], mediaTypes: ['reels'], newestFirst: { outOfOrder: isPinned } },
    { name: 'stories', label: 'Stories', strategies: [storiesRest, storiesGraphql], mediaTypes: ['stories'] },
    // Highlights are listed by highlight, each one's items by when they were saved: no date order.
    { name: 'highlights', label: 'Highlights', strategies: [highlightsRest, highlightsGraphql], mediaTypes: ['highlights'] },
  ];
}
