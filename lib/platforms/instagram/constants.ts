import type { MediaFormat } from '../platformDescriptor';

/**
 * Everything Instagram rotates or may change lives here, so a platform change is a one-file fix.
 * Values are those the Instagram web app sends (and gallery-dl/instaloader copy) as of 2026.
 */

export const ORIGIN = 'https://www.instagram.com';
export const API_BASE = `${ORIGIN}/api/v1`;
export const PAGE_HOSTS = ['www.instagram.com', 'instagram.com', 'm.instagram.com'] as const;
/** Where Instagram's media live; a media URL anywhere else is not fetched. */
export const MEDIA_HOSTS = ['*.cdninstagram.com', '*.fbcdn.net'] as const;

export const IG_APP_ID = '936619743392459';
/** What the web app sends since 2026 (yt-dlp, browser captures); 129477 is an older build's. */
export const ASBD_ID = '359341';
/** What X-IG-WWW-Claim says until the server hands out a claim with `x-ig-set-www-claim`. */
export const INITIAL_WWW_CLAIM = '0';

export const FEED_PAGE_SIZE = 30;
export const CLIPS_PAGE_SIZE = 50;
/** reels_media answers at most this many reels per call. */
export const REELS_PER_CALL = 5;

/**
 * The web app's GraphQL doc_ids, only the last resort: the current ones are read from the page's
 * bundles at run time (docIdRegistry.ts), since Instagram rotates them every few weeks. These are
 * the newest public values found, with where they were seen.
 */
export const FALLBACK_DOC_IDS = {
  /** docs/platforms.md, "Instagram: doc_ids": Aug–Sep 2026 (after 34579740524958711 in Feb, 27378030181834840 in June). */
  PolarisProfilePostsQuery: '28570182382647478',
  /** A public 2026 web client's query table (root xdt_api__v1__clips__user__connection_v2). */
  PolarisProfileReelsTabContentQuery: '29628758406714645',
  /** A public 2026 story client (STORY_DOC_ID with this friendly name). */
  PolarisStoriesV3ReelPageStandaloneQuery: '29184890191114309',
  /** The same 2026 web client's table; the web app posts it to /api/graphql. */
  PolarisProfileStoryHighlightsTrayContentQuery: '26970053832668570',
  /** instaloader PR #2706 (June 2026), after xdt_shortcode_media's 8845758582119845 was retired. */
  PolarisPostRootQuery: '27128499623469141',
} as const;
export type QueryName = keyof typeof FALLBACK_DOC_IDS;

export const GRAPHQL_PAGE_SIZE = 12;
/** The web app's form flag for its Comet build; a wrong set of relay flags answers "execution error". */
export const COMET_REQ = '7';
/** Bundles read per scan for doc_ids; the page links many, and each read is a paced request. */
export const MAX_BUNDLES_PER_SCAN = 40;

export const MAX_MEDIA_BYTES = 1024 * 1024 * 1024;
/** Instagram serves JPEG and WebP images (PNG rarely) and MP4 videos; MOV is what some uploads keep. */
export const MEDIA_FORMATS: readonly MediaFormat[] = ['jpg', 'png', 'webp', 'mp4', 'mov'];

