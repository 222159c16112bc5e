import type { ApiResponse, PlatformContext } from '../types';
import { formBody } from '../shared/formBody';
import type { JsonObject } from '../shared/jsonReaders';
import { API_BASE } from './constants';
import { apiHeaders, rememberClaim } from './headers';
import { readJson } from './responses';

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
export async function sendGet(ctx: PlatformContext, url: string): Promise<ApiResponse> {
  const response = await ctx.request({ url, method: 'GET', headers: await apiHeaders(ctx) });
  rememberClaim(ctx, response);
  return response;
}

export async function sendForm(ctx: PlatformContext, url: string, form: Record<string, string | undefined>): Promise<ApiResponse> {
  const headers = { ...(await apiHeaders(ctx)), 'Content-Type': 'application/x-www-form-urlencoded' };
  const response = await ctx.request({ url, method: 'POST', headers, body: formBody(form) });
  rememberClaim(ctx, response);
  return response;
}

/** `endpoint` names the call in error messages ("posts feed", "reels"…). */
export async function getJson(ctx: PlatformContext, url: string, endpoint: string): Promise<JsonObject> {
  return readJson(await sendGet(ctx, url), endpoint);
}

export async function postFormJson(
  ctx: PlatformContext,
  url: string,
  form: Record<string, string | undefined>,
  endpoint: string,
): Promise<JsonObject> {
  return readJson(await sendForm(ctx, url, form), endpoint);
}
