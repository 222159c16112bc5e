import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { closeExportDb } from '../../../lib/storage/exportDb';
import { getJob, listJobs, putJob } from '../../../lib/storage/jobRecords';
import { appendPage } from '../../../lib/storage/listedPages';
import { jobRecord, listedPage } from '../export/job/jobs';
import { JOB, posts } from './storedJobs';

beforeEach(() => {
  closeExportDb();
  indexedDB = new IDBFactory();
});

describe('jobs', () => {
  it('stores a job and reads it back whole', async () => {
    const job = jobRecord({ id: JOB, account: { id: '42', handle: 'someone', postCount: 3 }, downloadId: 7 });
    await putJob(job);
    expect(await getJob(JOB)).toEqual(job);
    expect(await getJob('missing')).toBeUndefined();
  });

  it('lists jobs oldest first', async () => {
    await putJob(jobRecord({ id: 'c', createdAt: '2026-11-24T12:00:03.000Z' }));
    await putJob(jobRecord({ id: 'a', createdAt: '2026-11-24T12:00:01.000Z' }));
    await putJob(jobRecord({ id: 'b', createdAt: '2026-11-24T12:00:02.000Z' }));
    expect((await listJobs()).map((job) => job.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('test isolation', () => {
  it.each([1, 2])('starts from an empty database (run %i)', async (run) => {
    expect(await listJobs()).toEqual([]);
    await putJob(jobRecord({ id: `run-${run}` }));
    await appendPage(`run-${run}`, listedPage(posts(1), null));
    expect(await listJobs()).toHaveLength(1);
  });
});
