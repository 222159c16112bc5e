import { ExportError } from '../../errors';
import type { ApiResponse } from '../types';
import { isRedirect, parseJsonObject, slowDown } from '../shared/apiResponses';
import { parseUrl } from '../shared/urlPaths';
import { asString, type JsonObject } from '../shared/jsonReaders';
import { ORIGIN } from './constants';

const LOGIN_MESSAGE = 'Instagram did not accept this browser’s session. Log in to Instagram in this browser, then try again.';
const CONFIRM_MESSAGE =
  'Instagram wants you to confirm it’s you. Open instagram.com in this browser, complete the check it shows, then try again.';
const CHECKPOINT_MESSAGES: Record<string, string> = {
  checkpoint_required: CONFIRM_MESSAGE,
  challenge_required: CONFIRM_MESSAGE,
  feedback_required:
    'Instagram has restricted some activity on your account (“Try Again Later”). The export rests to protect it; if instagram.com shows a notice, read and accept it.',
};

export function loginRequired(message = LOGIN_MESSAGE): ExportError {
  return new ExportError('login_required', message);
}

export function platformChanged(endpoint: string): ExportError {
  return new ExportError(
    'platform_changed',
    `Instagram answered the ${endpoint} request in a shape this version of Star Export does not understand. Instagram may have changed; please look for an update.`,
  );
}

export interface ReadOptions {
  /**
   * The call only looks a user up. Instagram refuses some lookups to some sessions with
   * feedback_required (web_profile_info since Aug 2026) while the account is fine: that is one
   * way closed, not a restriction the user must act on.
   */
  lookup?: boolean;
}

/** One endpoint refuses this session while the session itself is valid: read another way. */
export function endpointRetired(endpoint: string): ExportError {
  return new ExportError('endpoint_retired', `Instagram no longer answers the ${endpoint} request for this session.`);
}

/** True when the redirect's target is the home page, or unknown (a browser hides it). */
export function isHomeOrHiddenRedirect(response: ApiResponse): boolean {
  if (!isRedirect(response)) return false;
  return response.location === undefined || redirectPath(response.location) === '/';
}

/**
 * The JSON body of a successful API answer, or the ExportError the answer means. A redirect or
 * an HTML page is a session problem, never an empty account.
 */
export function readJson(response: ApiResponse, endpoint: string, options: ReadOptions = {}): JsonObject {
  if (isRedirect(response)) throw redirectError(response.location);
  if (response.status === 429) throw rateLimited(response);
  const body = parseJsonObject(response.text);
  if (body) {
    if (options.lookup && isFeedbackRequired(body)) throw endpointRetired(endpoint);
    const error = errorFromBody(response, body);
    if (error) throw error;
  }
  if (response.status === 404) throw notFound();
  if (response.status === 401) throw loginRequired();
  if (response.status < 200 || response.status >= 300 || body?.status === 'fail') {
    const said = typeof body?.message === 'string' && body.message ? `: “${body.message}”` : '';
    throw new ExportError('http_error', `Instagram refused the ${endpoint} request (HTTP ${response.status})${said}.`, {
      status: response.status,
    });
  }
  if (!body) throw looksLikeHtml(response) ? loginRequired() : platformChanged(endpoint);
  return body;
}

function redirectPath(location: string): string | undefined {
  return parseUrl(location, ORIGIN)?.pathname;
}

/** What a redirect means when its target is known: the login page, or a checkpoint the user must pass. */
export function redirectError(location: string | undefined): ExportError {
  const path = location === undefined ? undefined : redirectPath(location);
  if (path && /^\/(challenge|auth_platform|accounts\/suspended)(\/|$)/.test(path)) return loginRequired(CONFIRM_MESSAGE);
  return loginRequired();
}

function errorFromBody(response: ApiResponse, body: JsonObject): ExportError | undefined {
  const message = typeof body.message === 'string' ? body.message : undefined;
  const failed = body.status === 'fail';
  if (message !== undefined && /please wait a few minutes/i.test(message)) return rateLimited(response);
  // An empty failure is Instagram's quiet rate limit; with a 5xx it is a server error (reels_media, gallery-dl #9765).
  if (failed && message === '' && response.status < 500) return rateLimited(response);
  const code = checkpointCode(body, message);
  // "Try Again Later: we limit how often you can do certain things": a throttle of the account, so
  // the job rests (15 minutes, then until the next morning) rather than ending.
  if (code === 'feedback_required') return new ExportError('rate_limited', CHECKPOINT_MESSAGES[code]!, { status: response.status, temporaryBlock: true });
  if (code) return new ExportError('checkpoint_required', CHECKPOINT_MESSAGES[code] ?? CONFIRM_MESSAGE, { status: response.status });
  if (message !== undefined && /useragent mismatch/i.test(message)) {
    return new ExportError(
      'platform_changed',
      'Instagram no longer accepts the app id Star Export sends for this browser. Please look for an update.',
      { status: response.status },
    );
  }
  if (message === 'login_required' || body.require_login === true) return loginRequired();
  if (message !== undefined && /csrf/i.test(message)) {
    return loginRequired('Instagram did not accept this browser’s security token. Open instagram.com in this browser once, then try again.');
  }
  if (message !== undefined && /not authorized to view user/i.test(message)) {
    return new ExportError('private_account', 'This account is private and you do not follow it, so its posts cannot be exported.');
  }
  return undefined;
}

function isFeedbackRequired(body: JsonObject): boolean {
  return checkpointCode(body, typeof body.message === 'string' ? body.message : undefined) === 'feedback_required';
}

function checkpointCode(body: JsonObject, message: string | undefined): string | undefined {
  for (const candidate of [message, asString(body.error_type)]) {
    const code = Object.keys(CHECKPOINT_MESSAGES).find((key) => candidate?.includes(key));
    if (code) return code;
  }
  return undefined;
}

/**
 * Instagram rarely says how long to wait; when it does, the engine waits at least that long, and
 * never less than its own rate-limit wait (a user setting, a minute by default).
 */
export function rateLimited(response?: ApiResponse): ExportError {
  return slowDown('Instagram', response);
}

function notFound(): ExportError {
  return new ExportError('account_not_found', 'Instagram has no account by that name, or it is not visible to you.', { status: 404 });
}

function looksLikeHtml(response: ApiResponse): boolean {
  return /text\/html/i.test(response.headers.get('content-type') ?? '') || /^\s*</.test(response.text);
}
