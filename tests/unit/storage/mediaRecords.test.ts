import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { closeExportDb } from '../../../lib/storage/exportDb';
import { putJob } from '../../../lib/storage/jobRecords';
import { appendPage } from '../../../lib/storage/listedPages';
import { mediaOfJob } from '../../../lib/storage/mediaRecords';
import { jobRecord, listedPage, post } from '../export/job/jobs';
import { JOB, OTHER } from './storedJobs';

beforeEach(() => {
  closeExportDb();
  indexedDB = new IDBFactory();
});

describe('mediaOfJob', () => {
  it('returns media in sequence order, not in id order, and only of that job', async () => {
    await putJob(jobRecord({ id: JOB }));
    await putJob(jobRecord({ id: OTHER }));
    await appendPage(OTHER, listedPage([post('o1', ['a', 'zz'])], null));
    await appendPage(JOB, listedPage([post('p1', ['9', '10', 'b']), post('p2', ['a', 'C'])], null));

    const media = await mediaOfJob(JOB);
    expect(media.map((r) => r.mediaId)).toEqual(['9', '10', 'b', 'a', 'C']);
    expect(media.every((r) => r.jobId === JOB)).toBe(true);
    expect((await mediaOfJob(OTHER)).map((r) => r.mediaId)).toEqual(['a', 'zz']);
  });

  it('is empty for a job without media', async () => {
    await putJob(jobRecord({ id: JOB }));
    await appendPage(JOB, listedPage([post('p1')], null));
    expect(await mediaOfJob(JOB)).toEqual([]);
  });
});
