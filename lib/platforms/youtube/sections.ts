import type { ListingSection } from '../types';
import { TABS } from './constants';
import { tabStrategy } from './pages';

/** A video is in one tab only, but every source of a channel lists the same videos: one scope. */
const CHANNEL = 'channel';

/** What a YouTube export lists, in order: the channel's tabs. */
export function sections(): ListingSection[] {
  return TABS.map(({ tab, label }) => ({ name: tab, label, scope: CHANNEL, strategies: [tabStrategy(tab)] }));
}
