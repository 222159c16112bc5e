import { describe, expect, it } from 'vitest';
import { estimateApiTimeMs } from '../../../lib/export/costEstimate';
import { adapterFor } from '../../../lib/platforms/registry';
import type { PacingLimits } from '../../../lib/platforms/types';
import { costEstimateText, formatCount, formatRoughDuration } from '../../../lib/ui/costEstimateText';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const LIMITS: PacingLimits = { minDelayMs: 2_000, maxDelayMs: 4_000, budget: { perHour: 100, perDay: 1_000 } };

describe('estimateApiTimeMs', () => {
  it('is one mean pause per call while the hour has room', () => {
    expect(estimateApiTimeMs(50, LIMITS)).toBe(50 * 3_000);
    expect(estimateApiTimeMs(0, LIMITS)).toBe(0);
  });

  it('grows by the hours the hourly budget holds calls back', () => {
    // 250 calls at 100 an hour: two full hours, then 50 more calls at the pace.
    expect(estimateApiTimeMs(250, LIMITS)).toBe(2 * HOUR + 49 * 3_000);
  });

  it('grows by days when the daily budget is spent', () => {
    expect(estimateApiTimeMs(2_500, { ...LIMITS, budget: { perHour: 10_000, perDay: 1_000 } })).toBe(2 * 24 * HOUR);
  });

  it('uses each platform’s own page size and per-post calls', () => {
    expect(adapterFor('instagram').apiCallsFor(1_200)).toBe(2 + 2 * 40 + 2);
    expect(adapterFor('youtube').apiCallsFor(1_000)).toBe(2 + 34 + 1_000);
    expect(adapterFor('facebook').apiCallsFor(800)).toBe(2 + 100 + 800);
  });

  it('puts a 1 000-video channel past YouTube’s Careful hour only by its own pace', () => {
    const youtube = adapterFor('youtube');
    const calls = youtube.apiCallsFor(1_000);
    expect(estimateApiTimeMs(calls, youtube.pacing.careful)).toBe(calls * 2_000);
  });
});

describe('the estimate’s words', () => {
  it.each([
    [30_000, 'under a minute'],
    [60_000, 'about 1 minute'],
    [25 * MINUTE + 10_000, 'about 25 minutes'],
    [2.4 * HOUR, 'about 2.5 hours'],
    [3 * 24 * HOUR, 'about 3 days'],
  ])('%d ms reads %s', (ms, words) => {
    expect(formatRoughDuration(ms)).toBe(words);
  });

  it('reads as the popup shows it', () => {
    expect(formatCount(1200)).toBe('1 200');
    expect(formatCount(1234567)).toBe('1 234 567');
    expect(costEstimateText(1200, 25 * MINUTE, 'careful')).toBe('about 1 200 posts — about 25 minutes at Careful pace');
  });
});
