import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { runStreamedArchiveStage } from '../../../../lib/export/job/streamedArchiveStage';
import { runJob } from '../../../../lib/export/job/runJob';
import { toSnapshot } from '../../../../lib/export/job/jobSnapshot';
import { adapterFor } from '../../../../lib/platforms/registry';
import { closeExportDb, type JobRecord } from '../../../../lib/storage/exportDb';
import { getJob, putJob } from '../../../../lib/storage/jobRecords';
import { appendPage } from '../../../../lib/storage/listedPages';
import { mediaOfJob, putMedia } from '../../../../lib/storage/mediaRecords';
import { jobRecord, listedPage } from './jobs';
import { JPEG_BYTES, fakeAdapter, photoPosts, servedDownload } from './runJobHarness';
import { stagedMediaName } from '../../../../lib/export/job/stagedMediaName';
import { staged } from './memoryStaging';
import { offlineJobContext, testServices } from './testServices';

const services = testServices();

const ACCOUNT = { id: '1', handle: 'star.demo' };

function useAdapter(pages = [photoPosts(2)]): void {
  services.adapterFor.mockImplementation((id) => (id === 'instagram' ? fakeAdapter(pages) : adapterFor(id)));
}

async function run(job: JobRecord): Promise<JobRecord> {
  await runJob(job, new AbortController().signal, putJob, services);
  return (await getJob(job.id))!;
}

beforeEach(async () => {
  closeExportDb();
  globalThis.indexedDB = new IDBFactory();
  staged.clear();
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Star Export', version: '1.0.0' });
  services.downloadWithRetry.mockImplementation(servedDownload);
  useAdapter();
});

describe('runJob', () => {
  it('exports a listed account to a delivered ZIP', async () => {
    const job = await run(jobRecord());
    expect(job).toMatchObject({ stage: 'done', media: { done: 2, failed: 0, total: 2 }, downloadId: 7 });
  });
});

describe('a resumed job whose data is gone', () => {
  it('fails as expired, and cannot be resumed again, instead of delivering an empty ZIP', async () => {
    // What retention used to leave: a resumable job whose posts, media records and files were removed.
    const emptied = jobRecord({ stage: 'media', account: ACCOUNT, metadataDone: true, nextPostSeq: 2, nextMediaSeq: 2, posts: { done: 2, total: 2 }, media: { done: 1, total: 2, failed: 0 } });
    await putJob(emptied);
    const ended = await run(emptied);
    expect(ended.stage).toBe('failed');
    expect(ended.error).toEqual({ kind: 'export_expired', message: 'This export has expired; start it again.' });
    expect(toSnapshot(ended).resumable).toBe(false);
    expect(ended.fileName).toBeUndefined();
  });

  it('the archive refuses a with-media job that listed media but holds no records of them', async () => {
    const job = jobRecord({ stage: 'archive', account: ACCOUNT, metadataDone: true, nextPostSeq: 0, nextMediaSeq: 3 });
    await putJob(job);
    const ctx = offlineJobContext(job, { adapter: services.adapterFor('instagram'), services });
    await expect(runStreamedArchiveStage(ctx)).rejects.toMatchObject({ kind: 'export_expired' });
    expect(staged.get(job.id)?.has('export.zip') ?? false).toBe(false);
  });

  it('a job whose data is kept resumes as before', async () => {
    const job = jobRecord({ stage: 'media', account: ACCOUNT });
    await putJob(job);
    await appendPage(job.id, listedPage(photoPosts(2), null));
    const ended = await run((await getJob(job.id))!);
    expect(ended.stage).toBe('done');
    expect(await mediaOfJob(job.id)).toEqual([]);
  });
});

describe('a staged file missing at the archive stage', () => {
  it('goes back to the media stage and the export finishes with it', async () => {
    // A job stopped in the archive stage with both files kept, but one staged file is gone.
    const job = jobRecord({ stage: 'media', account: ACCOUNT });
    await putJob(job);
    await appendPage(job.id, listedPage(photoPosts(2), null));
    const records = await mediaOfJob(job.id);
    for (const record of records) await putMedia({ ...record, state: 'kept', format: 'jpg', bytes: JPEG_BYTES.byteLength });
    staged.set(job.id, new Map([[stagedMediaName(records[0]!), new Blob([JPEG_BYTES])]]));

    services.downloadWithRetry.mockClear();
    const ended = await run({ ...(await getJob(job.id))!, stage: 'archive' });

    expect(ended.stage).toBe('done');
    expect(services.downloadWithRetry.mock.calls.map(([options]) => options.url)).toEqual([records[1]!.item.url]);
    expect(ended.media).toMatchObject({ done: 2, failed: 0, total: 2 });
    expect(ended.failed).toEqual([]);
  });
});

describe('a worker stopped between starting the ZIP download and saving its id', () => {
  it('waits for that download instead of downloading the ZIP twice', async () => {
    const { delivery } = services;
    delivery.deliverArchive.mockClear();
    delivery.findStartedDownload.mockResolvedValueOnce(11);
    const job = jobRecord({ id: '20261124-delivery', stage: 'media', account: ACCOUNT });
    await putJob(job);
    await appendPage(job.id, listedPage(photoPosts(1), null));
    // Built, handed over, and the worker stopped before the download id was saved.
    const built = await run((await getJob(job.id))!);
    delivery.deliverArchive.mockClear();
    delivery.waitForDownload.mockClear();
    // A job stopped in delivery still holds its items (a done job's are cleaned up).
    await appendPage(job.id, listedPage(photoPosts(1), null));
    const stopped = { ...built, stage: 'delivering' as const, downloadId: undefined, deliveryStartedAt: new Date().toISOString() };
    await putJob(stopped);
    const ended = await run(stopped);
    expect(ended).toMatchObject({ stage: 'done', downloadId: 11 });
    expect(delivery.deliverArchive).not.toHaveBeenCalled();
    expect(delivery.waitForDownload.mock.calls[0]?.[0]).toBe(11);
  });
});
