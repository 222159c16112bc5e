import { describe, expect, it } from 'vitest';
import { ExportError } from '../../../../lib/errors';
import { validateExportRequest } from '../../../../lib/export/job/exportRequest';

function rejection(raw: unknown): unknown {
  try {
    validateExportRequest(raw);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('validateExportRequest accepts', () => {
  it.each([
    [{ platform: 'instagram', format: 'json', includeMedia: true }],
    [{ platform: 'youtube', format: 'csv', includeMedia: false }],
    [{ platform: 'facebook', format: 'html', includeMedia: true }],
    [{ platform: 'instagram', format: 'json', includeMedia: false, account: 'natgeo' }],
    [{ platform: 'youtube', format: 'json', includeMedia: true, account: '@channel.name_1' }],
    [{ platform: 'facebook', format: 'json', includeMedia: true, account: '100012345678901' }],
    [{ platform: 'instagram', format: 'json', includeMedia: true, account: 'a' }],
    [{ platform: 'instagram', format: 'json', includeMedia: true, account: 'x'.repeat(200) }],
    [{ platform: 'instagram', format: 'json', includeMedia: true, account: 'bjørk_ünïcode' }],
    [{ platform: 'instagram', format: 'json', includeMedia: true, splitGB: 2 }],
    [{ platform: 'facebook', format: 'csv', includeMedia: true, splitGB: 50 }],
  ])('%j', (raw) => {
    expect(validateExportRequest(raw)).toEqual(raw);
  });

  it('treats an explicit undefined account as the logged-in user', () => {
    const request = validateExportRequest({ platform: 'instagram', format: 'json', includeMedia: true, account: undefined });
    expect(request).toEqual({ platform: 'instagram', format: 'json', includeMedia: true });
    expect('account' in request).toBe(false);
  });

  it('drops fields it does not know, keeping only the request', () => {
    const raw = {
      platform: 'youtube',
      format: 'csv',
      includeMedia: true,
      account: 'someone',
      bandwidthLimit: 5,
      role: { admin: true },
      constructor: 'x',
      nested: { a: 1 },
    };
    const request = validateExportRequest(raw);
    expect(Object.keys(request).sort()).toEqual(['account', 'format', 'includeMedia', 'platform']);
    expect(request).toEqual({ platform: 'youtube', format: 'csv', includeMedia: true, account: 'someone' });
  });

  it('does not split an export without media: it is a few MB of text', () => {
    expect(validateExportRequest({ platform: 'youtube', format: 'json', includeMedia: false, splitGB: 4 })).toEqual({ platform: 'youtube', format: 'json', includeMedia: false });
  });

  it('returns a new object, not the message it was given', () => {
    const raw = { platform: 'instagram', format: 'json', includeMedia: true };
    const request = validateExportRequest(raw);
    raw.platform = 'facebook';
    expect(request.platform).toBe('instagram');
  });
});

const valid = { platform: 'instagram', format: 'json', includeMedia: true };

describe('validateExportRequest rejects with an invalid_request ExportError', () => {
  it.each<[string, unknown]>([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'instagram'],
    ['a number', 42],
    ['an array', ['instagram', 'json', true]],
    ['an empty object', {}],
    ['an unknown platform', { ...valid, platform: 'tiktok' }],
    ['a platform in another case', { ...valid, platform: 'Instagram' }],
    ['a missing platform', { format: 'json', includeMedia: true }],
    ['a platform that is not a string', { ...valid, platform: ['instagram'] }],
    ['an unknown format', { ...valid, format: 'xml' }],
    ['a format in another case', { ...valid, format: 'JSON' }],
    ['a missing format', { platform: 'instagram', includeMedia: true }],
    ['includeMedia as a string', { ...valid, includeMedia: 'true' }],
    ['includeMedia as a number', { ...valid, includeMedia: 1 }],
    ['includeMedia null', { ...valid, includeMedia: null }],
    ['a missing includeMedia', { platform: 'instagram', format: 'json' }],
    ['an empty account', { ...valid, account: '' }],
    ['a huge account', { ...valid, account: 'x'.repeat(201) }],
    ['a very huge account', { ...valid, account: 'x'.repeat(1_000_000) }],
    ['an account that is a number', { ...valid, account: 12345 }],
    ['an account that is null', { ...valid, account: null }],
    ['an account that is an object', { ...valid, account: { handle: 'x' } }],
    ['an account that is an array', { ...valid, account: ['x'] }],
    ['a part size not offered', { ...valid, splitGB: 3 }],
    ['a part size as a string', { ...valid, splitGB: '2' }],
    ['a part size of nothing', { ...valid, splitGB: 0 }],
    ['a part size that is null', { ...valid, splitGB: null }],
  ])('%s', (_name, raw) => {
    const error = rejection(raw);
    expect(error).toBeInstanceOf(ExportError);
    expect((error as ExportError).kind).toBe('invalid_request');
    expect((error as ExportError).message).not.toBe('');
  });
});
