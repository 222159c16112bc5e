import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { closeExportDb } from '../../../lib/storage/exportDb';
import { putJob } from '../../../lib/storage/jobRecords';
import { appendPage } from '../../../lib/storage/listedPages';
import { mediaOfJob, putMedia } from '../../../lib/storage/mediaRecords';
import { postsOfJob } from '../../../lib/storage/postRecords';
import { jobRecord, mediaItem, post, listedPage } from '../export/job/jobs';

beforeEach(() => {
  closeExportDb();
  globalThis.indexedDB = new IDBFactory();
});

async function storedPosts(jobId: string) {
  const posts = [];
  for await (const record of postsOfJob(jobId)) posts.push(record);
  return posts;
}

describe('repeated media ids', () => {
  it('keeps a different file that comes with an id already taken, under id#2', async () => {
    const job = jobRecord();
    await putJob(job);
    const first = post('p1', ['m1']);
    const second = { ...post('p2'), media: [{ ...mediaItem('m1', 'p2'), url: 'https://cdn.example.test/other-file.jpg?sig=x' }] };
    await appendPage(job.id, listedPage([first, second], null));

    const media = await mediaOfJob(job.id);
    expect(media.map((m) => [m.mediaId, m.item.id, m.item.postId])).toEqual([
      ['m1', 'm1', 'p1'],
      ['m1#2', 'm1', 'p2'],
    ]);
    expect((await storedPosts(job.id)).map((p) => p.mediaIds)).toEqual([['m1'], ['m1#2']]);
  });

  it('stores the same file seen again (other signature) once, referenced by both posts', async () => {
    const job = jobRecord();
    await putJob(job);
    const story = post('story', ['m7']);
    const highlight = { ...post('highlight'), media: [{ ...mediaItem('m7', 'highlight'), url: 'https://cdn.example.test/m7.jpg?sig=renewed' }] };
    await appendPage(job.id, listedPage([story], 'next'));
    await appendPage(job.id, listedPage([highlight], null, 'highlights'));

    expect((await mediaOfJob(job.id)).map((m) => m.mediaId)).toEqual(['m7']);
    expect((await storedPosts(job.id)).map((p) => p.mediaIds)).toEqual([['m7'], ['m7']]);
  });

  it('takes a file downloaded at a fallback size for the one listed again with its whole ladder (a public video in the uploads playlist)', async () => {
    const job = jobRecord();
    await putJob(job);
    const sizes = { url: 'https://i.ytimg.com/vi/v1/maxresdefault.jpg', fallbacks: [{ url: 'https://i.ytimg.com/vi/v1/sddefault.jpg' }] };
    const listed = () => ({ ...post('v1'), media: [{ ...mediaItem('v1_high', 'v1'), ...sizes }] });
    await appendPage(job.id, listedPage([listed()], 'next'));
    // The download found no maxresdefault and kept sddefault: the record now names that size.
    const [record] = await mediaOfJob(job.id);
    await putMedia({ ...record!, state: 'kept', item: { ...record!.item, url: 'https://i.ytimg.com/vi/v1/sddefault.jpg', fallbacks: undefined } });
    await appendPage(job.id, { ...listedPage([listed()], null, 'uploads'), scope: 'posts' });

    expect((await mediaOfJob(job.id)).map((m) => m.mediaId)).toEqual(['v1_high']);
    expect(await storedPosts(job.id)).toHaveLength(1);
  });

  describe('of files the platform gave no address for', () => {
    const unavailable = (id: string, postId: string, publishedAt = '2026-01-02T03:04:05.000Z') => ({
      ...mediaItem(id, postId, 'video'),
      url: '',
      publishedAt,
      unavailable: { message: 'Instagram listed this video but gave no address to download it from.' },
    });

    it('store one listed again exactly as before (a story kept in a highlight) once', async () => {
      const job = jobRecord();
      await putJob(job);
      await appendPage(job.id, listedPage([{ ...post('s1'), media: [unavailable('s1', 's1')] }], 'next'));
      await appendPage(job.id, listedPage([{ ...post('s1'), kind: 'highlight', media: [unavailable('s1', 's1')] }], null, 'highlights'));

      expect((await mediaOfJob(job.id)).map((m) => m.mediaId)).toEqual(['s1']);
      expect((await storedPosts(job.id)).map((p) => p.mediaIds)).toEqual([['s1'], ['s1']]);
    });

    it('keep different ones under one id apart (two posts sent without an id), so each fails on its own', async () => {
      const job = jobRecord();
      await putJob(job);
      const anonymous = { ...post('no-id'), listingId: null };
      const first = { ...anonymous, media: [unavailable('no-id', 'no-id', '2026-01-02T03:04:05.000Z')] };
      const second = { ...anonymous, media: [unavailable('no-id', 'no-id', '2026-01-01T00:00:00.000Z')] };
      const withFile = { ...anonymous, media: [mediaItem('no-id', 'no-id', 'video')] };
      const saved = await appendPage(job.id, listedPage([first, second, withFile], null));

      expect((await mediaOfJob(job.id)).map((m) => [m.mediaId, m.item.unavailable !== undefined])).toEqual([
        ['no-id', true],
        ['no-id#2', true],
        ['no-id#3', false],
      ]);
      expect(saved.media.total).toBe(3);
    });
  });
});
