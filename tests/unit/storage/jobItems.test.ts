import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { closeExportDb, openExportDb } from '../../../lib/storage/exportDb';
import { deleteJobItems } from '../../../lib/storage/jobItems';
import { getJob, putJob } from '../../../lib/storage/jobRecords';
import { appendPage } from '../../../lib/storage/listedPages';
import { mediaOfJob } from '../../../lib/storage/mediaRecords';
import { jobRecord, listedPage, post } from '../export/job/jobs';
import { collect, JOB, OTHER, posts } from './storedJobs';

beforeEach(() => {
  closeExportDb();
  indexedDB = new IDBFactory();
});

describe('deleteJobItems', () => {
  it.each<[string, string]>([
    ['jobs whose ids share a prefix', 'job-1'],
    ['a job id that sorts before the other', 'a'],
  ])('removes only that job’s posts and media: %s', async (_name, jobId) => {
    const other = `${jobId}0`;
    await putJob(jobRecord({ id: jobId }));
    await putJob(jobRecord({ id: other }));
    const mediaIds = ['1', 'abc', 'ZZZ', '~tilde', 'ÿ', '😀', 'x'.repeat(300)];
    await appendPage(jobId, listedPage([post('p1', mediaIds.slice(0, 4)), post('p2', mediaIds.slice(4))], null));
    await appendPage(other, listedPage([post('p1', mediaIds), post('p2', ['only-other'])], null));

    await deleteJobItems(jobId);

    expect(await collect(jobId)).toEqual([]);
    expect(await mediaOfJob(jobId)).toEqual([]);
    const db = await openExportDb();
    expect(await db.getAllFromIndex('posts', 'byJob', jobId)).toEqual([]);
    expect(await db.getAllFromIndex('media', 'byJob', jobId)).toEqual([]);
    // The job itself stays for the history.
    expect(await getJob(jobId)).toMatchObject({ id: jobId, nextPostSeq: 2 });
    // The other job is untouched.
    expect((await collect(other)).map((r) => r.post.id)).toEqual(['p1', 'p2']);
    expect((await mediaOfJob(other)).map((r) => r.mediaId)).toEqual([...mediaIds, 'only-other']);
  });

  it('does nothing for a job without items', async () => {
    await putJob(jobRecord({ id: OTHER }));
    await appendPage(OTHER, listedPage(posts(3), null));
    await deleteJobItems(JOB);
    expect(await collect(OTHER)).toHaveLength(3);
    expect(await mediaOfJob(OTHER)).toHaveLength(3);
  });
});
