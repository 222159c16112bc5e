import { ExportError } from '../../errors';
import type { ApiResponse } from '../types';
import { isRedirect, parseJsonObject, slowDown } from '../shared/apiResponses';
import { parseUrl } from '../shared/urlPaths';
import { asObject, asString, dig, type JsonObject } from '../shared/jsonReaders';
import { IP_BLOCK_WAIT_MS } from './constants';
import { textOf } from './json';

const LOGIN_MESSAGE = 'YouTube did not accept this browser’s session. Log in to YouTube in this browser, then try again.';

export function loginRequired(message = LOGIN_MESSAGE): ExportError {
  return new ExportError('login_required', message);
}

/** `what` names the answer that changed: "the Videos tab", "the player answer"… */
export function platformChanged(what: string): ExportError {
  return new ExportError(
    'platform_changed',
    `YouTube changed ${what}, which this version of Star Export does not understand. Please look for an update.`,
  );
}

export function channelNotFound(name?: string): ExportError {
  const which = name ? `“${name}”` : 'by that name';
  return new ExportError('account_not_found', `YouTube has no channel ${which}, or it is not visible to you.`, { status: 404 });
}

/** Browse answered only an ERROR alert: a channel that is gone, terminated or hidden, in YouTube's words. */
export function channelUnavailable(said: string): ExportError {
  return new ExportError('account_not_found', `YouTube does not show this channel. It says: “${said}”`);
}

/**
 * YouTube rarely says how long to wait; without a Retry-After the job's rate-limit wait applies
 * (a minute by default, doubling, as yt-dlp's users found that less does not help).
 */
export function rateLimited(response?: ApiResponse): ExportError {
  return slowDown('YouTube', response);
}

/**
 * The JSON of an InnerTube (or page) answer, or the ExportError it means. A redirect, an HTML
 * page or `loggedOut: true` is a session problem, never an empty channel.
 */
export function readInnertube(response: ApiResponse, endpoint: string): JsonObject {
  if (isRedirect(response)) throw redirectError(response.location);
  if (response.status === 429) throw rateLimited(response);
  const body = parseJsonObject(response.text);
  const error = asObject(body?.error);
  if (response.status === 401 || error?.status === 'UNAUTHENTICATED') throw loginRequired();
  if (response.status === 404 || error?.status === 'NOT_FOUND') throw channelNotFound();
  if (response.status < 200 || response.status >= 300 || error) {
    const said = asString(error?.message) ? `: “${String(error?.message)}”` : '';
    throw new ExportError('http_error', `YouTube refused the ${endpoint} request (HTTP ${response.status})${said}.`, {
      status: response.status,
    });
  }
  if (!body) throw /^\s*</.test(response.text) ? loginRequired() : platformChanged(`its answer to the ${endpoint} request`);
  if (dig(body, 'responseContext', 'mainAppWebResponseContext', 'loggedOut') === true) throw loginRequired();
  return body;
}

/** The text of the first ERROR alert YouTube put in a browse answer ("This channel does not exist."). */
export function errorAlert(body: JsonObject): string | undefined {
  for (const alert of Array.isArray(body.alerts) ? body.alerts : []) {
    const renderer = asObject(asObject(alert)?.alertRenderer) ?? asObject(asObject(alert)?.alertWithButtonRenderer);
    if (renderer?.type === 'ERROR') return textOf(renderer.text) ?? 'YouTube reported an error.';
  }
  return undefined;
}

function redirectError(location: string | undefined): ExportError {
  // An unparsable target is treated like a hidden one.
  const host = location ? (parseUrl(location)?.hostname ?? '') : '';
  if (/(^|\.)google\.[a-z.]+$/.test(host) && /\/sorry\//.test(location ?? '')) {
    return new ExportError(
      'rate_limited',
      'YouTube flagged this network for unusual traffic. The export will wait a long while before trying again.',
      { temporaryBlock: true, retryAfterMs: IP_BLOCK_WAIT_MS },
    );
  }
  // consent.youtube.com, accounts.google.com, or a browser that hides where the redirect went.
  return loginRequired('YouTube sent this browser to its sign-in or consent page. Log in to YouTube in this browser, then try again.');
}
