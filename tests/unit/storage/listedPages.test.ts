import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { closeExportDb } from '../../../lib/storage/exportDb';
import { getJob, putJob } from '../../../lib/storage/jobRecords';
import { appendPage, isListedInScope, listingKey, type ListedPage } from '../../../lib/storage/listedPages';
import { mediaOfJob, putMedia } from '../../../lib/storage/mediaRecords';
import type { Post } from '../../../lib/platforms/types';
import { jobRecord, listedPage, mediaItem, post } from '../export/job/jobs';
import { collect, JOB, posts } from './storedJobs';

beforeEach(() => {
  closeExportDb();
  indexedDB = new IDBFactory();
});

describe('appendPage', () => {
  it('stores posts in the order given, numbered from 0, without their media inline', async () => {
    await putJob(jobRecord({ id: JOB }));
    const page = [post('p-b', ['m1', 'm2']), post('p-a', []), post('p-c', ['m3'], 'video')];
    await appendPage(JOB, listedPage(page, 'cursor-1'));

    const stored = await collect(JOB);
    expect(stored.map((r) => [r.seq, r.post.id, r.mediaIds])).toEqual([
      [0, 'p-b', ['m1', 'm2']],
      [1, 'p-a', []],
      [2, 'p-c', ['m3']],
    ]);
    const { media: _media, ...withoutMedia } = page[0]!;
    expect(stored[0]).toEqual({ jobId: JOB, seq: 0, section: 'posts', listingKey: listingKey('posts', 'p-b'), post: withoutMedia, mediaIds: ['m1', 'm2'] });
    expect('media' in stored[0]!.post).toBe(false);
  });

  it('stores each media item once as pending, numbered in display order', async () => {
    await putJob(jobRecord({ id: JOB }));
    const page = [post('p1', ['m1', 'm2']), post('p2', ['m3'])];
    await appendPage(JOB, listedPage(page, null));

    const media = await mediaOfJob(JOB);
    expect(media.map((r) => [r.seq, r.mediaId, r.state])).toEqual([
      [0, 'm1', 'pending'],
      [1, 'm2', 'pending'],
      [2, 'm3', 'pending'],
    ]);
    expect(media[2]).toEqual({ jobId: JOB, mediaId: 'm3', seq: 2, item: page[1]!.media[0], state: 'pending' });
  });

  it('continues numbering on the next page', async () => {
    await putJob(jobRecord({ id: JOB }));
    await appendPage(JOB, listedPage([post('p1', ['m1']), post('p2', ['m2'])], 'c1'));
    await appendPage(JOB, listedPage([post('p3', ['m3', 'm4'])], null));

    expect((await collect(JOB)).map((r) => [r.seq, r.post.id])).toEqual([
      [0, 'p1'],
      [1, 'p2'],
      [2, 'p3'],
    ]);
    expect((await mediaOfJob(JOB)).map((r) => [r.seq, r.mediaId])).toEqual([
      [0, 'm1'],
      [1, 'm2'],
      [2, 'm3'],
      [3, 'm4'],
    ]);
  });

  it.each<[string, Post[][], [number, string, string][]]>([
    [
      'a story that is also in a highlight, on a later page',
      [[post('story-1', ['s1'], 'story'), post('story-2', ['s2'], 'story')], [post('highlight-1', ['s2', 'h9'], 'highlight')]],
      [
        [0, 's1', 'story-1'],
        [1, 's2', 'story-2'],
        [2, 'h9', 'highlight-1'],
      ],
    ],
    [
      'the same media twice on one page',
      [[post('pinned', ['m1']), post('pinned-again', ['m1', 'm2'])]],
      [
        [0, 'm1', 'pinned'],
        [1, 'm2', 'pinned-again'],
      ],
    ],
    ['the same media twice in one post', [[post('p1', ['m1', 'm1', 'm2'])]], [
      [0, 'm1', 'p1'],
      [1, 'm2', 'p1'],
    ]],
  ])('stores a media id seen before only once: %s', async (_name, pages, expected) => {
    await putJob(jobRecord({ id: JOB }));
    let job;
    for (const [i, page] of pages.entries()) job = await appendPage(JOB, listedPage(page, i === pages.length - 1 ? null : `c${i}`));

    const media = await mediaOfJob(JOB);
    // The first sighting wins: its post and its sequence number, with no gap after it.
    expect(media.map((r) => [r.seq, r.mediaId, r.item.postId])).toEqual(expected);
    expect(job!.media.total).toBe(expected.length);
    expect(job!.nextMediaSeq).toBe(expected.length);
    // Every post still lists all of its media.
    const listed = (await collect(JOB)).flatMap((r) => r.mediaIds);
    expect(listed).toEqual(pages.flat().flatMap((p) => p.media.map((m) => m.id)));
  });

  it('keeps a media item downloaded before when a later page lists it again', async () => {
    await putJob(jobRecord({ id: JOB }));
    await appendPage(JOB, listedPage([post('story', ['s1'], 'story')], 'c1'));
    const [first] = await mediaOfJob(JOB);
    await putMedia({ ...first!, state: 'kept', format: 'jpg', bytes: 1234, downloadedAt: '2026-11-24T12:01:00.000Z' });

    await appendPage(JOB, listedPage([post('highlight', ['s1'], 'highlight')], null));

    expect(await mediaOfJob(JOB)).toEqual([
      { ...first, state: 'kept', format: 'jpg', bytes: 1234, downloadedAt: '2026-11-24T12:01:00.000Z' },
    ]);
  });

  it('moves the listing position and the counters with the page and returns the stored job', async () => {
    const start = jobRecord({
      id: JOB,
      stage: 'metadata',
      percent: 4,
      account: { id: '42', handle: 'someone', postCount: 10 },
      posts: { done: 0, total: 10 },
      media: { done: 0, total: 0, failed: 0 },
    });
    await putJob(start);

    const afterFirst = await appendPage(JOB, listedPage([post('p1', ['m1', 'm2']), post('p2', ['m3'])], 'cursor-after-p2'));
    expect(afterFirst).toMatchObject({
      listing: { section: 'posts', strategy: 'test', cursor: 'cursor-after-p2', listed: 2 },
      metadataDone: false,
      nextPostSeq: 2,
      nextMediaSeq: 3,
      posts: { done: 2, total: 10 },
      media: { done: 0, total: 3, failed: 0 },
      // Untouched by a page:
      stage: 'metadata',
      percent: 4,
      account: start.account,
      createdAt: start.createdAt,
    });
    expect(afterFirst.updatedAt >= start.updatedAt).toBe(true);
    expect(await getJob(JOB)).toEqual(afterFirst);

    const afterLast = await appendPage(JOB, listedPage([post('p3', [])], null));
    expect(afterLast).toMatchObject({ listing: undefined, metadataDone: true, nextPostSeq: 3, posts: { done: 3, total: 10 }, media: { total: 3 } });
    expect(await getJob(JOB)).toEqual(afterLast);
  });

  it('stores a post listed again in its scope once, counting it for another section of the scope only', async () => {
    await putJob(jobRecord({ id: JOB }));
    const counts: number[] = [];
    const page = (posts: Post[], section: string, scope: string): ListedPage => ({
      posts,
      section,
      scope,
      advance: (counted) => {
        counts.push(counted);
        return { listing: { section, strategy: 'test', cursor: 'c', listed: counted } };
      },
    });
    await appendPage(JOB, page([post('p1', ['m1']), post('p2', ['m2']), post('p1', ['m1'])], 'posts', 'grid'));
    await appendPage(JOB, page([post('p2', ['m2']), post('p3', ['m3'])], 'posts', 'grid'));
    await appendPage(JOB, page([post('p1', ['m1']), post('p4', ['m4'])], 'reels', 'grid'));
    await appendPage(JOB, page([post('p1', ['m1'])], 'stories', 'stories'));

    expect(counts).toEqual([2, 1, 2, 1]);
    expect((await collect(JOB)).map((r) => `${r.section}:${r.post.id}`)).toEqual(['posts:p1', 'posts:p2', 'posts:p3', 'reels:p4', 'stories:p1']);
    expect((await mediaOfJob(JOB)).map((r) => r.mediaId)).toEqual(['m1', 'm2', 'm3', 'm4']);
    expect(await isListedInScope(JOB, 'grid', 'p4')).toBe(true);
    expect(await isListedInScope(JOB, 'stories', 'p2')).toBe(false);
  });

  it('keeps a second post under an id already listed when it shows other files (a hostile repeat), losing none', async () => {
    await putJob(jobRecord({ id: JOB }));
    const first = post('p1', ['m1']);
    const impostor = { ...post('p1'), media: [{ ...mediaItem('m1', 'p1'), url: 'https://cdn.example.test/another-file.jpg?sig=x' }] };
    const relisted = { ...post('p1'), media: [{ ...mediaItem('m1', 'p1'), url: 'https://cdn.example.test/m1.jpg?sig=renewed' }] };
    await appendPage(JOB, listedPage([first, impostor, relisted], null));
    expect((await collect(JOB)).map((r) => r.mediaIds)).toEqual([['m1'], ['m1#2']]);
  });

  it('never takes a post without an id for another, and keys a post by its listing id when it has one', async () => {
    await putJob(jobRecord({ id: JOB }));
    const anonymous = { ...post('no-id', ['a']), listingId: null };
    const inTour = { ...post('s1', ['s1']), listingId: 'tour/s1' };
    const inTrip = { ...post('s1', ['s1']), listingId: 'trip/s1' };
    await appendPage(JOB, listedPage([anonymous, anonymous, inTour, inTrip, inTour], null));
    expect((await collect(JOB)).map((r) => r.listingKey)).toEqual([undefined, undefined, listingKey('posts', 'tour/s1'), listingKey('posts', 'trip/s1')]);
  });

  it('raises the post total when the account has more posts than it claimed', async () => {
    await putJob(jobRecord({ id: JOB, posts: { done: 0, total: 2 } }));
    const job = await appendPage(JOB, listedPage(posts(3), null));
    expect(job.posts).toEqual({ done: 3, total: 3 });
  });

  it('stores an empty last page as the end of the listing', async () => {
    await putJob(jobRecord({ id: JOB }));
    await appendPage(JOB, listedPage(posts(2), 'c1'));
    const job = await appendPage(JOB, listedPage([], null));
    expect(job).toMatchObject({ listing: undefined, metadataDone: true, nextPostSeq: 2, posts: { done: 2, total: 2 } });
    expect(await collect(JOB)).toHaveLength(2);
  });

  it('numbers pages stored at the same time without gaps or collisions', async () => {
    await putJob(jobRecord({ id: JOB }));
    await Promise.all([
      appendPage(JOB, listedPage(posts(3, 0), 'c1')),
      appendPage(JOB, listedPage(posts(4, 3), 'c2')),
      appendPage(JOB, listedPage(posts(2, 7), 'c3')),
    ]);
    const stored = await collect(JOB);
    expect(stored.map((r) => r.seq)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(new Set(stored.map((r) => r.post.id)).size).toBe(9);
    expect((await mediaOfJob(JOB)).map((r) => r.seq)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await getJob(JOB)).toMatchObject({ nextPostSeq: 9, nextMediaSeq: 9, posts: { done: 9 }, media: { total: 9 } });
  });

  it('fails for a job that is gone and stores nothing', async () => {
    await expect(appendPage('gone', listedPage(posts(2), 'c1'))).rejects.toThrow(/gone/);
    expect(await collect('gone')).toEqual([]);
    expect(await mediaOfJob('gone')).toEqual([]);
    expect(await getJob('gone')).toBeUndefined();
  });
});
