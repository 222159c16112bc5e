import { describe, expect, it } from 'vitest';
import { ExportError, type ErrorKind } from '../../../../lib/errors';
import { readInnertube } from '../../../../lib/platforms/youtube/responses';
import type { ApiResponse } from '../../../../lib/platforms/types';
import { redirect, respond } from '../fakeResponses';
import { caught } from '../rejections';
import { fixtureText } from './fakeYouTube';

/** The ExportError readInnertube makes of a browse answer. */
function browseError(response: ApiResponse): ExportError {
  return caught(() => readInnertube(response, 'browse'));
}

const UNAUTHENTICATED = JSON.stringify({
  error: { code: 401, message: 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.', status: 'UNAUTHENTICATED' },
});

// The table of docs/platforms.md, "YouTube: errors", row by row.
const rows: [string, ApiResponse, ErrorKind, RegExp?][] = [
  ['302 to consent.youtube.com', redirect('https://consent.youtube.com/m?continue=https%3A%2F%2Fwww.youtube.com%2F&gl=FR'), 'login_required', /Log in to YouTube in this browser, then try again\./],
  ['302 the browser hides', redirect(), 'login_required', /Log in to YouTube/],
  ['302 to google.com/sorry', redirect('https://www.google.com/sorry/index?continue=https://www.youtube.com/'), 'rate_limited', /unusual traffic/],
  ['429', respond(429, '', { 'retry-after': '120' }), 'rate_limited'],
  ['401 UNAUTHENTICATED', respond(401, UNAUTHENTICATED), 'login_required', /Log in to YouTube in this browser, then try again\./],
  ['200 loggedOut: true', respond(200, fixtureText('account-menu-logged-out.json')), 'login_required'],
  ['404 NOT_FOUND', respond(404, JSON.stringify({ error: { code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' } })), 'account_not_found'],
  ['400 INVALID_ARGUMENT', respond(400, JSON.stringify({ error: { code: 400, message: 'Request contains an invalid argument.', status: 'INVALID_ARGUMENT' } })), 'http_error', /invalid argument/],
  ['503', respond(503, 'Service Unavailable'), 'http_error'],
  ['200 with an HTML page', respond(200, '<!DOCTYPE html><html><title>Before you continue to YouTube</title></html>'), 'login_required'],
  ['200 with something else', respond(200, 'not json'), 'platform_changed', /^YouTube changed/],
];

describe('readInnertube error classification (docs/platforms.md, "YouTube: errors")', () => {
  it.each(rows)('%s → %s', (_name, response, kind, message) => {
    const error = browseError(response);
    expect(error.kind).toBe(kind);
    if (message) expect(error.message).toMatch(message);
  });

  it('leaves the wait after a bare 429 to the job’s rate-limit setting, and keeps a Retry-After', () => {
    expect(browseError(respond(429, '')).details).toEqual({ status: 429 });
    expect(browseError(respond(429, '', { 'retry-after': '120' })).details.retryAfterMs).toBe(120_000);
  });

  it('treats an IP flag as a temporary block (a long wait, once)', () => {
    expect(browseError(redirect('https://www.google.com/sorry/index?continue=x')).details.temporaryBlock).toBe(true);
  });

  it('keeps 5xx retryable by status', () => {
    expect(browseError(respond(503, '')).details.status).toBe(503);
  });

  it('returns the body of a good answer', () => {
    expect(readInnertube(respond(200, fixtureText('resolve-url-channel.json')), 'resolve')).toHaveProperty('endpoint');
  });
});
