import { parseUrl } from '../shared/urlPaths';
import { jazoest } from '../shared/jazoest';

/**
 * What the web app's own page tells about the session, read from its HTML. The web app posts its
 * GraphQL with these tokens; they are bound to the session and never stored.
 */
export interface PageTokens {
  fbDtsg: string;
  lsd: string;
  /** "2" followed by the sum of fb_dtsg's character codes, as the web app computes it. */
  jazoest: string;
}

/** The page layouts seen for each token; the first that matches wins. */
const DTSG_PATTERNS = [/"DTSGInitialData",\[\],\{[^}]*?"token":"([^"]+)"/, /"dtsg":\{"token":"([^"]+)"/];
const LSD_PATTERNS = [/"LSD",\[\],\{[^}]*?"token":"([^"]+)"/, /"lsd":\{"name":"lsd","value":"([^"]+)"/];
/** The logged-in viewer as the page states it; "0" or nothing means nobody is logged in. */
const VIEWER_PATTERNS = [/"actorID":"(\d+)"/, /"viewerId":"(\d+)"/, /"USER_ID":"(\d+)"/, /"viewer_id":"(\d+)"/];
const PROFILE_ID = /"profile_id":"(\d+)"/;
const DTSG_DECLARED = /"DTSGInitialData",\[\],\{/;
const EQMC = /<script\b[^>]*\bid="__eqmc"[^>]*>([\s\S]*?)<\/script>/i;
/** What a logged-out page says of itself: nobody as the viewer, or an empty fb_dtsg. */
const LOGGED_OUT_PATTERNS = [/"actorID":"0"/, /"USER_ID":"0"/, /"DTSGInitialData",\[\],\{[^}]*?"token":""/];
/** Only the web app's own static host is ever fetched for bundles. */
const BUNDLE_HOST = /^static\.cdninstagram\.com$/i;
const SCRIPT_TAGS = /<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)"[^>]*>/gi;

export function pageTokensOf(html: string): PageTokens | undefined {
  const eqmc = eqmcTokensOf(html);
  // An fb_dtsg the page declares empty is a logged-out page's: no other block stands in for it.
  const fbDtsg = firstMatch(html, DTSG_PATTERNS) ?? (DTSG_DECLARED.test(html) ? undefined : eqmc.fbDtsg);
  const lsd = firstMatch(html, LSD_PATTERNS) ?? eqmc.lsd;
  if (!fbDtsg || !lsd) return undefined;
  return { fbDtsg, lsd, jazoest: jazoest(fbDtsg) };
}

/** The tokens of the page's module definitions alone (DTSGInitialData, LSD). */
function moduleTokensOf(html: string): PageTokens | undefined {
  const fbDtsg = firstMatch(html, DTSG_PATTERNS);
  const lsd = firstMatch(html, LSD_PATTERNS);
  return fbDtsg && lsd ? { fbDtsg, lsd, jazoest: jazoest(fbDtsg) } : undefined;
}

/**
 * The page's `<script id="__eqmc">` JSON, which repeats the tokens for the web app's own
 * telemetry: `f` is fb_dtsg, `l` is lsd. yt-dlp reads Instagram's lsd there first (its
 * `_real_initialize`, 2026), Facebook tools read fb_dtsg from `f`; here it only stands in for a
 * module the page lacks.
 */
function eqmcTokensOf(html: string): { fbDtsg?: string; lsd?: string } {
  const body = EQMC.exec(html)?.[1];
  if (!body) return {};
  try {
    const eqmc: unknown = JSON.parse(body);
    if (typeof eqmc !== 'object' || eqmc === null) return {};
    const { f, l } = eqmc as Record<string, unknown>;
    return { fbDtsg: typeof f === 'string' && f ? f : undefined, lsd: typeof l === 'string' && l ? l : undefined };
  } catch {
    return {};
  }
}


/** The logged-in user's id as the page states it (the GraphQL `av`), which need not be the profile's. */
export function viewerIdOf(html: string): string | undefined {
  const id = firstMatch(html, VIEWER_PATTERNS);
  return id && id !== '0' ? id : undefined;
}

/**
 * True when the page says nobody is logged in. A page that says neither (an older or stripped-down
 * layout) is no evidence either way.
 */
export function showsLoggedOut(html: string): boolean {
  return viewerIdOf(html) === undefined && moduleTokensOf(html) === undefined && LOGGED_OUT_PATTERNS.some((pattern) => pattern.test(html));
}

/** The id of the profile a profile page shows (gallery-dl's "web" user lookup). */
export function profileIdOf(html: string): string | undefined {
  return PROFILE_ID.exec(html)?.[1];
}

/** The JS bundles a page links (script tags and preloads), in page order, each once. */
export function bundleUrlsOf(html: string): string[] {
  const urls = new Set<string>();
  for (const match of html.matchAll(SCRIPT_TAGS)) {
    const url = parseUrl(decodeEntities(match[1] ?? ''));
    if (url?.protocol === 'https:' && BUNDLE_HOST.test(url.hostname) && url.pathname.endsWith('.js')) urls.add(url.toString());
  }
  return [...urls];
}

function firstMatch(text: string, patterns: readonly RegExp[]): string | undefined {
  for (const pattern of patterns) {
    const value = pattern.exec(text)?.[1];
    if (value) return value;
  }
  return undefined;
}

function decodeEntities(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&#x2F;|&#47;/gi, '/');
}
