import { describe, expect, it } from 'vitest';
import type { ErrorKind } from '../../../../lib/errors';
import { isHomeOrHiddenRedirect, readJson } from '../../../../lib/platforms/instagram/responses';
import { recordedResponse, redirect, respond, type RecordedAnswer } from '../fakeResponses';
import { caught } from '../rejections';
import { fixtureJson } from './fakeInstagram';

interface ErrorRow extends RecordedAnswer {
  expect: { kind: ErrorKind; status?: number; retryAfterMs?: number };
}

const rows = fixtureJson('error-responses.json') as ErrorRow[];

describe('readJson error classification (docs/platforms.md, "Instagram: errors")', () => {
  it.each(rows.map((row) => [row.case, row] as const))('%s', (_name, row) => {
    const error = caught(() => readJson(recordedResponse(row), 'posts feed'));
    expect(error.kind).toBe(row.expect.kind);
    if (row.expect.status !== undefined) expect(error.details.status).toBe(row.expect.status);
    if (row.expect.retryAfterMs !== undefined) expect(error.details.retryAfterMs).toBe(row.expect.retryAfterMs);
    expect(error.message.length).toBeGreaterThan(20);
  });

  it('tells the user what to do on a checkpoint', () => {
    const row = rows.find((r) => r.case === '400 checkpoint_required')!;
    expect(caught(() => readJson(recordedResponse(row), 'posts feed')).message).toMatch(/open instagram\.com.*complete/i);
  });

  it('treats feedback_required while listing as a block of the account: the job rests, it does not end', () => {
    const row = rows.find((r) => r.case === '400 feedback_required')!;
    const error = caught(() => readJson(recordedResponse(row), 'posts feed'));
    expect(error.kind).toBe('rate_limited');
    expect(error.details.temporaryBlock).toBe(true);
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
