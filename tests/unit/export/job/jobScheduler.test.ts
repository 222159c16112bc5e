import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ExportError } from '../../../../lib/errors';
import { DEFAULT_EXPORT_SETTINGS, exportSettings } from '../../../../lib/export/exportSettings';
import { createJobScheduler } from '../../../../lib/export/job/jobScheduler';
import type { ExportRequest, JobSnapshot } from '../../../../lib/export/types';
import type { PlatformAdapter } from '../../../../lib/platforms/types';
import { closeExportDb } from '../../../../lib/storage/exportDb';
import { getJob, putJob } from '../../../../lib/storage/jobRecords';
import { appendPage } from '../../../../lib/storage/listedPages';
import { mediaOfJob, putMedia } from '../../../../lib/storage/mediaRecords';
import { jobRecord, listedPage } from './jobs';
import { openStreams, staged } from './memoryStaging';
import { fakeAdapter, gate, photoPosts, servedDownload } from './runJobHarness';
import { testServices } from './testServices';

vi.mock('../../../../lib/storage/jobRecords', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../../lib/storage/jobRecords')>();
  return { ...actual, putJob: vi.fn(actual.putJob) };
});

const services = testServices();

// The machine is shared: a whole export through IndexedDB may take more than vi.waitFor's default second.
const LONG = { timeout: 10_000, interval: 20 };
const REQUEST: ExportRequest = { platform: 'instagram', format: 'json', includeMedia: true };
const ACCOUNT = { id: '1', handle: 'star.demo' };

function useAdapter(adapter: PlatformAdapter): void {
  services.adapterFor.mockReturnValue(adapter);
}

function schedulerWithEnds() {
  const ended: JobSnapshot[] = [];
  const scheduler = createJobScheduler({ onJobEnded: (job) => ended.push(job) }, services);
  return { scheduler, ended };
}

async function stageOf(jobId: string): Promise<string | undefined> {
  return (await getJob(jobId))?.stage;
}

async function resumeAlarmArmed(): Promise<boolean> {
  return (await fakeBrowser.alarms.get('star-export:resume-jobs')) !== undefined;
}

/** A failed job that stopped in the media stage with its page listed: resumable. */
async function failedResumableJob(id: string): Promise<void> {
  await putJob(jobRecord({ id, stage: 'media', account: ACCOUNT }));
  await appendPage(id, listedPage(photoPosts(2), null));
  const listed = (await getJob(id))!;
  await putJob({ ...listed, stage: 'failed', resumeStage: 'media', finishedAt: new Date().toISOString(), error: { kind: 'quota_exceeded', message: 'Disk full.' } });
}

beforeEach(() => {
  closeExportDb();
  globalThis.indexedDB = new IDBFactory();
  staged.clear();
  openStreams.clear();
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Star Export', version: '1.0.0' });
  vi.spyOn(fakeBrowser.runtime, 'getPlatformInfo').mockResolvedValue({ os: 'linux', arch: 'x86-64' } as never);
  services.downloadWithRetry.mockImplementation(servedDownload);
  useAdapter(fakeAdapter([photoPosts(2)]));
});

describe('the job queue after a failure', () => {
  it('runs the next export when saving a job as failed throws (a full disk)', async () => {
    const { scheduler, ended } = schedulerWithEnds();
    const broken = fakeAdapter([photoPosts(1)]);
    useAdapter({ ...broken, resolveAccount: async () => Promise.reject(new Error('boom')) });
    const realPut = vi.mocked(putJob).getMockImplementation()!;
    vi.mocked(putJob).mockImplementation(async (job) => {
      if (job.stage === 'failed') throw new DOMException('The disk is full.', 'QuotaExceededError');
      return realPut(job);
    });
    const first = await scheduler.start(REQUEST);
    await vi.waitFor(() => expect(vi.mocked(putJob).mock.calls.some(([job]) => job.stage === 'failed')).toBe(true), LONG);
    vi.mocked(putJob).mockImplementation(realPut);
    useAdapter(fakeAdapter([photoPosts(2)]));

    const second = await scheduler.start(REQUEST);
    await vi.waitFor(async () => expect(await stageOf(second.jobId)).toBe('done'), LONG);
    await vi.waitFor(() => expect(ended.map((job) => job.id)).toContain(second.jobId), LONG);
    expect(first.jobId).not.toBe(second.jobId);
    await vi.waitFor(async () => expect(await resumeAlarmArmed()).toBe(false), LONG);
  });

  it('a cancel during the archive is saved, aborts the ZIP writer, and the next export runs', async () => {
    const { scheduler } = schedulerWithEnds();
    let cancelDuringArchive: (() => void) | undefined;
    // The ZIP stage reads each staged file; the first read is where the user cancels.
    const staging = await import('./memoryStaging');
    const realRead = staging.readStagedFile;
    const spy = vi.spyOn(staging, 'readStagedFile').mockImplementation(async (jobId, name) => {
      if (name !== 'export.zip' && cancelDuringArchive) {
        cancelDuringArchive();
        cancelDuringArchive = undefined;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return realRead(jobId, name);
    });
    const first = await scheduler.start(REQUEST);
    cancelDuringArchive = () => void scheduler.cancel(first.jobId);
    await vi.waitFor(async () => expect(await stageOf(first.jobId)).toBe('cancelled'), LONG);
    expect(openStreams.size).toBe(0);
    spy.mockRestore();

    const second = await scheduler.start(REQUEST);
    await vi.waitFor(async () => expect(await stageOf(second.jobId)).toBe('done'), LONG);
    await vi.waitFor(() => expect(staged.has(first.jobId)).toBe(false), LONG);
  });
});

describe('cancel', () => {
  it('cancels a resumed job while it waits in the queue, for good, and disarms the alarm', async () => {
    const { scheduler } = schedulerWithEnds();
    const listing = gate();
    useAdapter(fakeAdapter([photoPosts(2)], { beforePage: (_page, signal) => listing.until(signal) }));
    const running = await scheduler.start(REQUEST);
    await vi.waitFor(async () => expect(await stageOf(running.jobId)).toBe('metadata'), LONG);

    await failedResumableJob('20261124-resumed');
    await scheduler.resume('20261124-resumed');
    expect(await stageOf('20261124-resumed')).toBe('media');
    await scheduler.cancel('20261124-resumed');
    expect(await stageOf('20261124-resumed')).toBe('cancelled');

    listing.open();
    await vi.waitFor(async () => expect(await stageOf(running.jobId)).toBe('done'), LONG);
    expect(await stageOf('20261124-resumed')).toBe('cancelled');
    await vi.waitFor(async () => expect(await resumeAlarmArmed()).toBe(false), LONG);

    // A later start of the worker does not run it again.
    services.downloadWithRetry.mockClear();
    await createJobScheduler({}, services).resumeUnfinished();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await stageOf('20261124-resumed')).toBe('cancelled');
    expect(services.downloadWithRetry).not.toHaveBeenCalled();
  });

  it('cancels an unfinished job after a restart, before the scheduler picked it up again', async () => {
    await putJob(jobRecord({ id: '20261124-unfinished', stage: 'media', account: ACCOUNT }));
    await appendPage('20261124-unfinished', listedPage(photoPosts(1), null));
    const scheduler = createJobScheduler({}, services);
    await scheduler.cancel('20261124-unfinished');
    expect(await getJob('20261124-unfinished')).toMatchObject({ stage: 'cancelled', finishedAt: expect.any(String) });
    await scheduler.resumeUnfinished();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await stageOf('20261124-unfinished')).toBe('cancelled');
  });

  it('cancels a running job and saves it', async () => {
    const { scheduler, ended } = schedulerWithEnds();
    const listing = gate();
    useAdapter(fakeAdapter([photoPosts(2)], { beforePage: (_page, signal) => listing.until(signal) }));
    const job = await scheduler.start(REQUEST);
    await vi.waitFor(async () => expect(await stageOf(job.jobId)).toBe('metadata'), LONG);
    await scheduler.cancel(job.jobId);
    await vi.waitFor(async () => expect(await stageOf(job.jobId)).toBe('cancelled'), LONG);
    await vi.waitFor(() => expect(ended.map((e) => e.stage)).toEqual(['cancelled']), LONG);
    await vi.waitFor(async () => expect(await resumeAlarmArmed()).toBe(false), LONG);
  });
});

describe('failed files another try may fetch', () => {
  /** Downloads as the CDN would, but the first try of m1 drops (network) and m0 is a web page every time. */
  function flakyCdn(): void {
    let droppedOnce = false;
    services.downloadWithRetry.mockImplementation(async (options) => {
      if (options.url.includes('/m0_')) throw new ExportError('not_allowed_type', 'A web page, not a JPG.');
      if (options.url.includes('/m1_') && !droppedOnce) {
        droppedOnce = true;
        throw new ExportError('network_error', 'Network error: Failed to fetch');
      }
      return servedDownload(options);
    });
  }

  it('"Retry failed files" fetches a done export\'s retryable failures again and delivers a new ZIP', async () => {
    flakyCdn();
    useAdapter(fakeAdapter([photoPosts(3)]));
    const { scheduler } = schedulerWithEnds();
    const { jobId } = await scheduler.start(REQUEST);
    await vi.waitFor(async () => expect(await stageOf(jobId)).toBe('done'), LONG);
    expect(await getJob(jobId)).toMatchObject({ media: { done: 1, failed: 2, total: 3 }, retryableFailed: 1 });

    await scheduler.retryFailedFiles(jobId);
    await vi.waitFor(async () => expect(await stageOf(jobId)).toBe('done'), LONG);
    const retried = (await getJob(jobId))!;
    expect(retried).toMatchObject({ media: { done: 2, failed: 1, total: 3 }, retryableFailed: 0 });
    expect(retried.failed.map((f) => [f.mediaId, f.reason])).toEqual([['m0', 'not_allowed_type']]);
    await expect(scheduler.retryFailedFiles(jobId)).rejects.toMatchObject({ kind: 'invalid_request' });
  });

  it('Resume also fetches them, going back to the media stage from a later one', async () => {
    await failedResumableJob('20261124-archive');
    const stored = (await getJob('20261124-archive'))!;
    const records = await mediaOfJob(stored.id);
    const failure = { mediaId: 'm0', postId: 'p0', url: '', reason: 'http_error' as const, message: 'HTTP 503' };
    await putMedia({ ...records[0]!, state: 'failed', retryable: true, failure });
    await putJob({ ...stored, resumeStage: 'archive' });

    await createJobScheduler({}, services).resume(stored.id);
    await vi.waitFor(async () => expect(await stageOf(stored.id)).toBe('done'), LONG);
    expect(await getJob(stored.id)).toMatchObject({ media: { done: 2, failed: 0, total: 2 }, failed: [] });
  });
});

describe('a job parked after repeated warnings', () => {
  const blocked = () => new ExportError('rate_limited', "You're temporarily blocked.", { temporaryBlock: true });

  /** An adapter blocked on its first page `blocks` times, then answering. */
  function blockedAdapter(blocks: number): PlatformAdapter {
    let left = blocks;
    return fakeAdapter([photoPosts(2)], {
      beforePage: async () => {
        if (left > 0) {
          left -= 1;
          throw blocked();
        }
      },
    });
  }

  async function parked(jobId: string): Promise<JobSnapshot> {
    let snapshot: JobSnapshot | undefined;
    await vi.waitFor(async () => {
      snapshot = (await createJobScheduler({}, services).list()).find((job) => job.id === jobId);
      expect(snapshot?.pausedFor).toBe('parked');
    }, LONG);
    return snapshot!;
  }

  beforeEach(async () => {
    await exportSettings.setValue({ ...DEFAULT_EXPORT_SETTINGS, temporaryBlockWaitMs: 20 });
  });

  it('rests until 09:00 the next day at a second block, keeps what it listed, and Continue now finishes it', async () => {
    const { scheduler } = schedulerWithEnds();
    useAdapter(blockedAdapter(2));
    const { jobId } = await scheduler.start(REQUEST);
    const snapshot = await parked(jobId);
    const until = new Date(snapshot.waitingUntil!);
    expect([until.getHours(), until.getMinutes()]).toEqual([9, 0]);
    expect(until.getTime() - Date.now()).toBeGreaterThan(8 * 3_600_000);
    expect(snapshot.stage).toBe('metadata');
    // Armed when the job started, without holding it up: a job that parks at once can show before it.
    await vi.waitFor(async () => expect(await resumeAlarmArmed()).toBe(true), LONG);

    await scheduler.continueNow(jobId);
    await vi.waitFor(async () => expect(await stageOf(jobId)).toBe('done'), LONG);
    expect(await getJob(jobId)).toMatchObject({ posts: { done: 2 }, pausedFor: undefined });
  });

  it('a parked job can be cancelled', async () => {
    const { scheduler } = schedulerWithEnds();
    useAdapter(blockedAdapter(2));
    const { jobId } = await scheduler.start(REQUEST);
    await parked(jobId);
    await scheduler.cancel(jobId);
    await vi.waitFor(async () => expect(await stageOf(jobId)).toBe('cancelled'), LONG);
  });

  it('Continue now runs a job a restart left parked, without its wait', async () => {
    const { scheduler } = schedulerWithEnds();
    const waitingUntil = new Date(Date.now() + 10 * 3_600_000).toISOString();
    await putJob(jobRecord({ id: '20261124-parked', stage: 'metadata', account: ACCOUNT, waitingUntil, pausedFor: 'parked' }));
    await scheduler.continueNow('20261124-parked');
    await vi.waitFor(async () => expect(await stageOf('20261124-parked')).toBe('done'), LONG);
  });

  it('Continue runs a job a restart left paused for its upload, its pause forgotten', async () => {
    const { scheduler } = schedulerWithEnds();
    const message = 'The WebDAV server says the account is full. Free space there, then press Continue.';
    await putJob(jobRecord({ id: '20261124-upload', stage: 'metadata', account: ACCOUNT, pausedFor: 'upload', pauseMessage: message }));
    await scheduler.continueNow('20261124-upload');
    await vi.waitFor(async () => expect(await stageOf('20261124-upload')).toBe('done'), LONG);
    expect(await getJob('20261124-upload')).toMatchObject({ pausedFor: undefined, pauseMessage: undefined });
  });

  it('Continue now is refused for an export that is not parked', async () => {
    const { scheduler } = schedulerWithEnds();
    await putJob(jobRecord({ id: '20261124-notpark', stage: 'done' }));
    await expect(scheduler.continueNow('20261124-notpark')).rejects.toMatchObject({ kind: 'invalid_request' });
  });
});
