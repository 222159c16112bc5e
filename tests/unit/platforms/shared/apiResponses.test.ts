import { afterEach, describe, expect, it, vi } from 'vitest';
import { isRedirect, parseJsonObject, slowDownDetails } from '../../../../lib/platforms/shared/apiResponses';
import type { ApiResponse } from '../../../../lib/platforms/types';

function response(status: number, { redirected = false, headers = {} }: { redirected?: boolean; headers?: Record<string, string> } = {}): ApiResponse {
  return { status, redirected, headers: new Headers(headers), text: '' };
}

describe('isRedirect', () => {
  it.each<[string, ApiResponse, boolean]>([
    ['a browser’s opaque redirect (status 0)', response(0, { redirected: true }), true],
    ['Node’s 302', response(302), true],
    ['a 301', response(301), true],
    ['a 399', response(399), true],
    ['a 200', response(200), false],
    ['a 400', response(400), false],
    ['a 299', response(299), false],
  ])('%s: %s', (_name, answer, expected) => {
    expect(isRedirect(answer)).toBe(expected);
  });
});

describe('parseJsonObject', () => {
  it.each([
    ['an object', '{"a":1}', { a: 1 }],
    ['an object with white space', ' \n{"a":[1]}\n', { a: [1] }],
    ['an array', '[{"a":1}]', undefined],
    ['null', 'null', undefined],
    ['a string', '"text"', undefined],
    ['HTML', '<!DOCTYPE html><html></html>', undefined],
    ['text cut short', '{"a":', undefined],
    ['nothing', '', undefined],
  ])('%s', (_name, text, expected) => {
    expect(parseJsonObject(text)).toEqual(expected);
  });
});

describe('slowDownDetails', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each<[string, ApiResponse | undefined, object]>([
    ['no answer', undefined, { status: undefined }],
    ['a 429 without Retry-After', response(429), { status: 429 }],
    ['a 429 asking for seconds', response(429, { headers: { 'retry-after': '120' } }), { status: 429, retryAfterMs: 120_000 }],
    ['a 429 with an unreadable Retry-After', response(429, { headers: { 'retry-after': 'soon' } }), { status: 429 }],
  ])('%s', (_name, answer, expected) => {
    expect(slowDownDetails(answer)).toStrictEqual(expected);
  });

  it('reads an HTTP-date as the time left until then', () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-24T12:00:00Z') });
    const answer = response(429, { headers: { 'retry-after': 'Tue, 24 Nov 2026 12:01:30 GMT' } });
    expect(slowDownDetails(answer)).toStrictEqual({ status: 429, retryAfterMs: 90_000 });
  });
});
