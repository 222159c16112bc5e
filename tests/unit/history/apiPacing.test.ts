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
    const pacing = apiPacing(DEFAULT_EXPORT_SETTINGS, adapterFor(platform).pacing, DEFAULT_USER_PREFERENCES.pacing);
    expect(pacing.minDelayMs).toBeGreaterThanOrEqual(floor);
    expect(pacing.maxDelayMs).toBeGreaterThan(pacing.minDelayMs);
  });

  it.each(['instagram', 'facebook', 'youtube'] as PlatformId[])('goes from Careful to Fast, each profile faster than the one before on %s', (platform) => {
    const { careful, normal, fast } = adapterFor(platform).pacing;
    expect(careful.minDelayMs).toBeGreaterThan(normal.minDelayMs);
    expect(normal.minDelayMs).toBeGreaterThanOrEqual(fast.minDelayMs);
    expect(careful.maxDelayMs).toBeGreaterThan(fast.maxDelayMs);
  });

  it('lets the demo and the tests replace the profile with an explicit pause', () => {
    const settings = { ...DEFAULT_EXPORT_SETTINGS, apiDelayMinMs: 20, apiDelayMaxMs: 60 };
    expect(apiPacing(settings, adapterFor('instagram').pacing, 'careful')).toEqual({ minDelayMs: 20, maxDelayMs: 60 });
  });
});
