import { describe, expect, it } from 'vitest';
import { tabStrategy } from '../../../../lib/platforms/youtube/pages';
import { sections } from '../../../../lib/platforms/youtube/sections';
import type { AccountInfo, ListedPosts } from '../../../../lib/platforms/types';
import { respond } from '../fakeResponses';
import { walkSections, type SectionWalk } from '../pageWalk';
import { rejection } from '../rejections';
import { CHANNEL_ID, FakeYouTube, PARAMS, TOKENS, browseTab, continuation, respondFixture, videoId, channelTabs } from './fakeYouTube';

const ACCOUNT: AccountInfo = { id: CHANNEL_ID, handle: 'star.demo' };
/** player-ok.json's publishDate, 2025-10-25T20:33:05-07:00, in UTC: the next day. */
const EXACT = '2025-10-26T03:33:05.000Z';



const NONE_LISTED: ListedPosts = { has: async () => false };
const VIDEOS = tabStrategy('videos');
const SHORTS = tabStrategy('shorts');

function listAll(yt: FakeYouTube): Promise<SectionWalk> {
  return walkSections(sections(ACCOUNT), yt, ACCOUNT, { maxPages: 20 });
}

describe('YouTube tabs', () => {
  it('lists Videos, Shorts and Live through every continuation, one browse per page and one player call per video', async () => {
    const yt = channelTabs().on('player', respondFixture('player-ok.json'));
    const { pages, positions, reports } = await listAll(yt);
    expect(pages.map((posts) => posts.map((p) => `${p.kind}:${p.id}`))).toEqual([
      ['video:BD-LB23rRBE', 'video:xnhI8vUSEzo', 'video:d-QTmJJmNCI'],
      ['video:B1b2RirwdMo', 'video:v89EABFxAJ8'],
      ['video:ME2SgYrQFlo'],
      ['short:Q9n9B8S4xnE', 'short:UXu84C1jHjU'],
      ['short:SJGJtwE98xc', 'short:oZlr1U0oZ3M'],
      ['live:V21pZhtaNZA', 'live:piAzZnlrDqM'],
    ]);
    expect(positions.map((p) => p && [p.section, p.cursor && JSON.parse(p.cursor)])).toEqual([
      ['videos', { token: TOKENS.videos2 }],
      ['videos', { token: TOKENS.videos3 }],
      ['shorts', null],
      ['shorts', { token: TOKENS.shorts2 }],
      ['streams', null],
      undefined,
    ]);
    expect(reports.map((r) => `${r.label}:${r.status}:${r.listed}`)).toEqual(['Videos:complete:6', 'Shorts:complete:4', 'Live streams:complete:2']);
    expect(yt.bodies('browse')).toHaveLength(6);
    expect(yt.bodies('player').map((b) => b.videoId)).toEqual(pages.flat().map((p) => p.id));
    expect(yt.bodies('player')[0]).toMatchObject({ contentCheckOk: true, racyCheckOk: true });
    expect(new URL(yt.requests.find((r) => r.url.includes('/player'))!.url).searchParams.get('$fields')).toMatch(/^playabilityStatus.*microformat\(playerMicroformatRenderer\(publishDate/);
    expect(pages.flat().every((p) => p.publishedAt === EXACT && p.metadata.dateSource === 'player' && p.metadata.dateApproximate === undefined)).toBe(true);
  });

  it('makes each video a post with its facts and its high and medium thumbnails', async () => {
    const yt = channelTabs().on('player', respondFixture('player-ok.json'));
    const [first] = (await VIDEOS.fetchPage(yt, ACCOUNT, null, NONE_LISTED)).posts;
    expect(first).toEqual({
      id: 'BD-LB23rRBE',
      platform: 'youtube',
      kind: 'video',
      publishedAt: EXACT,
      caption: 'Expert Panel III — what comes next',
      permalink: 'https://www.youtube.com/watch?v=BD-LB23rRBE',
      metadata: {
        title: 'Expert Panel III — what comes next',
        description: 'Panel recording.\n\n00:00 Intro',
        durationSeconds: 4054,
        viewCount: 28,
        viewCountText: '28 views',
        publishedText: '13 days ago',
        visibility: 'public',
        dateSource: 'player',
      },
      media: [
        {
          id: 'BD-LB23rRBE_high',
          postId: 'BD-LB23rRBE',
          kind: 'image',
          url: 'https://i.ytimg.com/vi/BD-LB23rRBE/maxresdefault.jpg',
          width: 1280,
          height: 720,
          fallbacks: [
            { url: 'https://i.ytimg.com/vi/BD-LB23rRBE/sddefault.jpg', width: 640, height: 480 },
            { url: 'https://i.ytimg.com/vi/BD-LB23rRBE/hqdefault.jpg', width: 480, height: 360 },
          ],
          publishedAt: EXACT,
          caption: 'Expert Panel III — what comes next',
          formatHint: 'jpg',
        },
        { id: 'BD-LB23rRBE_medium', postId: 'BD-LB23rRBE', kind: 'image', url: 'https://i.ytimg.com/vi/BD-LB23rRBE/mqdefault.jpg', width: 320, height: 180, publishedAt: EXACT, caption: 'Expert Panel III — what comes next', formatHint: 'jpg' },
      ],
    });
  });

  it('links Shorts to their Shorts page', async () => {
    const yt = channelTabs().on('player', respondFixture('player-ok.json'));
    const page = await SHORTS.fetchPage(yt, ACCOUNT, null, NONE_LISTED);
    expect(page.posts[0]?.permalink).toBe('https://www.youtube.com/shorts/Q9n9B8S4xnE');
  });

  it('dates an age-gated video from the watch page (next), one extra call', async () => {
    const yt = channelTabs()
      .on('player', respondFixture('player-age-gate.json'), videoId('xnhI8vUSEzo'))
      .on('player', respondFixture('player-ok.json'))
      .on('next', respondFixture('next.json'), videoId('xnhI8vUSEzo'));
    const { posts } = await VIDEOS.fetchPage(yt, ACCOUNT, null, NONE_LISTED);
    expect(posts[1]).toMatchObject({ publishedAt: '2025-10-25T00:00:00.000Z', metadata: { dateSource: 'watch page', durationSeconds: 211, viewCount: 1204 } });
    expect(posts[1]?.metadata.dateApproximate).toBeUndefined();
    expect(yt.bodies('next')).toHaveLength(1);
  });

  it('after the bot wall, stops asking, dates the rest from the grid (approximate) and remembers it for the job', async () => {
    let calls = 0;
    const yt = channelTabs().on('player', () => (++calls <= 1 ? respondFixture('player-ok.json') : respondFixture('player-bot-wall.json')));
    const before = Date.now();
    const { pages } = await listAll(yt);
    expect(yt.bodies('player')).toHaveLength(2);
    const [exact, ...rest] = pages.flat();
    expect(exact?.metadata.dateSource).toBe('player');
    expect(rest.every((p) => p.metadata.dateApproximate === true)).toBe(true);
    const xnh = rest.find((p) => p.id === 'xnhI8vUSEzo')!;
    const monthAgo = new Date(before);
    monthAgo.setUTCMonth(monthAgo.getUTCMonth() - 1);
    expect(Math.abs(Date.parse(xnh.publishedAt) - monthAgo.getTime())).toBeLessThan(60_000);
    expect(xnh.metadata.dateSource).toBe('relative');
    expect(yt.notes.get('youtube.noDates')).toBe('refused');
    // A Short has no label to go by: undated rather than a made-up day.
    expect(rest.find((p) => p.kind === 'short')).toMatchObject({ publishedAt: '', metadata: { dateSource: 'none', dateApproximate: true } });
    // A running stream is dated now.
    expect(Math.abs(Date.parse(rest.find((p) => p.id === 'piAzZnlrDqM')!.publishedAt) - Date.now())).toBeLessThan(60_000);
  });

  it('with "Only new", spares the date lookup of a video delivered before under the same title', async () => {
    const yt = channelTabs().on('player', respondFixture('player-ok.json'));
    const first = await VIDEOS.fetchPage(yt, ACCOUNT, null, NONE_LISTED);
    const [known, retitled] = first.posts;
    const lookups = yt.bodies('player').length;
    const delivered: ListedPosts = { has: async () => false, deliveredBefore: (id, caption) => (id === known!.id && caption === known!.caption) || (id === retitled!.id && caption === 'an older title') };
    const again = await VIDEOS.fetchPage(yt, ACCOUNT, null, delivered);
    // The known one is dated from the grid (the export leaves it out); the retitled one is looked up.
    expect(yt.bodies('player').length - lookups).toBe(first.posts.length - 1);
    expect(again.posts[0]).toMatchObject({ id: known!.id, metadata: { dateSource: 'relative' } });
    expect(again.posts[1]).toMatchObject({ id: retitled!.id, metadata: { dateSource: 'player' } });
  });

  it('stops the lookups after a 429 on player too, without failing the page', async () => {
    const yt = channelTabs().on('player', respond(429, ''));
    const page = await VIDEOS.fetchPage(yt, ACCOUNT, null, NONE_LISTED);
    expect(page.posts).toHaveLength(3);
    expect(yt.bodies('player')).toHaveLength(1);
    expect(yt.notes.get('youtube.noDates')).toBe('refused');
  });

  it('loses only one date to a server hiccup on player, and keeps asking for the next', async () => {
    let calls = 0;
    const yt = channelTabs()
      .on('player', () => (++calls === 1 ? respond(503, '') : respondFixture('player-ok.json')))
      .on('next', respond(503, ''));
    const { posts } = await VIDEOS.fetchPage(yt, ACCOUNT, null, NONE_LISTED);
    expect(posts[0]?.metadata).toMatchObject({ dateSource: 'relative', dateApproximate: true });
    expect(posts.slice(1).every((p) => p.metadata.dateSource === 'player')).toBe(true);
    expect(yt.notes.get('youtube.noDates')).toBeUndefined();
  });

  it('refuses a terminated channel in YouTube’s own words', async () => {
    const said = 'This account has been terminated for a violation of YouTube’s Terms of Service.';
    const yt = new FakeYouTube().on('browse', respond(200, JSON.stringify({ responseContext: {}, alerts: [{ alertRenderer: { type: 'ERROR', text: { simpleText: said } } }] })));
    const error = await rejection(VIDEOS.fetchPage(yt, ACCOUNT, null, NONE_LISTED));
    expect(error.kind).toBe('account_not_found');
    expect(error.message).toBe(`YouTube does not show this channel. It says: “${said}”`);
  });

  it('fails the page when the session is gone mid-way', async () => {
    const yt = channelTabs().on('player', respond(401, '{"error":{"code":401,"status":"UNAUTHENTICATED"}}'));
    expect((await rejection(VIDEOS.fetchPage(yt, ACCOUNT, null, NONE_LISTED))).kind).toBe('login_required');
  });

  it('moves on when the channel has no such tab', async () => {
    const yt = new FakeYouTube().on('browse', respondFixture('browse-no-shorts-tab.json'), browseTab(PARAMS.shorts));
    yt.notes.set('youtube.noDates', 'refused');
    const page = await SHORTS.fetchPage(yt, ACCOUNT, null, NONE_LISTED);
    expect(page).toEqual({ posts: [], nextCursor: null });
  });

  it('reads the older renderers the same way', async () => {
    const yt = new FakeYouTube()
      .on('browse', respondFixture('browse-videos-legacy.json'), browseTab(PARAMS.videos))
      .on('browse', respondFixture('continuation-videos-legacy-last.json'), continuation(TOKENS.legacy2))
      .on('player', respondFixture('player-ok.json'));
    const first = await VIDEOS.fetchPage(yt, ACCOUNT, null, NONE_LISTED);
    const second = await VIDEOS.fetchPage(yt, ACCOUNT, first.nextCursor, NONE_LISTED);
    expect([...first.posts, ...second.posts].map((p) => p.id)).toEqual(['83NuGsgKzhA', 'qdYggJ9GQpw', 'p9OJNpuapP8']);
    expect(second.nextCursor).toBeNull();
  });

  it('stops on a shape it does not know, naming it', async () => {
    const yt = new FakeYouTube().on('browse', respondFixture('browse-unknown-item.json'));
    const error = await rejection(VIDEOS.fetchPage(yt, ACCOUNT, null, NONE_LISTED));
    expect(error.kind).toBe('platform_changed');
    expect(error.message).toMatch(/videoCardViewModel/);
  });

  it('refuses a cursor it did not write', async () => {
    expect((await rejection(VIDEOS.fetchPage(new FakeYouTube(), ACCOUNT, '{"token":5}', NONE_LISTED))).kind).toBe('internal');
  });
});
