import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { budgetKeys, callsCounted } from '../../../lib/net/callBudget';
import { createPlatformContext } from '../../../lib/net/platformContext';
import { adapterFor } from '../../../lib/platforms/registry';
import type { CallBudget, PlatformContext } from '../../../lib/platforms/types';
import { mediaItem } from '../export/job/jobs';
import { MemoryNotes } from '../platforms/memoryNotes';

const ORIGIN = 'https://www.instagram.com';
const BUDGET: CallBudget = { perHour: 3, perDay: 100 };

/** One job's API context, as runJob builds it: `account` is the job's resolved account, if any. */
function jobContext(account: () => string | undefined, onPause: (until: Date | undefined) => Promise<void> = async () => undefined, signal = new AbortController().signal): PlatformContext {
  return createPlatformContext({
    origin: ORIGIN,
    pacing: { minDelayMs: 0, maxDelayMs: 0 },
    signal,
    stallTimeoutMs: 30_000,
    notes: new MemoryNotes(),
    budget: BUDGET,
    account,
    onPause,
  });
}

const call = (ctx: PlatformContext) => ctx.request({ url: `${ORIGIN}/api/v1/feed/user/1/` });

beforeEach(() => {
  fakeBrowser.reset();
  vi.stubGlobal('fetch', vi.fn(async () => new Response('{}', { status: 200 })));
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('call budgets per account and platform', () => {
  it('counts calls before the account is known against the platform, and after against the account too', async () => {
    const job: { account?: string } = {};
    const ctx = jobContext(() => job.account);
    await call(ctx);
    job.account = '42';
    await call(ctx);
    expect(await callsCounted(ORIGIN)).toHaveLength(2);
    expect(await callsCounted(budgetKeys(ORIGIN, '42')[1]!)).toHaveLength(1);
  });

  it('gives a second export of the same account no fresh budget: it pauses at once', async () => {
    const first = jobContext(() => '42');
    for (let i = 0; i < BUDGET.perHour; i += 1) await call(first);

    const controller = new AbortController();
    const pauses: (Date | undefined)[] = [];
    const second = jobContext(
      () => '42',
      async (until) => {
        pauses.push(until);
        controller.abort(new Error('stop waiting'));
      },
      controller.signal,
    );
    await expect(call(second)).rejects.toBeDefined();
    expect(pauses).toHaveLength(1);
    expect(pauses[0]!.getTime()).toBeGreaterThan(Date.now() + 59 * 60_000);
    expect(fetch).toHaveBeenCalledTimes(BUDGET.perHour);
  });

  it('counts an expired link’s refresh against the account’s budget', async () => {
    const ctx = jobContext(() => '42');
    const item = mediaItem('3141592653589793238_1', '3141592653589793238');
    vi.spyOn(fakeBrowser.cookies, 'get').mockResolvedValue({ name: 'csrftoken', value: 'token' } as never);
    // The stubbed answer holds no such item: the refresh ends either way, after its calls.
    await adapterFor('instagram').refreshMediaUrl(ctx, item).catch(() => undefined);
    expect(fetch).toHaveBeenCalled();
    expect(await callsCounted(budgetKeys(ORIGIN, '42')[1]!)).toHaveLength(vi.mocked(fetch).mock.calls.length);
  });
});
