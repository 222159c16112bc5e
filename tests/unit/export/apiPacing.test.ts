import { describe, expect, it } from 'vitest';
import { apiPacing, DEFAULT_EXPORT_SETTINGS } from '../../../lib/export/exportSettings';
import { DEFAULT_USER_PREFERENCES } from '../../../lib/export/userPreferences';
import { adapterFor } from '../../../lib/platforms/registry';
import type { PlatformId } from '../../../lib/platforms/types';

describe('API pacing', () => {
  it.each([
    ['instagram', 4_000],
    ['facebook', 3_000],
  ] as const)('by default never calls %s sooner than %i ms after the last call', (platform, floor) => {
    const { pacing, budget } = apiPacing(DEFAULT_EXPORT_SETTINGS, adapterFor(platform).pacing, DEFAULT_USER_PREFERENCES.pacing);
    expect(pacing.minDelayMs).toBeGreaterThanOrEqual(floor);
    expect(pacing.maxDelayMs).toBeGreaterThan(pacing.minDelayMs);
    expect(budget?.perHour).toBeLessThanOrEqual(3_600_000 / pacing.minDelayMs);
  });

  it.each(['instagram', 'facebook', 'youtube'] as PlatformId[])('goes from Careful to Fast, each profile faster than the one before on %s', (platform) => {
    const { careful, normal, fast } = adapterFor(platform).pacing;
    expect(careful.minDelayMs).toBeGreaterThan(normal.minDelayMs);
    expect(normal.minDelayMs).toBeGreaterThanOrEqual(fast.minDelayMs);
    expect(careful.maxDelayMs).toBeGreaterThan(fast.maxDelayMs);
  });

  it('keeps Facebook’s daily budget of every profile below the ~1 800 photo requests that got accounts blocked', () => {
    for (const limits of Object.values(adapterFor('facebook').pacing)) expect(limits.budget.perDay).toBeLessThan(1_800 * 2.5);
    expect(adapterFor('facebook').pacing.careful.budget.perDay).toBeLessThan(1_200);
  });

  it('lets the demo and the tests replace the profile with an explicit pause, without a budget', () => {
    const settings = { ...DEFAULT_EXPORT_SETTINGS, apiDelayMinMs: 20, apiDelayMaxMs: 60 };
    expect(apiPacing(settings, adapterFor('instagram').pacing, 'careful')).toEqual({ pacing: { minDelayMs: 20, maxDelayMs: 60 } });
  });
});
