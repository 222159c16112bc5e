import type { ListingSection } from '../types';
import { DEFAULT_LISTING_OPTIONS, type ListingOptions } from './constants';
import { collectionStrategy } from './pages';

/** The videos collection also lists the profile's reels. */
const VIDEOS = 'videos';

/**
 * What a Facebook export lists, in order: uploads, "Photos of you" when asked for, videos, reels.
 * None counts as newest first: a photo's date is when it was taken or backdated to, not when it was
 * added to the collection, so a later page can hold a newer date and listing never stops early.
 */
export function sections(options: ListingOptions = DEFAULT_LISTING_OPTIONS): ListingSection[] {
  return [
    { name: 'uploads', label: 'Photos', strategies: [collectionStrategy('uploads', options)], mediaTypes: ['images'] },
    ...(options.includeTagged
      ? [{ name: 'tagged', label: 'Photos of you', strategies: [collectionStrategy('tagged', options)], mediaTypes: ['images'] }]
      : []),
    // The videos collection lists reels too, but the reels collection lists them all.
    { name: 'videos', label: 'Videos', scope: VIDEOS, strategies: [collectionStrategy('videos', options)], mediaTypes: ['videos'] },
    { name: 'reels', label: 'Reels', scope: VIDEOS, strategies: [collectionStrategy('reels', options)], mediaTypes: ['reels'] },
  ];
}
