import type { ListingSection } from '../types';
import { DEFAULT_LISTING_OPTIONS, type ListingOptions } from './constants';
import { collectionStrategy } from './pages';

/** The videos collection also lists the profile's reels. */
const VIDEOS = 'videos';

/** What a Facebook export lists, in order: uploads, "Photos of you" when asked for, videos, reels. */
export function sections(options: ListingOptions = DEFAULT_LISTING_OPTIONS): ListingSection[] {
  return [
    { name: 'uploads', label: 'Photos', strategies: [collectionStrategy('uploads', options)] },
    ...(options.includeTagged ? [{ name: 'tagged', label: 'Photos of you', strategies: [collectionStrategy('tagged', options)] }] : []),
    { name: 'videos', label: 'Videos', scope: VIDEOS, strategies: [collectionStrategy('videos', options)] },
    { name: 'reels', label: 'Reels', scope: VIDEOS, strategies: [collectionStrategy('reels', options)] },
  ];
}
