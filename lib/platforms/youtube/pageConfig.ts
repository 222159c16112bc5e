import { ExportError } from '../../errors';
import type { ApiResponse, PlatformContext } from '../types';
import { isRedirect, parseJsonObject } from '../shared/apiResponses';
import { asNumber, asObject, asString, dig, type JsonObject } from '../shared/jsonReaders';
import { FALLBACK_CLIENT_VERSION, ORIGIN } from './constants';
import { loginRequired, platformChanged, rateLimited } from './responses';

/** What the web client reads from its page config before its first InnerTube call. */
export interface PageConfig {
  clientVersion: string;
  visitorData?: string;
  loggedIn: boolean;
  sessionIndex: string;
  /** U of the `_u` SAPISIDHASH form; absent in configs that predate it. */
  userSessionId?: string;
  /**
   * Set when the session is switched to a brand account: every InnerTube call must send it as
   * X-Goog-PageId to act as that channel (yt-dlp `_generate_cookie_auth_headers`, YouTube.js
   * `onBehalfOfUser`); without it YouTube answers as the person's own identity.
   */
  delegatedSessionId?: string;
}

/** One page load per context (one per job run), as a tab would do once before its first call. */
const configs = new WeakMap<PlatformContext, Promise<PageConfig>>();

export function pageConfig(ctx: PlatformContext): Promise<PageConfig> {
  let config = configs.get(ctx);
  if (!config) {
    config = loadPageConfig(ctx);
    configs.set(ctx, config);
    // A failed load (rate limit, network) is asked again by the next call, not remembered.
    config.catch(() => configs.delete(ctx));
  }
  return config;
}

async function loadPageConfig(ctx: PlatformContext): Promise<PageConfig> {
  const response = await ctx.request({ url: `${ORIGIN}/`, method: 'GET', headers: { Accept: 'text/html' } });
  const config = parsePageConfig(pageHtml(response));
  if (!config.loggedIn) throw loginRequired('You are not logged in to YouTube in this browser. Log in to YouTube in this browser, then try again.');
  return config;
}

function pageHtml(response: ApiResponse): string {
  if (isRedirect(response)) {
    throw loginRequired('YouTube sent this browser to its consent or sign-in page. Log in to YouTube in this browser, then try again.');
  }
  if (response.status === 429) throw rateLimited(response);
  if (response.status !== 200) {
    throw new ExportError('http_error', `YouTube’s home page answered HTTP ${response.status}.`, { status: response.status });
  }
  return response.text;
}

/** Every `ytcfg.set({...})` of a page, merged in page order (later calls add to earlier ones). */
export function parsePageConfig(html: string): PageConfig {
  const merged: JsonObject = {};
  for (let at = html.indexOf('ytcfg.set('); at !== -1; at = html.indexOf('ytcfg.set(', at + 1)) {
    const start = html.indexOf('{', at);
    const object = start === -1 || /\S/.test(html.slice(at + 10, start)) ? undefined : jsonObjectAt(html, start);
    if (object) Object.assign(merged, object);
  }
  if (Object.keys(merged).length === 0) throw platformChanged('its page config (ytcfg)');
  const client = asObject(dig(merged, 'INNERTUBE_CONTEXT', 'client'));
  return {
    clientVersion: asString(merged.INNERTUBE_CLIENT_VERSION) ?? asString(client?.clientVersion) ?? FALLBACK_CLIENT_VERSION,
    visitorData: asString(merged.VISITOR_DATA) ?? asString(client?.visitorData),
    loggedIn: merged.LOGGED_IN === true,
    sessionIndex: String(asNumber(merged.SESSION_INDEX, 'digits') ?? 0),
    ...sessionIds(merged),
  };
}

/**
 * The user and delegated (brand account) session ids: ytcfg's own USER_SESSION_ID and
 * DELEGATED_SESSION_ID first, else DATASYNC_ID, which is "<user>||" for a person's own identity
 * and "<delegated>||<user>" for a brand account the user switched to.
 */
function sessionIds(config: JsonObject): Pick<PageConfig, 'userSessionId' | 'delegatedSessionId'> {
  const [first, second] = (asString(config.DATASYNC_ID) ?? '').split('||');
  const fromDatasync = asString(second) ? { user: second, delegated: asString(first) } : { user: asString(first), delegated: undefined };
  return {
    userSessionId: asString(config.USER_SESSION_ID) ?? fromDatasync.user,
    delegatedSessionId: asString(config.DELEGATED_SESSION_ID) ?? fromDatasync.delegated,
  };
}

/**
 * The JSON object starting at `start`, found by matching braces outside strings: a page holds
 * `})` inside strings often enough that a regular expression cuts objects short.
 */
function jsonObjectAt(text: string, start: number): JsonObject | undefined {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) {
      return parseJsonObject(text.slice(start, i + 1));
    }
  }
  return undefined;
}
