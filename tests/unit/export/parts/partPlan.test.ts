import { describe, expect, it } from 'vitest';
import { FILE_OVERHEAD_BYTES, PART_RESERVE_BYTES, estimatedPostBytes, startsNewPart, type PartRange, type PlannedPost } from '../../../../lib/export/parts/partPlan';
import { partLimitBytes } from '../../../../lib/export/parts/splitSizes';

const MB = 1_000_000;
const post = (...fileBytes: number[]): PlannedPost => ({ textBytes: 100, fileBytes });

/** The parts the split export writes, deciding post by post as it appends them in order. */
function planParts(posts: readonly PlannedPost[], limitBytes: number): PartRange[] {
  const parts: PartRange[] = [{ start: 0, end: 0 }];
  let filled = 0;
  for (const planned of posts) {
    const bytes = estimatedPostBytes(planned);
    if (startsNewPart(filled, bytes, limitBytes)) {
      parts.push({ start: parts.at(-1)!.end, end: parts.at(-1)!.end });
      filled = 0;
    }
    parts.at(-1)!.end += 1;
    filled += bytes;
  }
  return parts;
}

describe('startsNewPart', () => {
  it('puts everything in one part when it fits', () => {
    expect(planParts([post(MB), post(MB, MB)], 10 * MB)).toEqual([{ start: 0, end: 2 }]);
  });

  it('starts a new part when the next post would not fit, never cutting a post', () => {
    const posts = [post(3 * MB), post(3 * MB, 2 * MB), post(4 * MB), post(MB)];
    const parts = planParts(posts, 10 * MB);
    expect(parts).toEqual([{ start: 0, end: 2 }, { start: 2, end: 4 }]);
    for (const { start, end } of parts) {
      const bytes = posts.slice(start, end).reduce((sum, p) => sum + estimatedPostBytes(p), 0);
      expect(bytes).toBeLessThanOrEqual(10 * MB - PART_RESERVE_BYTES);
    }
  });

  it('gives a post larger than a part a part of its own', () => {
    expect(planParts([post(MB), post(25 * MB), post(MB)], 10 * MB)).toEqual([
      { start: 0, end: 1 },
      { start: 1, end: 2 },
      { start: 2, end: 3 },
    ]);
  });

  it('covers every post once, in order, for any sizes', () => {
    const posts = Array.from({ length: 200 }, (_, i) => post(((i * 7919) % 13) * 100_000, (i % 3) * 50_000));
    const parts = planParts(posts, 2 * MB);
    expect(parts[0]!.start).toBe(0);
    expect(parts.at(-1)!.end).toBe(posts.length);
    parts.slice(1).forEach((part, i) => expect(part.start).toBe(parts[i]!.end));
    expect(parts.every((part) => part.end > part.start)).toBe(true);
  });

  it('is one empty part for an export without posts', () => {
    expect(planParts([], 10 * MB)).toEqual([{ start: 0, end: 0 }]);
  });

  it('counts each file with room for its headers and sidecar, and the text for every format', () => {
    expect(estimatedPostBytes({ textBytes: 10, fileBytes: [5, 7] })).toBe(30 + 12 + 2 * FILE_OVERHEAD_BYTES);
  });
});

describe('partLimitBytes', () => {
  const request = { platform: 'instagram' as const, format: 'json' as const, includeMedia: true };
  it('is none without a split, the chosen decimal GB, or the test override', () => {
    expect(partLimitBytes(request, {})).toBeUndefined();
    expect(partLimitBytes({ ...request, splitGB: 4 }, {})).toBe(4_000_000_000);
    expect(partLimitBytes({ ...request, splitGB: 4 }, { partBytes: 300_000 })).toBe(300_000);
    expect(partLimitBytes(request, { partBytes: 300_000 })).toBeUndefined();
  });
});
