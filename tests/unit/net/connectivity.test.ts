import { describe, expect, it } from 'vitest';
import { ExportError } from '../../../lib/errors';
import { createConnectivity } from '../../../lib/net/connectivity';
import { downloadWithRetry } from '../../../lib/export/media/downloadWithRetry';
import type { MediaRules } from '../../../lib/platforms/types';
import { SAMPLES, fakeFetch, fakeResponse, fakeSink, fileOf } from '../support/fakes';

const RULES: MediaRules = { maxBytes: 10_000, formats: ['jpg'] };
const good = () => fakeResponse(fileOf(SAMPLES.jpg, 500), { headers: { 'content-type': 'image/jpeg', 'content-length': '500' } });
const dropped = (): Response => {
  throw new TypeError('Failed to fetch');
};

describe('connectivity', () => {
  it('treats several network errors in a row as the network being down, and a success as it being back', () => {
    const network = createConnectivity({ errorsInARow: 3 });
    expect([network.failedOffline(), network.failedOffline(), network.failedOffline()]).toEqual([false, false, true]);
    network.succeeded();
    expect(network.failedOffline()).toBe(false);
  });

  it('waits at once when the browser says it is offline', () => {
    expect(createConnectivity({ isOnline: () => false }).failedOffline()).toBe(true);
  });

  it('waits longer each time while the network stays down', async () => {
    const waits: number[] = [];
    const network = createConnectivity({ baseWaitMs: 1000, maxWaitMs: 5000, sleep: async (ms) => void waits.push(ms) });
    for (let i = 0; i < 5; i += 1) await network.waitForNetwork(new AbortController().signal);
    expect(waits).toEqual([1000, 2000, 4000, 5000, 5000]);
  });

  it('a host refusing for longer than the give-up time is no dropped network: its files fail', () => {
    let now = 0;
    const network = createConnectivity({ errorsInARow: 1, giveUpAfterMs: 60_000, now: () => now });
    expect(network.failedOffline()).toBe(true);
    now = 61_000;
    expect(network.failedOffline()).toBe(false);
  });
});

describe('a download while the network drops', () => {
  function run(responses: (() => Response)[], connectivity?: ReturnType<typeof createConnectivity>) {
    const { impl, calls } = fakeFetch(responses);
    const outcome = downloadWithRetry({
      url: 'https://cdn.example/a.jpg',
      rules: RULES,
      signal: new AbortController().signal,
      openSink: async () => fakeSink(),
      fetchImpl: impl,
      random: () => 0.5,
      sleep: async () => undefined,
      connectivity,
    });
    return { outcome, calls };
  }

  it('waits for the network instead of spending its retries, however many connections drop', async () => {
    const drop = [...Array<() => Response>(20).fill(dropped), good];
    const network = createConnectivity({ sleep: async () => undefined });
    const { outcome, calls } = run(drop, network);
    await expect(outcome).resolves.toMatchObject({ bytes: 500 });
    expect(calls).toHaveLength(21);
  });

  it('without the job-wide view, the same drop fails the file (the behaviour this replaces)', async () => {
    const drop = [...Array<() => Response>(20).fill(dropped), good];
    const error = await run(drop).outcome.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ExportError);
    expect((error as ExportError).kind).toBe('network_error');
  });
});
