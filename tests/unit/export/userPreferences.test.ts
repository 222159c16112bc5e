import { describe, expect, it } from 'vitest';
import { DEFAULT_USER_PREFERENCES, normalizePreferences, readUserPreferences, userPreferences } from '../../../lib/export/userPreferences';

describe('user preferences', () => {
  it('are the defaults until the user chooses: JSON, with media, kept 7 days, Careful pace, no options', async () => {
    expect(await readUserPreferences()).toEqual({ format: 'json', includeMedia: true, retentionDays: 7, pacing: 'careful', options: {} });
  });

  it('read back what was stored', async () => {
    const options = { mediaTypes: ['images', 'shorts'], quality: 'small' as const, speedLimitMBps: 2 };
    await userPreferences.setValue({ format: 'csv', includeMedia: false, retentionDays: 30, pacing: 'fast', options });
    expect(await readUserPreferences()).toEqual({ format: 'csv', includeMedia: false, retentionDays: 30, pacing: 'fast', options });
  });

  it('keep no date range among the default options, and drop options that no longer pass', () => {
    expect(normalizePreferences({ options: { dateFrom: '2026-01-01', quality: 'high' } }).options).toEqual({ quality: 'high' });
    expect(normalizePreferences({ options: { quality: 'huge' } as never }).options).toEqual({});
    expect(normalizePreferences({ options: 'fast' as never }).options).toEqual({});
  });

  it.each([
    [{ format: 'pdf' }, { format: 'json' }],
    [{ includeMedia: 'yes' }, { includeMedia: true }],
    [{ retentionDays: 0 }, { retentionDays: 7 }],
    [{ retentionDays: 2.5 }, { retentionDays: 7 }],
    [{ retentionDays: 1000 }, { retentionDays: 7 }],
    [{ format: 'html', retentionDays: -1 }, { format: 'html', retentionDays: 7 }],
    [{ pacing: 'reckless' }, { pacing: 'careful' }],
    [{ pacing: 'normal' }, { pacing: 'normal' }],
  ])('replace a bad field by its default, keeping the rest: %j', (stored, expected) => {
    expect(normalizePreferences(stored as never)).toEqual({ ...DEFAULT_USER_PREFERENCES, ...expected });
  });
});
