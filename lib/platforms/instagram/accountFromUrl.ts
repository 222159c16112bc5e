import { pathSegments, urlOnHosts } from '../shared/urlPaths';
import { PAGE_HOSTS } from './constants';

/** First path segments that are Instagram's own pages, never a username. */
const RESERVED = new Set([
  'about',
  'accounts',
  'api',
  'challenge',
  'auth_platform',
  'developer',
  'direct',
  'directory',
  'emails',
  'explore',
  'graphql',
  'legal',
  'lite',
  'oauth',
  'p',
  'privacy',
  'reel',
  'reels',
  'session',
  'static',
  'stories',
  'terms',
  'topics',
  'tv',
  'web',
  'your_activity',
]);

const USERNAME = /^[A-Za-z0-9._]{1,30}$/;

/**
 * The username a page shows: a profile (`/<name>/`, `/<name>/reels/`, `/<name>/tagged/`, also
 * `/<name>/p/<code>/`) or someone's stories (`/stories/<name>/…`). A bare post page (`/p/<code>/`)
 * does not say whose post it is, so it gives nothing and the export falls back to the user's own.
 */
export function accountFromUrl(url: string): string | undefined {
  const page = urlOnHosts(url, PAGE_HOSTS);
  if (!page) return undefined;
  const [first, second] = pathSegments(page);
  const name = first === 'stories' && second !== 'highlights' ? second : first;
  if (!name || (name === first && RESERVED.has(first.toLowerCase())) || !USERNAME.test(name)) return undefined;
  return name.toLowerCase();
}
