import { describe, expect, it } from 'vitest';
import { DEFAULT_LISTING_OPTIONS, type ListingOptions } from '../../../../lib/platforms/facebook/constants';
import { collectionStrategy } from '../../../../lib/platforms/facebook/pages';
import { sections } from '../../../../lib/platforms/facebook/sections';
import type { AccountInfo, ListedPosts, ListingSection } from '../../../../lib/platforms/types';
import type { ListingPosition } from '../../../../lib/storage/exportDb';
import { walkSections, type SectionWalk } from '../pageWalk';
import { rejection } from '../rejections';
import { FakeFacebook, fixtureText, respond, respondFixture, VIEWER_DTSG, VIEWER_ID, type GraphqlCall } from './fakeFacebook';

const PHOTOS = 'ProfileCometAppCollectionPhotosRendererPaginationQuery';
const VIDEOS = 'ProfileCometAppCollectionVideosRendererPaginationQuery';
const REELS = 'ProfileCometAppCollectionReelsRendererPaginationQuery';
const PHOTO = 'CometPhotoRootContentQuery';
const VIDEO = 'CometVideoRootMediaViewerQuery';

const account: AccountInfo = { id: VIEWER_ID, handle: VIEWER_ID };

const collection = (section: string, cursor: string | null) => (call: GraphqlCall) =>
  atob(String(call.variables.id)) === `app_collection:${VIEWER_ID}:${section}` && call.variables.cursor === cursor;
const node = (id: string) => (call: GraphqlCall) => call.variables.nodeID === id;

/** The profile of the fixtures: 3 uploads over 2 pages (one deleted before its detail), 2 videos (one a reel), 2 reels. */
function profile(fb = new FakeFacebook()): FakeFacebook {
  return fb
    .onQuery(PHOTOS, respondFixture('uploads-page-1.json'), collection('2305272732:5', null))
    .onQuery(PHOTOS, respondFixture('uploads-page-2.json'), collection('2305272732:5', 'AQHRc1xT0pZk'))
    .onQuery(PHOTO, respondFixture('photo-detail.ndjson'), node('10160123456789012'))
    .onQuery(PHOTO, respondFixture('photo-detail-no-caption.ndjson'), node('10160123456789013'))
    .onQuery(PHOTO, respondFixture('detail-gone.json'), node('10160123456789014'))
    .onQuery(VIDEOS, respondFixture('videos-page.json'), collection('1560653304174514:133', null))
    .onQuery(VIDEO, respondFixture('video-detail-hd-sd.ndjson'), node('1234567890123456'))
    .onQuery(VIDEO, respondFixture('video-detail-reel.ndjson'), node('1234567890123457'))
    .onQuery(REELS, respondFixture('reels-page.ndjson'), collection('168684841768375:260', null))
    .onQuery(VIDEO, respond(200, fixtureText('video-detail-hd-sd.ndjson').replaceAll('1234567890123456', '1234567890123458')), node('1234567890123458'));
}

const NONE_LISTED: ListedPosts = { has: async () => false };
const UPLOADS = collectionStrategy('uploads', DEFAULT_LISTING_OPTIONS);

/** The sections, each page of each checked to have sent at most one GraphQL request. */
function oneRequestPerPage(fb: FakeFacebook, list: ListingSection[]): ListingSection[] {
  return list.map((section) => ({
    ...section,
    strategies: section.strategies.map((strategy) => ({
      ...strategy,
      async fetchPage(...args: Parameters<typeof strategy.fetchPage>) {
        const before = fb.graphqlCalls.length;
        const page = await strategy.fetchPage(...args);
        expect(fb.graphqlCalls.length - before, 'one GraphQL request per page').toBeLessThanOrEqual(1);
        return page;
      },
    })),
  }));
}

/** Every page to the end, as the engine reads them (each post kept once in its scope). */
async function walk(
  fb: FakeFacebook,
  options: ListingOptions = DEFAULT_LISTING_OPTIONS,
  from?: ListingPosition,
): Promise<Pick<SectionWalk, 'posts' | 'positions' | 'reports'>> {
  const { posts, positions, reports } = await walkSections(oneRequestPerPage(fb, sections(options)), fb, account, { from });
  return { posts, positions, reports };
}

describe('Facebook collections', () => {
  it('lists uploads, videos and reels to the end, one request at a time, each item read in detail', async () => {
    const fb = profile();
    const { posts, positions } = await walk(fb);
    expect(posts.map((p) => `${p.kind}:${p.id}`)).toEqual([
      'image:10160123456789012',
      'image:10160123456789013',
      'image:10160123456789014',
      'video:1234567890123456',
      'reel:1234567890123457',
      'reel:1234567890123458',
    ]);
    // The photo the media viewer did not return (currMedia: null) is listed, its file failed.
    expect(posts[2]!.media[0]).toMatchObject({ url: '', unavailable: { reason: 'not_returned' } });
    // The reel the videos collection listed is not read again from the reels collection.
    expect(fb.graphqlCalls.filter((c) => c.variables.nodeID === '1234567890123457')).toHaveLength(1);
    expect(positions.at(-1)).toBeUndefined();
    expect(fb.pageRequests).toHaveLength(1);
  });

  it('with "Only new", reads no detail of an item delivered before, and the others as always', async () => {
    const fb = profile();
    const delivered: ListedPosts = { has: async () => false, deliveredBefore: (id) => id === '10160123456789012' };
    let page = await UPLOADS.fetchPage(fb, account, null, delivered);
    const details: string[] = [];
    while (page.nextCursor !== null) {
      page = await UPLOADS.fetchPage(fb, account, page.nextCursor, delivered);
      details.push(...page.posts.map((post) => post.id));
    }
    expect(details).toEqual(['10160123456789013', '10160123456789014']);
    expect(fb.graphqlCalls.filter((c) => c.variables.nodeID === '10160123456789012')).toEqual([]);
  });

  it('sends what the web client sends', async () => {
    const fb = profile();
    await UPLOADS.fetchPage(fb, account, null, NONE_LISTED);
    const [request] = fb.requests.filter((r) => r.method === 'POST');
    expect(request!.url).toBe('https://www.facebook.com/api/graphql/');
    expect(request!.headers).toMatchObject({ 'X-FB-Friendly-Name': PHOTOS, 'X-FB-LSD': 'AVpQ7x_bM3k', 'X-ASBD-ID': '359341', 'Content-Type': 'application/x-www-form-urlencoded' });
    const { form, variables } = fb.graphqlCalls[0]!;
    expect(Object.fromEntries(form)).toMatchObject({
      av: VIEWER_ID,
      __user: VIEWER_ID,
      __a: '1',
      __req: '1',
      __comet_req: '15',
      __rev: '1029384756',
      __spin_r: '1029384756',
      __spin_b: 'trunk',
      __hsi: '7456123456789012345',
      fb_dtsg: VIEWER_DTSG,
      lsd: 'AVpQ7x_bM3k',
      fb_api_caller_class: 'RelayModern',
      fb_api_req_friendly_name: PHOTOS,
      server_timestamps: 'true',
      doc_id: '27028962643386672',
    });
    expect(form.get('jazoest')).toMatch(/^2\d+$/);
    expect(variables).toEqual({ count: 8, cursor: null, scale: 1, id: btoa(`app_collection:${VIEWER_ID}:2305272732:5`) });
  });

  it('resumes from any stored cursor, in a new job run, with the same result', async () => {
    const whole = await walk(profile());
    const third = whole.positions[2]!;
    const resumed = await walk(profile(), DEFAULT_LISTING_OPTIONS, third);
    expect(resumed.posts.map((p) => p.id)).toEqual(whole.posts.slice(whole.posts.length - resumed.posts.length).map((p) => p.id));
    expect(resumed.posts.length).toBeGreaterThan(0);
  });

  it('lists tagged photos when enabled, without the user’s own uploads among them', async () => {
    const fb = profile()
      .onQuery(PHOTOS, respondFixture('tagged-page.json'), collection('2305272732:4', null))
      .onQuery(PHOTO, respondFixture('photo-detail-no-caption.ndjson'), node('10160123456789013'))
      .onQuery(PHOTO, respondFixture('photo-detail-friend.ndjson'), node('10225550001112223'));
    const { posts } = await walk(fb, { ...DEFAULT_LISTING_OPTIONS, includeTagged: true });
    const tagged = posts.filter((p) => p.metadata.collection === 'tagged');
    expect(tagged.map((p) => [p.id, p.metadata.owner_name])).toEqual([['10225550001112223', 'Ana Sousa']]);
    expect(posts).toHaveLength(7);
    expect(fb.graphqlCalls.filter((c) => c.form.get('fb_api_req_friendly_name') === PHOTO).map((c) => c.variables.mediasetToken)).toEqual([
      ...Array<string>(3).fill(`pb.${VIEWER_ID}.-2207520000`),
      `t.${VIEWER_ID}`,
      `t.${VIEWER_ID}`,
    ]);
  });

  it('fast mode takes photos from the collection pages without reading each one', async () => {
    const fb = profile();
    const { posts } = await walk(fb, { ...DEFAULT_LISTING_OPTIONS, fast: true });
    expect(fb.graphqlCalls.filter((c) => c.form.get('fb_api_req_friendly_name') === PHOTO)).toHaveLength(0);
    expect(posts.filter((p) => p.kind === 'image').map((p) => p.id)).toEqual(['10160123456789012', '10160123456789013', '10160123456789014']);
    expect(posts.find((p) => p.media[0]?.formatHint === 'gif')).toBeDefined();
  });

  it('reads the tokens again after a stale fb_dtsg, once', async () => {
    const stale = respond(200, 'for (;;);{"__ar":1,"error":1357004,"errorSummary":"Sorry, something went wrong"}');
    const fb = new FakeFacebook().onQuery(PHOTOS, stale);
    profile(fb);
    const page = await UPLOADS.fetchPage(fb, account, null, NONE_LISTED);
    expect(page.nextCursor).not.toBeNull();
    expect(fb.pageRequests).toHaveLength(2);

    const always = new FakeFacebook().onQuery(PHOTOS, stale, () => true, true);
    expect((await rejection(UPLOADS.fetchPage(always, account, null, NONE_LISTED))).kind).toBe('login_required');
  });

  it.each([
    ['a collection Facebook does not show (node: null)', respondFixture('collection-not-visible.json'), 'private_account'],
    ['a retired doc_id', respond(200, '{"errors":[{"message":"The GraphQL document with ID 27028962643386672 was not found."}]}'), 'platform_changed'],
    ['a collection without edges', respond(200, '{"data":{"node":{"pageItems":{"page_info":{}}}}}'), 'platform_changed'],
    ['a rate limit', respond(200, '{"errors":[{"message":"Rate limit exceeded","severity":"CRITICAL","code":1675004}]}'), 'rate_limited'],
    ['a lost session', respond(200, 'for (;;);{"__ar":1,"error":1357001,"errorSummary":"Log in to continue"}'), 'login_required'],
  ])('fails clearly on %s, never as an empty profile', async (_name, answer, kind) => {
    const fb = new FakeFacebook().onQuery(PHOTOS, answer);
    const error = await rejection(UPLOADS.fetchPage(fb, account, null, NONE_LISTED));
    expect(error.kind).toBe(kind);
    if (kind === 'platform_changed') expect(error.message).toContain(`Facebook changed (query ${PHOTOS}): please update`);
  });

  it('fails clearly when a detail answer lost its media field', async () => {
    const fb = profile(new FakeFacebook().onQuery(PHOTO, respond(200, '{"data":{"mediaViewer":{}}}'), node('10160123456789012')));
    const first = await UPLOADS.fetchPage(fb, account, null, NONE_LISTED);
    const error = await rejection(UPLOADS.fetchPage(fb, account, first.nextCursor, NONE_LISTED));
    expect(error.message).toContain(`query ${PHOTO}`);
  });

  it('stops a collection that hands back the cursor it was asked with', async () => {
    const looping = fixtureText('uploads-page-1.json');
    const fb = new FakeFacebook()
      .onQuery(PHOTOS, respond(200, looping), collection('2305272732:5', null))
      .onQuery(PHOTOS, respond(200, looping), collection('2305272732:5', 'AQHRc1xT0pZk'));
    const first = await UPLOADS.fetchPage(fb, account, null, NONE_LISTED);
    const cursor = JSON.parse(first.nextCursor!) as { queue: string[] };
    const skipDetails = JSON.stringify({ ...cursor, queue: [] });
    const second = await UPLOADS.fetchPage(fb, account, skipDetails, NONE_LISTED);
    expect(JSON.parse(second.nextCursor!)).toMatchObject({ end: true });
  });

  it('refuses a cursor it did not write', async () => {
    expect((await rejection(UPLOADS.fetchPage(new FakeFacebook(), account, '{"v":1,"queue":[]}', NONE_LISTED))).kind).toBe('internal');
  });
  describe('one section’s trouble is not the export’s end', () => {
    it('reports reels as unavailable when their query answers errors[], and exports the rest', async () => {
      const broken = respond(200, '{"data":{"node":null},"errors":[{"message":"A server error field_exception occured.","severity":"CRITICAL"}]}');
      const fb = new FakeFacebook().onQuery(REELS, broken, collection('168684841768375:260', null));
      const { posts, reports } = await walk(profile(fb));
      expect(posts.map((p) => p.id)).toEqual(['10160123456789012', '10160123456789013', '10160123456789014', '1234567890123456', '1234567890123457']);
      expect(reports.map((r) => [r.name, r.status])).toEqual([['uploads', 'complete'], ['videos', 'complete'], ['reels', 'unavailable']]);
      expect(reports[2]!.reason).toMatch(/^Facebook changed \(query ProfileCometAppCollectionReelsRendererPaginationQuery\)/);
    });

    it('reports videos as partial when their detail query stays unknown after the re-read, and still lists reels', async () => {
      const unknown = respond(200, '{"errors":[{"message":"The GraphQL document with ID 25092610667077508 was not found.","severity":"CRITICAL"}],"data":null}');
      const fb = new FakeFacebook().onQuery(VIDEO, unknown, node('1234567890123456'));
      const { posts, reports } = await walk(profile(fb));
      expect(reports.map((r) => [r.name, r.status])).toEqual([['uploads', 'complete'], ['videos', 'unavailable'], ['reels', 'complete']]);
      expect(reports[1]!.reason).toMatch(/^Facebook changed \(query CometVideoRootMediaViewerQuery\): please update .*was not found/);
      expect(posts.map((p) => p.id)).toContain('1234567890123458');
    });

    it('reports a collection Facebook does not show (node: null) beyond the uploads as that section’s trouble', async () => {
      const fb = new FakeFacebook().onQuery(VIDEOS, respondFixture('collection-not-visible.json'), collection('1560653304174514:133', null));
      const { reports } = await walk(profile(fb));
      expect(reports.map((r) => [r.name, r.status])).toEqual([['uploads', 'complete'], ['videos', 'unavailable'], ['reels', 'complete']]);
      expect(reports[1]!.reason).toBe('Facebook does not show this profile’s videos to you, so they cannot be exported.');
    });

    it('stops the job when the session ends in the middle: logged out is never one section’s trouble', async () => {
      const loggedOut = respond(200, 'for (;;);{"__ar":1,"error":1357001,"errorSummary":"Log in to continue"}');
      const fb = new FakeFacebook().onQuery(VIDEOS, loggedOut, collection('1560653304174514:133', null));
      expect((await rejection(walk(profile(fb)))).kind).toBe('login_required');
    });
  });
});
