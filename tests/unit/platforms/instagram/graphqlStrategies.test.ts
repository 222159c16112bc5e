import { describe, expect, it } from 'vitest';
import { asMediaPk } from '../../../../lib/platforms/instagram/json';
import { shortcodeOf } from '../../../../lib/platforms/instagram/shortcode';
import { highlightsGraphql } from '../../../../lib/platforms/instagram/strategies/highlightsGraphql';
import { mediaByPostRoot } from '../../../../lib/platforms/instagram/strategies/postRootGraphql';
import { postsGraphql } from '../../../../lib/platforms/instagram/strategies/postsGraphql';
import { reelsGraphql } from '../../../../lib/platforms/instagram/strategies/reelsGraphql';
import { storiesGraphql } from '../../../../lib/platforms/instagram/strategies/storiesGraphql';
import type { AccountInfo, ApiRequest } from '../../../../lib/platforms/types';
import { respond } from '../fakeResponses';
import { rejection } from '../rejections';
import { BUNDLE_DOC_IDS, FakeInstagram, NONE_LISTED, VIEWER_ID, fixtureText, respondFixture } from './fakeInstagram';

const ACCOUNT: AccountInfo = { id: VIEWER_ID, handle: 'star.demo' };
const byQuery = (name: keyof typeof BUNDLE_DOC_IDS) => (_url: URL, req: ApiRequest) =>
  FakeInstagram.form(req).get('doc_id') === BUNDLE_DOC_IDS[name];
const variablesOf = (ig: FakeInstagram) =>
  ig.requests.filter((req) => req.method === 'POST').map((req) => JSON.parse(FakeInstagram.form(req).get('variables') ?? '{}') as Record<string, unknown>);

describe('posts (PolarisProfilePostsQuery)', () => {
  it('lists the timeline’s nodes keyed by pk and hands on its end_cursor', async () => {
    const ig = new FakeInstagram().withWebApp().on('POST', '/graphql/query', respondFixture('graphql-posts-1.json'));
    const page = await postsGraphql.fetchPage(ig, ACCOUNT, null, NONE_LISTED);
    expect(page.posts.map((post) => post.id)).toEqual(['3419876543210987654']);
    expect(page.nextCursor).toBe(JSON.stringify({ next: '3419876543210987654_51234567890' }));
  });

  it('keys a collaboration post by its pk, whoever its node id names as owner', async () => {
    const body = fixtureText('graphql-posts-2.json').replace('"3419000000000000001_51234567890"', '"3419000000000000001_99999999999"');
    const ig = new FakeInstagram().withWebApp().on('POST', '/graphql/query', respond(200, body));
    const page = await postsGraphql.fetchPage(ig, ACCOUNT, JSON.stringify({ next: '3419876543210987654_51234567890' }), NONE_LISTED);
    expect(page.posts.map((post) => post.id)).toEqual(['3419000000000000001']);
    expect(page.nextCursor).toBeNull();
    expect(variablesOf(ig)[0]).toMatchObject({ after: '3419876543210987654_51234567890', first: 12 });
  });

  it('takes a node it cannot read the file of as listed, its file unavailable, without a call per post', async () => {
    const page = JSON.parse(fixtureText('graphql-posts-2.json')) as { data: Record<string, { edges: { node: Record<string, unknown> }[] }> };
    delete page.data.xdt_api__v1__feed__user_timeline_graphql_connection!.edges[0]!.node.video_versions;
    const ig = new FakeInstagram().withWebApp().on('POST', '/graphql/query', respond(200, JSON.stringify(page)));
    const { posts } = await postsGraphql.fetchPage(ig, ACCOUNT, JSON.stringify({ next: 'X_1' }), NONE_LISTED);
    expect(posts[0]?.media).toMatchObject([{ kind: 'video', url: '', unavailable: {} }]);
    expect(ig.paths().filter((path) => path.startsWith('/api/'))).toEqual([]);
  });
});

describe('reels (PolarisProfileReelsTabContentQuery)', () => {
  it('lists edges[].node.media and asks by user id', async () => {
    const ig = new FakeInstagram().withWebApp().on('POST', '/graphql/query', respondFixture('graphql-reels-tab.json'), byQuery('PolarisProfileReelsTabContentQuery'));
    const page = await reelsGraphql.fetchPage(ig, ACCOUNT, null, NONE_LISTED);
    expect(page.posts.map((post) => [post.id, post.kind])).toEqual([
      ['3405000000000000456', 'reel'],
      ['3420000000000000123', 'reel'],
      ['3419000000000000001', 'reel'],
    ]);
    expect(page.nextCursor).toBe(JSON.stringify({ next: 'QVFDreels_tab_page_2' }));
    expect(variablesOf(ig)[0]).toEqual({ data: { include_feed_video: true, page_size: 12, target_user_id: VIEWER_ID } });
  });

  it('refuses a connection of another shape', async () => {
    const ig = new FakeInstagram().withWebApp().on('POST', '/graphql/query', respond(200, '{"data":{"xdt_api__v1__clips__user__connection_v2":{"items":[]}},"status":"ok"}'));
    expect((await rejection(reelsGraphql.fetchPage(ig, ACCOUNT, null, NONE_LISTED))).kind).toBe('platform_changed');
  });
});

describe('stories (PolarisStoriesV3ReelPageStandaloneQuery)', () => {
  it('lists the user’s reel as stories in one call', async () => {
    const ig = new FakeInstagram().withWebApp().on('POST', '/graphql/query', respondFixture('graphql-stories.json'), byQuery('PolarisStoriesV3ReelPageStandaloneQuery'));
    const page = await storiesGraphql.fetchPage(ig, ACCOUNT, null, NONE_LISTED);
    expect(page.posts.map((post) => [post.id, post.kind])).toEqual([
      ['3425000000000000011', 'story'],
      ['3425000000000000012', 'story'],
    ]);
    expect(page.nextCursor).toBeNull();
    expect(variablesOf(ig)[0]).toEqual({ reel_ids_arr: [VIEWER_ID], is_highlight: false });
  });
});

describe('highlights (tray, then their reels)', () => {
  it('reads the tray first, then five highlights per call, until none is left', async () => {
    const ig = new FakeInstagram()
      .withWebApp()
      .on('POST', '/api/graphql', respondFixture('graphql-highlights-tray.json'), byQuery('PolarisProfileStoryHighlightsTrayContentQuery'))
      .on('POST', '/graphql/query', respondFixture('graphql-highlight-reels.json'), byQuery('PolarisStoriesV3ReelPageStandaloneQuery'));
    const tray = await highlightsGraphql.fetchPage(ig, ACCOUNT, null, NONE_LISTED);
    expect(tray.posts).toEqual([]);
    const first = await highlightsGraphql.fetchPage(ig, ACCOUNT, tray.nextCursor, NONE_LISTED);
    expect(first.posts).toHaveLength(6);
    expect(first.posts[0]).toMatchObject({ kind: 'highlight', metadata: { highlight_id: '17901234567890121' } });
    expect(variablesOf(ig)[0]).toMatchObject({ user_id: VIEWER_ID });
    expect(variablesOf(ig)[1]).toEqual({
      reel_ids_arr: ['highlight:17901234567890121', 'highlight:17901234567890122', 'highlight:17901234567890123', 'highlight:17901234567890124', 'highlight:17901234567890125'],
      is_highlight: true,
    });
    expect(JSON.parse(first.nextCursor!)).toEqual({ reelIds: ['highlight:17901234567890126'] });
  });

  it('ends at once for an empty tray', async () => {
    const empty = '{"data":{"highlights":{"edges":[],"page_info":{"has_next_page":false,"end_cursor":null}}},"status":"ok"}';
    const ig = new FakeInstagram().withWebApp().on('POST', '/api/graphql', respond(200, empty));
    expect(await highlightsGraphql.fetchPage(ig, ACCOUNT, null, NONE_LISTED)).toEqual({ posts: [], nextCursor: null });
  });

  it('sends back only highlight ids that are digits', async () => {
    const tray = '{"data":{"highlights":{"edges":[{"node":{"id":"highlight:../../x"}},{"node":{"id":"17901234567890121"}}]}},"status":"ok"}';
    const ig = new FakeInstagram().withWebApp().on('POST', '/api/graphql', respond(200, tray));
    const page = await highlightsGraphql.fetchPage(ig, ACCOUNT, null, NONE_LISTED);
    expect(JSON.parse(page.nextCursor!)).toEqual({ reelIds: ['highlight:17901234567890121'] });
  });
});

describe('one post (PolarisPostRootQuery)', () => {
  it('asks by the shortcode the pk spells and returns that post', async () => {
    const pk = asMediaPk('3418000000000000000')!;
    const ig = new FakeInstagram().withWebApp().on('POST', '/graphql/query', respondFixture('graphql-post-root.json'), byQuery('PolarisPostRootQuery'));
    const media = await mediaByPostRoot(ig, pk);
    expect(media?.pk).toBe('3418000000000000000');
    expect(variablesOf(ig)[0]).toEqual({ shortcode: shortcodeOf(pk) });
    expect(ig.paths()[0]).toBe('/');
  });
});

describe('shortcodeOf', () => {
  it.each([
    ['2556242422325841730', 'CN5mPCGhA9C'],
    ['1', 'B'],
    ['0', 'A'],
  ])('spells pk %s as %s', (pk, code) => {
    expect(shortcodeOf(asMediaPk(pk)!)).toBe(code);
  });
});
