import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { closeExportDb, openExportDb } from '../../../lib/storage/exportDb';
import { putJob } from '../../../lib/storage/jobRecords';
import { appendPage } from '../../../lib/storage/listedPages';
import { postsWithMediaOfJob } from '../../../lib/storage/postRecords';
import { jobRecord, listedPage, post } from '../export/job/jobs';
import { collect, JOB, OTHER, posts } from './storedJobs';

beforeEach(() => {
  closeExportDb();
  indexedDB = new IDBFactory();
});

describe('postsOfJob', () => {
  it.each([0, 1, 199, 200, 201, 400, 450])('yields all %i posts in order across batches', async (count) => {
    await putJob(jobRecord({ id: JOB }));
    await putJob(jobRecord({ id: OTHER }));
    // Pages of uneven size, interleaved with another job's pages.
    for (let from = 0; from < count; from += 37) {
      await appendPage(JOB, listedPage(posts(Math.min(37, count - from), from), `c${from}`));
      await appendPage(OTHER, listedPage(posts(5, 10_000 + from), `o${from}`));
    }

    const stored = await collect(JOB);
    expect(stored.map((r) => r.seq)).toEqual(Array.from({ length: count }, (_, i) => i));
    expect(stored.map((r) => r.post.id)).toEqual(Array.from({ length: count }, (_, i) => `p${i}`));
    expect(stored.every((r) => r.jobId === JOB)).toBe(true);
  });
});

describe('postsWithMediaOfJob', () => {
  async function storeInterleaved(count: number): Promise<void> {
    await putJob(jobRecord({ id: JOB }));
    await putJob(jobRecord({ id: OTHER }));
    for (let from = 0; from < count; from += 37) {
      await appendPage(JOB, listedPage(posts(Math.min(37, count - from), from), `c${from}`));
      await appendPage(OTHER, listedPage(posts(5, 10_000 + from), `o${from}`));
    }
  }

  async function ids(start?: number, end?: number): Promise<string[]> {
    const out: string[] = [];
    for await (const { record, media } of postsWithMediaOfJob(JOB, start, end)) {
      expect(media.map((m) => m.mediaId)).toEqual(record.mediaIds);
      out.push(`${record.post.id}:${media.map((m) => m.item.id).join()}`);
    }
    return out;
  }

  const expected = (start: number, end: number) => Array.from({ length: end - start }, (_, i) => `p${start + i}:m${start + i}`);

  it.each([
    [0, 450],
    [0, 200],
    [1, 2],
    [199, 201],
    [200, 450],
    [37, 437],
    [449, 450],
  ])('yields the posts from position %i up to %i with their media, across batches', async (start, end) => {
    await storeInterleaved(450);
    expect(await ids(start, end)).toEqual(expected(start, end));
  });

  it('yields every post without a range, and none past the end', async () => {
    await storeInterleaved(230);
    expect(await ids()).toEqual(expected(0, 230));
    expect(await ids(230, 300)).toEqual([]);
    expect(await ids(500)).toEqual([]);
  });

  it('leaves out a media record that is gone', async () => {
    await putJob(jobRecord({ id: JOB }));
    await appendPage(JOB, listedPage([post('p1', ['m1', 'm2'])], null));
    await (await openExportDb()).delete('media', [JOB, 'm1']);
    const kept: string[][] = [];
    for await (const { media } of postsWithMediaOfJob(JOB)) kept.push(media.map((m) => m.mediaId));
    expect(kept).toEqual([['m2']]);
  });
});
