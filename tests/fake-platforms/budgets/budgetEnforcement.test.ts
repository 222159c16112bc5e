import { describe, expect, it } from 'vitest';
import { simulateExport, WARNING_WAITS } from '../../../bench/lib/simulatedExport';
import { DEFAULT_EXPORT_SETTINGS } from '../../../lib/export/exportSettings';
import { PACING as FACEBOOK } from '../../../lib/platforms/facebook/pacing';
import { PACING as INSTAGRAM } from '../../../lib/platforms/instagram/pacing';
import { PACING as YOUTUBE } from '../../../lib/platforms/youtube/pacing';
import type { PacingLimits } from '../../../lib/platforms/types';
import { BudgetEnforcer } from './enforcer';
import { startFakePlatforms } from '../index';
import { cookieHeader, fakeFetch } from '../test-client';
import { REALISTIC_BUDGETS } from './realistic';

const MINUTE = 60_000;
/** No pause worth the name and no budget: what Star Export must never regress to. */
const AGGRESSIVE = { minDelayMs: 0, maxDelayMs: 200 };

function atProfile(limits: PacingLimits) {
  const { budget, ...pacing } = limits;
  return { pacing, budget };
}

describe('the fakes’ realistic budgets', () => {
  it('Instagram refuses the 201st call of one query type within 11 minutes, not another type’s', () => {
    const enforcer = new BudgetEnforcer(REALISTIC_BUDGETS.instagram);
    for (let i = 0; i < 200; i += 1) expect(enforcer.refuses('query:feed', i * 1_000)).toBe(false);
    expect(enforcer.refuses('query:feed', 200_000)).toBe(true);
    expect(enforcer.refuses('query:clips', 200_000)).toBe(false);
    expect(enforcer.refuses('query:feed', 11 * MINUTE + 1_000)).toBe(false);
  });

  it('Facebook blocks for 15 minutes past its detail budget; a time scale shrinks both', () => {
    const enforcer = new BudgetEnforcer(REALISTIC_BUDGETS.facebook, 60);
    for (let i = 0; i < 300; i += 1) enforcer.refuses('detail', i);
    expect(enforcer.refuses('detail', 400)).toBe(true);
    // 15 minutes at 60× are 15 s: still blocked after 10 s (the window has passed), free after 16 s.
    expect(enforcer.refuses('detail', 10_400)).toBe(true);
    expect(enforcer.refuses('detail', 16_000)).toBe(false);
  });
});

describe('a 1 000-post export on the realistic fakes, simulated clock', () => {
  it('the simulation waits after a warning as the extension does by default', () => {
    expect(WARNING_WAITS).toEqual({
      rateLimitWaitMs: DEFAULT_EXPORT_SETTINGS.rateLimitWaitMs,
      maxRateLimitWaits: DEFAULT_EXPORT_SETTINGS.maxRateLimitWaits,
      temporaryBlockWaitMs: DEFAULT_EXPORT_SETTINGS.temporaryBlockWaitMs,
    });
  });

  it.each([
    ['instagram', INSTAGRAM.careful, 1_000],
    ['facebook', FACEBOOK.careful, 1_000],
    ['youtube', YOUTUBE.careful, 1_000],
  ] as const)('%s at Careful provokes no warning and stays within its hourly budget', (platform, limits, posts) => {
    const { pacing, budget } = atProfile(limits);
    const run = simulateExport(platform, posts, pacing, budget);
    expect(run.warnings).toBe(0);
    expect(run.peakHourCalls).toBeLessThanOrEqual(budget.perHour);
  });

  it('aggressive pacing provokes Facebook’s block, and Instagram’s 429 on a large account, where Careful provokes none', () => {
    expect(simulateExport('facebook', 1_000, AGGRESSIVE, undefined).warnings).toBeGreaterThan(0);
    expect(simulateExport('instagram', 10_000, AGGRESSIVE, undefined).warnings).toBeGreaterThan(0);
    const careful = atProfile(INSTAGRAM.careful);
    expect(simulateExport('instagram', 10_000, careful.pacing, careful.budget).warnings).toBe(0);
  });
});

describe('the fake Instagram with enforceBudgets, over HTTPS', () => {
  it('answers 429 "Please wait" past 200 calls of one query type, and serves another type still', async () => {
    const fake = await startFakePlatforms({ enforceBudgets: { timeScale: 60 } });
    try {
      const cookies = fake.instagramCookies();
      const csrf = cookies.find((c) => c.name === 'csrftoken')?.value ?? '';
      const headers = { cookie: cookieHeader(cookies), 'x-ig-app-id': '936619743392459', 'x-csrftoken': csrf };
      const get = (path: string) => fakeFetch(fake.port, `https://www.instagram.com${path}`, { headers });
      const statuses: number[] = [];
      for (let i = 0; i < 201; i += 1) statuses.push((await get('/api/v1/users/web_profile_info/?username=star.demo')).status);
      expect(statuses.slice(0, 200).every((status) => status !== 429)).toBe(true);
      const refused = await get('/api/v1/users/web_profile_info/?username=star.demo');
      expect(refused.status).toBe(429);
      expect(refused.json()).toMatchObject({ message: 'Please wait a few minutes before you try again.' });
      expect((await get('/api/v1/feed/user/51234567890/?count=30')).status).not.toBe(429);
    } finally {
      await fake.close();
    }
  });

  it('is off by default: the same 201 calls are all answered', async () => {
    const fake = await startFakePlatforms();
    try {
      const cookies = fake.instagramCookies();
      const headers = { cookie: cookieHeader(cookies), 'x-ig-app-id': '936619743392459' };
      for (let i = 0; i < 201; i += 1) {
        expect((await fakeFetch(fake.port, 'https://www.instagram.com/api/v1/users/web_profile_info/?username=star.demo', { headers })).status).not.toBe(429);
      }
    } finally {
      await fake.close();
    }
  });
});
