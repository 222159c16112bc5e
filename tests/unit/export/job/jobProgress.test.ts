import { describe, expect, it } from 'vitest';
import { isFinal, overallPercent } from '../../../../lib/export/job/jobProgress';
import type { JobSnapshot, Stage } from '../../../../lib/export/types';
import { jobRecord } from './jobs';

interface Shape {
  includeMedia?: boolean;
  stage: Stage;
  percent?: number;
  posts?: [done: number, total: number];
  postCount?: number;
  media?: [done: number, failed: number, total: number];
}

function snapshot({ includeMedia = true, stage, percent = 0, posts = [0, 0], postCount, media = [0, 0, 0] }: Shape): JobSnapshot {
  return jobRecord({
    request: { platform: 'instagram', format: 'json', includeMedia },
    stage,
    percent,
    posts: { done: posts[0], total: posts[1] },
    media: { done: media[0], failed: media[1], total: media[2] },
    ...(postCount === undefined ? {} : { account: { id: '1', handle: 'someone', postCount } }),
  });
}

describe('overallPercent with media (weights 2 / 18 / 65 / 12 / 3)', () => {
  it.each<[string, Shape, number, number]>([
    ['resolving', { stage: 'resolving' }, 0, 0],
    ['metadata, nothing listed yet', { stage: 'metadata' }, 0, 2],
    ['metadata, half of the listed total', { stage: 'metadata', posts: [50, 100] }, 0, 11],
    ['metadata, a third, rounded down to 0.1', { stage: 'metadata', posts: [1, 3] }, 0, 8],
    ['metadata, the account post count is the larger estimate', { stage: 'metadata', posts: [100, 0], postCount: 400 }, 0, 6.5],
    ['metadata, half listed, half of their files downloaded meanwhile', { stage: 'metadata', posts: [50, 100], media: [8, 2, 20] }, 0, 27.2],
    ['metadata, every listed file downloaded: still short of the media stage', { stage: 'metadata', posts: [100, 100], media: [40, 0, 40] }, 0, 84.1],
    ['media, nothing to download', { stage: 'media' }, 0, 20],
    ['media, failed files count as handled', { stage: 'media', media: [30, 10, 80] }, 0, 52.5],
    ['media, all handled', { stage: 'media', media: [70, 10, 80] }, 0, 85],
    ['archive, just started', { stage: 'archive' }, 0, 85],
    ['archive, 70 % written', { stage: 'archive' }, 0.7, 93.4],
    ['archive, fully written', { stage: 'archive' }, 1, 97],
    ['delivering', { stage: 'delivering' }, 0, 97],
  ])('%s → %f', (_name, shape, archiveFraction, expected) => {
    expect(overallPercent(snapshot(shape), archiveFraction)).toBe(expected);
  });
});

describe('overallPercent without media (weights 5 / 80 / 0 / 10 / 5)', () => {
  it.each<[string, Shape, number, number]>([
    ['resolving', { stage: 'resolving' }, 0, 0],
    ['metadata, nothing listed yet', { stage: 'metadata' }, 0, 5],
    ['metadata, half', { stage: 'metadata', posts: [50, 100] }, 0, 45],
    ['media is skipped: it starts where metadata ends', { stage: 'media', media: [0, 0, 10] }, 0, 85],
    ['archive, half written', { stage: 'archive' }, 0.5, 90],
    ['delivering', { stage: 'delivering' }, 0, 95],
  ])('%s → %f', (_name, shape, archiveFraction, expected) => {
    expect(overallPercent(snapshot({ ...shape, includeMedia: false }), archiveFraction)).toBe(expected);
  });
});

describe('overallPercent stays below the end of the metadata stage while listing', () => {
  it.each<[boolean, [number, number], number]>([
    [true, [100, 100], 19.8],
    [true, [150, 100], 19.8],
    [false, [100, 100], 84.2],
    [false, [5000, 10], 84.2],
  ])('includeMedia %s, posts %j → %f', (includeMedia, posts, expected) => {
    expect(overallPercent(snapshot({ includeMedia, stage: 'metadata', posts }))).toBe(expected);
  });
});

describe('overallPercent never goes backwards', () => {
  it.each<[string, Shape, number]>([
    // The post count estimate grew after a page: the computed share shrinks, the bar does not.
    ['metadata total grew', { stage: 'metadata', posts: [50, 400], percent: 11 }, 11],
    ['resumed with a higher stored percent', { stage: 'media', media: [1, 0, 100], percent: 60.5 }, 60.5],
    ['queued keeps what it had', { stage: 'queued', percent: 3 }, 3],
  ])('%s', (_name, shape, expected) => {
    expect(overallPercent(snapshot(shape))).toBe(expected);
  });

  it('rises step by step through a whole job and ends at 100', () => {
    const steps: [Shape, number][] = [
      [{ stage: 'queued' }, 0],
      [{ stage: 'resolving' }, 0],
      [{ stage: 'metadata', posts: [0, 0], postCount: 30 }, 0],
      [{ stage: 'metadata', posts: [10, 10], postCount: 30 }, 0],
      [{ stage: 'metadata', posts: [20, 20], postCount: 30 }, 0],
      [{ stage: 'metadata', posts: [30, 30], postCount: 30 }, 0],
      // More posts than the profile claimed.
      [{ stage: 'metadata', posts: [40, 40], postCount: 30 }, 0],
      [{ stage: 'media', posts: [40, 40], media: [0, 0, 60] }, 0],
      [{ stage: 'media', posts: [40, 40], media: [20, 1, 60] }, 0],
      [{ stage: 'media', posts: [40, 40], media: [58, 2, 60] }, 0],
      [{ stage: 'archive' }, 0],
      [{ stage: 'archive' }, 0.5],
      [{ stage: 'archive' }, 1],
      [{ stage: 'delivering' }, 0],
      [{ stage: 'done' }, 0],
    ];
    for (const includeMedia of [true, false]) {
      const seen: number[] = [];
      let percent = 0;
      for (const [shape, archiveFraction] of steps) {
        percent = overallPercent(snapshot({ ...shape, includeMedia, percent }), archiveFraction);
        seen.push(percent);
      }
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
      expect(seen.slice(0, -1).every((p) => p <= 99)).toBe(true);
      expect(seen.at(-1)).toBe(100);
    }
  });
});

describe('overallPercent for finished jobs', () => {
  it.each<[Stage, number, number]>([
    ['done', 0, 100],
    ['done', 97, 100],
    ['failed', 42.3, 42.3],
    ['failed', 0, 0],
    ['cancelled', 7, 7],
    ['cancelled', 96.9, 96.9],
  ])('%s with stored percent %f → %f', (stage, percent, expected) => {
    expect(overallPercent(snapshot({ stage, percent, posts: [10, 10], media: [5, 0, 5] }), 1)).toBe(expected);
  });
});

describe('isFinal', () => {
  it.each<[Stage, boolean]>([
    ['queued', false],
    ['resolving', false],
    ['metadata', false],
    ['media', false],
    ['archive', false],
    ['delivering', false],
    ['done', true],
    ['failed', true],
    ['cancelled', true],
  ])('%s → %s', (stage, expected) => {
    expect(isFinal(stage)).toBe(expected);
  });
});
