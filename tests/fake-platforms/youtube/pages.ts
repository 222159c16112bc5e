import type { RequestContext } from '../server/reply';
import type { YtChannel, YtUser } from './model';
import type { Viewer } from './sessions';
import { datasyncId, visitorData } from './youtube-call';

/** The web client's version as the fake's pages announce it; the extension must read it from here. */
const CLIENT_VERSION = '2.20261120.01.00';
const API_KEY = 'AIzaSyFAKE-star-export-demo-key-000000';

/** A JSON value safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * The page config the web client reads before its first InnerTube call (docs/platforms.md, "YouTube: session and headers"). A session
 * switched to a brand account names it by DELEGATED_SESSION_ID, and DATASYNC_ID carries both ids.
 */
function ytcfg(user: YtUser | undefined, brand: YtChannel | undefined): Record<string, unknown> {
  const viewer: Viewer = user ? { kind: 'user', user } : { kind: 'anonymous' };
  const visitor = visitorData(viewer);
  return {
    INNERTUBE_API_KEY: API_KEY,
    INNERTUBE_API_VERSION: 'v1',
    INNERTUBE_CLIENT_NAME: 'WEB',
    INNERTUBE_CLIENT_VERSION: CLIENT_VERSION,
    INNERTUBE_CONTEXT: {
      client: { hl: 'en', gl: 'US', visitorData: visitor, clientName: 'WEB', clientVersion: CLIENT_VERSION, platform: 'DESKTOP' },
      user: { lockedSafetyMode: false },
      request: { useSsl: true },
    },
    INNERTUBE_CONTEXT_CLIENT_NAME: 1,
    INNERTUBE_CONTEXT_CLIENT_VERSION: CLIENT_VERSION,
    INNERTUBE_CONTEXT_GL: 'US',
    INNERTUBE_CONTEXT_HL: 'en',
    LOGGED_IN: Boolean(user),
    VISITOR_DATA: visitor,
    ...(user ? { SESSION_INDEX: '0', DATASYNC_ID: datasyncId(user.userSessionId, brand) } : {}),
    ...(user && brand?.brandPageId ? { DELEGATED_SESSION_ID: brand.brandPageId } : {}),
  };
}

/**
 * A page as the web client serves it: a string-keyed ytcfg.set first (which must not be mistaken
 * for the config object), the config, then ytInitialData (what yt-dlp 2023 reads a tab's first page from).
 */
export function youtubePage(title: string, user: YtUser | undefined, initialData: unknown, brand?: YtChannel): string {
  return [
    '<!DOCTYPE html><html lang="en" dir="ltr"><head><meta charset="utf-8">',
    `<title>${title.replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'))} - YouTube</title>`,
    `<script nonce="x">ytcfg.set('EMERGENCY_BASE_URL', '/error_204?t=html&level=ERROR');</script>`,
    `<script nonce="x">(function() {window.ytplayer={};\nytcfg.set(${scriptJson(ytcfg(user, brand))}); window.ytcfg.obfuscatedData_ = [];})();</script>`,
    '</head><body><div id="content"></div>',
    `<script nonce="x">var ytInitialData = ${scriptJson(initialData)};</script>`,
    '</body></html>',
  ].join('\n');
}

export function homeInitialData(): Record<string, unknown> {
  return {
    contents: {
      twoColumnBrowseResultsRenderer: {
        tabs: [{ tabRenderer: { selected: true, tabIdentifier: 'FEwhat_to_watch', content: { richGridRenderer: { contents: [] } } } }],
      },
    },
  };
}

/** Where YouTube sends a visitor without consent or session: consent.youtube.com. */
export function consentRedirect(ctx: RequestContext): string {
  const back = `https://www.youtube.com${ctx.url.pathname}${ctx.url.search}`;
  return `https://consent.youtube.com/m?continue=${encodeURIComponent(back)}&gl=FR&m=0&pc=yt&cm=2&hl=en&src=1`;
}

export function consentPage(): string {
  return '<!DOCTYPE html><html><head><title>Before you continue to YouTube</title></head><body><form action="https://consent.youtube.com/save" method="POST"><button>Accept all</button></form></body></html>';
}

export function notFoundPage(): string {
  return '<!DOCTYPE html><html><head><title>404 Not Found</title></head><body>This page isn’t available.</body></html>';
}
