import { stagedMediaName } from '../../../../lib/export/job/stagedMediaName';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { type JobContext } from '../../../../lib/export/job/jobContext';
import { startMediaDownloads } from '../../../../lib/export/job/mediaStage';
import type { MediaItem } from '../../../../lib/platforms/types';
import { closeExportDb, type JobRecord } from '../../../../lib/storage/exportDb';
import { getJob, putJob } from '../../../../lib/storage/jobRecords';
import { appendPage } from '../../../../lib/storage/listedPages';
import { mediaOfJob, putMedia } from '../../../../lib/storage/mediaRecords';
import { jobRecord, mediaItem, post, listedPage } from './jobs';
import { offlineJobContext, testServices } from './testServices';

// The files a platform did give an address for are "downloaded" here; the real download is tested on its own.
const services = testServices();

const PHOTO_URL = 'https://scontent.cdninstagram.com/v/t51.2885-15/m1_n.jpg?oh=sig&oe=6946A1B2';
const MESSAGE = 'Instagram listed this video but gave no address to download it from.';

function unavailable(id: string, postId: string): MediaItem {
  return { ...mediaItem(id, postId, 'video'), url: '', unavailable: { message: MESSAGE } };
}

function stageContext(job: JobRecord): JobContext {
  return offlineJobContext(job, { services });
}

async function runMediaStage(ctx: JobContext): Promise<void> {
  await (await startMediaDownloads(ctx)).finish();
}

/** A job whose metadata stage stored one post with a fetchable photo and a video without any address. */
async function listedJob(): Promise<JobRecord> {
  await putJob(jobRecord());
  const photo = { ...mediaItem('m1', 'p1'), url: PHOTO_URL };
  const carousel = { ...post('p1'), kind: 'carousel', media: [photo, unavailable('m2', 'p1')] };
  return appendPage(jobRecord().id, listedPage([carousel], null));
}

beforeEach(() => {
  closeExportDb();
  globalThis.indexedDB = new IDBFactory();
  services.downloadWithRetry.mockImplementation(async ({ url, openSink }) => {
    const sink = await openSink();
    await sink.write(new Uint8Array(100));
    await sink.close();
    return { format: 'jpg', bytes: 100, contentType: 'image/jpeg', url, attempts: 1 };
  });
});

describe('media the platform listed without an address', () => {
  it('are failed without any request, with their reason and message, and counted as done', async () => {
    const job = await listedJob();
    expect(job.media.total).toBe(2);
    await runMediaStage(stageContext(job));

    expect(services.downloadWithRetry.mock.calls.map(([options]) => options.url)).toEqual([PHOTO_URL]);
    const failure = { mediaId: 'm2', postId: 'p1', url: '', reason: 'unavailable', message: MESSAGE };
    expect(job.failed).toEqual([failure]);
    expect(job.media).toEqual({ done: 1, failed: 1, total: 2 });
    expect((await mediaOfJob(job.id)).map((r) => [r.mediaId, r.state, r.failure])).toEqual([
      ['m1', 'kept', undefined],
      ['m2', 'failed', failure],
    ]);
  });

  it('are failed once: a worker that resumes the job keeps the failure and fetches nothing again', async () => {
    const first = await listedJob();
    await runMediaStage(stageContext(first));
    services.downloadWithRetry.mockClear();

    const resumed = (await getJob(first.id))!;
    await runMediaStage(stageContext(resumed));
    expect(services.downloadWithRetry).not.toHaveBeenCalled();
    expect(resumed.media).toEqual({ done: 1, failed: 1, total: 2 });
    expect(resumed.failed.map((f) => [f.mediaId, f.reason])).toEqual([['m2', 'unavailable']]);
  });

  it('are failed by a worker that stopped before the media stage finished', async () => {
    const job = await listedJob();
    // As if the worker stopped after the photo was kept: the unavailable video is still pending.
    const [photo] = await mediaOfJob(job.id);
    await putJob({ ...job, stage: 'media' });
    await putMedia({ ...photo!, state: 'kept', format: 'jpg', bytes: 100 });
    const sink = await services.staging.openStagedFile(job.id, stagedMediaName(photo!));
    await sink.write(new Uint8Array(100));
    await sink.close();

    const resumed = (await getJob(job.id))!;
    await runMediaStage(stageContext(resumed));
    expect(services.downloadWithRetry).not.toHaveBeenCalled();
    expect(resumed.media).toEqual({ done: 1, failed: 1, total: 2 });
    expect(resumed.failed.map((f) => f.mediaId)).toEqual(['m2']);
  });
  it('keep the reason the platform gave: an item it did not return is failed as not_returned', async () => {
    await putJob(jobRecord());
    const gone = { ...mediaItem('m3', 'p3'), url: '', unavailable: { message: 'Facebook listed this photo but did not return it.', reason: 'not_returned' as const } };
    const job = await appendPage(jobRecord().id, listedPage([{ ...post('p3'), media: [gone] }], null));
    await runMediaStage(stageContext(job));
    expect(services.downloadWithRetry).not.toHaveBeenCalled();
    expect(job.failed).toEqual([{ mediaId: 'm3', postId: 'p3', url: '', reason: 'not_returned', message: 'Facebook listed this photo but did not return it.' }]);
  });
});
