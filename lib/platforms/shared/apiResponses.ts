import { ExportError, type ErrorDetails } from '../../errors';
import { parseRetryAfter } from '../../net/retryPolicy';
import type { ApiResponse } from '../types';
import { asObject, type JsonObject } from './jsonReaders';

/**
 * Requests are sent with redirect: 'manual': a browser then reports an opaque `redirected`
 * answer, Node the 3xx itself. Either way the data is elsewhere, usually behind a login.
 */
export function isRedirect(response: ApiResponse): boolean {
  return response.redirected || (response.status >= 300 && response.status < 400);
}

/** A body that is one JSON object, else undefined (HTML, an array, text cut short). */
export function parseJsonObject(text: string): JsonObject | undefined {
  try {
    return asObject(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/** The details of a slow-down answer: its status, and the wait its Retry-After names, if any. */
export function slowDownDetails(response: ApiResponse | undefined): ErrorDetails {
  const asked = parseRetryAfter(response?.headers.get('retry-after') ?? null, Date.now());
  return { status: response?.status, ...(asked === undefined ? {} : { retryAfterMs: asked }) };
}

/** A platform asking to slow down: the job waits (at least its own rate-limit wait), then continues. */
export function slowDown(platformLabel: string, response?: ApiResponse): ExportError {
  return new ExportError('rate_limited', `${platformLabel} asked us to slow down. The export will wait, then continue.`, slowDownDetails(response));
}
