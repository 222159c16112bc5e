import type { MediaFormat } from '../types';

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
export const ASBD_ID = '129477';
/** What X-IG-WWW-Claim says until the server hands out a claim with `x-ig-set-www-claim`. */
export const INITIAL_WWW_CLAIM = '0';

export const FEED_PAGE_SIZE = 30;
export const CLIPS_PAGE_SIZE = 50;
/** reels_media answers at most this many reels per call. */
export const REELS_PER_CALL = 5;

/** GraphQL fallback for the posts feed (PolarisProfilePostsQuery); the web app rotates the doc_id. */
export const PROFILE_POSTS_DOC_ID = '34579740524958711';
export const PROFILE_POSTS_QUERY_NAME = 'PolarisProfilePostsQuery';
export const PROFILE_POSTS_CONNECTION = 'xdt_api__v1__feed__user_timeline_graphql_connection';
export const GRAPHQL_PAGE_SIZE = 12;

export const MAX_MEDIA_BYTES = 1024 * 1024 * 1024;
/** Instagram serves JPEG and WebP images (PNG rarely) and MP4 videos; MOV is what some uploads keep. */
export const MEDIA_FORMATS: readonly MediaFormat[] = ['jpg', 'png', 'webp', 'mp4', 'mov'];

