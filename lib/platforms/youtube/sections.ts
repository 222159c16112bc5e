import type { AccountInfo, ListingSection } from '../types';
import { TABS } from './constants';
import { tabStrategy } from './pages';
import { uploadsStrategy } from './uploadsStrategy';

/** A video is in one tab only, but every source of a channel lists the same videos: one scope. */
const CHANNEL = 'channel';

/**
 * What a YouTube export lists, in order: the channel's tabs, then, for the channel's own export,
 * its uploads playlist, the only source of its private and unlisted videos (yt-dlp #8096). The
 * tabs come first so the public videos are listed with their tab's kind and exact date, and the
 * playlist adds only what the tabs never show. Other people's playlists show their tabs' videos.
 */
export function sections(account: AccountInfo): ListingSection[] {
  const tabs: ListingSection[] = TABS.map(({ tab, label }) => ({ name: tab, label, scope: CHANNEL, strategies: [tabStrategy(tab)] }));
  if (!account.isViewer) return tabs;
  return [...tabs, { name: 'uploads', label: 'All uploads (private and unlisted included)', scope: CHANNEL, strategies: [uploadsStrategy] }];
}
