/**
 * The public face of the fake platforms: what tests, the demo and the benchmarks use.
 * The fake follows ../shared/PLATFORMS.md, never the extension's code.
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
}

/** A fault injected into matching requests. */
export interface FaultRule {
  /** Which requests: 'api' | 'media' | a substring of host+path. */
  match: 'api' | 'media' | { pathIncludes: string };
  /** How many matching requests get the fault (default 1); Infinity for all. */
  times?: number;
  /** Skip this many matching requests before the fault applies. */
  after?: number;
  fault:
    | { type: 'status'; status: number; retryAfterSeconds?: number; body?: string; contentType?: string }
    | { type: 'reset' } // destroy the socket mid-body
    | { type: 'truncate' } // correct Content-Length, body cut short
    | { type: 'delay'; ms: number } // before headers
    | { type: 'html-login' } // an HTML login page with status 200 where media/JSON was expected
    | { type: 'redirect-login' } // 302 to the login page
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
}

export interface FakePlatformsOptions {
  /** HTTPS port on 127.0.0.1; 0 picks a free one. */
  port?: number;
  /** Plain HTTP proxy port (CONNECT → the fake) for real clients such as gallery-dl; 0 picks one. */
  proxyPort?: number;
  /** Accounts beyond the built-in demo account 'star.demo' (the logged-in user); a spec named 'star.demo' replaces it. */
  instagramAccounts?: FakeInstagramAccountSpec[];
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
  /** Value for Chromium's --host-resolver-rules mapping every platform host to this server. */
  hostResolverRules: string;
  /** Cookies of a logged-in session of the given account (default the demo user). */
  instagramCookies(username?: string): FakeCookie[];
  /** Every media file the given account serves (feed, carousel children, reels, stories, highlights). */
  instagramMedia(username?: string): ServedMedia[];
  /** Which media a CDN URL shows (signature not checked), and whether it is the best copy; undefined if unknown. */
  resolveMediaUrl(url: string): { mediaId: string; best: boolean } | undefined;
  /** Number of feed posts etc. so tests can compare counts. */
  instagramPostIds(username?: string): string[];
  readonly log: readonly RequestLogEntry[];
  /** The most media requests the fake ever had in flight at once. */
  readonly maxMediaInFlight: number;
  addFault(rule: FaultRule): void;
  clearFaults(): void;
  resetLog(): void;
  close(): Promise<void>;
}
