import type { AccountInfo, ListingSection } from '../types';
import { graphqlFeed, restClips, restFeed } from './feedPages';
import { restHighlights, restStories } from './reelPages';

/** Reels are feed posts too: the feed and the reels tab list some posts twice. */
const GRID = 'grid';

/** What an Instagram export lists, in order, and the ways to read each part, best first. */
export function sections(account: AccountInfo): ListingSection[] {
  return [
    { name: 'posts', label: 'Posts', scope: GRID, strategies: [restFeed, graphqlFeed], expectedCount: account.postCount },
    { name: 'reels', label: 'Reels', scope: GRID, strategies: [restClips] },
    { name: 'stories', label: 'Stories', strategies: [restStories] },
    { name: 'highlights', label: 'Highlights', strategies: [restHighlights] },
  ];
}
