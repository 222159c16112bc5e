import { describe, expect, it } from 'vitest';
import { createTokenBucket, throttleFor } from '../../../../lib/export/media/tokenBucket';

/** A clock that moves only when the bucket sleeps, so the test reads the waits exactly. */
function fakeClock() {
  let time = 0;
  const waits: number[] = [];
  return {
    now: () => time,
    sleep: async (ms: number) => {
      waits.push(ms);
      time += ms;
    },
    waits,
    advance: (ms: number) => (time += ms),
  };
}

describe('token bucket', () => {
  const signal = new AbortController().signal;

  it('starts empty, so the first bytes already wait: an export never runs over the limit as a whole', async () => {
    const clock = fakeClock();
    const bucket = createTokenBucket(1000, { burstBytes: 100, now: clock.now, sleep: clock.sleep });
    await bucket.take(100, signal);
    expect(clock.waits).toEqual([100]);
  });

  it('lets the burst pass after an idle spell, then holds bytes to the rate', async () => {
    const clock = fakeClock();
    const bucket = createTokenBucket(1000, { burstBytes: 100, now: clock.now, sleep: clock.sleep });
    clock.advance(1000);
    await bucket.take(100, signal);
    expect(clock.waits).toEqual([]);
    await bucket.take(500, signal);
    expect(clock.waits).toEqual([500]);
  });

  it('is shared: three downloads taking at once together get the rate, not three times it', async () => {
    const clock = fakeClock();
    const bucket = createTokenBucket(1_000_000, { burstBytes: 0, now: clock.now, sleep: clock.sleep });
    // Chunks of three downloads interleaved, as three slots read them.
    for (let round = 0; round < 10; round += 1) {
      await Promise.all([bucket.take(100_000, signal), bucket.take(100_000, signal), bucket.take(100_000, signal)]);
    }
    expect(clock.now()).toBeGreaterThanOrEqual(3000 * 0.99);
    expect(clock.now()).toBeLessThanOrEqual(3000 * 1.01);
  });

  it('does not save up beyond its burst while idle', async () => {
    const clock = fakeClock();
    const bucket = createTokenBucket(1000, { burstBytes: 100, now: clock.now, sleep: clock.sleep });
    clock.advance(60_000);
    await bucket.take(1100, signal);
    expect(clock.waits).toEqual([1000]);
  });

  it('stops waiting when the export stops', async () => {
    const bucket = createTokenBucket(1, { burstBytes: 0 });
    const controller = new AbortController();
    const taking = bucket.take(10_000, controller.signal);
    controller.abort();
    await expect(taking).rejects.toBeDefined();
  });

  it('is no bucket at all without a limit', () => {
    expect(throttleFor(undefined)).toBeUndefined();
    expect(throttleFor(2)).toBeDefined();
  });
});
