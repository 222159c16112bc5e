import { beforeEach, describe, expect, it } from 'vitest';
import { rememberJobDelivery } from '../../../../lib/export/job/deliveredRecord';
import { deliveredCheck, selectionFor, selectPage } from '../../../../lib/export/options/postSelection';
import { adapterFor } from '../../../../lib/platforms/registry';
import type { AccountInfo, ListingSection, Post } from '../../../../lib/platforms/types';
import { accountKey, captionHash, deliveredPosts, earlierDeliveries, forgetDelivered, rememberDelivered } from '../../../../lib/storage/deliveredIndex';
import { putJob } from '../../../../lib/storage/jobRecords';
import { appendPage } from '../../../../lib/storage/listedPages';
import { mediaOfJob, putMedia } from '../../../../lib/storage/mediaRecords';
import { jobRecord, post } from '../job/jobs';

const ACCOUNT: AccountInfo = { id: '42', handle: 'star.demo' };
const KEY = accountKey('instagram', '42');

beforeEach(async () => {
  await forgetDelivered();
});

function feed(): ListingSection {
  return adapterFor('instagram').sections(ACCOUNT).find((section) => section.name === 'posts')!;
}

function dated(id: string, caption: string, extra: Partial<Post> = {}): Post {
  return { ...post(id, [id]), publishedAt: '2026-03-01T00:00:00.000Z', caption, ...extra };
}

describe('the delivered index', () => {
  it('remembers posts per account with their caption, and the exports that delivered them', async () => {
    await rememberDelivered(KEY, { jobId: 'job-1', exportedAt: '2026-11-01T00:00:00.000Z' }, [{ postId: 'a', caption: 'hello' }]);
    await rememberDelivered(KEY, { jobId: 'job-2', exportedAt: '2026-11-02T00:00:00.000Z' }, [{ postId: 'b', caption: null }]);
    await rememberDelivered(accountKey('instagram', '43'), { jobId: 'job-3', exportedAt: '2026-11-03T00:00:00.000Z' }, [{ postId: 'c', caption: 'x' }]);
    expect([...(await deliveredPosts(KEY)).keys()].sort()).toEqual(['a', 'b']);
    expect((await earlierDeliveries(KEY)).map((d) => d.jobId)).toEqual(['job-1', 'job-2']);
  });

  it('is cleared whole', async () => {
    await rememberDelivered(KEY, { jobId: 'job-1', exportedAt: '2026-11-01T00:00:00.000Z' }, [{ postId: 'a', caption: 'hello' }]);
    await forgetDelivered();
    expect((await deliveredPosts(KEY)).size).toBe(0);
    expect(await earlierDeliveries(KEY)).toEqual([]);
  });
});

describe('a finished export is remembered', () => {
  it('with the posts whose every file was kept, not those with a failed file', async () => {
    const job = jobRecord({ id: '20261124-000001', account: ACCOUNT, finishedAt: '2026-11-24T12:00:00.000Z' });
    await putJob(job);
    const page = { posts: [dated('p1', 'one'), dated('p2', 'two')], section: 'posts', scope: 'grid', advance: () => ({ listing: undefined }) };
    await appendPage(job.id, page);
    for (const record of await mediaOfJob(job.id)) {
      await putMedia({ ...record, state: record.mediaId === 'p2' ? 'failed' : 'kept' });
    }
    await rememberJobDelivery(job);
    expect([...(await deliveredPosts(KEY)).keys()]).toEqual(['p1']);
    expect(await earlierDeliveries(KEY)).toEqual([{ accountKey: KEY, jobId: job.id, exportedAt: '2026-11-24T12:00:00.000Z' }]);
  });

  it('not when it had no media', async () => {
    const job = jobRecord({ id: '20261124-000002', account: ACCOUNT, request: { platform: 'instagram', format: 'json', includeMedia: false } });
    await rememberJobDelivery(job);
    expect(await earlierDeliveries(KEY)).toEqual([]);
  });
});

describe('"Only new" selection', () => {
  async function selection() {
    await rememberDelivered(KEY, { jobId: 'job-1', exportedAt: '2026-11-01T00:00:00.000Z' }, [
      { postId: 'old1', caption: 'one' },
      { postId: 'old2', caption: 'two' },
      { postId: 'pinned', caption: 'pin' },
    ]);
    return selectionFor({ onlyNew: true }, adapterFor('instagram'), await deliveredPosts(KEY));
  }

  it('keeps the new posts and ends the feed at the first post delivered before, after the pinned ones', async () => {
    const page = [dated('pinned', 'pin', { metadata: { pinned: true } }), dated('new1', 'n'), dated('old1', 'one'), dated('old2', 'two')];
    const selected = selectPage(feed(), page, await selection());
    expect(selected.posts.map((p) => p.id)).toEqual(['new1']);
    expect(selected.pastRange).toBe(true);
  });

  it('does not end on a pinned post delivered before', async () => {
    const selected = selectPage(feed(), [dated('pinned', 'pin', { metadata: { pinned: true } }), dated('new1', 'n')], await selection());
    expect(selected.pastRange).toBe(false);
  });

  it('exports an edited post’s new caption without its files, which were delivered before', async () => {
    const selected = selectPage(feed(), [dated('old1', 'one, edited')], await selection());
    expect(selected.posts).toHaveLength(1);
    expect(selected.posts[0]).toMatchObject({ id: 'old1', caption: 'one, edited', media: [], metadata: { edited_since_export: true } });
    expect(selected.pastRange).toBe(false);
  });
});

describe('deliveredCheck', () => {
  const check = deliveredCheck(new Map([['p1', captionHash('as delivered')]]));

  it('knows a post delivered before, with the caption when one is given', () => {
    expect(check('p1')).toBe(true);
    expect(check('p1', 'as delivered')).toBe(true);
    expect(check('p1', 'edited since')).toBe(false);
    expect(check('p2')).toBe(false);
  });
});
