import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportError } from '../../../../lib/errors';
import { type JobContext } from '../../../../lib/export/job/jobContext';
import { startMediaDownloads } from '../../../../lib/export/job/mediaStage';
import { withApiRetries } from '../../../../lib/export/job/metadataStage';
import { downloadMedia } from '../../../../lib/export/media/downloadMedia';
import { downloadWithRetry } from '../../../../lib/export/media/downloadWithRetry';
import { createConnectivity } from '../../../../lib/net/connectivity';
import { closeExportDb, type JobRecord } from '../../../../lib/storage/exportDb';
import { putJob } from '../../../../lib/storage/jobRecords';
import { appendPage } from '../../../../lib/storage/listedPages';
import { mediaOfJob } from '../../../../lib/storage/mediaRecords';
import { jobRecord, listedPage } from './jobs';
import { photoPosts } from './runJobHarness';
import { offlineJobContext, testServices } from './testServices';

// The real retries, slots and connectivity run; only the transfer is faked.
vi.mock('../../../../lib/export/media/downloadMedia', () => ({ downloadMedia: vi.fn() }));
const services = { ...testServices(), downloadWithRetry };

const quick = () => createConnectivity({ baseWaitMs: 5, maxWaitMs: 20 });

function contextFor(job: JobRecord): JobContext {
  return offlineJobContext(job, { services, network: { api: quick(), media: quick() } });
}

beforeEach(() => {
  closeExportDb();
  globalThis.indexedDB = new IDBFactory();
});

describe('a network drop during the downloads', () => {
  it('pauses them until the media host answers again; every file is kept, none failed', async () => {
    await putJob(jobRecord({ stage: 'media', account: { id: '1', handle: 'star.demo' } }));
    const job = await appendPage(jobRecord().id, listedPage(photoPosts(6), null));
    // The host drops every connection for the first 30 requests, then serves again.
    let requests = 0;
    vi.mocked(downloadMedia).mockImplementation(async ({ openSink }) => {
      requests += 1;
      if (requests <= 30) throw new ExportError('network_error', 'Network error: Failed to fetch');
      const sink = await openSink();
      await sink.write(new Uint8Array(100));
      await sink.close();
      return { format: 'jpg', bytes: 100, contentType: 'image/jpeg' };
    });
    const ctx = contextFor(job);
    await (await startMediaDownloads(ctx)).finish();
    expect(requests).toBeGreaterThan(30);
    expect(job.media).toEqual({ done: 6, failed: 0, total: 6 });
    expect(job.failed).toEqual([]);
    expect((await mediaOfJob(job.id)).map((r) => r.state)).toEqual(Array(6).fill('kept'));
  }, 20_000);
});

describe('a network drop during the listing', () => {
  it('pauses the listing, uncounted, until a call goes through again', async () => {
    const job = jobRecord({ stage: 'metadata' });
    await putJob(job);
    let calls = 0;
    const page = await withApiRetries(contextFor(job), async () => {
      calls += 1;
      if (calls <= 12) throw new ExportError('network_error', 'Network error: Failed to fetch');
      return 'page';
    });
    expect(page).toBe('page');
    expect(calls).toBe(13);
  }, 60_000);
});
