import { describe, expect, it } from 'vitest';
import { ExportError } from '../../../../lib/errors';
import type { AccountInfo, ListingSection, ListingStrategy, Post, PostPage } from '../../../../lib/platforms/types';
import { walkSections } from '../../platforms/pageWalk';
import { MemoryNotes } from '../../platforms/memoryNotes';
import { post } from '../job/jobs';

const ACCOUNT: AccountInfo = { id: '1', handle: 'someone' };
const ctx = { signal: new AbortController().signal, request: () => Promise.reject(new Error('no request')), getCookie: async () => undefined, notes: new MemoryNotes() };

/** A strategy that serves `pages` (cursor = page index) and fails with `failAt` from that page on. */
function strategy(name: string, pages: Post[][], failAt?: { page: number; error: ExportError }): ListingStrategy & { calls: (string | null)[] } {
  const calls: (string | null)[] = [];
  return {
    name,
    calls,
    async fetchPage(_ctx, _account, cursor): Promise<PostPage> {
      calls.push(cursor);
      const index = cursor === null ? 0 : Number(cursor);
      if (failAt && index >= failAt.page) throw failAt.error;
      return { posts: pages[index] ?? [], nextCursor: index + 1 < pages.length ? String(index + 1) : null };
    },
    continueFrom: (previous) => previous.cursor,
  };
}

const posts = (...ids: string[]) => ids.map((id) => post(id));
const retired = new ExportError('endpoint_retired', 'Instagram no longer answers the posts feed request for this session.');

describe('listing sections through their strategies', () => {
  it('moves a section to its next strategy where the first stopped, never asking the closed one again', async () => {
    const rest = strategy('rest', [posts('a', 'b'), posts('c'), posts('d')], { page: 1, error: retired });
    const graphql = strategy('graphql', [posts('a', 'b'), posts('c'), posts('d')]);
    const sections: ListingSection[] = [{ name: 'posts', label: 'Posts', strategies: [rest, graphql], expectedCount: 4 }];
    const walk = await walkSections(sections, ctx, ACCOUNT);
    expect(walk.posts.map((p) => p.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(rest.calls).toEqual([null, '1']);
    expect(graphql.calls).toEqual(['1', '2']);
    expect(walk.reports).toEqual([{ name: 'posts', label: 'Posts', status: 'complete', strategy: 'graphql', listed: 4, expected: 4 }]);
  });

  it('starts the next strategy over when it cannot carry on, listing nothing twice', async () => {
    const rest = strategy('rest', [posts('a', 'b'), posts('c')], { page: 1, error: new ExportError('http_error', 'Instagram answered 500.') });
    const graphql = { ...strategy('graphql', [posts('a'), posts('b', 'c')]), continueFrom: undefined };
    const walk = await walkSections([{ name: 'posts', label: 'Posts', strategies: [rest, graphql] }], ctx, ACCOUNT);
    expect(walk.posts.map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(walk.reports[0]).toMatchObject({ status: 'complete', listed: 3 });
  });

  it('reports a section no strategy can read and goes on with the next one', async () => {
    const shape = new ExportError('platform_changed', 'Instagram answered the stories request in a shape this version does not understand.');
    const stories: ListingSection = { name: 'stories', label: 'Stories', strategies: [strategy('rest', [], { page: 0, error: shape }), strategy('graphql', [], { page: 0, error: shape })] };
    const highlights: ListingSection = { name: 'highlights', label: 'Highlights', strategies: [strategy('rest', [posts('h1')])] };
    const walk = await walkSections([stories, highlights], ctx, ACCOUNT);
    expect(walk.posts.map((p) => p.id)).toEqual(['h1']);
    expect(walk.reports).toMatchObject([
      { name: 'stories', status: 'unavailable', strategy: 'graphql', listed: 0, reason: shape.message },
      { name: 'highlights', status: 'complete', listed: 1 },
    ]);
  });

  it('calls a section partial when its last strategy fails after listing some', async () => {
    const failing = strategy('rest', [posts('a'), posts('b')], { page: 1, error: new ExportError('http_error', 'Instagram answered 502.') });
    const walk = await walkSections([{ name: 'posts', label: 'Posts', strategies: [failing] }], ctx, ACCOUNT);
    expect(walk.reports).toMatchObject([{ status: 'partial', listed: 1, reason: 'Instagram answered 502.' }]);
  });

  it.each([
    [60, 58, 'complete'],
    [60, 57, 'partial'],
    [1000, 980, 'complete'],
    [1000, 979, 'partial'],
  ])('of %i the platform counts, %i listed is %s', async (expected, listed, status) => {
    const ids = Array.from({ length: listed }, (_, i) => `p${i}`);
    const walk = await walkSections([{ name: 'posts', label: 'Posts', strategies: [strategy('rest', [posts(...ids)])], expectedCount: expected }], ctx, ACCOUNT);
    expect(walk.reports[0]).toMatchObject({ status, listed, expected });
    if (status === 'partial') expect(walk.reports[0]?.reason).toBe(`Listed ${listed} of the ${expected} the platform counts.`);
  });

  it.each(['login_required', 'checkpoint_required', 'rate_limited', 'network_error', 'cancelled'] as const)('lets %s end the job, not the section', async (kind) => {
    const failing = strategy('rest', [], { page: 0, error: new ExportError(kind, 'no') });
    const next = strategy('graphql', [posts('a')]);
    await expect(walkSections([{ name: 'posts', label: 'Posts', strategies: [failing, next] }], ctx, ACCOUNT)).rejects.toMatchObject({ kind });
    expect(next.calls).toEqual([]);
  });

  it('keeps a post two sections of one scope list once, counting it for both', async () => {
    const sections: ListingSection[] = [
      { name: 'posts', label: 'Posts', scope: 'grid', strategies: [strategy('rest', [posts('a', 'r1')])] },
      { name: 'reels', label: 'Reels', scope: 'grid', strategies: [strategy('rest', [posts('r1', 'r2')])] },
      { name: 'stories', label: 'Stories', strategies: [strategy('rest', [posts('a')])] },
    ];
    const walk = await walkSections(sections, ctx, ACCOUNT);
    expect(walk.posts.map((p) => p.id)).toEqual(['a', 'r1', 'r2', 'a']);
    expect(walk.reports.map((r) => r.listed)).toEqual([2, 2, 1]);
  });

  it('refuses a stored position naming a section or strategy this build does not have', async () => {
    const sections: ListingSection[] = [{ name: 'posts', label: 'Posts', strategies: [strategy('rest', [posts('a')])] }];
    await expect(walkSections(sections, ctx, ACCOUNT, { from: { section: 'posts', strategy: 'gone', cursor: null, listed: 0 } })).rejects.toMatchObject({ kind: 'internal' });
  });
});
