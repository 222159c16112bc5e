import { createHash } from 'node:crypto';

/**
 * A generated media file: a small header, a run of padding frames that brings the file to the
 * requested size, and a small trailer. Frames share one size (±1 byte), so any byte offset maps
 * to a frame by arithmetic: ranges and hashes are computed without materialising the file.
 */
export interface FileLayout {
  readonly size: number;
  readonly head: Buffer;
  readonly tail: Buffer;
  readonly frameCount: number;
  /** The full bytes of padding frame `index` (at most ~64 KiB). */
  frame(index: number, length: number): Buffer;
}

export interface FramePlan {
  count: number;
  base: number;
  /** How many of the first frames are one byte longer than `base`. */
  longer: number;
}

/** Splits `length` padding bytes into frames of at most `maxFrame` bytes, as evenly as possible. */
export function planFrames(length: number, maxFrame: number): FramePlan {
  if (length <= 0) return { count: 0, base: 0, longer: 0 };
  const count = Math.ceil(length / maxFrame);
  return { count, base: Math.floor(length / count), longer: length % count };
}

export function frameLength(plan: FramePlan, index: number): number {
  return index < plan.longer ? plan.base + 1 : plan.base;
}

function frameOffset(plan: FramePlan, index: number): number {
  return index * plan.base + Math.min(index, plan.longer);
}

function frameAt(plan: FramePlan, relative: number): number {
  const longSpan = (plan.base + 1) * plan.longer;
  if (relative < longSpan) return Math.floor(relative / (plan.base + 1));
  return plan.longer + Math.floor((relative - longSpan) / plan.base);
}

export interface PlannedLayout extends FileLayout {
  readonly plan: FramePlan;
}

/** Yields the bytes of [start, end) in chunks of at most one frame. */
export function* layoutChunks(layout: PlannedLayout, start = 0, end = layout.size): Generator<Buffer> {
  const { head, tail, plan } = layout;
  const framesStart = head.length;
  const framesEnd = layout.size - tail.length;
  let pos = start;
  if (pos < framesStart && pos < end) {
    const stop = Math.min(end, framesStart);
    yield head.subarray(pos, stop);
    pos = stop;
  }
  if (pos < framesEnd && pos < end) {
    let index = frameAt(plan, pos - framesStart);
    while (pos < Math.min(end, framesEnd)) {
      const offset = framesStart + frameOffset(plan, index);
      const length = frameLength(plan, index);
      const bytes = layout.frame(index, length);
      const from = pos - offset;
      const to = Math.min(length, end - offset);
      yield bytes.subarray(from, to);
      pos = offset + to;
      index++;
    }
  }
  if (pos < end) yield tail.subarray(pos - framesEnd, end - framesEnd);
}

export function layoutSha256(layout: PlannedLayout): string {
  const hash = createHash('sha256');
  for (const chunk of layoutChunks(layout)) hash.update(chunk);
  return hash.digest('hex');
}

/** Only for small files and tests: the whole file in memory. */
export function layoutBytes(layout: PlannedLayout, start = 0, end = layout.size): Buffer {
  return Buffer.concat([...layoutChunks(layout, start, end)]);
}
