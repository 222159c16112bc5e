import { describe, expect, it } from 'vitest';
import { countFromText, dateFromRelativeText, dayFromDateText, secondsFromDuration } from '../../../../lib/platforms/youtube/textValues';

const NOW = new Date('2026-11-24T12:00:00.000Z');

describe('dateFromRelativeText (relative to now)', () => {
  it.each([
    ['30 seconds ago', '2026-11-24T11:59:30.000Z'],
    ['1 minute ago', '2026-11-24T11:59:00.000Z'],
    ['5 minutes ago', '2026-11-24T11:55:00.000Z'],
    ['1 hour ago', '2026-11-24T11:00:00.000Z'],
    ['23 hours ago', '2026-11-23T13:00:00.000Z'],
    ['1 day ago', '2026-11-23T12:00:00.000Z'],
    ['13 days ago', '2026-11-11T12:00:00.000Z'],
    ['1 week ago', '2026-11-17T12:00:00.000Z'],
    ['3 weeks ago', '2026-11-03T12:00:00.000Z'],
    ['1 month ago', '2026-10-24T12:00:00.000Z'],
    ['1mo ago', '2026-10-24T12:00:00.000Z'],
    ['11 months ago', '2025-12-24T12:00:00.000Z'],
    ['1 year ago', '2025-11-24T12:00:00.000Z'],
    ['2y ago', '2024-11-24T12:00:00.000Z'],
    ['4d ago', '2026-11-20T12:00:00.000Z'],
    ['Streamed 2 weeks ago', '2026-11-10T12:00:00.000Z'],
    ['Premiered 6 days ago', '2026-11-18T12:00:00.000Z'],
  ])('%s → %s', (text, iso) => {
    expect(dateFromRelativeText(text, NOW)?.toISOString()).toBe(iso);
  });

  it.each(['Premieres 12/1/26, 5:00 PM', 'Scheduled for tomorrow', '14 watching', '', 'ago'])('“%s” dates nothing', (text) => {
    expect(dateFromRelativeText(text, NOW)).toBeUndefined();
  });
});

describe('secondsFromDuration', () => {
  it.each([
    ['3:31', 211],
    ['0:59', 59],
    ['12:00', 720],
    ['1:07:34', 4054],
    ['LIVE', undefined],
    ['SHORTS', undefined],
    [undefined, undefined],
  ])('%s → %s', (text, seconds) => expect(secondsFromDuration(text)).toBe(seconds));
});

describe('countFromText', () => {
  it.each([
    ['35 views', 35],
    ['1 view', 1],
    ['1,204,331 views', 1_204_331],
    ['No views', 0],
    ['14 watching', 14],
    ['1.2K views', undefined],
    ['895K views', undefined],
  ])('%s → %s', (text, count) => expect(countFromText(text)).toBe(count));
});

describe('dayFromDateText', () => {
  it.each([
    ['Oct 25, 2025', '2025-10-25'],
    ['25 Oct 2025', '2025-10-25'],
    ['Streamed live on Mar 3, 2024', '2024-03-03'],
    ['Premiered Sept 9, 2023', '2023-09-09'],
    ['1 year ago', undefined],
  ])('%s → %s', (text, day) => expect(dayFromDateText(text)).toBe(day));
});
