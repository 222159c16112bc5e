import { pathSegments, urlOnHosts } from '../shared/urlPaths';
import { PAGE_HOSTS } from './constants';

/** First path segments that are Facebook's own pages, never a profile's vanity name. */
const RESERVED = new Set([
  'about', 'ads', 'bookmarks', 'business', 'checkpoint', 'dialog', 'events', 'feeds', 'friends', 'fundraisers',
  'gaming', 'groups', 'hashtag', 'help', 'home.php', 'l.php', 'latest', 'live', 'login', 'login.php', 'logout.php',
  'marketplace', 'me', 'media', 'memories', 'messages', 'notifications', 'onthisday', 'pages', 'photo', 'photo.php',
  'plugins', 'policies', 'privacy', 'recover', 'reel', 'reels', 'saved', 'search', 'settings', 'sharer', 'sharer.php',
  'stories', 'terms', 'video.php', 'watch',
]);

const VANITY = /^[A-Za-z0-9][A-Za-z0-9.-]{0,79}$/;
const NUMERIC_ID = /^\d{5,20}$/;
/** Pages that name the profile they belong to in their `id` parameter. */
const OWNER_PARAM_PAGES = new Set(['profile.php', 'permalink.php', 'story.php']);

/**
 * The profile or page a Facebook URL shows: its vanity name (`/star.demo`, `/star.demo/photos`)
 * or numeric id (`/profile.php?id=N`, `/people/Name/N`, `/pages/Name/N`, a post's
 * `permalink.php?…&id=N`). Feed, watch, photo and other pages of no particular profile give nothing,
 * and the export falls back to the user's own profile.
 */
export function accountFromUrl(url: string): string | undefined {
  const page = urlOnHosts(url, PAGE_HOSTS);
  if (!page) return undefined;
  const [first, second, third] = pathSegments(page);
  if (!first) return undefined;
  const lower = first.toLowerCase();
  if (OWNER_PARAM_PAGES.has(lower)) {
    const id = page.searchParams.get('id') ?? '';
    return NUMERIC_ID.test(id) ? id : undefined;
  }
  if (lower === 'people' || lower === 'pages') return third && NUMERIC_ID.test(third) ? third : undefined;
  if (lower === 'pg') return second && VANITY.test(second) ? second.toLowerCase() : undefined;
  if (RESERVED.has(lower) || !VANITY.test(first)) return undefined;
  return lower;
}
