/**
 * The public face of the fake platforms: what tests, the demo and the benchmarks use.
 * The fake follows docs/platforms.md, never the extension's code.
 */

export interface FakeCookie {
  name: string;
  value: string;
  domain: string; // e.g. '.instagram.com'
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: 'None' | 'Lax' | 'Strict';
}

/** One media file the fake serves, so tests can check the ZIP against it. */
export interface ServedMedia {
  platform: 'instagram' | 'youtube' | 'facebook';
  account: string;
  postId: string;
  /** The media item's own platform id (carousel child pk, story pk, …). */
  mediaId: string;
  kind: 'image' | 'video';
  /** 'jpg' | 'png' | 'mp4' | 'mov' … as the bytes are. */
  format: string;
  /** Unix seconds of the post's publish time (current stories are dated from the fake's start, so they stay current). */
  takenAt: number;
  bytes: number;
  sha256: string;
  /** Listed without any URL of the file, so an export cannot keep it and must list it as failed. */
  withheld?: true;
}

export interface RequestLogEntry {
  at: number; // ms since the server started
  host: string;
  method: string;
  path: string; // path + query
  status: number;
  /** 'api' for platform API/page requests, 'media' for CDN downloads. */
  kind: 'api' | 'media';
  durationMs: number;
  /** 'http' for a cleartext request (caught on port 80 for any host); absent for HTTPS. */
  scheme?: 'http';
  /** The Origin header the request came with, if any. */
  origin?: string;
  /** An injected fault shaped the answer. */
  faulted?: true;
}

/** A fault injected into matching requests. */
export interface FaultRule {
  /**
   * Which requests: 'api' | 'media' | a substring of host+path | Instagram web GraphQL calls of one
   * query, named as the request names it (fb_api_req_friendly_name or X-FB-Friendly-Name), optionally
   * only those whose `variables` contain a substring (e.g. '"is_highlight":false' for stories only).
   */
  match: 'api' | 'media' | { pathIncludes: string } | { graphql: string; variablesInclude?: string };
  /** How many matching requests get the fault (default 1); Infinity for all. */
  times?: number;
  /** Skip this many matching requests before the fault applies. */
  after?: number;
  /**
   * Instead of a count: every matching request fails for this long from the first faulted one
   * (`times` is ignored) — a network that drops for a while.
   */
  forMs?: number;
  fault:
    | { type: 'status'; status: number; retryAfterSeconds?: number; body?: string; contentType?: string }
    | { type: 'reset' } // destroy the socket mid-body
    | { type: 'truncate' } // correct Content-Length, body cut short
    | { type: 'delay'; ms: number } // before headers
    | { type: 'html-login' } // an HTML login page with status 200 where media/JSON was expected
    | { type: 'redirect-login' } // 302 to the login page
    | { type: 'redirect'; location: string } // 302 elsewhere: a checkpoint, Google's "sorry" page…
    | { type: 'expire' } // treat the signed URL as expired (403)
    // a JPEG that keeps going past `bytes`, with or without announcing its length
    | { type: 'oversize'; bytes: number; declareLength: boolean };
}

export interface FakeInstagramAccountSpec {
  username: string;
  /** Number of feed posts (default for the demo: 60). */
  posts: number;
  isPrivate?: boolean;
  /** Whether the demo user follows this account (a private account is then visible to the demo session). */
  followedByViewer?: boolean;
  /** Bytes per image / video (defaults are small; benchmarks raise them). */
  imageBytes?: number;
  videoBytes?: number;
  /** Current stories and highlights; default 3 and 2 for 'star.demo', 0 for other accounts. */
  stories?: number;
  highlights?: number;
  /** Reels hidden from the profile grid, listed only by the Reels tab; default 1 for 'star.demo', 0 for other accounts. */
  reelsTabOnly?: number;
}

/**
 * How the fake Instagram answers logged-in sessions: 'legacy' as before August 2026 (REST v1 works),
 * or 'late2026' (REST listing endpoints retired, the web app's GraphQL with page tokens and doc_ids
 * published in JS bundles; see docs/platforms.md, "Instagram: doc_ids").
 */
export type InstagramEra = 'legacy' | 'late2026';

/** The five web GraphQL queries the fake Instagram answers in the 'late2026' era. */
export type InstagramQueryName =
  | 'PolarisProfilePostsQuery'
  | 'PolarisProfileReelsTabContentQuery'
  | 'PolarisStoriesV3ReelPageStandaloneQuery'
  | 'PolarisProfileStoryHighlightsTrayContentQuery'
  | 'PolarisPostRootQuery';

export interface FakeFacebookProfileSpec {
  /** The profile's vanity name ('star.demo' is the logged-in demo user). */
  vanity: string;
  name?: string;
  /** Photos the profile uploaded (default demo: 24, a PNG and a GIF among every 12). */
  uploads: number;
  /** Videos and reels (default demo: 8 and 6); the videos collection also lists the newest reel. */
  videos?: number;
  reels?: number;
  /** "Photos of you": the first is a self-tagged upload, the others friends' photos (default demo: 3). */
  tagged?: number;
  imageBytes?: number;
  videoBytes?: number;
  /** Only friends see its photos and videos; the other fake sessions are no friends (collections answer `node: null`). */
  friendsOnly?: boolean;
  /**
   * How many uploads the media viewer answers `currMedia: null` for although the collection lists
   * them (every 5th from the 3rd, so never five in a row); their files are `withheld` (default 0).
   */
  notReturned?: number;
}

/** What Facebook's GraphQL endpoint can be made to answer: error 1675004, the block page, error 1357001. */
export type FacebookFaultKind = 'rate-limit' | 'temporary-block' | 'logged-out';

/**
 * How `player` refuses once YouTube has had enough of a session (docs/platforms.md, "YouTube: errors"):
 * 'bot-wall' LOGIN_REQUIRED "Sign in to confirm you’re not a bot"; 'try-again-later' UNPLAYABLE
 * "This content isn't available, try again later." (the session is rate-limited for up to an hour);
 * 'captcha' UNPLAYABLE with `errorScreen.playerCaptchaViewModel` (yt-dlp _video.py).
 */
export type YouTubePlayerRefusal = 'bot-wall' | 'try-again-later' | 'captcha';

/** What InnerTube can be made to answer: 401 for a session that ended, or one of the player's refusals. */
export type YouTubeFaultKind = 'logged-out' | YouTubePlayerRefusal;

/** Who may see an upload: the tabs list public ones; the owner's uploads playlist lists all three. */
export type YouTubeVisibility = 'public' | 'unlisted' | 'private';

export interface FakeYouTubeChannelSpec {
  /** The channel's handle without '@' ('star.demo' is the logged-in demo user's channel); also names the session. */
  handle: string;
  /** Uploads in the Videos tab (default demo: 100, with the special cases of youtube/demo-data.ts). */
  videos: number;
  /** Shorts and finished live streams (default demo: 50 and 3; 0 for other channels). */
  shorts?: number;
  lives?: number;
  /** False: a Google account that never created a channel (its session still logs in). */
  hasChannel?: boolean;
  /** Terminated by YouTube: its handle still resolves, but browse answers only an ERROR alert. */
  terminated?: boolean;
  /** Bytes of a hqdefault thumbnail; the other sizes are scaled from it (default ~18 kB). */
  thumbnailBytes?: number;
  /**
   * Uploads only the channel itself sees (default 0): listed in its uploads playlist (`browse`
   * VLUU…) with a privacy badge when the acting identity is the channel, never on the channel tabs
   * and never in anyone else's view of the playlist.
   */
  unlistedVideos?: number;
  privateVideos?: number;
  /**
   * Makes this channel a brand account managed by the Google account of the spec with this handle
   * (which must be given too; `hasChannel: false` for a person without a channel of their own). That
   * session is switched to the brand: its ytcfg has DELEGATED_SESSION_ID and DATASYNC_ID
   * "<delegated>||<user>", and InnerTube acts as the brand only for calls sending
   * `X-Goog-PageId: <delegated>`; without it every call (account_menu included) acts as the person.
   * youtubeCookies() of either handle gives that one session.
   */
  brandAccountOf?: string;
}

export interface FakePlatformsOptions {
  /** HTTPS port on 127.0.0.1; 0 picks a free one. */
  port?: number;
  /** Plain HTTP proxy port (CONNECT → the fake) for real clients such as gallery-dl; 0 picks one. */
  proxyPort?: number;
  /** Accounts beyond the built-in demo account 'star.demo' (the logged-in user); a spec named 'star.demo' replaces it. */
  instagramAccounts?: FakeInstagramAccountSpec[];
  /**
   * Adds 'hostile.account': answers with hostile ids, captions, media hosts, dates and username,
   * as a broken or malicious response could (tests/fake-platforms/instagram/hostile-data.ts).
   */
  instagramHostileAccount?: boolean;
  /** Which Instagram the fake is (default 'legacy'). */
  instagramEra?: InstagramEra;
  /**
   * 'late2026': the GraphQL doc_ids rotate once, after this many GraphQL calls that reached the
   * doc_id check (default never), as during a long export; that last call still runs on the old ids.
   */
  instagramDocIdRotateAfter?: number;
  /** Facebook profiles beyond the built-in demo profile 'star.demo'; a spec named 'star.demo' replaces it. */
  facebookProfiles?: FakeFacebookProfileSpec[];
  /** YouTube channels beyond the built-in demo channel '@star.demo'; a spec named 'star.demo' replaces it. */
  youtubeChannels?: FakeYouTubeChannelSpec[];
  /** How channel tabs list videos: 'lockup' view models (default, today) or 'legacy' renderers (before May 2026, what yt-dlp 2023 reads). */
  youtubeShape?: 'lockup' | 'legacy';
  /** The continuation entry of 'lockup' grids: continuationItemRenderer (default) or continuationItemViewModel (since June 2026). */
  youtubeContinuationShape?: 'renderer' | 'viewModel';
  /** `player` answers before YouTube starts refusing it (default: practically never). */
  youtubePlayerBudget?: number;
  /** How `player` refuses once its budget is spent (default 'bot-wall'). */
  youtubePlayerRefusal?: YouTubePlayerRefusal;
  /**
   * Continuation entries wrap their continuationCommand in `commandExecutorCommand.commands[]`, after
   * another command, as YouTube has served playlists since 2025 (yt-dlp PR #12777); in tabs and the
   * uploads playlist, with either continuation shape.
   */
  youtubeWrappedContinuations?: boolean;
  /** A query string every channel tab link's URL carries (`'?app=desktop'`, FreeTube #9189); default none. */
  youtubeTabUrlQuery?: string;
  /**
   * Enforce the platforms' realistic call budgets (budgets/realistic.ts): Instagram's 429 "Please
   * wait" past ~200 calls of one query type in 11 minutes, Facebook's temporary block past a burst
   * of detail calls, YouTube's player refusals past its hourly limit. `timeScale` (default 1)
   * shrinks every window and block, so a test sees an hour's limits in a minute. Off by default,
   * so peers' clients (gallery-dl, yt-dlp) keep working against the fakes.
   */
  enforceBudgets?: { timeScale?: number };
  /** API requests allowed per minute before 429 with Retry-After (default generous). */
  apiBudgetPerMinute?: number;
  /** Latency added before each media response's headers, and a bandwidth cap per response, for benchmarks. */
  mediaLatencyMs?: number;
  mediaBytesPerSecond?: number;
  /** Signed CDN URLs expire this many seconds after they are issued (default 3 days). */
  signedUrlTtlSeconds?: number;
}

export interface FakePlatforms {
  port: number;
  proxyPort: number;
  /** base64 SHA-256 of the certificate's SPKI, for --ignore-certificate-errors-spki-list. */
  spkiHash: string;
  /**
   * Value for Chromium's --host-resolver-rules: every platform host to this server, and every other
   * host too (port 80 to a cleartext logger), so `log` holds each request the browser made, and
   * unknown hosts get 421.
   */
  hostResolverRules: string;
  /** Cookies of a logged-in session of the given account (default the demo user). */
  instagramCookies(username?: string): FakeCookie[];
  /** Every media file the given account serves (feed, carousel children, reels, stories, highlights). */
  instagramMedia(username?: string): ServedMedia[];
  /** Which media a CDN URL shows (signature not checked), and whether it is the best copy; undefined if unknown. */
  resolveMediaUrl(url: string): { mediaId: string; best: boolean } | undefined;
  /** Every post pk a complete export lists: the feed in feed order, then the reels only the Reels tab lists. */
  instagramPostIds(username?: string): string[];
  /** The account publishes `count` new posts, newer than all it has (as between two exports); returns their pks, newest first. */
  instagramPublishPosts(count: number, username?: string): string[];
  /** The doc_id each web GraphQL query has now ('late2026'; what the current bundles publish). */
  instagramDocIds(): Record<InstagramQueryName, string>;
  /** Publishes new doc_ids in new bundles linked from the pages; the old ids then answer 401 "Please wait…". */
  rotateInstagramDocIds(): void;
  /** Cookies of a logged-in Facebook session of the given profile (default the demo user). */
  facebookCookies(vanity?: string): FakeCookie[];
  /** The profile's numeric id (what `c_user` holds for its session). */
  facebookUserId(vanity?: string): string;
  /** Every file a default export keeps: uploads, videos, reels (tagged photos of others on request). */
  facebookMedia(vanity?: string, options?: { tagged?: boolean }): ServedMedia[];
  /** The photo and video ids a default export lists, in listing order. */
  facebookItemIds(vanity?: string, options?: { tagged?: boolean }): string[];
  /** Makes GraphQL calls answer with a Facebook failure: `after` calls pass, then `times` (default 1) fail. */
  facebookFault(kind: FacebookFaultKind, options?: { times?: number; after?: number }): void;
  /** Replaces every session's fb_dtsg, so calls with the old one get the stale-token error 1357004. */
  rotateFacebookTokens(): void;
  /**
   * Issues new doc_ids for every Facebook query, as a deploy does: the home page then links new
   * bundles (on static.xx.fbcdn.net) publishing them as `<Query>_facebookRelayOperation` modules,
   * and the old ids answer `{"errors":[{"message":"The GraphQL document with ID … was not found."}]}`.
   * Before the first rotation the ids are those of docs/platforms.md, "Facebook: doc_ids".
   */
  rotateFacebookDocIds(): void;
  /** The doc_id each Facebook query answers to now, by friendly name. */
  facebookDocIds(): Record<string, string>;
  /** Makes InnerTube calls (`player` calls for a refusal) fail that way: `after` calls pass, then `times` (default 1) fail. */
  youtubeFault(kind: YouTubeFaultKind, options?: { times?: number; after?: number }): void;
  /** Cookies of a logged-in YouTube session of the channel's owner (default the demo channel); a brand account's are its manager's. */
  youtubeCookies(handle?: string): FakeCookie[];
  /**
   * The high and medium thumbnail of every video an export of the channel should hold, where
   * i.ytimg.com has them (ids `<video>_high`, `<video>_medium`): its public uploads, plus the
   * private and unlisted ones with `asOwner` (the channel's own export), in youtubeVideoIds order.
   */
  youtubeMedia(handle?: string, options?: { asOwner?: boolean }): ServedMedia[];
  /**
   * The video ids an export of the channel should list: the public uploads of the Videos, then
   * Shorts, then Live tab, each newest first; with `asOwner` (the channel's own export) followed by
   * its private and unlisted uploads, newest first.
   */
  youtubeVideoIds(handle?: string, options?: { asOwner?: boolean }): string[];
  /** The channel's id (UC…); its uploads playlist is UU + the rest. */
  youtubeChannelId(handle?: string): string;
  /** Every upload of the channel with who may see it. */
  youtubeVisibility(handle?: string): Record<string, YouTubeVisibility>;
  readonly log: readonly RequestLogEntry[];
  /** The most media requests the fake ever had in flight at once. */
  readonly maxMediaInFlight: number;
  addFault(rule: FaultRule): void;
  clearFaults(): void;
  resetLog(): void;
  close(): Promise<void>;
}
