import { describe, expect, it } from 'vitest';
import { highlightsRest } from '../../../../lib/platforms/instagram/strategies/highlightsRest';
import { timelineContinuation } from '../../../../lib/platforms/instagram/cursor';
import { postsRest } from '../../../../lib/platforms/instagram/strategies/postsRest';
import { reelsRest } from '../../../../lib/platforms/instagram/strategies/reelsRest';
import { storiesRest } from '../../../../lib/platforms/instagram/strategies/storiesRest';
import type { ApiResponse, ListedPosts, ListingStrategy } from '../../../../lib/platforms/types';
import { redirect, respond } from '../fakeResponses';
import { rejection } from '../rejections';
import { FakeInstagram, NONE_LISTED, VIEWER_ID, fixtureText, respondFixture } from './fakeInstagram';

const ACCOUNT = { id: VIEWER_ID, handle: 'star.demo' };
const FEED = `/api/v1/feed/user/${VIEWER_ID}/`;

const STRATEGIES: [string, ListingStrategy, 'GET' | 'POST', string][] = [
  ['posts (feed/user)', postsRest, 'GET', FEED],
  ['reels (clips/user)', reelsRest, 'POST', '/api/v1/clips/user/'],
  ['stories (reels_media)', storiesRest, 'GET', '/api/v1/feed/reels_media/'],
  ['highlights (highlights_tray)', highlightsRest, 'GET', `/api/v1/highlights/${VIEWER_ID}/highlights_tray/`],
];

const SWITCHES: [string, () => ApiResponse, string][] = [
  ['a 302 to / (retired for this session)', () => redirect('https://www.instagram.com/'), 'endpoint_retired'],
  ['a redirect the browser hides', () => redirect(undefined), 'endpoint_retired'],
  ['a 500', () => respond(500, '<html>Server Error</html>'), 'http_error'],
  ['a 500 with an empty failure (not a rate limit)', () => respond(500, '{"message":"","status":"fail"}'), 'http_error'],
  ['a shape it does not know', () => respond(200, '{"status":"ok","something_else":[]}'), 'platform_changed'],
];

describe('REST strategies: what moves a section to its next strategy', () => {
  for (const [name, strategy, method, path] of STRATEGIES) {
    it.each(SWITCHES)(`${name}: %s is %s`, async (_case, answer, kind) => {
      const ig = new FakeInstagram().on(method, path, answer).withWebApp();
      expect((await rejection(strategy.fetchPage(ig, ACCOUNT, null, NONE_LISTED))).kind).toBe(kind);
    });

    it(`${name}: a redirect with the session cookie gone is a logout`, async () => {
      const ig = new FakeInstagram().on(method, path, redirect(undefined));
      delete ig.cookies.ds_user_id;
      expect((await rejection(strategy.fetchPage(ig, ACCOUNT, null, NONE_LISTED))).kind).toBe('login_required');
    });

    it(`${name}: a redirect to the login page is a logout`, async () => {
      const ig = new FakeInstagram().on(method, path, redirect('https://www.instagram.com/accounts/login/?next=%2F'));
      expect((await rejection(strategy.fetchPage(ig, ACCOUNT, null, NONE_LISTED))).kind).toBe('login_required');
    });
  }
});

describe('REST strategies: pages', () => {
  it('pages the feed by next_max_id', async () => {
    const ig = new FakeInstagram()
      .on('GET', FEED, respondFixture('feed-page-1.json'), (url) => !url.searchParams.has('max_id'))
      .on('GET', FEED, respondFixture('feed-page-2.json'), (url) => url.searchParams.get('max_id') === `3418000000000000000_${VIEWER_ID}`);
    const first = await postsRest.fetchPage(ig, ACCOUNT, null, NONE_LISTED);
    expect(first.nextCursor).toBe(JSON.stringify({ next: `3418000000000000000_${VIEWER_ID}` }));
    expect((await postsRest.fetchPage(ig, ACCOUNT, first.nextCursor, NONE_LISTED)).nextCursor).toBeNull();
  });

  it('pages the reels tab by paging_info.max_id', async () => {
    const ig = new FakeInstagram().on('POST', '/api/v1/clips/user/', respondFixture('clips-page-1.json'));
    const page = await reelsRest.fetchPage(ig, ACCOUNT, null, NONE_LISTED);
    expect(page.posts.every((post) => post.kind === 'reel')).toBe(true);
    expect(page.nextCursor).toBe(JSON.stringify({ next: 'QVFDclips_page_2_cursor' }));
  });

  it('reads the tray, then five highlights per call', async () => {
    const ig = new FakeInstagram()
      .on('GET', `/api/v1/highlights/${VIEWER_ID}/highlights_tray/`, respondFixture('highlights-tray.json'))
      .on('GET', '/api/v1/feed/reels_media/', respondFixture('reels-media-highlights-1.json'));
    const tray = await highlightsRest.fetchPage(ig, ACCOUNT, null, NONE_LISTED);
    const first = await highlightsRest.fetchPage(ig, ACCOUNT, tray.nextCursor, NONE_LISTED);
    expect(first.posts).toHaveLength(6);
    expect(JSON.parse(first.nextCursor!)).toEqual({ reelIds: ['highlight:17901234567890126'] });
  });
});

describe('reels_media retired for the session', () => {
  it('is not asked for the highlights once it answered the stories 500 (gallery-dl #9765): they move on at once', async () => {
    const ig = new FakeInstagram()
      .on('GET', '/api/v1/feed/reels_media/', respond(500, '{"message":"","status":"fail"}'))
      .on('GET', `/api/v1/highlights/${VIEWER_ID}/highlights_tray/`, respondFixture('highlights-tray.json'));
    expect((await rejection(storiesRest.fetchPage(ig, ACCOUNT, null, NONE_LISTED))).kind).toBe('http_error');
    const tray = await highlightsRest.fetchPage(ig, ACCOUNT, null, NONE_LISTED);
    expect((await rejection(highlightsRest.fetchPage(ig, ACCOUNT, tray.nextCursor, NONE_LISTED))).kind).toBe('endpoint_retired');
    expect(ig.paths().filter((path) => path === '/api/v1/feed/reels_media/')).toHaveLength(1);
  });

  it('stays in use after a rate limit, which retires nothing', async () => {
    let calls = 0;
    const ig = new FakeInstagram().on('GET', '/api/v1/feed/reels_media/', () => (++calls === 1 ? respond(429, '') : respondFixture('reels-media-stories.json')));
    expect((await rejection(storiesRest.fetchPage(ig, ACCOUNT, null, NONE_LISTED))).kind).toBe('rate_limited');
    expect((await storiesRest.fetchPage(ig, ACCOUNT, null, NONE_LISTED)).posts.length).toBeGreaterThan(0);
  });
});

describe('highlights with "Only new"', () => {
  const TRAY = `/api/v1/highlights/${VIEWER_ID}/highlights_tray/`;
  /** The fixture's tray with each highlight's items listed (`media_ids`), as the REST tray gives them. */
  function trayWithItems(): ApiResponse {
    const tray = JSON.parse(fixtureText('highlights-tray.json')) as { tray: { id: string }[] };
    for (const [i, highlight] of tray.tray.entries()) Object.assign(highlight, { media_ids: [`90${i}1`, `90${i}2`] });
    return respond(200, JSON.stringify(tray));
  }
  const deliveredOnly = (ids: string[]): ListedPosts => ({ has: async () => false, deliveredBefore: (id) => ids.includes(id) });

  it('skips a highlight whose every listed item was delivered before, and reads one that gained an item', async () => {
    const ig = new FakeInstagram().on('GET', TRAY, trayWithItems);
    // Highlight …121 holds two items delivered before; …122 gained its second; the rest are new.
    const delivered = ['17901234567890121/9001', '17901234567890121/9002', '17901234567890122/9011'];
    const page = await highlightsRest.fetchPage(ig, ACCOUNT, null, deliveredOnly(delivered));
    expect(JSON.parse(page.nextCursor!).reelIds).toEqual(['highlight:17901234567890122', 'highlight:17901234567890123', 'highlight:17901234567890124', 'highlight:17901234567890125', 'highlight:17901234567890126']);
  });

  it('reads every highlight when the tray does not list their items, or the export is not "Only new"', async () => {
    const all = ['121', '122', '123', '124', '125', '126'].map((n) => `highlight:17901234567890${n}`);
    const everything = deliveredOnly(['17901234567890121/1']);
    const bare = new FakeInstagram().on('GET', TRAY, respondFixture('highlights-tray.json'));
    expect(JSON.parse((await highlightsRest.fetchPage(bare, ACCOUNT, null, everything)).nextCursor!).reelIds).toEqual(all);
    const listed = new FakeInstagram().on('GET', TRAY, trayWithItems);
    expect(JSON.parse((await highlightsRest.fetchPage(listed, ACCOUNT, null, NONE_LISTED)).nextCursor!).reelIds).toEqual(all);
  });
});

describe('timelineContinuation', () => {
  const timeline = JSON.stringify({ next: `3418000000000000000_${VIEWER_ID}` });
  it.each([
    [timeline, timeline],
    [JSON.stringify({ next: 'QVFDclips_page_2_cursor' }), null],
    ['{"reelIds":[]}', null],
    ['not json', null],
  ])('carries %j on as %j', (cursor, expected) => {
    expect(timelineContinuation({ cursor })).toBe(expected);
  });
});
