import { describe, expect, it } from 'vitest';
import { instagramAdapter } from '../../lib/platforms/instagram';
import { startFakePlatforms } from '../fake-platforms/index';
import type { InstagramEra } from '../fake-platforms/types';
import { walkSections } from '../unit/platforms/pageWalk';
import { NodePlatformContext } from './facebook/nodeContext';

const BIG = 'thousand.posts';

/** The adapter, unpaced in Node, against the fake Instagram of one era: every call it makes is counted. */
async function exportBigAccount(era: InstagramEra) {
  const fake = await startFakePlatforms({ port: 0, instagramEra: era, instagramAccounts: [{ username: BIG, posts: 1_000, stories: 3, highlights: 2 }] });
  try {
    const ctx = new NodePlatformContext(fake.port, fake.instagramCookies());
    const account = await instagramAdapter.resolveAccount(ctx, BIG);
    const lookups = ctx.requests.length;
    const walk = await walkSections(instagramAdapter.sections(account), ctx, account, { maxPages: 400 });
    const api = ctx.requests.filter((req) => !new URL(req.url).hostname.startsWith('static.'));
    const pages = (mark: string) => api.filter((r) => r.url.includes(mark) || r.headers?.['X-FB-Friendly-Name'] === mark).length;
    return { walk, calls: api.length - lookups, expected: fake.instagramPostIds(BIG), pages };
  } finally {
    await fake.close();
  }
}

describe('the extension’s Instagram adapter against the fake, 1 000 posts', () => {
  it('legacy: lists every post through REST, 30 a page, and calls grow with pages, not posts', async () => {
    const { walk, calls, expected, pages } = await exportBigAccount('legacy');
    const listed = new Set(walk.posts.map((p) => p.id));
    for (const id of expected) expect(listed.has(id), id).toBe(true);
    expect(walk.reports.every((r) => r.status === 'complete' && r.strategy === 'rest')).toBe(true);
    expect(pages('/feed/user/')).toBe(Math.ceil(1_000 / 30));
    // Beyond the feed's and the reels tab's pages, a constant: stories, the highlights tray, their items.
    expect(calls - pages('/feed/user/') - pages('/clips/user/')).toBeLessThanOrEqual(5);
  });

  it('late 2026: reads the retired sections through the web app’s GraphQL, one call per page', async () => {
    const { walk, calls, expected, pages } = await exportBigAccount('late2026');
    const listed = new Set(walk.posts.map((p) => p.id));
    for (const id of expected) expect(listed.has(id), id).toBe(true);
    expect(walk.reports.map((r) => `${r.name}:${r.status}:${r.strategy}`)).toEqual([
      'posts:complete:graphql',
      'reels:complete:graphql',
      'stories:complete:graphql',
      'highlights:complete:graphql',
    ]);
    // Each retired endpoint is asked once; pages of 12 are what the web app asks for.
    expect(pages('/feed/user/')).toBe(1);
    expect(pages('/clips/user/')).toBe(1);
    expect(pages('PolarisProfilePostsQuery')).toBe(Math.ceil(1_000 / 12));
    // Beyond the two grids' pages, a constant: the pages read for tokens, one probe of each retired
    // endpoint, stories, the highlights tray and their items.
    expect(calls - pages('PolarisProfilePostsQuery') - pages('PolarisProfileReelsTabContentQuery')).toBeLessThanOrEqual(10);
  });
});
