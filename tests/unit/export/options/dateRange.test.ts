import { describe, expect, it } from 'vitest';
import { isDay, startOfDay, timeRange } from '../../../../lib/export/options/dateRange';

describe('startOfDay', () => {
  it('is midnight UTC without a zone', () => {
    expect(new Date(startOfDay('2026-03-01', 'UTC')).toISOString()).toBe('2026-03-01T00:00:00.000Z');
  });

  it.each([
    ['2026-01-15', 'Europe/Berlin', '2026-01-14T23:00:00.000Z'],
    ['2026-07-15', 'Europe/Berlin', '2026-07-14T22:00:00.000Z'],
    ['2026-01-15', 'America/Los_Angeles', '2026-01-15T08:00:00.000Z'],
    ['2026-01-15', 'Asia/Kolkata', '2026-01-14T18:30:00.000Z'],
    ['2026-01-15', 'Pacific/Kiritimati', '2026-01-14T10:00:00.000Z'],
    // The days DST starts and ends: midnight is before the change.
    ['2026-03-29', 'Europe/Berlin', '2026-03-28T23:00:00.000Z'],
    ['2026-10-25', 'Europe/Berlin', '2026-10-24T22:00:00.000Z'],
    ['2026-03-08', 'America/New_York', '2026-03-08T05:00:00.000Z'],
  ])('%s begins in %s at %s', (day, zone, iso) => {
    expect(new Date(startOfDay(day, zone)).toISOString()).toBe(iso);
  });

  it('counts days on across a month and a year', () => {
    expect(new Date(startOfDay('2026-12-31', 'UTC', 1)).toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });
});

describe('timeRange', () => {
  it('covers both days whole in the user’s zone: "To" ends at the next midnight', () => {
    const range = timeRange({ dateFrom: '2026-05-01', dateTo: '2026-05-01', timeZone: 'America/New_York' });
    expect(new Date(range.from!).toISOString()).toBe('2026-05-01T04:00:00.000Z');
    expect(new Date(range.until!).toISOString()).toBe('2026-05-02T04:00:00.000Z');
  });

  it('leaves an open end open', () => {
    expect(timeRange({ dateTo: '2026-05-01' })).toEqual({ until: Date.parse('2026-05-02T00:00:00Z') });
    expect(timeRange({})).toEqual({});
  });
});

describe('isDay', () => {
  it.each(['2026-02-28', '2024-02-29'])('accepts %s', (day) => expect(isDay(day)).toBe(true));
  it.each(['2026-02-29', '2026-13-01', '26-01-01', '2026-1-1', '2026-01-01T00:00', ''])('refuses %j', (day) => expect(isDay(day)).toBe(false));
});
