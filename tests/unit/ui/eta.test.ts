import { describe, expect, it } from 'vitest';
import { addSample, countdownText, etaText, remainingMs, type ProgressSample } from '../../../lib/ui/eta';

function samples(...points: [number, number][]): ProgressSample[] {
  return points.reduce<ProgressSample[]>((list, [at, percent]) => addSample(list, { at, percent }), []);
}

describe('remainingMs', () => {
  it('is unknown until five seconds and half a percent of progress were seen', () => {
    expect(remainingMs([])).toBeUndefined();
    expect(remainingMs(samples([0, 10], [4_000, 30]))).toBeUndefined();
    expect(remainingMs(samples([0, 10], [10_000, 10.2]))).toBeUndefined();
  });

  it('extrapolates the recent rate to 100 %', () => {
    expect(remainingMs(samples([0, 10], [10_000, 20]))).toBe(80_000);
  });

  it('slows down when progress stalls, as the window end moves on', () => {
    const stalled = samples([0, 10], [10_000, 20], [20_000, 20], [30_000, 20]);
    expect(stalled).toHaveLength(2);
    expect(remainingMs(stalled)).toBe(240_000);
  });

  it('forgets samples older than a minute', () => {
    const list = samples([0, 0], [30_000, 5], [70_000, 50], [80_000, 60]);
    expect(list[0]!.at).toBe(30_000);
    expect(remainingMs(list)).toBe((40 * 50_000) / 55);
  });
});

describe('etaText', () => {
  it.each([
    [10_000, 'less than a minute left'],
    [29_000, 'less than a minute left'],
    [90_000, 'about 2 min left'],
    [59 * 60_000, 'about 59 min left'],
    [60 * 60_000, 'about 1 h left'],
    [97 * 60_000, 'about 1 h 35 min left'],
    [119 * 60_000, 'about 2 h left'],
  ])('%i ms → %s', (ms, text) => {
    expect(etaText(ms)).toBe(text);
  });
});

describe('countdownText', () => {
  it.each([
    [15 * 60_000, '15:00'],
    [14 * 60_000 + 5_000, '14:05'],
    [400, '0:01'],
    [0, '0:00'],
    [-5_000, '0:00'],
  ])('%i ms → %s', (ms, text) => {
    expect(countdownText(ms)).toBe(text);
  });
});
