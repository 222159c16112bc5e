import type { AccountInfo, ListingSection } from '../types';
import { TABS, type TabName } from './constants';
import { tabStrategy } from './pages';
import { uploadsStrategy } from './uploadsStrategy';

/** A video is in one tab only, but every source of a channel lists the same videos: one scope. */
const CHANNEL = 'channel';

const TAB_TYPE: Record<TabName, string> = { videos: 'videos', shorts: 'shorts', streams: 'live' };

/**
 * What a YouTube export lists, in order: the channel's tabs, then, for the channel's own export,
 * its uploads playlist, the only source of its private and unlisted videos (yt-dlp #8096). The
 * tabs come first so the public videos are listed with their tab's kind and exact date, and the
 * playlist adds only what the tabs never show. Other people's playlists show their tabs' videos.
 * Each tab lists newest first (Shorts too: their grid has no dates, but each Short is dated by its
 * own lookup); a post whose date is only approximate never ends a listing (see postSelection).
 */
export function sections(account: AccountInfo): ListingSection[] {
  const tabs: ListingSection[] = TABS.map(({ tab, label }) => ({
    name: tab,
    label,
    scope: CHANNEL,
    strategies: [tabStrategy(tab)],
    mediaTypes: [TAB_TYPE[tab]],
    newestFirst: {},
  }));
  if (!account.isViewer) return tabs;
  return [...tabs, { name: 'uploads', label: 'All uploads (private and unlisted included)', scope: CHANNEL, strategies: [uploadsStrategy] }];
}
