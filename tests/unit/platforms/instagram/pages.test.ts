import { describe, expect, it } from 'vitest';
import { sections } from '../../../../lib/platforms/instagram/sections';
import { highlightsRest } from '../../../../lib/platforms/instagram/strategies/highlightsRest';
import { postsGraphql } from '../../../../lib/platforms/instagram/strategies/postsGraphql';
import { postsRest } from '../../../../lib/platforms/instagram/strategies/postsRest';
import { reelsRest } from '../../../../lib/platforms/instagram/strategies/reelsRest';
import { storiesRest } from '../../../../lib/platforms/instagram/strategies/storiesRest';
import type { AccountInfo, ApiRequest } from '../../../../lib/platforms/types';
import { redirect, respond } from '../fakeResponses';
import { walkSections, type SectionWalk } from '../pageWalk';
import { rejection } from '../rejections';
import { BUNDLE_DOC_IDS, BUNDLE_PATHS, FakeInstagram, NONE_LISTED, VIEWER_ID, fixtureJson, fixtureText, respondFixture } from './fakeInstagram';

const ACCOUNT: AccountInfo = { id: VIEWER_ID, handle: 'star.demo', profileUrl: 'https://www.instagram.com/star.demo/' };
const FEED = `/api/v1/feed/user/${VIEWER_ID}/`;
const REELS_MEDIA = '/api/v1/feed/reels_media/';
const HIGHLIGHTS = ['121', '122', '123', '124', '125', '126'].map((n) => `highlight:17901234567890${n}`);

const maxId = (value: string | null) => (url: URL) => url.searchParams.get('max_id') === value;
const formMaxId = (value: string | null) => (_url: URL, req: { body?: string }) => new URLSearchParams(req.body).get('max_id') === value;
const reelIds = (ids: string[]) => (url: URL) => JSON.stringify(url.searchParams.getAll('reel_ids')) === JSON.stringify(ids);

/** Instagram as a creator with a two-page feed, two reels pages, current stories and six highlights. */
function fullAccount(): FakeInstagram {
  return new FakeInstagram()
    .on('GET', FEED, respondFixture('feed-page-1.json', { 'x-ig-set-www-claim': 'hmac.AR2claimFromFeed' }), maxId(null))
    .on('GET', FEED, respondFixture('feed-page-2.json'), maxId(`3418000000000000000_${VIEWER_ID}`))
    .on('POST', '/api/v1/clips/user/', respondFixture('clips-page-1.json'), formMaxId(null))
    .on('POST', '/api/v1/clips/user/', respondFixture('clips-page-2.json'), formMaxId('QVFDclips_page_2_cursor'))
    .on('GET', REELS_MEDIA, respondFixture('reels-media-stories.json'), reelIds([VIEWER_ID]))
    .on('GET', `/api/v1/highlights/${VIEWER_ID}/highlights_tray/`, respondFixture('highlights-tray.json'))
    .on('GET', REELS_MEDIA, respondFixture('reels-media-highlights-1.json'), reelIds(HIGHLIGHTS.slice(0, 5)))
    .on('GET', REELS_MEDIA, respondFixture('reels-media-highlights-2.json'), reelIds(HIGHLIGHTS.slice(5)));
}

const GRID_SECTIONS = sections(ACCOUNT).slice(0, 2);

function listAll(ig: FakeInstagram, account = ACCOUNT, only = sections(account)): Promise<SectionWalk> {
  return walkSections(only, ig, account);
}

describe('Instagram sections', () => {
  it('lists feed, reels, stories and highlights in order, each page one call', async () => {
    const ig = fullAccount();
    const { pages, positions, posts, reports } = await listAll(ig);
    expect(posts.map((p) => `${p.kind}:${p.id}`)).toEqual([
      'image:3414259811154179155',
      'image:3419876543210987654',
      'reel:3419000000000000001',
      'carousel:3418000000000000000',
      'video:3400000000000000777',
      'image:3399999999999999888',
      'reel:3405000000000000456',
      'reel:3420000000000000123',
      'reel:3390000000000000999',
      'story:3425000000000000011',
      'story:3425000000000000012',
      'highlight:3410000000000000000',
      'highlight:3410000000000000001',
      'highlight:3410000000000000003',
      'highlight:3410000000000000002',
      'highlight:3410000000000000003',
      'highlight:3410000000000000004',
      'highlight:3410000000000000005',
    ]);
    expect(ig.requests).toHaveLength(pages.length);
    expect(positions.at(-1)).toBeUndefined();
    expect(positions.slice(0, -1).every((position) => position !== undefined && JSON.stringify(position).length < 400)).toBe(true);
    expect(reports.map((r) => `${r.name}:${r.status}:${r.strategy}`)).toEqual(['posts:complete:rest', 'reels:complete:rest', 'stories:complete:rest', 'highlights:complete:rest']);
  });

  it('keeps a pinned post once, first, with its pinned flag', async () => {
    const { posts } = await listAll(fullAccount());
    const all = posts.filter((p) => p.kind !== 'highlight');
    const ids = all.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(all[0]).toMatchObject({ id: '3414259811154179155', metadata: { pinned: true } });
  });

  it('lists reels that were never in the feed and skips the ones it already listed', async () => {
    const { posts } = await listAll(fullAccount());
    const fromClips = posts.slice(6, 9).map((p) => p.id);
    expect(fromClips).toEqual(['3405000000000000456', '3420000000000000123', '3390000000000000999']);
    expect(fromClips).not.toContain('3419000000000000001');
    expect(fromClips).not.toContain('3400000000000000777');
  });

  it('marks stories and highlights with their reel facts', async () => {
    const { pages } = await listAll(fullAccount());
    const [photoStory, videoStory] = pages[4]!;
    expect(photoStory).toMatchObject({
      kind: 'story',
      permalink: 'https://www.instagram.com/stories/star.demo/3425000000000000011/',
      metadata: { expiring_at: '2026-06-20T10:13:20.000Z' },
    });
    expect(videoStory?.media[0]).toMatchObject({ kind: 'video', id: '3425000000000000012', formatHint: 'mp4' });
    const tour = pages[6]![0]!;
    expect(tour).toMatchObject({
      kind: 'highlight',
      permalink: 'https://www.instagram.com/stories/highlights/17901234567890121/',
      metadata: { highlight_id: '17901234567890121', highlight_title: 'Tour 🎤' },
    });
    expect(tour.metadata).not.toHaveProperty('expiring_at');
  });

  it.each([
    ['highlight:17901234567890126', '17901234567890126', 'https://www.instagram.com/stories/highlights/17901234567890126/'],
    ['17901234567890126', '17901234567890126', 'https://www.instagram.com/stories/highlights/17901234567890126/'],
    ['highlight:../../accounts/edit', '../../accounts/edit', undefined],
    ['highlight:1790123/../../x', '1790123/../../x', undefined],
    ['highlight:highlight:17901234567890126', 'highlight:17901234567890126', undefined],
    ['highlight:', '', undefined],
  ])('links highlight reel %j only by a numeric id', async (reelId, highlightId, permalink) => {
    const body = fixtureJson('reels-media-highlights-2.json') as { reels: Record<string, Record<string, unknown>> };
    const reel = { ...body.reels['highlight:17901234567890126']!, id: reelId };
    const ig = new FakeInstagram().on('GET', REELS_MEDIA, respond(200, JSON.stringify({ reels_media: [reel], status: 'ok' })));
    const { posts } = await highlightsRest.fetchPage(ig, ACCOUNT, JSON.stringify({ reelIds: [reelId] }), NONE_LISTED);
    expect(posts.length).toBeGreaterThan(0);
    for (const post of posts) {
      expect(post.permalink).toBe(permalink);
      expect(post.metadata.highlight_id).toBe(highlightId);
    }
  });

  it('asks for reels with the form the web app sends', async () => {
    const ig = fullAccount();
    await listAll(ig);
    const clips = ig.requests.filter((r) => r.url.endsWith('/api/v1/clips/user/'));
    expect(clips.map((r) => Object.fromEntries(FakeInstagram.form(r)))).toEqual([
      { target_user_id: VIEWER_ID, page_size: '50', include_feed_video: 'true' },
      { target_user_id: VIEWER_ID, page_size: '50', include_feed_video: 'true', max_id: 'QVFDclips_page_2_cursor' },
    ]);
    expect(clips[0]).toMatchObject({ method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(new URL(ig.requests[0]!.url).searchParams.get('count')).toBe('30');
  });

  it('echoes the www-claim the server set, per job', async () => {
    const ig = fullAccount();
    const first = await postsRest.fetchPage(ig, ACCOUNT, null, NONE_LISTED);
    await postsRest.fetchPage(ig, ACCOUNT, first.nextCursor, NONE_LISTED);
    expect(ig.requests.map((r) => r.headers?.['X-IG-WWW-Claim'])).toEqual(['0', 'hmac.AR2claimFromFeed']);
    const nextJob = new FakeInstagram().on('GET', FEED, respondFixture('feed-page-2.json'));
    await postsRest.fetchPage(nextJob, ACCOUNT, null, NONE_LISTED);
    expect(nextJob.requests[0]?.headers?.['X-IG-WWW-Claim']).toBe('0');
  });

  it('ends after the tray when there are no stories and no highlights', async () => {
    const ig = new FakeInstagram()
      .on('GET', FEED, respond(200, '{"items":[],"num_results":0,"more_available":false,"status":"ok"}'))
      .on('POST', '/api/v1/clips/user/', respond(200, '{"items":[],"paging_info":{"max_id":null,"more_available":false},"status":"ok"}'))
      .on('GET', REELS_MEDIA, respondFixture('reels-media-empty.json'))
      .on('GET', `/api/v1/highlights/${VIEWER_ID}/highlights_tray/`, respondFixture('highlights-tray-empty.json'));
    const { pages } = await listAll(ig);
    expect(pages).toEqual([[], [], [], []]);
  });

  it('lists posts whose id is no pk, skips one the reels list again, and never takes a post without an id for another', async () => {
    const [, image, reel] = (fixtureJson('feed-page-1.json') as { items: Record<string, unknown>[] }).items;
    const { pk: _pk, id: _id, ...anonymousReel } = reel!;
    const hostileReel = { ...reel, pk: 'CON', id: `CON_${VIEWER_ID}` };
    const hostileImage = { ...image, pk: '../../x', id: `../../x_${VIEWER_ID}` };
    const ig = new FakeInstagram()
      .on('GET', FEED, respond(200, JSON.stringify({ items: [hostileReel, anonymousReel, hostileImage], more_available: false, status: 'ok' })))
      .on('POST', '/api/v1/clips/user/', respond(200, JSON.stringify({ items: [{ media: hostileReel }, { media: anonymousReel }], paging_info: { more_available: false }, status: 'ok' })));
    const { posts } = await listAll(ig, ACCOUNT, GRID_SECTIONS);
    expect(posts.map((p) => p.id)).toEqual(['CON', 'no-id', '../../x', 'no-id']);
  });

  it('stops when a page claims more but repeats its own position', async () => {
    const ig = new FakeInstagram().on('GET', FEED, respond(200, '{"items":[],"more_available":true,"next_max_id":"X_1","status":"ok"}'));
    const first = await postsRest.fetchPage(ig, ACCOUNT, null, NONE_LISTED);
    const second = await postsRest.fetchPage(ig, ACCOUNT, first.nextCursor, NONE_LISTED);
    expect(second.nextCursor).toBeNull();
  });
});

describe('Instagram posts through GraphQL', () => {
  function graphqlAccount(feedAnswer = redirect('https://www.instagram.com/')): FakeInstagram {
    const after = (value: string | undefined) => (_url: URL, req: { body?: string }) =>
      (JSON.parse(new URLSearchParams(req.body).get('variables') ?? '{}') as { after?: string }).after === value;
    return new FakeInstagram()
      .on('GET', FEED, feedAnswer)
      .withWebApp()
      .on('POST', '/graphql/query', respondFixture('graphql-posts-1.json'), after(undefined))
      .on('POST', '/graphql/query', respondFixture('graphql-posts-2.json'), after(`3419876543210987654_${VIEWER_ID}`));
  }

  it.each([
    ['redirects to /', redirect('https://www.instagram.com/')],
    ['redirects somewhere the browser hides', redirect(undefined)],
  ])('takes over the feed when the REST feed %s', async (_name, answer) => {
    const ig = graphqlAccount(answer);
    const { posts, reports } = await listAll(ig, ACCOUNT, GRID_SECTIONS.slice(0, 1));
    expect(posts.map((p) => `${p.kind}:${p.id}`)).toEqual(['image:3419876543210987654', 'reel:3419000000000000001']);
    expect(reports).toMatchObject([{ name: 'posts', status: 'complete', strategy: 'graphql', listed: 2 }]);

    // The redirect is judged by the session's page, then the query reads the profile's page and its bundles.
    expect(ig.paths()).toEqual([FEED, '/', '/star.demo/', ...BUNDLE_PATHS.map((path) => `static.cdninstagram.com${path}`), '/graphql/query', '/graphql/query']);
    const form = FakeInstagram.form(ig.requests[5]!);
    expect(form.get('doc_id')).toBe(BUNDLE_DOC_IDS.PolarisProfilePostsQuery);
    expect(form.get('server_timestamps')).toBe('true');
    expect(JSON.parse(form.get('variables')!)).toMatchObject({ username: 'star.demo', data: { count: 12 } });
    expect(JSON.parse(FakeInstagram.form(ig.requests[6]!).get('variables')!)).toMatchObject({ first: 12 });
  });

  it('never reads a post again on its own: a node without its video is listed with the file unavailable', async () => {
    const page = JSON.parse(fixtureText('graphql-posts-2.json')) as {
      data: Record<string, { edges: { node: Record<string, unknown> }[] }>;
    };
    const node = page.data.xdt_api__v1__feed__user_timeline_graphql_connection!.edges[0]!.node;
    delete node.video_versions;
    Object.assign(node, { pk: '../../../accounts/edit', id: '../../../accounts/edit' });
    const ig = new FakeInstagram().withWebApp().on('POST', '/graphql/query', respond(200, JSON.stringify(page)));
    const { posts } = await postsGraphql.fetchPage(ig, ACCOUNT, JSON.stringify({ next: 'X_1' }), NONE_LISTED);
    expect(posts[0]).toMatchObject({
      id: '../../../accounts/edit',
      media: [{ id: '../../../accounts/edit', kind: 'video', url: '', unavailable: { message: expect.stringMatching(/video but gave no address/) as unknown } }],
      metadata: { missing_media: ['../../../accounts/edit'] },
    });
    expect(ig.paths().filter((path) => path.startsWith('/api/'))).toEqual([]);
  });

  it('does not try GraphQL after a redirect to the login page', async () => {
    const ig = graphqlAccount(redirect('https://www.instagram.com/accounts/login/?next=%2F'));
    expect((await rejection(listAll(ig, ACCOUNT, GRID_SECTIONS))).kind).toBe('login_required');
    expect(ig.requests).toHaveLength(1);
  });

  it('reports the posts unavailable, not a logout, when GraphQL is redirected too while the session is there', async () => {
    const ig = new FakeInstagram()
      .on('GET', FEED, redirect(undefined))
      .withWebApp()
      .on('POST', '/graphql/query', redirect(undefined))
      .on('POST', '/api/v1/clips/user/', respondFixture('clips-page-2.json'));
    const { reports } = await listAll(ig, ACCOUNT, GRID_SECTIONS);
    expect(reports).toMatchObject([{ name: 'posts', status: 'unavailable', strategy: 'graphql' }, { name: 'reels', status: 'complete' }]);
  });

  it('reports a logout when GraphQL is redirected and the session cookie is gone', async () => {
    const ig = new FakeInstagram().on('GET', FEED, redirect(undefined)).withWebApp().on('POST', '/graphql/query', () => {
      delete ig.cookies.ds_user_id;
      return redirect(undefined);
    });
    expect((await rejection(listAll(ig, ACCOUNT, GRID_SECTIONS))).kind).toBe('login_required');
  });

  it('waits when GraphQL says it is rate limited', async () => {
    const body = '{"data":null,"errors":[{"message":"Rate limit exceeded","severity":"CRITICAL","code":1675004}],"status":"ok"}';
    const ig = new FakeInstagram().on('GET', FEED, redirect('/')).withWebApp().on('POST', '/graphql/query', respond(200, body));
    const error = await rejection(listAll(ig, ACCOUNT, GRID_SECTIONS));
    expect(error.kind).toBe('rate_limited');
    // No wait was named: the engine applies its own (a user setting, a minute by default).
    expect(error.details.retryAfterMs).toBeUndefined();
  });

  it('reports the posts unavailable when the REST feed is retired and the doc_id is gone, and goes on', async () => {
    const ig = new FakeInstagram()
      .on('GET', FEED, redirect('/'))
      .withWebApp()
      .on('POST', '/graphql/query', respondFixture('graphql-doc-id-gone.json'))
      .on('POST', '/api/v1/clips/user/', respondFixture('clips-page-2.json'));
    const { posts, reports } = await listAll(ig, ACCOUNT, GRID_SECTIONS);
    expect(reports).toMatchObject([
      { name: 'posts', status: 'unavailable', strategy: 'graphql', listed: 0, reason: expect.stringMatching(/posts \(GraphQL\)/) as unknown },
      { name: 'reels', status: 'complete' },
    ]);
    expect(posts.length).toBeGreaterThan(0);
    expect((await rejection(postsGraphql.fetchPage(ig, ACCOUNT, null, NONE_LISTED))).kind).toBe('platform_changed');
  });
});

describe('Instagram strategies’ shape errors', () => {
  it.each([
    ['posts feed', postsRest, { method: 'GET', path: FEED, body: '{"status":"ok","data":{}}' }],
    ['reels', reelsRest, { method: 'POST', path: '/api/v1/clips/user/', body: '{"status":"ok"}' }],
    ['stories', storiesRest, { method: 'GET', path: REELS_MEDIA, body: '{"status":"ok"}' }],
    ['highlights', highlightsRest, { method: 'GET', path: `/api/v1/highlights/${VIEWER_ID}/highlights_tray/`, body: '{"status":"ok"}' }],
  ] as const)('names the %s endpoint when its answer is not Instagram’s shape', async (endpoint, strategy, route) => {
    const ig = new FakeInstagram().on(route.method, route.path, respond(200, route.body));
    const error = await rejection(strategy.fetchPage(ig, ACCOUNT, null, NONE_LISTED));
    expect(error.kind).toBe('platform_changed');
    expect(error.message).toContain(endpoint);
  });

  it.each(['not json', '{"next":5}', '[]'])('refuses an unreadable cursor %j', async (cursor) => {
    expect((await rejection(postsRest.fetchPage(new FakeInstagram(), ACCOUNT, cursor, NONE_LISTED))).kind).toBe('internal');
  });
});

describe('Instagram as it answers many sessions since Aug 2026', () => {
  const variablesOf = (req: { body?: string }) => JSON.parse(new URLSearchParams(req.body).get('variables') ?? '{}') as Record<string, unknown>;
  const query = (name: keyof typeof BUNDLE_DOC_IDS, when: (variables: Record<string, unknown>) => boolean = () => true) =>
    (_url: URL, req: { body?: string }) => FakeInstagram.form(req as ApiRequest).get('doc_id') === BUNDLE_DOC_IDS[name] && when(variablesOf(req));
  const lastHighlight = fixtureJson('reels-media-highlights-2.json') as { reels: Record<string, unknown> };

  /** The feed's second page, clips/user and reels_media closed; every section read on through GraphQL. */
  function late2026(): FakeInstagram {
    return new FakeInstagram()
      .on('GET', FEED, respondFixture('feed-page-1.json'), maxId(null))
      .on('GET', FEED, redirect(undefined))
      .on('POST', '/api/v1/clips/user/', redirect(undefined))
      .on('GET', REELS_MEDIA, respond(500, '<html>Server Error</html>'))
      .on('GET', `/api/v1/highlights/${VIEWER_ID}/highlights_tray/`, respondFixture('highlights-tray.json'))
      .withWebApp()
      .on('POST', '/graphql/query', respondFixture('graphql-posts-2.json'), query('PolarisProfilePostsQuery'))
      .on('POST', '/graphql/query', respondFixture('graphql-reels-tab.json'), query('PolarisProfileReelsTabContentQuery', (v) => v.after === undefined))
      .on('POST', '/graphql/query', respond(200, '{"data":{"xdt_api__v1__clips__user__connection_v2":{"edges":[],"page_info":{"has_next_page":false}}},"status":"ok"}'), query('PolarisProfileReelsTabContentQuery'))
      .on('POST', '/graphql/query', respondFixture('graphql-stories.json'), query('PolarisStoriesV3ReelPageStandaloneQuery', (v) => v.is_highlight === false))
      .on('POST', '/graphql/query', respondFixture('graphql-highlight-reels.json'), query('PolarisStoriesV3ReelPageStandaloneQuery', (v) => (v.reel_ids_arr as string[]).length === 5))
      .on('POST', '/graphql/query', respond(200, JSON.stringify({ data: { xdt_api__v1__feed__reels_media: { reels_media: Object.values(lastHighlight.reels) } }, status: 'ok' })), query('PolarisStoriesV3ReelPageStandaloneQuery'));
  }

  it('reads every section to its end, each switching to the web app’s GraphQL where REST is closed', async () => {
    const ig = late2026();
    const { posts, reports } = await listAll(ig);
    expect(reports.map((r) => `${r.name}:${r.status}:${r.strategy}`)).toEqual([
      'posts:complete:graphql',
      'reels:complete:graphql',
      'stories:complete:graphql',
      'highlights:complete:graphql',
    ]);
    const grid = posts.filter((p) => p.kind !== 'story' && p.kind !== 'highlight').map((p) => p.id);
    expect(new Set(grid).size).toBe(grid.length);
    expect(grid).toEqual(['3414259811154179155', '3419876543210987654', '3419000000000000001', '3418000000000000000', '3405000000000000456', '3420000000000000123']);
    expect(posts.filter((p) => p.kind === 'story')).toHaveLength(2);
    expect(posts.filter((p) => p.kind === 'highlight')).toHaveLength(7);
  });

  it('carries the feed on from where REST stopped, and asks no retired endpoint twice', async () => {
    const ig = late2026();
    await listAll(ig);
    const timeline = ig.requests.filter((req) => FakeInstagram.form(req).get('doc_id') === BUNDLE_DOC_IDS.PolarisProfilePostsQuery);
    expect(timeline.map((req) => variablesOf(req).after)).toEqual([`3418000000000000000_${VIEWER_ID}`]);
    const paths = ig.paths();
    expect(paths.filter((path) => path === FEED)).toHaveLength(2);
    expect(paths.filter((path) => path === '/api/v1/clips/user/')).toHaveLength(1);
    // Its 500 to the stories retires it for the highlights too.
    expect(paths.filter((path) => path === REELS_MEDIA)).toHaveLength(1);
    expect(paths.filter((path) => path === '/star.demo/')).toHaveLength(1);
  });
});
