import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { accountPostCount } from '../../../lib/export/accountPostCount';
import { closeExportDb } from '../../../lib/storage/exportDb';
import { putJob } from '../../../lib/storage/jobRecords';
import { jobRecord } from './job/jobs';

beforeEach(() => {
  closeExportDb();
  globalThis.indexedDB = new IDBFactory();
  vi.stubGlobal('fetch', vi.fn(async () => new Response('{}', { status: 200 })));
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the account post count behind the popup’s estimate', () => {
  it('comes from an earlier export of the same account, without calling the platform', async () => {
    const request = { platform: 'instagram' as const, account: 'star.demo', format: 'json' as const, includeMedia: true };
    await putJob(jobRecord({ request, stage: 'done', account: { id: '1', handle: 'star.demo', postCount: 1_200 } }));
    expect(await accountPostCount({ platform: 'instagram', account: 'star.demo' })).toEqual({ postCount: 1_200 });
    expect(await accountPostCount({ platform: 'instagram', account: 'someone.else' })).toEqual({});
    expect(fetch).not.toHaveBeenCalled();
  });

  it('never looks up a platform that gives no count, even when asked', async () => {
    expect(await accountPostCount({ platform: 'facebook', lookUp: true })).toEqual({});
    expect(fetch).not.toHaveBeenCalled();
  });

  it('refuses a request that names no known platform', async () => {
    await expect(accountPostCount({ platform: 'myspace', lookUp: true })).rejects.toMatchObject({ kind: 'invalid_request' });
  });
});
