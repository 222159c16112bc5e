import type { MediaFormat } from '../platformDescriptor';

/**
 * Facebook's hosts, limits and the export's own switches. The web client's rotating query ids and
 * response paths live in queries.ts.
 */

export const ORIGIN = 'https://www.facebook.com';
export const PAGE_HOSTS = ['www.facebook.com', 'facebook.com', 'web.facebook.com', 'm.facebook.com'] as const;
/** Where Facebook's media live; a media URL anywhere else is not fetched. */
export const MEDIA_HOSTS = ['*.fbcdn.net'] as const;
export const GRAPHQL_URL = `${ORIGIN}/api/graphql/`;
/** The page whose JSON script blocks hold the session's tokens, as the web client reads them. */
export const HOME_URL = `${ORIGIN}/`;

/** What the web client sends as X-ASBD-ID (2025–2026). */
export const ASBD_ID = '359341';
/** `__comet_req` of the Comet web client. */
export const COMET_REQ = '15';

export const MAX_MEDIA_BYTES = 1024 * 1024 * 1024;
/**
 * Photos come as JPEG (PNG when uploaded so), GIF uploads as GIF, videos as MP4 (MOV for some
 * old uploads). No WebP: `viewer_image` and the media viewer's `image` are the JPEG/PNG original.
 */
export const MEDIA_FORMATS: readonly MediaFormat[] = ['jpg', 'png', 'gif', 'mp4', 'mov'];

/**
 * Export switches. The export request has no per-platform options yet, so these are constants;
 * once it has, they become request options and the cursor keeps working (it names its section).
 */
export interface ListingOptions {
  /** Also list the "Photos of you" (tagged) collection after the uploads. */
  includeTagged: boolean;
  /** Fast mode: photos straight from the collection pages, without dates or captions (no detail request). */
  fast: boolean;
}

export const DEFAULT_LISTING_OPTIONS: ListingOptions = { includeTagged: false, fast: false };
