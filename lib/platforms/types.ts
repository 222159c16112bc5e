import type { ErrorKind } from '../errors';
import type { PlatformId } from './descriptors';
import type { MediaFormat, PlatformDescriptor } from './platformDescriptor';

export type { PlatformId } from './descriptors';
export type {
  CallBudget,
  MediaFormat,
  MediaRules,
  Pacing,
  PacingLimits,
  PacingProfile,
  PlatformDescriptor,
  PlatformSite,
} from './platformDescriptor';
export type MediaKind = 'image' | 'video';

/** One size of a file the platform offers (an image candidate, a video variant). */
export interface MediaVariant {
  /** Exactly as served: a signed URL is never edited. */
  url: string;
  width?: number;
  height?: number;
}

/** One file to download: an image or video of a post, as the platform serves it. */
export interface MediaItem {
  /** The media item's own platform id, unique within one export. */
  id: string;
  postId: string;
  kind: MediaKind;
  /** The URL exactly as served (signed CDN URLs must never be edited); empty when `unavailable`. */
  url: string;
  /**
   * The platform listed this file but gave no usable address for it. It is never fetched: the
   * media stage fails it with this message, so it shows in the export's failed list, with
   * `reason` (default 'unavailable'; 'not_returned' when the platform did not return the item
   * at all when asked for it).
   */
  unavailable?: { message: string; reason?: 'unavailable' | 'not_returned' };
  width?: number;
  height?: number;
  /** A video's length in seconds, when the platform says it. */
  durationSeconds?: number;
  /** ISO 8601 UTC publish time of the post the item belongs to. */
  publishedAt: string;
  caption: string | null;
  /** The format the URL suggests; the downloaded bytes decide. */
  formatHint?: MediaFormat;
  /** publishedAt was estimated (e.g. from "3 weeks ago"), not read from the platform. */
  dateApproximate?: true;
  /**
   * Every size the platform offered for this file, the chosen one (`url`) included, so the export's
   * quality can pick another; dropped once it has (never stored with the job).
   */
  variants?: MediaVariant[];
  /**
   * Smaller sizes to ask for, in order, when the server has no file at `url` (HTTP 404): sizes the
   * platform makes only for some uploads (YouTube's maxresdefault). Kept with the job, as only the
   * download tells which one exists; the item then names the size it got.
   */
  fallbacks?: MediaVariant[];
}

/** A post (or video, story, reel…) normalised across platforms. */
export interface Post {
  id: string;
  platform: PlatformId;
  /** Platform-specific kind, e.g. 'image' | 'video' | 'carousel' | 'reel' | 'story' | 'highlight'. */
  kind: string;
  publishedAt: string;
  caption: string | null;
  permalink?: string;
  /** Platform-specific facts worth keeping (likes, location, duration, pinned…): JSON-safe values only. */
  metadata: Record<string, unknown>;
  media: MediaItem[];
  /**
   * What makes two listings one post in a section's scope: the id unless given (a story item saved
   * in two highlights is listed once in each); null when the id is a stand-in (the platform sent
   * none), so the post is never taken for another.
   */
  listingId?: string | null;
}

export interface AccountInfo {
  id: string;
  handle: string;
  displayName?: string;
  isPrivate?: boolean;
  postCount?: number;
  profileUrl?: string;
  /** The account is the logged-in user's own (some sections list more for the owner). */
  isViewer?: boolean;
}

export interface ApiRequest {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Form or JSON body, already encoded. */
  body?: string;
  /**
   * A public file of the platform's web app (a JS bundle read for its doc_ids): a page load fetches
   * dozens of them at once, so it goes unpaced and outside the account's call budget.
   */
  staticAsset?: true;
}

export interface ApiResponse {
  status: number;
  /** True when the server answered with a redirect (fetched with redirect: 'manual'). */
  redirected: boolean;
  /** The redirect target when the runtime exposes it (Node does, a browser's opaque redirect does not). */
  location?: string;
  headers: Headers;
  text: string;
}

/** What an adapter may use: paced requests with the user's cookies, and cookie reads for headers. */
export interface PlatformContext {
  signal: AbortSignal;
  /** A paced (serial, jittered) request to the platform's API, with the browser's cookies. */
  request(req: ApiRequest): Promise<ApiResponse>;
  /** Reads one cookie of the platform's site; used only to compute headers, never stored. */
  getCookie(name: string): Promise<string | undefined>;
  /**
   * What this job learnt about the session that must outlive a worker restart (an endpoint retired
   * for this session, date lookups refused…): small strings, kept with the job, empty for a new job.
   */
  notes: JobNotes;
}

export interface JobNotes {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

/** One page of posts plus an opaque cursor to resume from; null when the section is complete. */
export interface PostPage {
  posts: Post[];
  nextCursor: string | null;
}

/** Posts the export already holds in a section's scope (see ListingSection.scope). */
export interface ListedPosts {
  has(postId: string): Promise<boolean>;
  /**
   * "Only new since last export": whether an earlier export of the account delivered this post
   * whole (by listing id) and, when `caption` is given, with that caption. The export leaves such a
   * post out, so a strategy may spare the calls it would make for it alone (a detail or date
   * lookup). Absent when the export is not "Only new".
   */
  deliveredBefore?(listingId: string, caption?: string | null): boolean;
}

/**
 * One way of reading a section: an endpoint, the web app's own GraphQL query… A strategy that
 * finds its way closed throws an ExportError of kind `endpoint_retired`, `platform_changed` or
 * `http_error`; the engine then reads the section through the next strategy. Any other error
 * (logged out, checkpoint, rate limit…) is the job's, not the section's.
 */
export interface ListingStrategy {
  /** Names the way in the export's report and the job's memory: 'rest', 'graphql', 'tabs'… */
  name: string;
  /** One page; `cursor` is null for the section's first page, else a value this strategy returned. */
  fetchPage(ctx: PlatformContext, account: AccountInfo, cursor: string | null, listed: ListedPosts): Promise<PostPage>;
  /** Where to carry on when the previous strategy stopped at `previous.cursor`; null starts the section over. */
  continueFrom?(previous: { strategy: string; cursor: string }): string | null;
}

/** Part of an account's content (posts, reels, stories…), read by the first strategy that works. */
export interface ListingSection {
  /** Stable name, kept in the job and the export: 'posts', 'reels', 'stories'… */
  name: string;
  /** What a person reads: 'Posts', 'Stories'… */
  label: string;
  strategies: readonly ListingStrategy[];
  /**
   * Sections of one scope may list a post twice (a reel is also a feed post): the engine keeps the
   * first listing. Defaults to the section's name.
   */
  scope?: string;
  /** How many posts the platform says the section holds; listing clearly fewer makes it partial. */
  expectedCount?: number;
  /**
   * The media types (ids of the adapter's `mediaTypes`) this section can hold: when the export
   * wants none of them, the section is not listed at all. Absent: every type.
   */
  mediaTypes?: readonly string[];
  /**
   * The section lists newest first, so listing may stop at the first post older than the export's
   * "From" date; `outOfOrder` names the posts that break the order (pinned posts come first).
   */
  newestFirst?: { outOfOrder?(post: Post): boolean };
}

/** A media type a user can choose for a platform ("Images", "Stories", "Shorts"…). */
export interface MediaTypeChoice {
  id: string;
  label: string;
}

/** A platform's descriptor plus the code that reads it. */
export interface PlatformAdapter extends PlatformDescriptor {
  id: PlatformId;
  /** The account handle a platform page URL shows, if any (profile, post page…). */
  accountFromUrl(url: string): string | undefined;
  /** The named account, or the logged-in user's own when `account` is omitted. */
  resolveAccount(ctx: PlatformContext, account?: string): Promise<AccountInfo>;
  /** What to list for this account, in order. */
  sections(account: AccountInfo): readonly ListingSection[];
  /** A fresh URL for a media item whose signed URL expired, or null when it is gone. */
  refreshMediaUrl(ctx: PlatformContext, item: MediaItem): Promise<string | null>;
  /** Whether resolveAccount says how many posts an account holds (the popup's cost estimate needs it). */
  countsPosts: boolean;
  /** About how many API calls listing an account of `postCount` posts takes (its pages, lookups and per-post calls). */
  apiCallsFor(postCount: number): number;
  /** The media types an export can be narrowed to, in the order the popup shows them. */
  mediaTypes: readonly MediaTypeChoice[];
  /** Which of `mediaTypes` a listed file is (a reel's video is a reel, a story's image a story). */
  mediaTypeOf(post: Post, item: MediaItem): string;
}

export interface FailedFile {
  mediaId: string;
  postId: string;
  /** Source URL without its query (signature); empty when the platform gave none (reason `unavailable`). */
  url: string;
  reason: ErrorKind;
  message: string;
}
