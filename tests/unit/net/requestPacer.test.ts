import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RequestPacer } from '../../../lib/net/requestPacer';
import type { Pacing } from '../../../lib/platforms/types';

const T0 = 1_700_000_000_000;

interface Event {
  task: string;
  what: 'start' | 'end';
  at: number;
}

type Outcome = 'resolve' | 'reject' | 'throw';

/** A fake API call that takes `ms` of (fake) time and records when it ran. */
function call(events: Event[], task: string, ms: number, outcome: Outcome = 'resolve'): () => Promise<string> {
  return () => {
    events.push({ task, what: 'start', at: Date.now() });
    if (outcome === 'throw') {
      events.push({ task, what: 'end', at: Date.now() });
      throw new Error(`${task} threw`);
    }
    return new Promise<string>((resolve, reject) =>
      setTimeout(() => {
        events.push({ task, what: 'end', at: Date.now() });
        if (outcome === 'reject') reject(new Error(`${task} failed`));
        else resolve(`${task} result`);
      }, ms),
    );
  };
}

type Settled = { value: unknown } | { error: unknown };
const settle = (promise: Promise<unknown>): Promise<Settled> => promise.then((value) => ({ value }), (error: unknown) => ({ error }));

/** Settles in the background; `outcome` says whether it has by now. */
function track(promise: Promise<unknown>): { outcome?: Settled; done: Promise<Settled> } {
  const tracked: { outcome?: Settled; done: Promise<Settled> } = { done: settle(promise) };
  void tracked.done.then((outcome) => (tracked.outcome = outcome));
  return tracked;
}

const at = (events: Event[], task: string, what: Event['what']) => events.find((e) => e.task === task && e.what === what)?.at;

function pacerWith(random: number): RequestPacer {
  return new RequestPacer(() => Date.now(), () => random);
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});

afterEach(() => {
  vi.useRealTimers();
});

const never = new AbortController().signal;

describe('RequestPacer', () => {
  it('runs tasks one at a time, in the order given, with their own results', async () => {
    const events: Event[] = [];
    const pacer = pacerWith(0.5);
    const pacing = { minDelayMs: 100, maxDelayMs: 300 };
    const durations = [30, 5, 250, 0, 10];
    const results = durations.map((ms, i) => settle(pacer.run(call(events, `t${i}`, ms), pacing, never)));

    await vi.runAllTimersAsync();

    expect(await Promise.all(results)).toEqual(durations.map((_, i) => ({ value: `t${i} result` })));
    expect(events.map((e) => `${e.what} ${e.task}`)).toEqual(durations.flatMap((_, i) => [`start t${i}`, `end t${i}`]));
    expect(at(events, 't0', 'start')).toBe(T0);
    // The pause counts from the end of the previous call, whatever it took.
    for (let i = 1; i < durations.length; i += 1) {
      expect(at(events, `t${i}`, 'start')! - at(events, `t${i - 1}`, 'end')!).toBe(200);
    }
  });

  it.each<[string, Pacing, number, number]>([
    ['the lowest random draw waits the minimum', { minDelayMs: 1000, maxDelayMs: 3000 }, 0, 1000],
    ['the highest random draw waits the maximum', { minDelayMs: 1000, maxDelayMs: 3000 }, 1, 3000],
    ['a quarter of the range', { minDelayMs: 1000, maxDelayMs: 3000 }, 0.25, 1500],
    ['a fixed pause', { minDelayMs: 400, maxDelayMs: 400 }, 0.9, 400],
    ['a maximum below the minimum keeps the minimum', { minDelayMs: 400, maxDelayMs: 100 }, 0.9, 400],
    ['no pause at all', { minDelayMs: 0, maxDelayMs: 0 }, 0.5, 0],
  ])('%s', async (_name, pacing, random, expectedGap) => {
    const events: Event[] = [];
    const pacer = pacerWith(random);
    const first = settle(pacer.run(call(events, 'a', 50), pacing, never));
    const second = settle(pacer.run(call(events, 'b', 50), pacing, never));

    await vi.runAllTimersAsync();

    expect(await Promise.all([first, second])).toEqual([{ value: 'a result' }, { value: 'b result' }]);
    expect(at(events, 'b', 'start')! - at(events, 'a', 'end')!).toBe(expectedGap);
  });

  it('waits only for what is left of the pause when the next call comes late', async () => {
    const events: Event[] = [];
    const pacer = pacerWith(0);
    const pacing = { minDelayMs: 200, maxDelayMs: 200 };
    void pacer.run(call(events, 'a', 10), pacing, never);
    await vi.advanceTimersByTimeAsync(10 + 150);

    const second = settle(pacer.run(call(events, 'b', 10), pacing, never));
    await vi.runAllTimersAsync();

    expect(await second).toEqual({ value: 'b result' });
    expect(at(events, 'b', 'start')).toBe(at(events, 'a', 'end')! + 200);
  });

  it('does not wait when the pause is already over', async () => {
    const events: Event[] = [];
    const pacer = pacerWith(0);
    const pacing = { minDelayMs: 200, maxDelayMs: 200 };
    void pacer.run(call(events, 'a', 10), pacing, never);
    await vi.advanceTimersByTimeAsync(5000);

    const calledAt = Date.now();
    const second = settle(pacer.run(call(events, 'b', 10), pacing, never));
    await vi.runAllTimersAsync();

    expect(await second).toEqual({ value: 'b result' });
    expect(at(events, 'b', 'start')).toBe(calledAt);
  });

  it.each<[Outcome]>([['reject'], ['throw']])('keeps going after a call that fails (%s), still pacing after it', async (outcome) => {
    const events: Event[] = [];
    const pacer = pacerWith(0);
    const pacing = { minDelayMs: 300, maxDelayMs: 300 };
    const results = [
      settle(pacer.run(call(events, 'ok-1', 20), pacing, never)),
      settle(pacer.run(call(events, 'bad', 20, outcome), pacing, never)),
      settle(pacer.run(call(events, 'ok-2', 20), pacing, never)),
    ];

    await vi.runAllTimersAsync();

    const [first, failed, last] = await Promise.all(results);
    expect(first).toEqual({ value: 'ok-1 result' });
    expect(failed).toMatchObject({ error: { message: outcome === 'throw' ? 'bad threw' : 'bad failed' } });
    expect(last).toEqual({ value: 'ok-2 result' });
    expect(at(events, 'bad', 'start')! - at(events, 'ok-1', 'end')!).toBe(300);
    expect(at(events, 'ok-2', 'start')! - at(events, 'bad', 'end')!).toBe(300);
  });

  it('rejects a call cancelled during its pause without making it, and the next call still runs', async () => {
    const events: Event[] = [];
    const pacer = pacerWith(0);
    const pacing = { minDelayMs: 1000, maxDelayMs: 1000 };
    const controller = new AbortController();
    const first = settle(pacer.run(call(events, 'a', 10), pacing, never));
    const cancelled = track(pacer.run(call(events, 'cancelled', 10), pacing, controller.signal));
    const other = settle(pacer.run(call(events, 'other', 10), pacing, never));

    await vi.advanceTimersByTimeAsync(10 + 400);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    // Rejected at once, not when its pause would have ended.
    expect(cancelled.outcome).toMatchObject({ error: { name: 'AbortError' } });

    await vi.runAllTimersAsync();
    expect(await first).toEqual({ value: 'a result' });
    expect(await other).toEqual({ value: 'other result' });
    expect(events.map((e) => `${e.what} ${e.task}`)).toEqual(['start a', 'end a', 'start other', 'end other']);
    // The cancelled call made no request, so the pause counts from the last one that did.
    expect(at(events, 'other', 'start')).toBe(at(events, 'a', 'end')! + 1000);
  });

  it('rejects a call whose signal was aborted before it was queued, without making it', async () => {
    const events: Event[] = [];
    const pacer = pacerWith(0);
    const pacing = { minDelayMs: 100, maxDelayMs: 100 };
    const first = settle(pacer.run(call(events, 'a', 10), pacing, never));
    const cancelled = settle(pacer.run(call(events, 'cancelled', 10), pacing, AbortSignal.abort()));
    const last = settle(pacer.run(call(events, 'b', 10), pacing, never));

    await vi.runAllTimersAsync();

    expect(await cancelled).toMatchObject({ error: { name: 'AbortError' } });
    expect(await Promise.all([first, last])).toEqual([{ value: 'a result' }, { value: 'b result' }]);
    expect(events.map((e) => e.task)).toEqual(['a', 'a', 'b', 'b']);
  });

  it('rejects a queued call as soon as the running call it waits for stops on the same cancel', async () => {
    const events: Event[] = [];
    const pacer = pacerWith(0);
    const pacing = { minDelayMs: 100, maxDelayMs: 100 };
    const controller = new AbortController();
    // A request that honours the signal, as fetch does.
    const abortable = () =>
      new Promise<string>((resolve, reject) => {
        events.push({ task: 'running', what: 'start', at: Date.now() });
        const timer = setTimeout(() => resolve('running result'), 60_000);
        controller.signal.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(controller.signal.reason);
        });
      });
    const running = track(pacer.run(abortable, pacing, controller.signal));
    const queued = track(pacer.run(call(events, 'queued', 10), pacing, controller.signal));

    await vi.advanceTimersByTimeAsync(500);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);

    expect(running.outcome).toMatchObject({ error: { name: 'AbortError' } });
    expect(queued.outcome).toMatchObject({ error: { name: 'AbortError' } });
    expect(events.map((e) => e.task)).toEqual(['running']);
  });
});
