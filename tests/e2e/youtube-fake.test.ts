import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { youtubeAdapter } from '../../lib/platforms/youtube';
import type { AccountInfo, Post } from '../../lib/platforms/types';
import { startFakePlatforms } from '../fake-platforms/index';
import { cookieHeader, fakeFetch } from '../fake-platforms/test-client';
import type { FakeCookie, FakePlatforms, FakePlatformsOptions } from '../fake-platforms/types';
import { NodeYouTubeContext } from '../fake-platforms/youtube/node-context';
import { walkSections } from '../unit/platforms/pageWalk';

// Node-side checks of the fake YouTube's enforcement and bytes, then the extension's adapter run
// against it without a browser; tests/e2e/youtube-export.test.ts does the same from the popup.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const WWW = 'https://www.youtube.com';
const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const cookieValue = (cookies: FakeCookie[], name: string) => cookies.find((c) => c.name === name)?.value ?? '';

interface CallOptions {
  /** 'u': <ts>_<sha1(U ts cookie origin)>_u; 'plain': without U (yt-dlp's form); 'bad': a wrong hash; 'none': no header. */
  auth?: 'u' | 'plain' | 'bad' | 'none';
  cookies?: FakeCookie[];
  timestamp?: number;
  origin?: string;
  query?: string;
  /** X-Goog-PageId: act as this brand account. */
  pageId?: string;
}

/** An InnerTube call made the way the web client makes it, the hash computed here independently of the extension. */
async function innertube(fake: FakePlatforms, endpoint: string, payload: Json, options: CallOptions = {}) {
  const cookies = options.cookies ?? fake.youtubeCookies();
  const ts = options.timestamp ?? Math.floor(Date.now() / 1000);
  const origin = options.origin ?? WWW;
  const apisid = cookieValue(cookies, 'SAPISID');
  const datasync = /"DATASYNC_ID":"(\d+)\|\|(\d*)"/.exec((await fakeFetch(fake.port, `${WWW}/`, { headers: { cookie: cookieHeader(cookies) } })).text());
  const user = datasync?.[2] || datasync?.[1];
  const hash =
    options.auth === 'plain' ? `${ts}_${sha1(`${ts} ${apisid} ${origin}`)}`
    : options.auth === 'bad' ? `${ts}_${sha1('nope')}_u`
    : `${ts}_${sha1(`${user} ${ts} ${apisid} ${origin}`)}_u`;
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-origin': origin, origin };
  if (cookies.length > 0) headers.cookie = cookieHeader(cookies);
  if (options.auth !== 'none') headers.authorization = `SAPISIDHASH ${hash} SAPISID3PHASH ${hash}`;
  if (options.pageId) headers['x-goog-pageid'] = options.pageId;
  const body = JSON.stringify({ context: { client: { clientName: 'WEB', clientVersion: '2.20261120.01.00', hl: 'en', gl: 'US' } }, ...payload });
  return fakeFetch(fake.port, `${WWW}/youtubei/v1/${endpoint}?prettyPrint=false${options.query ?? ''}`, { method: 'POST', headers, body });
}

const loggedOut = (body: Json) => body.responseContext.mainAppWebResponseContext.loggedOut;

describe('fake YouTube', () => {
  let fake: FakePlatforms;
  let channelId: string;

  beforeAll(async () => {
    fake = await startFakePlatforms({ youtubeChannels: [{ handle: 'lurker', videos: 0, hasChannel: false }], apiBudgetPerMinute: 5_000 });
    channelId = (await innertube(fake, 'navigation/resolve_url', { url: `${WWW}/@star.demo` })).json<Json>().endpoint.browseEndpoint.browseId;
  });
  afterAll(async () => {
    await fake?.close();
  });

  it('accepts SAPISIDHASH in both forms, with and without the user session id', async () => {
    for (const auth of ['u', 'plain'] as const) {
      const res = await innertube(fake, 'account/account_menu', {}, { auth });
      expect(res.status, auth).toBe(200);
      const body = res.json<Json>();
      expect(loggedOut(body)).toBe(false);
      expect(body.actions[0].openPopupAction.popup.multiPageMenuRenderer.header.activeAccountHeaderRenderer.channelHandle.simpleText).toBe('@star.demo');
    }
  });

  it.each([
    ['a wrong hash', { auth: 'bad' as const }],
    ['a timestamp two hours old', { timestamp: Math.floor(Date.now() / 1000) - 7200 }],
    ['another origin', { origin: 'https://evil.example' }],
    ['a hash without the cookies', { cookies: [] }],
  ])('answers 401 UNAUTHENTICATED to %s', async (_what, options) => {
    const res = await innertube(fake, 'browse', { browseId: channelId }, options);
    expect(res.status).toBe(401);
    expect(res.json<Json>().error.status).toBe('UNAUTHENTICATED');
  });

  it('answers a call without Authorization as logged out, cookies or not', async () => {
    const menu = (await innertube(fake, 'account/account_menu', {}, { auth: 'none' })).json<Json>();
    expect(loggedOut(menu)).toBe(true);
    expect(menu.actions).toBeUndefined();
    const browse = (await innertube(fake, 'browse', { browseId: channelId, params: 'EgZ2aWRlb3PyBgQKAjoA' }, { auth: 'none', cookies: [] })).json<Json>();
    expect(loggedOut(browse)).toBe(true);
    expect(browse.metadata.channelMetadataRenderer.externalId).toBe(channelId);
  });

  it('puts the session in the page config of a logged-in browser only', async () => {
    const withCookies = (await fakeFetch(fake.port, `${WWW}/`, { headers: { cookie: cookieHeader(fake.youtubeCookies()) } })).text();
    expect(withCookies).toMatch(/"LOGGED_IN":true/);
    expect(withCookies).toMatch(/"INNERTUBE_CLIENT_VERSION":"2\.\d{8}\.\d\d\.\d\d"/);
    expect((await fakeFetch(fake.port, `${WWW}/`)).text()).toMatch(/"LOGGED_IN":false/);
    fake.addFault({ match: { pathIncludes: 'www.youtube.com/?' }, fault: { type: 'redirect-login' } });
    fake.addFault({ match: { pathIncludes: 'www.youtube.com/' }, fault: { type: 'redirect-login' } });
    const consent = await fakeFetch(fake.port, `${WWW}/`);
    fake.clearFaults();
    expect(consent.status).toBe(302);
    expect(consent.headers.location).toMatch(/^https:\/\/consent\.youtube\.com\/m\?continue=/);
  });

  it('shows a user without a channel "Create a channel" instead of a handle', async () => {
    const menu = (await innertube(fake, 'account/account_menu', {}, { cookies: fake.youtubeCookies('lurker') })).json<Json>().actions[0].openPopupAction.popup.multiPageMenuRenderer;
    expect(menu.header.activeAccountHeaderRenderer.channelHandle).toBeUndefined();
    expect(menu.sections[0].multiPageMenuSectionRenderer.items[0].compactLinkRenderer.title.runs[0].text).toBe('Create a channel');
  });

  it('resolves handles, legacy URLs and watch URLs, and 404s the unknown', async () => {
    for (const path of ['/@star.demo', '/@STAR.DEMO', '/c/StarDemo', '/user/stardemo2009', `/channel/${channelId}`]) {
      expect((await innertube(fake, 'navigation/resolve_url', { url: `${WWW}${path}` })).json<Json>().endpoint.browseEndpoint.browseId, path).toBe(channelId);
    }
    const videoId = fake.youtubeVideoIds()[0];
    expect((await innertube(fake, 'navigation/resolve_url', { url: `${WWW}/watch?v=${videoId}` })).json<Json>().endpoint.watchEndpoint.videoId).toBe(videoId);
    const unknown = await innertube(fake, 'navigation/resolve_url', { url: `${WWW}/@nobody.here` });
    expect(unknown.status).toBe(404);
    expect(unknown.json<Json>().error.status).toBe('NOT_FOUND');
  });

  it('pages every tab in 30s (48 for Shorts) and says when a channel does not exist', async () => {
    const pages: Record<string, number[]> = {};
    for (const [tab, params] of [['videos', 'EgZ2aWRlb3PyBgQKAjoA'], ['shorts', 'EgZzaG9ydHPyBgUKA5oBAA%3D%3D'], ['streams', 'EgdzdHJlYW1z8gYECgJ6AA%3D%3D']] as const) {
      const first = (await innertube(fake, 'browse', { browseId: channelId, params })).json<Json>();
      const selected = first.contents.twoColumnBrowseResultsRenderer.tabs.find((t: Json) => t.tabRenderer?.selected).tabRenderer;
      expect(selected.endpoint.commandMetadata.webCommandMetadata.url).toBe(`/@star.demo/${tab}`);
      let items: Json[] = selected.content.richGridRenderer.contents;
      pages[tab] = [];
      for (;;) {
        const videos = items.filter((i) => i.richItemRenderer);
        pages[tab]!.push(videos.length);
        const token = items.find((i) => i.continuationItemRenderer)?.continuationItemRenderer.continuationEndpoint.continuationCommand.token;
        if (!token) break;
        items = (await innertube(fake, 'browse', { continuation: token })).json<Json>().onResponseReceivedActions[0].appendContinuationItemsAction.continuationItems;
      }
    }
    expect(pages).toEqual({ videos: [30, 30, 30, 10], shorts: [48, 2], streams: [3] });
    const gone = (await innertube(fake, 'browse', { browseId: 'UCxxxxxxxxxxxxxxxxxxxxxx' })).json<Json>();
    expect(gone.alerts[0].alertRenderer).toMatchObject({ type: 'ERROR', text: { simpleText: 'This channel does not exist.' } });
    expect(gone.contents).toBeUndefined();
    expect((await innertube(fake, 'browse', { continuation: '4qmFsgLforged' })).status).toBe(400);
    expect((await innertube(fake, 'browse', { browseId: 'not-a-channel' })).status).toBe(400);
  });

  it('trims the player answer to the field mask, and dates it in Pacific time', async () => {
    const videoId = fake.youtubeVideoIds()[0]!;
    const res = await innertube(fake, 'player', { videoId }, { query: '&$fields=playabilityStatus(status),microformat(playerMicroformatRenderer(publishDate))' });
    const body = res.json<Json>();
    expect(Object.keys(body).sort()).toEqual(['microformat', 'playabilityStatus', 'responseContext']);
    expect(body.playabilityStatus).toEqual({ status: 'OK' });
    const publishDate: string = body.microformat.playerMicroformatRenderer.publishDate;
    expect(publishDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-0[78]:00$/);
    const served = fake.youtubeMedia().find((m) => m.postId === videoId)!;
    expect(Date.parse(publishDate) / 1000).toBe(served.takenAt);
    expect((await innertube(fake, 'player', { videoId }, { query: '&$fields=playabilityStatus(' })).status).toBe(400);
  });

  it('serves thumbnails without cookies, byte-identical to youtubeMedia(); a missing size is a 404 with a grey JPEG', async () => {
    const served = fake.youtubeMedia();
    const ids = fake.youtubeVideoIds();
    expect(served.length).toBe(ids.length * 2 - 1);
    for (const media of served.filter((_, i) => i % 37 === 0)) {
      // A complete export's high thumbnail is the largest size the video has.
      const ladder = media.mediaId.endsWith('_high') ? ['maxresdefault', 'sddefault', 'hqdefault'] : ['mqdefault'];
      let res = await fakeFetch(fake.port, `https://i.ytimg.com/vi/${media.postId}/${ladder[0]}.jpg?sqp=-oaymwE&rs=AOn4CL`);
      for (const name of ladder.slice(1)) if (res.status === 404) res = await fakeFetch(fake.port, `https://i.ytimg.com/vi/${media.postId}/${name}.jpg`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('image/jpeg');
      expect(sha256(res.body)).toBe(media.sha256);
    }
    const noMedium = ids.find((id) => !served.some((m) => m.mediaId === `${id}_medium`))!;
    const missing = await fakeFetch(fake.port, `https://i.ytimg.com/vi/${noMedium}/mqdefault.jpg`);
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toBe('image/jpeg');
    expect([...missing.body.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    const maxres = await Promise.all(ids.slice(0, 10).map((id) => fakeFetch(fake.port, `https://i.ytimg.com/vi/${id}/maxresdefault.jpg`)));
    expect(maxres.filter((r) => r.status === 404)).toHaveLength(1);
  });

  it('is deterministic: same options, same ids and bytes', async () => {
    const again = await startFakePlatforms();
    try {
      expect(again.youtubeVideoIds()).toEqual(fake.youtubeVideoIds());
      expect(again.youtubeMedia()).toEqual(fake.youtubeMedia());
      expect(again.youtubeCookies()).toEqual(fake.youtubeCookies());
    } finally {
      await again.close();
    }
  });
});

describe('fake YouTube limits', () => {
  it('answers 429 with Retry-After once the per-minute budget is spent', async () => {
    const fake = await startFakePlatforms({ apiBudgetPerMinute: 3 });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await innertube(fake, 'account/account_menu', {})).status);
      // Each innertube() call also loads the home page for the user session id: two requests a call.
      expect(statuses).toEqual([200, 429, 429, 429]);
      const limited = await innertube(fake, 'account/account_menu', {});
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await fake.close();
    }
  });

  it('puts up the bot wall on player after its budget, and age-gates one demo video', async () => {
    const fake = await startFakePlatforms({ youtubePlayerBudget: 2 });
    try {
      const ids = fake.youtubeVideoIds();
      const status = async (videoId: string) => (await innertube(fake, 'player', { videoId })).json<Json>().playabilityStatus;
      expect((await status(ids[0]!)).status).toBe('OK');
      expect(await status(ids[9]!)).toMatchObject({ status: 'LOGIN_REQUIRED', reason: expect.stringMatching(/confirm your age/) });
      expect(await status(ids[1]!)).toMatchObject({ status: 'LOGIN_REQUIRED', reason: 'Sign in to confirm you’re not a bot' });
      const next = (await innertube(fake, 'next', { videoId: ids[1] })).json<Json>();
      expect(next.contents.twoColumnWatchNextResults.results.results.contents[0].videoPrimaryInfoRenderer.dateText.simpleText).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    } finally {
      await fake.close();
    }
  });
});

const PARAMS = { videos: 'EgZ2aWRlb3PyBgQKAjoA', shorts: 'EgZzaG9ydHPyBgUKA5oBAA%3D%3D' };
const selectedTab = (body: Json) => body.contents.twoColumnBrowseResultsRenderer.tabs.find((t: Json) => t.tabRenderer?.selected).tabRenderer;
const playlistList = (body: Json) =>
  body.contents.twoColumnBrowseResultsRenderer.tabs[0].tabRenderer.content.sectionListRenderer.contents[0].itemSectionRenderer.contents[0].playlistVideoListRenderer;
/** The token of a page's last entry, wherever its shape keeps it (plain or inside commandExecutorCommand). */
function tokenOf(items: Json[]): string | undefined {
  const entry = items.at(-1)?.continuationItemRenderer?.continuationEndpoint ?? items.at(-1)?.continuationItemViewModel?.continuationCommand.innertubeCommand;
  if (!entry) return undefined;
  const commands: Json[] = entry.commandExecutorCommand?.commands ?? [entry];
  return commands.find((c) => c.continuationCommand)?.continuationCommand.token;
}

/** A fake started with `options` for one test, always closed after it. */
async function withFake(options: FakePlatformsOptions, use: (fake: FakePlatforms) => Promise<void>): Promise<void> {
  const fake = await startFakePlatforms(options);
  try {
    await use(fake);
  } finally {
    await fake.close();
  }
}

describe('fake YouTube, late 2026', () => {
  const BRAND: FakePlatformsOptions = {
    youtubeChannels: [
      { handle: 'jo.person', videos: 0, hasChannel: false },
      { handle: 'jo.brand', videos: 12, brandAccountOf: 'jo.person', unlistedVideos: 2, privateVideos: 1 },
    ],
  };

  it('switches a session to a brand account: ytcfg names it, and only X-Goog-PageId acts as it', async () => {
    await withFake(BRAND, async (fake) => {
      const cookies = fake.youtubeCookies('jo.brand');
      expect(cookies).toEqual(fake.youtubeCookies('jo.person'));
      const page = (await fakeFetch(fake.port, `${WWW}/`, { headers: { cookie: cookieHeader(cookies) } })).text();
      const delegated = /"DELEGATED_SESSION_ID":"(\d+)"/.exec(page)?.[1];
      const [, first, user] = /"DATASYNC_ID":"(\d+)\|\|(\d+)"/.exec(page) ?? [];
      expect(delegated).toMatch(/^\d{21}$/);
      expect(first).toBe(delegated);
      expect(user).not.toBe(delegated);
      const header = (body: Json) => body.actions[0].openPopupAction.popup.multiPageMenuRenderer.header.activeAccountHeaderRenderer;
      const personal = (await innertube(fake, 'account/account_menu', {}, { cookies })).json<Json>();
      expect(header(personal).channelHandle).toBeUndefined();
      expect(personal.responseContext.mainAppWebResponseContext.datasyncId).toBe(`${user}||`);
      const brand = (await innertube(fake, 'account/account_menu', {}, { cookies, pageId: delegated })).json<Json>();
      expect(header(brand).channelHandle.simpleText).toBe('@jo.brand');
      expect(brand.responseContext.mainAppWebResponseContext.datasyncId).toBe(`${delegated}||${user}`);
      // A PageId the session does not manage acts as the person.
      expect(header((await innertube(fake, 'account/account_menu', {}, { cookies, pageId: '1'.repeat(21) })).json<Json>()).channelHandle).toBeUndefined();
    });
  });

  it('lists private and unlisted uploads in the uploads playlist for the channel itself only, never on the tabs', async () => {
    await withFake(BRAND, async (fake) => {
      const cookies = fake.youtubeCookies('jo.brand');
      const pageId = /"DELEGATED_SESSION_ID":"(\d+)"/.exec((await fakeFetch(fake.port, `${WWW}/`, { headers: { cookie: cookieHeader(cookies) } })).text())![1]!;
      const channel = (await innertube(fake, 'navigation/resolve_url', { url: `${WWW}/@jo.brand` }, { cookies })).json<Json>().endpoint.browseEndpoint.browseId as string;
      const visibility = fake.youtubeVisibility('jo.brand');
      const hidden = Object.keys(visibility).filter((id) => visibility[id] !== 'public');
      expect(hidden).toHaveLength(3);
      const playlist = async (pageIdHeader?: string) =>
        playlistList((await innertube(fake, 'browse', { browseId: `VLUU${channel.slice(2)}` }, { cookies, pageId: pageIdHeader })).json<Json>()).contents as Json[];
      const owner = await playlist(pageId);
      expect(owner.map((i) => i.playlistVideoRenderer.videoId).sort()).toEqual(Object.keys(visibility).sort());
      const badges = Object.fromEntries(owner.map((i) => [i.playlistVideoRenderer.videoId, i.playlistVideoRenderer.badges?.[0]?.metadataBadgeRenderer.icon.iconType]));
      for (const id of hidden) expect(badges[id]).toBe(visibility[id] === 'private' ? 'PRIVACY_PRIVATE' : 'PRIVACY_UNLISTED');
      expect((await playlist()).map((i) => i.playlistVideoRenderer.videoId)).toEqual(fake.youtubeVideoIds('jo.brand'));
      const tab = selectedTab((await innertube(fake, 'browse', { browseId: channel, params: PARAMS.videos }, { cookies, pageId })).json<Json>());
      expect(tab.content.richGridRenderer.contents.map((i: Json) => i.richItemRenderer.content.lockupViewModel.contentId)).toEqual(fake.youtubeVideoIds('jo.brand'));
      const hiddenNewestFirst = owner.map((i) => i.playlistVideoRenderer.videoId as string).filter((id) => hidden.includes(id));
      expect(fake.youtubeVideoIds('jo.brand', { asOwner: true })).toEqual([...fake.youtubeVideoIds('jo.brand'), ...hiddenNewestFirst]);
      const privateId = hidden.find((id) => visibility[id] === 'private')!;
      expect((await innertube(fake, 'player', { videoId: privateId }, { cookies })).json<Json>().playabilityStatus.status).toBe('LOGIN_REQUIRED');
      expect((await innertube(fake, 'player', { videoId: privateId }, { cookies, pageId })).json<Json>().playabilityStatus.status).toBe('OK');
    });
  });

  it('pages the uploads playlist 100 at a time, with wrapped continuation tokens when asked', async () => {
    await withFake({ youtubeWrappedContinuations: true, youtubeChannels: [{ handle: 'star.demo', videos: 100, shorts: 50, lives: 3, unlistedVideos: 4, privateVideos: 3 }] }, async (fake) => {
      const channel = (await innertube(fake, 'navigation/resolve_url', { url: `${WWW}/@star.demo` })).json<Json>().endpoint.browseEndpoint.browseId as string;
      let items: Json[] = playlistList((await innertube(fake, 'browse', { browseId: `VLUU${channel.slice(2)}` })).json<Json>()).contents;
      const ids: string[] = [];
      const sizes: number[] = [];
      for (;;) {
        const videos = items.filter((i) => i.playlistVideoRenderer);
        sizes.push(videos.length);
        ids.push(...videos.map((i) => i.playlistVideoRenderer.videoId));
        const wrapped = items.at(-1)?.continuationItemRenderer?.continuationEndpoint;
        if (!wrapped) break;
        expect(wrapped.continuationCommand).toBeUndefined();
        expect(Object.keys(wrapped.commandExecutorCommand.commands[0])).toEqual(['playlistVotingRefreshPopupCommand']);
        items = (await innertube(fake, 'browse', { continuation: tokenOf(items) })).json<Json>().onResponseReceivedActions[0].appendContinuationItemsAction.continuationItems;
      }
      expect(sizes).toEqual([100, 60]);
      expect(ids.sort()).toEqual(fake.youtubeVideoIds('star.demo', { asOwner: true }).sort());
      const tab = selectedTab((await innertube(fake, 'browse', { browseId: channel, params: PARAMS.videos })).json<Json>());
      expect(tokenOf(tab.content.richGridRenderer.contents)).toMatch(/^4qmFsgL/);
      expect(tab.content.richGridRenderer.contents.at(-1).continuationItemRenderer.continuationEndpoint.commandExecutorCommand).toBeDefined();
    });
  });

  it('puts a query string on the tab links when asked', async () => {
    await withFake({ youtubeTabUrlQuery: '?app=desktop' }, async (fake) => {
      const channel = (await innertube(fake, 'navigation/resolve_url', { url: `${WWW}/@star.demo` })).json<Json>().endpoint.browseEndpoint.browseId as string;
      const tab = selectedTab((await innertube(fake, 'browse', { browseId: channel, params: PARAMS.shorts })).json<Json>());
      expect(tab.endpoint.commandMetadata.webCommandMetadata.url).toBe('/@star.demo/shorts?app=desktop');
    });
  });

  it.each([
    ['try-again-later', { status: 'UNPLAYABLE', reason: "This content isn't available, try again later." }],
    ['captcha', { status: 'UNPLAYABLE', errorScreen: { playerCaptchaViewModel: expect.any(Object) } }],
  ] as const)('refuses player the %s way once its budget is spent', async (refusal, expected) => {
    await withFake({ youtubePlayerBudget: 1, youtubePlayerRefusal: refusal }, async (fake) => {
      const [first, second] = fake.youtubeVideoIds();
      expect((await innertube(fake, 'player', { videoId: first })).json<Json>().playabilityStatus.status).toBe('OK');
      expect((await innertube(fake, 'player', { videoId: second })).json<Json>().playabilityStatus).toMatchObject(expected);
    });
  });
});

/** Lists every page as the engine would, counting requests. */
async function exportWithAdapter(ctx: NodeYouTubeContext, account?: string): Promise<{ info: AccountInfo; posts: Post[] }> {
  const info = await youtubeAdapter.resolveAccount(ctx, account);
  const { posts } = await walkSections(youtubeAdapter.sections(info), ctx, info);
  return { info, posts };
}

describe('the extension’s YouTube adapter against the fake', () => {

  it.each([
    ['lockup items, continuationItemRenderer', { youtubeShape: 'lockup', youtubeContinuationShape: 'renderer' }],
    ['lockup items, continuationItemViewModel', { youtubeShape: 'lockup', youtubeContinuationShape: 'viewModel' }],
    ['legacy renderers', { youtubeShape: 'legacy' }],
    ['continuation commands wrapped in commandExecutorCommand', { youtubeWrappedContinuations: true }],
    ['wrapped commands in continuationItemViewModel', { youtubeWrappedContinuations: true, youtubeContinuationShape: 'viewModel' }],
    ['tab links with a query string', { youtubeTabUrlQuery: '?app=desktop' }],
  ] as const)('lists every video with its exact date (%s): one player call per video', async (_shape, options) => {
    await withFake(options, async (fake) => {
      const ctx = new NodeYouTubeContext(fake.port, fake.youtubeCookies());
      const { info, posts } = await exportWithAdapter(ctx);
      expect(info).toMatchObject({ handle: 'star.demo', displayName: 'Star Demo ✨', postCount: 153 });
      expect(posts.map((p) => p.id)).toEqual(fake.youtubeVideoIds());
      const takenAt = new Map(fake.youtubeMedia().map((m) => [m.postId, m.takenAt]));
      for (const post of posts.filter((p) => p.metadata.dateSource === 'player')) expect(Date.parse(post.publishedAt) / 1000, post.id).toBe(takenAt.get(post.id));
      // The age-gated video is dated by the watch page's day line (Pacific time): the right day, no time.
      const [ageGated, ...others] = posts.filter((p) => p.metadata.dateSource !== 'player');
      expect(others).toEqual([]);
      expect(ageGated?.metadata.dateSource).toBe('watch page');
      const lag = takenAt.get(ageGated!.id)! - Date.parse(ageGated!.publishedAt) / 1000;
      expect(lag).toBeGreaterThanOrEqual(0);
      expect(lag).toBeLessThan(32 * 3600);
      expect(posts.filter((p) => p.metadata.dateApproximate)).toEqual([]);
      // Per video: one player call (none for the uploads playlist's listing of a tab's video); the
      // age-gated one adds one `next`. Listing: one browse per page, the uploads playlist's two included.
      expect(ctx.count('player')).toBe(153);
      expect(ctx.count('next')).toBe(1);
      expect(ctx.count('browse')).toBe(1 + 4 + 2 + 1 + 2);
      // Plus the home page, the account menu and resolve_url once per export.
      expect(ctx.requests).toHaveLength(153 + 1 + 10 + 1 + 1 + 1);
    });
  });

  it.each(['bot-wall', 'try-again-later', 'captcha'] as const)('after the player’s %s refusal, dates the rest from the grid’s labels and stops asking', async (refusal) => {
    await withFake({ youtubePlayerBudget: 40, youtubePlayerRefusal: refusal }, async (fake) => {
      const ctx = new NodeYouTubeContext(fake.port, fake.youtubeCookies());
      const { posts } = await exportWithAdapter(ctx);
      expect(posts).toHaveLength(153);
      expect(ctx.count('player')).toBe(41);
      const approximate = posts.filter((p) => p.metadata.dateApproximate === true);
      // 40 answers: 39 exact dates and the age-gated video's, which the watch page dates.
      expect(approximate.length).toBe(153 - 40);
      const takenAt = new Map(fake.youtubeMedia().map((m) => [m.postId, m.takenAt]));
      for (const post of approximate.filter((p) => p.kind !== 'short')) {
        // "N units ago" rounds down, so the label's date is later than the truth by less than a unit;
        // counting months and years on the calendar (the fake counts 30 and 365 days) adds a few days.
        const early = takenAt.get(post.id)! - Date.parse(post.publishedAt) / 1000;
        expect(early, `${post.id} ${String(post.metadata.publishedText)}`).toBeGreaterThan(-366 * 86_400);
        expect(early, `${post.id} ${String(post.metadata.publishedText)}`).toBeLessThanOrEqual(7 * 86_400);
      }
      expect(approximate.filter((p) => p.kind === 'short').every((p) => p.publishedAt === '')).toBe(true);
      expect(ctx.notes.get('youtube.noDates')).toBe('refused');
    });
  });

  it('exports the brand account the browser is switched to, never the person’s own channel', async () => {
    const specs = [{ handle: 'jo.person', videos: 5 }, { handle: 'jo.brand', videos: 35, brandAccountOf: 'jo.person' }];
    await withFake({ youtubeChannels: specs }, async (fake) => {
      const ctx = new NodeYouTubeContext(fake.port, fake.youtubeCookies('jo.brand'));
      const { info, posts } = await exportWithAdapter(ctx);
      expect(info.handle).toBe('jo.brand');
      expect(posts.map((p) => p.id)).toEqual(fake.youtubeVideoIds('jo.brand'));
      expect(ctx.requests.filter((r) => r.url.includes('/youtubei/v1/')).every((r) => /^\d{21}$/.test(r.headers?.['X-Goog-PageId'] ?? ''))).toBe(true);
    });
  });

  it('exports the owner’s private and unlisted uploads with their visibility; a visitor gets the public ones', async () => {
    const specs = [{ handle: 'star.demo', videos: 40, shorts: 5, lives: 1, unlistedVideos: 3, privateVideos: 2 }, { handle: 'lurker', videos: 0, hasChannel: false }];
    await withFake({ youtubeChannels: specs }, async (fake) => {
      const owner = await exportWithAdapter(new NodeYouTubeContext(fake.port, fake.youtubeCookies()), 'star.demo');
      expect(owner.info.isViewer).toBe(true);
      expect(owner.posts.map((p) => p.id)).toEqual(fake.youtubeVideoIds('star.demo', { asOwner: true }));
      const visibility = fake.youtubeVisibility('star.demo');
      for (const post of owner.posts) expect(post.metadata.visibility, post.id).toBe(visibility[post.id]);
      expect(owner.posts.filter((p) => p.metadata.visibility !== 'public').every((p) => p.metadata.dateSource === 'player')).toBe(true);
      const visitor = await exportWithAdapter(new NodeYouTubeContext(fake.port, fake.youtubeCookies('lurker')), 'star.demo');
      expect(visitor.info.isViewer).toBe(false);
      expect(visitor.posts.map((p) => p.id)).toEqual(fake.youtubeVideoIds('star.demo'));
    });
  });

  it('resolves the channel of a handle, a legacy URL, a channel id and a watch page', async () => {
    await withFake({}, async (fake) => {
      const ctx = new NodeYouTubeContext(fake.port, fake.youtubeCookies());
      const { isViewer: _viewer, ...own } = await youtubeAdapter.resolveAccount(ctx);
      const videoId = fake.youtubeVideoIds()[5]!;
      for (const account of ['star.demo', 'c/StarDemo', `channel/${own.id}`, `video:${videoId}`, `https://www.youtube.com/shorts/${fake.youtubeVideoIds()[110]}`]) {
        expect(await youtubeAdapter.resolveAccount(ctx, account), account).toMatchObject(own);
      }
    });
  });

  it.each([
    ['logged out', [], undefined, 'login_required', /Log in to YouTube in this browser, then try again\./],
    ['a user without a channel', 'lurker', undefined, 'account_not_found', /no YouTube channel/],
    ['an unknown handle', undefined, 'nobody.here', 'account_not_found', /no channel “@nobody\.here”/],
  ] as const)('fails clearly when %s', async (_what, who, account, kind, message) => {
    await withFake({ youtubeChannels: [{ handle: 'lurker', videos: 0, hasChannel: false }] }, async (fake) => {
      const cookies = Array.isArray(who) ? [] : fake.youtubeCookies(who as string | undefined);
      const error = await youtubeAdapter.resolveAccount(new NodeYouTubeContext(fake.port, cookies), account).then(
        () => undefined,
        (e: unknown) => e as { kind: string; message: string },
      );
      expect(error).toMatchObject({ kind });
      expect(error?.message).toMatch(message);
    });
  });
});
