import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { ExportError } from '../../../../lib/errors';
import { DEFAULT_EXPORT_SETTINGS } from '../../../../lib/export/exportSettings';
import { startMediaDownloads } from '../../../../lib/export/job/mediaStage';
import { adapterFor } from '../../../../lib/platforms/registry';
import type { PlatformAdapter } from '../../../../lib/platforms/types';
import { closeExportDb } from '../../../../lib/storage/exportDb';
import { putJob } from '../../../../lib/storage/jobRecords';
import { appendPage } from '../../../../lib/storage/listedPages';
import { jobRecord, listedPage } from './jobs';
import { photoPosts } from './runJobHarness';
import { offlineJobContext, testServices } from './testServices';

// Every file's link has expired: the download asks for a fresh one, as the real one does after a 403.
const services = testServices();

beforeEach(() => {
  closeExportDb();
  globalThis.indexedDB = new IDBFactory();
  services.downloadWithRetry.mockImplementation(async (options) => {
    const url = await options.refreshUrl!();
    const sink = await options.openSink();
    await sink.write(new Uint8Array(100));
    await sink.close();
    return { format: 'jpg', bytes: 100, contentType: 'image/jpeg', url: url ?? options.url, attempts: 2 };
  });
});

describe('refreshing an expired link', () => {
  it('goes through the API retries: a rate limit during the refresh waits, and the file is kept', async () => {
    await putJob(jobRecord({ stage: 'media', account: { id: '1', handle: 'star.demo' } }));
    const job = await appendPage(jobRecord().id, listedPage(photoPosts(1), null));
    let refreshes = 0;
    const adapter: PlatformAdapter = {
      ...adapterFor('instagram'),
      async refreshMediaUrl() {
        refreshes += 1;
        if (refreshes === 1) throw new ExportError('rate_limited', 'Please wait a few minutes.', { status: 429 });
        return 'https://scontent.cdninstagram.com/v/m0_n.jpg?oh=fresh';
      },
    };
    const ctx = offlineJobContext(job, { adapter, settings: { ...DEFAULT_EXPORT_SETTINGS, rateLimitWaitMs: 50 }, services });
    await (await startMediaDownloads(ctx)).finish();
    expect(refreshes).toBe(2);
    expect(job.media).toEqual({ done: 1, failed: 0, total: 1 });
  });
});
