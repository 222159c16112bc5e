import { describe, expect, it } from 'vitest';
import { ExportError, type ErrorKind } from '../../../lib/errors';
import { isHomeOrHiddenRedirect, readJson } from '../../../lib/platforms/instagram/responses';
import type { ApiResponse } from '../../../lib/platforms/types';
import { fixtureJson, redirect, respond } from './fakeInstagram';

interface ErrorRow {
  case: string;
  status: number;
  redirected?: boolean;
  location?: string;
  contentType?: string;
  headers?: Record<string, string>;
  body: string;
  expect: { kind: ErrorKind; status?: number; retryAfterMs?: number };
}

const rows = fixtureJson('error-responses.json') as ErrorRow[];

function toResponse(row: ErrorRow): ApiResponse {
  const headers = new Headers({ 'content-type': row.contentType ?? 'application/json; charset=utf-8', ...row.headers });
  if (row.location) headers.set('location', row.location);
  return { status: row.status, redirected: row.redirected ?? false, location: row.location, headers, text: row.body };
}

function caught(fn: () => unknown): ExportError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ExportError) return error;
    throw error;
  }
  throw new Error('expected an ExportError');
}

describe('readJson error classification (PLATFORMS.md error table)', () => {
  it.each(rows.map((row) => [row.case, row] as const))('%s', (_name, row) => {
    const error = caught(() => readJson(toResponse(row), 'posts feed'));
    expect(error.kind).toBe(row.expect.kind);
    if (row.expect.status !== undefined) expect(error.details.status).toBe(row.expect.status);
    if (row.expect.retryAfterMs !== undefined) expect(error.details.retryAfterMs).toBe(row.expect.retryAfterMs);
    expect(error.message.length).toBeGreaterThan(20);
  });

  it('tells the user what to do on a checkpoint', () => {
    const row = rows.find((r) => r.case === '400 checkpoint_required')!;
    expect(caught(() => readJson(toResponse(row), 'posts feed')).message).toMatch(/open instagram\.com.*complete/i);
  });

  it('tells the user to log in when the session is gone', () => {
    expect(caught(() => readJson(redirect('https://www.instagram.com/accounts/login/'), 'user info')).message).toMatch(/log in to instagram/i);
  });

  it('reads Retry-After as an HTTP date too', () => {
    const at = new Date(Date.now() + 300_000).toUTCString();
    const error = caught(() => readJson(respond(429, '', { 'retry-after': at }), 'reels'));
    expect(error.details.retryAfterMs).toBeGreaterThan(250_000);
  });

  it('names the endpoint when a 2xx answer is not what Instagram sends', () => {
    expect(caught(() => readJson(respond(200, '[1,2]'), 'reels')).message).toContain('reels');
  });

  it('returns the JSON of a good answer', () => {
    expect(readJson(respond(200, '{"items":[],"status":"ok"}'), 'reels')).toEqual({ items: [], status: 'ok' });
  });
});

describe('isHomeOrHiddenRedirect', () => {
  it.each([
    [redirect('https://www.instagram.com/'), true],
    [redirect('/'), true],
    [redirect(undefined), true],
    [redirect('https://www.instagram.com/accounts/login/?next=/'), false],
    [respond(200, '{}'), false],
  ])('%#', (response, expected) => {
    expect(isHomeOrHiddenRedirect(response)).toBe(expected);
  });
});
