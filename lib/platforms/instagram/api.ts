import type { ApiResponse, PlatformContext } from '../types';
import { formBody } from '../shared/formBody';
import type { JsonObject } from '../shared/jsonReaders';
import { API_BASE } from './constants';
import { apiHeaders, rememberClaim } from './headers';
import { isHomeOrHiddenRedirect, readJson, type ReadOptions } from './responses';
import { redirectVerdict } from './session';

type QueryParams = Record<string, string | readonly string[] | undefined>;

/** An absolute URL under /api/v1 (or `base`), with repeatable query parameters. */
export function apiUrl(path: string, params: QueryParams = {}, base = API_BASE): string {
  const url = new URL(base + path);
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    for (const one of typeof value === 'string' ? [value] : value) url.searchParams.append(name, one);
  }
  return url.toString();
}

/** A GET with the web app's headers; the raw answer, for callers that look at redirects first. */
async function sendGet(ctx: PlatformContext, url: string): Promise<ApiResponse> {
  const response = await ctx.request({ url, method: 'GET', headers: await apiHeaders(ctx) });
  rememberClaim(ctx, response);
  return response;
}

/** A form POST with the web app's headers; `extraHeaders` adds what one kind of call needs (GraphQL's). */
export async function sendForm(
  ctx: PlatformContext,
  url: string,
  form: Record<string, string | undefined>,
  extraHeaders: Record<string, string> = {},
): Promise<ApiResponse> {
  const headers = { ...(await apiHeaders(ctx)), 'Content-Type': 'application/x-www-form-urlencoded', ...extraHeaders };
  const response = await ctx.request({ url, method: 'POST', headers, body: formBody(form) });
  rememberClaim(ctx, response);
  return response;
}

/** `endpoint` names the call in error messages ("posts feed", "reels"…). */
export async function getJson(ctx: PlatformContext, url: string, endpoint: string, options?: ReadOptions): Promise<JsonObject> {
  return readChecked(ctx, await sendGet(ctx, url), endpoint, options);
}

export async function postFormJson(
  ctx: PlatformContext,
  url: string,
  form: Record<string, string | undefined>,
  endpoint: string,
): Promise<JsonObject> {
  return readChecked(ctx, await sendForm(ctx, url, form), endpoint);
}

/** readJson, with a redirect to the home page judged by the session's evidence rather than taken for a logout. */
async function readChecked(ctx: PlatformContext, response: ApiResponse, endpoint: string, options?: ReadOptions): Promise<JsonObject> {
  if (isHomeOrHiddenRedirect(response)) throw await redirectVerdict(ctx, endpoint);
  return readJson(response, endpoint, options);
}
