import { describe, expect, it, vi } from 'vitest';
import { recordCall, waitForBudget } from '../../../lib/net/callBudget';
import { nextAllowedAt } from '../../../lib/net/rollingBudget';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-12-06T12:00:00Z');

describe('rolling call budget', () => {
  it('allows a call at once while the hour and the day have room', () => {
    expect(nextAllowedAt([NOW - 10_000, NOW - 5_000], { perHour: 3, perDay: 10 }, NOW)).toBe(NOW);
  });

  it('waits for the oldest call of a full hour to leave it', () => {
    const calls = [NOW - 50 * 60_000, NOW - 20 * 60_000, NOW - 1_000];
    expect(nextAllowedAt(calls, { perHour: 3, perDay: 10 }, NOW)).toBe(NOW + 10 * 60_000);
  });

  it('waits for the day when the day is full, however empty the last hour', () => {
    const calls = [NOW - 23 * HOUR, NOW - 22 * HOUR, NOW - 3 * HOUR];
    expect(nextAllowedAt(calls, { perHour: 100, perDay: 3 }, NOW)).toBe(NOW + HOUR);
  });

  it('is shared by every job: calls another job made count', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    try {
      for (let i = 0; i < 2; i += 1) await recordCall(['https://www.facebook.com'], NOW - 1_000);
      const pauses: (Date | undefined)[] = [];
      const controller = new AbortController();
      const waiting = waitForBudget(['https://www.facebook.com'], { perHour: 2, perDay: 100 }, controller.signal, async (until) => {
        pauses.push(until);
        controller.abort();
      });
      await expect(waiting).rejects.toBeDefined();
      expect(pauses).toEqual([new Date(NOW - 1_000 + HOUR)]);
      await expect(waitForBudget(['https://www.instagram.com'], { perHour: 2, perDay: 100 }, new AbortController().signal, async () => undefined)).resolves.toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });
});
