import type { PlatformContext } from '../types';
import type { JsonObject } from '../shared/jsonReaders';
import { CLIENT_NAME, CLIENT_NAME_ID, INNERTUBE_BASE, LANGUAGE, ORIGIN, REGION } from './constants';
import { pageConfig, type PageConfig } from './pageConfig';
import { readInnertube } from './responses';
import { APISID_COOKIE_NAMES, authorizationHeader, type ApisidCookies } from './sapisidHash';

export interface InnertubeCall {
  /** `browse`, `navigation/resolve_url`, `player`… */
  endpoint: string;
  payload: JsonObject;
  /** A field mask (`$fields`) that trims the answer to what is read. */
  fields?: string;
  /** Names the call in error messages. */
  label: string;
}

/** One InnerTube call as the web client makes it: its context, headers and SAPISIDHASH tokens. */
export async function callInnertube(ctx: PlatformContext, call: InnertubeCall): Promise<JsonObject> {
  const config = await pageConfig(ctx);
  const url = new URL(`${INNERTUBE_BASE}/${call.endpoint}`);
  url.searchParams.set('prettyPrint', 'false');
  if (call.fields) url.searchParams.set('$fields', call.fields);
  const body = JSON.stringify({ context: clientContext(config), ...call.payload });
  const response = await ctx.request({ url: url.toString(), method: 'POST', headers: await headers(ctx, config), body });
  return readInnertube(response, call.label);
}

function clientContext(config: PageConfig): JsonObject {
  return {
    client: {
      clientName: CLIENT_NAME,
      clientVersion: config.clientVersion,
      hl: LANGUAGE,
      gl: REGION,
      ...(config.visitorData ? { visitorData: config.visitorData } : {}),
    },
  };
}

/** Origin and Referer come from the extension's declarativeNetRequest rule; X-Origin is ours to send. */
async function headers(ctx: PlatformContext, config: PageConfig): Promise<Record<string, string>> {
  const cookies: ApisidCookies = {};
  for (const name of APISID_COOKIE_NAMES) cookies[name] = await ctx.getCookie(name);
  const authorization = await authorizationHeader(cookies, Math.floor(Date.now() / 1000), config.userSessionId);
  return {
    'Content-Type': 'application/json',
    'X-Youtube-Client-Name': CLIENT_NAME_ID,
    'X-Youtube-Client-Version': config.clientVersion,
    'X-Goog-AuthUser': config.sessionIndex,
    'X-Origin': ORIGIN,
    ...(config.visitorData ? { 'X-Goog-Visitor-Id': config.visitorData } : {}),
    ...(config.delegatedSessionId ? { 'X-Goog-PageId': config.delegatedSessionId } : {}),
    ...(authorization ? { Authorization: authorization } : {}),
  };
}
