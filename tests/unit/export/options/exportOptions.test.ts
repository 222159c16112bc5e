import { describe, expect, it } from 'vitest';
import { ExportError } from '../../../../lib/errors';
import { validateExportRequest } from '../../../../lib/export/job/exportRequest';
import { describeOptions, optionsForPlatform, recordedOptions, validateExportOptions } from '../../../../lib/export/options/exportOptions';
import { adapterFor } from '../../../../lib/platforms/registry';

const base = { platform: 'instagram', format: 'json', includeMedia: true };

describe('export options in a request', () => {
  it('are kept field by field when valid', () => {
    const options = { mediaTypes: ['images', 'reels'], dateFrom: '2026-01-01', dateTo: '2026-01-31', timeZone: 'Europe/Berlin', quality: 'high', speedLimitMBps: 2 };
    expect(validateExportRequest({ ...base, ...options, extra: 1 })).toEqual({ ...base, ...options });
  });

  it('keep "Only new" and "Compress images" when on, and drop them when off', () => {
    expect(validateExportRequest({ ...base, onlyNew: true, compressImages: true })).toEqual({ ...base, onlyNew: true, compressImages: true });
    expect(validateExportRequest({ ...base, onlyNew: false, compressImages: false })).toEqual(base);
  });

  it('treat empty dates as none', () => {
    expect(validateExportRequest({ ...base, dateFrom: '', dateTo: '' })).toEqual(base);
  });

  it.each([
    [{ mediaTypes: [] }, 'at least one'],
    [{ mediaTypes: 'images' }, 'media types'],
    [{ mediaTypes: ['shorts'] }, 'this platform'],
    [{ dateFrom: '2026-02-30' }, '“From”'],
    [{ dateFrom: '2026-02-02', dateTo: '2026-02-01' }, 'after'],
    [{ timeZone: 'Mars/Olympus' }, 'time zone'],
    [{ quality: 'best' }, 'quality'],
    [{ speedLimitMBps: 0 }, 'speed'],
    [{ speedLimitMBps: '2' }, 'speed'],
    [{ speedLimitMBps: Number.NaN }, 'speed'],
    [{ onlyNew: 'yes' }, 'Only new'],
    [{ compressImages: 1 }, 'Compress'],
  ])('are refused when wrong: %j', (options, words) => {
    let thrown: unknown;
    try {
      validateExportRequest({ ...base, ...options });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ExportError);
    expect((thrown as ExportError).kind).toBe('invalid_request');
    expect((thrown as ExportError).message).toContain(words);
  });
});

describe('options for one platform', () => {
  const youtube = adapterFor('youtube').mediaTypes;

  it('keep only the platform’s chosen types, none when all of them are', () => {
    expect(optionsForPlatform({ mediaTypes: ['images', 'shorts'] }, youtube, 'UTC')).toEqual({ mediaTypes: ['shorts'] });
    expect(optionsForPlatform({ mediaTypes: ['videos', 'shorts', 'live', 'reels'] }, youtube, 'UTC')).toEqual({});
  });

  it('carry the user’s time zone with a date range only', () => {
    expect(optionsForPlatform({ dateTo: '2026-01-01', quality: 'small' }, youtube, 'Asia/Tokyo')).toEqual({ dateTo: '2026-01-01', quality: 'small', timeZone: 'Asia/Tokyo' });
    expect(optionsForPlatform({ speedLimitMBps: 1 }, youtube, 'Asia/Tokyo')).toEqual({ speedLimitMBps: 1 });
  });

  it('are recorded in full in the main JSON and described on the history page', () => {
    const request = { platform: 'youtube' as const, format: 'json' as const, includeMedia: true, mediaTypes: ['shorts'], speedLimitMBps: 2 };
    expect(recordedOptions(request, youtube)).toEqual({ ...request, quality: 'original' });
    const { mediaTypes: _chosen, ...allTypes } = request;
    expect(recordedOptions(allTypes, youtube).mediaTypes).toEqual(['videos', 'shorts', 'live']);
    expect(describeOptions(request, youtube)).toEqual(['Shorts', 'at most 2 MB/s']);
    expect(describeOptions({ dateFrom: '2026-01-01', quality: 'high' }, youtube)).toEqual(['2026-01-01 to …', 'High (up to 1080 px)']);
    expect(validateExportOptions({})).toEqual({});
  });
});
