import { ExportError } from '../../errors';
import type { ApiResponse } from '../types';
import { isRedirect, slowDown } from '../shared/apiResponses';
import { parseUrl } from '../shared/urlPaths';
import { asNumber, asString, type JsonObject } from '../shared/jsonReaders';
import { ORIGIN } from './constants';
import { mergeParts, splitParts, type GraphqlPayload } from './framing';

export const LOGIN_MESSAGE = 'Log in to Facebook in this browser, then try again.';
const CHECKPOINT_MESSAGE =
  'Facebook wants you to confirm it’s you. Open facebook.com in this browser, complete its check (or log in again), then try again.';

/** Ajax error codes (`for (;;);{"__ar":1,"error":N}`) and GraphQL error codes we act on. */
const NOT_LOGGED_IN = 1357001;
const STALE_TOKEN = 1357004;
const RATE_LIMIT = 1675004;
const BLOCKED = 1390008;

/**
 * The page's fb_dtsg is no longer accepted. Never leaves the GraphQL client: it fetches the
 * tokens again and retries once, and a second refusal is a login problem.
 */
export class StaleTokenError extends Error {
  override readonly name = 'StaleTokenError';
}

/**
 * "The GraphQL document with ID … was not found.": the doc_id was rotated away. Never leaves the
 * GraphQL client: it reads the page's doc_ids again and retries once, and a second refusal means
 * Facebook changed.
 */
export class UnknownDocumentError extends Error {
  override readonly name = 'UnknownDocumentError';
}

export function loginRequired(message = LOGIN_MESSAGE): ExportError {
  return new ExportError('login_required', message);
}

export function platformChanged(query: string, said?: string): ExportError {
  const detail = said ? ` It said: “${said}”.` : '';
  return new ExportError('platform_changed', `Facebook changed (query ${query}): please update Star Export.${detail}`);
}

/** The media viewer answered `currMedia: null` for `count` listed items in a row: the query changed. */
export function stoppedAnswering(query: string, count: number): ExportError {
  return new ExportError('platform_changed', `Facebook changed (query ${query}): please update Star Export. It returned none of the last ${count} items it was asked for.`);
}

/** "Rate limit exceeded" (1675004) or 429: a normal slow-down, waited out with the user's rate-limit setting. */
export function rateLimited(response?: ApiResponse): ExportError {
  return slowDown('Facebook', response);
}

/** "You're Temporarily Blocked": the account itself is held back for a while (gallery-dl #5626: ~15 min). */
export function temporarilyBlocked(): ExportError {
  return new ExportError('rate_limited', 'Facebook has temporarily blocked your account from viewing more photos and videos (“You’re Temporarily Blocked”).', {
    temporaryBlock: true,
  });
}

const BLOCK_MARKERS = [/\{"__dr":"CometErrorRoot\.react"\}/, /You(?:’|'|&#039;|&#x27;)re Temporarily Blocked/i];
const LOGIN_MARKERS = [/id="login_form"/, /"USER_ID":"0"/, /action="\/login\//];

export function isBlockPage(html: string): boolean {
  return BLOCK_MARKERS.some((marker) => marker.test(html));
}

export function isLoginPage(html: string): boolean {
  return LOGIN_MARKERS.some((marker) => marker.test(html));
}

/** What an HTML page means where data was expected: a block, or (always otherwise) a lost session. */
export function htmlPageError(html: string): ExportError {
  if (isBlockPage(html)) return temporarilyBlocked();
  return loginRequired();
}

export function redirectError(location: string | undefined): ExportError {
  // An unreadable target is still a redirect away from the data: a session problem.
  const path = location === undefined ? '' : (parseUrl(location, ORIGIN)?.pathname ?? '');
  return path.startsWith('/checkpoint') ? loginRequired(CHECKPOINT_MESSAGE) : loginRequired();
}

/**
 * The merged payload of a GraphQL answer, or the ExportError it means. `query` names the
 * friendly name in messages. Errors beside data that are none of the known kinds are left to
 * the caller, which fails the request with them: a partial answer is never a success.
 */
export function readGraphql(response: ApiResponse, query: string): GraphqlPayload {
  if (isRedirect(response)) throw redirectError(response.location);
  if (response.status === 429) throw rateLimited(response);
  const parts = splitParts(response.text);
  if (!parts) {
    if (response.status >= 500) throw serverError(response, query);
    throw htmlPageError(response.text);
  }
  const payload = mergeParts(parts);
  if (payload.ajaxError) throw ajaxError(payload.ajaxError, response, query);
  for (const error of payload.errors) {
    const known = knownError(error);
    if (known) throw known;
  }
  if (response.status >= 300) throw serverError(response, query);
  return payload;
}

function ajaxError({ code, summary }: { code: number; summary?: string }, response: ApiResponse, query: string): Error {
  if (code === NOT_LOGGED_IN) return loginRequired();
  if (code === STALE_TOKEN) return new StaleTokenError(summary ?? 'stale fb_dtsg');
  if (code === BLOCKED) return temporarilyBlocked();
  if (code === RATE_LIMIT) return rateLimited(response);
  return new ExportError('http_error', `Facebook refused the ${query} request (error ${code}${summary ? `: “${summary}”` : ''}).`, {
    status: response.status,
  });
}

function knownError(error: JsonObject): Error | undefined {
  const code = asNumber(error.code);
  const message = [asString(error.message), asString(error.summary), asString(error.description)].filter(Boolean).join(' ');
  if (code === BLOCKED || /temporarily blocked/i.test(message)) return temporarilyBlocked();
  if (code === RATE_LIMIT || /rate limit/i.test(message)) return rateLimited();
  if (code === NOT_LOGGED_IN) return loginRequired();
  if (/document with id .* (?:was )?not found/i.test(message)) return new UnknownDocumentError(asString(error.message) ?? message);
  return undefined;
}

function serverError(response: ApiResponse, query: string): ExportError {
  return new ExportError('http_error', `Facebook could not answer the ${query} request (HTTP ${response.status}).`, { status: response.status });
}
