import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExportError } from '../../../../lib/errors';
import { createDownloadSlots, downloadSlots } from '../../../../lib/export/media/downloadSlots';

/** A deterministic pseudo-random sequence, so a failure can be replayed. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('download slots', () => {
  it('the shared queue has exactly three slots', async () => {
    const release: (() => void)[] = [];
    const signal = new AbortController().signal;
    const tasks = Array.from({ length: 5 }, () => downloadSlots.run(() => new Promise<void>((resolve) => release.push(resolve)), signal));
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(downloadSlots.activeCount).toBe(3);
    expect(downloadSlots.pendingCount).toBe(2);
    while (release.length > 0) {
      release.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await Promise.all(tasks);
    expect(downloadSlots.activeCount).toBe(0);
  });

  it.each([1, 2, 3])('runs 20 tasks of random durations, never more than 3 at once and never idling while work waits (seed %i)', async (seed) => {
    vi.useFakeTimers();
    const slots = createDownloadSlots(3);
    const random = seeded(seed);
    const signal = new AbortController().signal;
    let running = 0;
    let maxRunning = 0;
    const violations: string[] = [];
    const checkNoIdleSlot = (when: string) => {
      if (slots.pendingCount > 0 && running < 3) violations.push(`${when}: ${running} running, ${slots.pendingCount} waiting`);
    };
    const tasks = Array.from({ length: 20 }, (_, i) =>
      slots.run(async () => {
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        await new Promise((resolve) => setTimeout(resolve, 1 + Math.floor(random() * 50)));
        // Timers fire as macrotasks, after every pending slot hand-over has run.
        checkNoIdleSlot(`before task ${i} ends`);
        running -= 1;
        return i;
      }, signal),
    );
    const results = Promise.all(tasks);
    await vi.runAllTimersAsync();
    expect(await results).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(maxRunning).toBe(3);
    expect(violations).toEqual([]);
    expect(slots.activeCount).toBe(0);
    expect(slots.pendingCount).toBe(0);
  });

  it('rejects the waiting tasks of a cancelled job at once and never starts them', async () => {
    const slots = createDownloadSlots(3);
    const job = new AbortController();
    const other = new AbortController();
    const started: string[] = [];
    const release: (() => void)[] = [];
    const task = (name: string) => () => {
      started.push(name);
      return new Promise<string>((resolve) => release.push(() => resolve(name)));
    };
    const running = ['a1', 'a2', 'a3'].map((name) => slots.run(task(name), job.signal));
    const waiting = ['a4', 'a5'].map((name) => slots.run(task(name), job.signal));
    const otherJob = slots.run(task('b1'), other.signal);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(slots.pendingCount).toBe(3);

    job.abort();
    for (const promise of waiting) {
      const error = await promise.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ExportError);
      expect((error as ExportError).kind).toBe('cancelled');
    }
    expect(slots.pendingCount).toBe(1);

    release.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(started).toEqual(['a1', 'a2', 'a3', 'b1']);
    while (release.length > 0) release.shift()?.();
    await expect(Promise.all(running)).resolves.toEqual(['a1', 'a2', 'a3']);
    await expect(otherJob).resolves.toBe('b1');
    expect(started).not.toContain('a4');
    expect(slots.activeCount).toBe(0);
    expect(slots.pendingCount).toBe(0);
  });

  it('refuses a task whose job is already cancelled', async () => {
    const slots = createDownloadSlots(3);
    let ran = false;
    const error = await slots.run(async () => { ran = true; }, AbortSignal.abort()).catch((e: unknown) => e);
    expect((error as ExportError).kind).toBe('cancelled');
    expect(ran).toBe(false);
  });

  it('passes the signal to a running task and hands on its failure', async () => {
    const slots = createDownloadSlots(3);
    const controller = new AbortController();
    const seen = await slots.run(async (signal) => signal, controller.signal);
    expect(seen).toBe(controller.signal);
    await expect(slots.run(async () => { throw new Error('boom'); }, controller.signal)).rejects.toThrow('boom');
  });
});
