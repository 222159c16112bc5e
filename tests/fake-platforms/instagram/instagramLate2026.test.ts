import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakePlatforms } from '../index';
import { cookieHeader, fakeFetch, type FakeResponse } from '../test-client';
import type { FakePlatforms, FakePlatformsOptions, InstagramQueryName } from '../types';

// The fake Instagram's 'late2026' era over HTTPS, as the web app and the maintained clients see it.

const APP_ID = '936619743392459';
const WWW = 'https://www.instagram.com';
const DEMO_PK = '51234567890';
const REVOKED = { message: 'Please wait a few minutes before you try again.', require_login: true, status: 'fail' };
const OPERATION = /__d\("(\w+)_instagramRelayOperation",\s*\[\],\s*\(function\([^)]*\)\s*\{[^}]*?\.exports\s*=\s*"(\d+)"/g;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface PageTokens {
  fbDtsg?: string;
  lsd?: string;
  actorId?: string;
  profileId?: string;
  bundles: string[];
}

function pageTokens(html: string): PageTokens {
  return {
    fbDtsg: /\["DTSGInitialData",\[\],\{"token":"([^"]+)"/.exec(html)?.[1],
    lsd: /\["LSD",\[\],\{"token":"([^"]+)"/.exec(html)?.[1],
    actorId: /"actorID":"(\d+)"/.exec(html)?.[1],
    profileId: /"profile_id":"(\d+)"/.exec(html)?.[1],
    bundles: [...html.matchAll(/<script src="(https:\/\/static\.cdninstagram\.com\/rsrc\.php\/v4\/[^"]+\.js)"/g)].map((m) => m[1] ?? ''),
  };
}

/** A logged-in browser tab: cookies, the API headers, and what the page gives the web app. */
function client(fake: FakePlatforms, username?: string) {
  const cookies = fake.instagramCookies(username);
  const csrf = cookies.find((c) => c.name === 'csrftoken')?.value ?? '';
  const headers = { cookie: cookieHeader(cookies), 'x-ig-app-id': APP_ID, 'x-csrftoken': csrf, 'x-asbd-id': '359341', 'x-requested-with': 'XMLHttpRequest' };
  const get = (url: string, extra: Record<string, string> = {}) => fakeFetch(fake.port, url.startsWith('http') ? url : `${WWW}${url}`, { headers: { ...headers, ...extra } });
  const post = (path: string, form: Record<string, string>, extra: Record<string, string> = {}) =>
    fakeFetch(fake.port, `${WWW}${path}`, {
      method: 'POST',
      body: new URLSearchParams(form).toString(),
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', ...extra },
    });
  return { get, post };
}

type Client = ReturnType<typeof client>;

async function docIdsFromBundles(api: Client, urls: string[]): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const url of urls) {
    const res = await api.get(url);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('javascript');
    for (const m of res.text().matchAll(OPERATION)) ids[m[1] ?? ''] = m[2] ?? '';
  }
  return ids;
}

/** Reads the page and its bundles once, then sends queries as the web app does. */
async function webApp(fake: FakePlatforms, username?: string) {
  const api = client(fake, username);
  const tokens = pageTokens((await api.get('/star.demo/')).text());
  const docIds = await docIdsFromBundles(api, tokens.bundles);
  const query = (name: InstagramQueryName, variables: unknown, override: Record<string, string> = {}, path = '/graphql/query') => {
    const fbDtsg = tokens.fbDtsg ?? '';
    const form = {
      av: tokens.actorId ?? '',
      __a: '1',
      __comet_req: '7',
      fb_dtsg: fbDtsg,
      jazoest: `2${[...fbDtsg].reduce((sum, c) => sum + c.charCodeAt(0), 0)}`,
      lsd: tokens.lsd ?? '',
      fb_api_caller_class: 'RelayModern',
      fb_api_req_friendly_name: name,
      variables: JSON.stringify(variables),
      server_timestamps: 'true',
      doc_id: docIds[name] ?? '',
      ...override,
    };
    return api.post(path, form, { 'x-fb-lsd': tokens.lsd ?? '', 'x-fb-friendly-name': name });
  };
  return { api, tokens, docIds, query };
}

async function start(options: FakePlatformsOptions = {}): Promise<FakePlatforms> {
  return startFakePlatforms({ instagramEra: 'late2026', ...options });
}

describe('fake Instagram, late 2026', () => {
  let fake: FakePlatforms;
  beforeAll(async () => {
    fake = await start({ instagramAccounts: [{ username: 'close.friend', posts: 4, isPrivate: true, followedByViewer: true, stories: 1 }] });
  });
  afterAll(async () => {
    await fake?.close();
  });

  describe('retired REST endpoints, for a valid session', () => {
    it.each([
      ['GET', `/api/v1/feed/user/${DEMO_PK}/?count=12`, 302],
      ['POST', '/api/v1/clips/user/', 302],
      ['GET', '/api/v1/media/3414259811154179155/info/', 302],
      ['GET', `/api/v1/feed/reels_media/?reel_ids=${DEMO_PK}`, 500],
      ['GET', '/api/v1/users/web_profile_info/?username=star.demo', 400],
    ])('%s %s answers %i', async (method, path, status) => {
      const api = client(fake);
      const res = method === 'GET' ? await api.get(path) : await api.post(path, { target_user_id: DEMO_PK, page_size: '12', include_feed_video: 'true' });
      expect(res.status).toBe(status);
      if (status === 302) expect(res.headers.location).toBe('https://www.instagram.com/');
      if (status === 400) expect(res.json()).toEqual({ message: 'feedback_required', spam: true, status: 'fail' });
    });

    it('still sends the logged-out to the login page, not home', async () => {
      const res = await fakeFetch(fake.port, `${WWW}/api/v1/feed/user/${DEMO_PK}/`, { headers: { 'x-ig-app-id': APP_ID } });
      expect(res.status).toBe(302);
      expect(res.headers.location).toMatch(/^https:\/\/www\.instagram\.com\/accounts\/login\//);
    });
  });

  describe('lookups that keep answering', () => {
    it('topsearch ranks look-alikes before the exact username', async () => {
      const users = (await client(fake).get('/web/search/topsearch/?query=star.demo')).json<Json>().users.map((u: Json) => u.user.username);
      expect(users.length).toBeGreaterThan(1);
      expect(users[users.length - 1]).toBe('star.demo');
      expect(users.slice(0, -1).every((u: string) => u !== 'star.demo' && u.includes('star.demo'))).toBe(true);
    });

    it('users/{id}/info and highlights_tray answer; media_count is the grid count', async () => {
      const api = client(fake);
      const info = (await api.get(`/api/v1/users/${DEMO_PK}/info/`)).json<Json>();
      expect(info.user).toMatchObject({ pk: DEMO_PK, username: 'star.demo', media_count: 60 });
      const tray = await api.get(`/api/v1/highlights/${DEMO_PK}/highlights_tray/`);
      expect(tray.status).toBe(200);
      expect(tray.json<Json>().tray).toHaveLength(2);
    });
  });

  describe('pages', () => {
    it('give a logged-in viewer the session tokens, the actor id, profile_id and the bundles', async () => {
      const api = client(fake);
      const profile = pageTokens((await api.get('/star.demo/')).text());
      expect(profile).toMatchObject({ actorId: DEMO_PK, profileId: DEMO_PK });
      expect(profile.fbDtsg).toMatch(/^NAc[\w-]+:17:\d+$/);
      expect(profile.lsd).toMatch(/^AV[\w-]+$/);
      expect(profile.bundles.length).toBeGreaterThanOrEqual(3);
      const friend = pageTokens((await api.get('/close.friend/')).text());
      expect(friend.profileId).not.toBe(DEMO_PK);
      expect(friend.actorId).toBe(DEMO_PK);
      const home = pageTokens((await api.get('/')).text());
      expect(home).toMatchObject({ actorId: DEMO_PK, fbDtsg: profile.fbDtsg, lsd: profile.lsd, bundles: profile.bundles, profileId: undefined });
    });

    it('bind the tokens to the session', async () => {
      const own = pageTokens((await client(fake, 'close.friend').get('/')).text());
      const demo = pageTokens((await client(fake).get('/')).text());
      expect(own.fbDtsg).not.toBe(demo.fbDtsg);
      expect(own.lsd).not.toBe(demo.lsd);
    });

    it('give a logged-out visitor no fb_dtsg and actor "0"', async () => {
      const html = (await fakeFetch(fake.port, `${WWW}/star.demo/`)).text();
      const visitor = pageTokens(html);
      expect(visitor).toMatchObject({ actorId: '0', fbDtsg: undefined, profileId: DEMO_PK });
      expect(visitor.lsd).toBeDefined();
      expect(html).not.toContain('DTSGInitialData');
    });

    it('link bundles that publish the current doc_id of every query', async () => {
      const api = client(fake);
      const ids = await docIdsFromBundles(api, pageTokens((await api.get('/')).text()).bundles);
      expect(ids).toMatchObject(fake.instagramDocIds());
    });
  });

  describe('web GraphQL', () => {
    it('pages the posts grid with "<pk>_<owner pk>" cursors, never the reels-tab-only reel', async () => {
      const { query } = await webApp(fake);
      const pks: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 10; page++) {
        const res = await query('PolarisProfilePostsQuery', { data: { count: 12, include_relationship_info: true }, username: 'star.demo', ...(after ? { after } : {}) });
        expect(res.status).toBe(200);
        const connection = res.json<Json>().data.xdt_api__v1__feed__user_timeline_graphql_connection;
        for (const { node, cursor } of connection.edges) {
          expect(node.id).toBe(`${node.pk}_${DEMO_PK}`);
          expect(cursor).toBe(node.id);
        }
        pks.push(...connection.edges.map((e: Json) => e.node.pk));
        if (!connection.page_info.has_next_page) break;
        after = connection.page_info.end_cursor;
      }
      const all = fake.instagramPostIds();
      expect(pks).toEqual(all.slice(0, 60));
      expect(all).toHaveLength(61);
    });

    it('pages the reels tab, which lists the reel hidden from the grid', async () => {
      const { query } = await webApp(fake);
      const media: Json[] = [];
      let after: string | null = null;
      for (let page = 0; page < 10; page++) {
        const res = await query('PolarisProfileReelsTabContentQuery', { data: { target_user_id: DEMO_PK, page_size: 5, include_feed_video: true }, ...(after ? { after } : {}) });
        const connection = res.json<Json>().data.xdt_api__v1__clips__user__connection_v2;
        media.push(...connection.edges.map((e: Json) => e.node.media));
        if (!connection.page_info.has_next_page) break;
        after = connection.page_info.end_cursor;
      }
      const hidden = fake.instagramPostIds()[60];
      expect(media.map((m) => m.pk)).toContain(hidden);
      expect(new Set(media.map((m) => m.pk)).size).toBe(media.length);
      expect(media.every((m) => m.media_type === 2)).toBe(true);
    });

    it('reads current stories and highlights by reel id, and the highlights tray at /api/graphql', async () => {
      const { query } = await webApp(fake);
      const tray = (await query('PolarisProfileStoryHighlightsTrayContentQuery', { user_id: DEMO_PK }, {}, '/api/graphql')).json<Json>().data.highlights;
      const highlightIds = tray.edges.map((e: Json) => e.node.id);
      expect(highlightIds).toHaveLength(2);
      for (const id of highlightIds) expect(id).toMatch(/^highlight:\d+$/);
      expect(tray.edges[0].node).toMatchObject({ __typename: 'XDTReelDict', title: expect.any(String), user: { pk: DEMO_PK } });
      const stories = (await query('PolarisStoriesV3ReelPageStandaloneQuery', { reel_ids_arr: [DEMO_PK], is_highlight: false })).json<Json>().data.xdt_api__v1__feed__reels_media;
      expect(stories.reels_media).toHaveLength(1);
      expect(stories.reels_media[0]).toMatchObject({ id: DEMO_PK, reel_type: 'user_reel' });
      expect(stories.reels_media[0].items).toHaveLength(3);
      const highlights = (await query('PolarisStoriesV3ReelPageStandaloneQuery', { reel_ids_arr: highlightIds, is_highlight: true })).json<Json>().data.xdt_api__v1__feed__reels_media;
      expect(highlights.reels_media.map((r: Json) => r.id)).toEqual(highlightIds);
      const served = fake.instagramMedia().map((m) => m.mediaId);
      for (const reel of [...stories.reels_media, ...highlights.reels_media]) for (const item of reel.items) expect(served).toContain(item.pk);
    });

    it('reads one post by shortcode, the reels-tab-only reel too', async () => {
      const { query } = await webApp(fake);
      const reels = (await query('PolarisProfileReelsTabContentQuery', { data: { target_user_id: DEMO_PK, page_size: 33, include_feed_video: false } })).json<Json>();
      const hidden = reels.data.xdt_api__v1__clips__user__connection_v2.edges.map((e: Json) => e.node.media).find((m: Json) => m.pk === fake.instagramPostIds()[60]);
      const res = await query('PolarisPostRootQuery', { shortcode: hidden.code });
      expect(res.json<Json>().data.xdt_api__v1__media__shortcode__web_info.items[0]).toMatchObject({ pk: hidden.pk, code: hidden.code, product_type: 'clips' });
      const missing = (await query('PolarisPostRootQuery', { shortcode: 'AAAAAAAAAAA' })).json<Json>();
      expect(missing.data.xdt_api__v1__media__shortcode__web_info).toBeNull();
      expect(missing.errors.length).toBeGreaterThan(0);
    });

    it('keeps a private account private unless the viewer follows it', async () => {
      const stranger = await webApp(fake, 'close.friend');
      const ok = await stranger.query('PolarisProfilePostsQuery', { data: { count: 12 }, username: 'close.friend' });
      expect(ok.json<Json>().data.xdt_api__v1__feed__user_timeline_graphql_connection.edges).toHaveLength(4);
      const demo = await webApp(fake);
      const followed = await demo.query('PolarisProfilePostsQuery', { data: { count: 12 }, username: 'close.friend' });
      expect(followed.json<Json>().data.xdt_api__v1__feed__user_timeline_graphql_connection.edges).toHaveLength(4);
      const nobody = (await demo.query('PolarisProfilePostsQuery', { data: { count: 12 }, username: 'nobody.here' })).json<Json>();
      expect(nobody.data.xdt_api__v1__feed__user_timeline_graphql_connection).toBeNull();
      expect(nobody.errors[0].message).toBe('User not found');
    });

    it.each([
      ['no fb_dtsg', { fb_dtsg: '' }],
      ["another session's fb_dtsg", { fb_dtsg: 'NAcOTHERSESSIONTOKEN000000000000:17:1791000000' }],
      ['no lsd', { lsd: '' }],
    ])('sends a POST with %s to the login page', async (_case, override) => {
      const { query } = await webApp(fake);
      const res = await query('PolarisProfilePostsQuery', { data: { count: 12 }, username: 'star.demo' }, override, '/graphql/query');
      expect(res.status).toBe(302);
      expect(res.headers.location).toMatch(/^https:\/\/www\.instagram\.com\/accounts\/login\//);
    });

    it.each([
      ['an unknown doc_id', '1234567890123456'],
      ['the legacy posts doc_id', '34579740524958711'],
      ['a doc_id seen in the field', '28570182382647478'],
    ])('answers %s with 401 "Please wait…"', async (_case, docId) => {
      const { query } = await webApp(fake);
      const res = await query('PolarisProfilePostsQuery', { data: { count: 12 }, username: 'star.demo' }, { doc_id: docId });
      expect(res.status).toBe(401);
      expect(res.json()).toEqual(REVOKED);
    });
  });
});

describe('fake Instagram, late 2026: doc_id rotation', () => {
  it('rotateInstagramDocIds publishes new ids in new bundles and revokes the old ones', async () => {
    const fake = await start();
    try {
      const before = await webApp(fake);
      const vars = { data: { count: 12 }, username: 'star.demo' };
      expect((await before.query('PolarisProfilePostsQuery', vars)).status).toBe(200);
      fake.rotateInstagramDocIds();
      expect((await before.query('PolarisProfilePostsQuery', vars)).json()).toEqual(REVOKED);
      const after = await webApp(fake);
      expect(after.tokens.fbDtsg).toBe(before.tokens.fbDtsg);
      expect(after.tokens.bundles).not.toEqual(before.tokens.bundles);
      for (const name of Object.keys(before.docIds).filter((n) => n in fake.instagramDocIds())) expect(after.docIds[name]).not.toBe(before.docIds[name]);
      expect(after.docIds).toMatchObject(fake.instagramDocIds());
      expect((await after.query('PolarisProfilePostsQuery', vars)).status).toBe(200);
      // Old bundles stay on the CDN: content-hashed files are immutable.
      expect((await after.api.get(before.tokens.bundles[1] ?? '')).status).toBe(200);
    } finally {
      await fake.close();
    }
  });

  it('instagramDocIdRotateAfter rotates once, after that many GraphQL calls', async () => {
    const fake = await start({ instagramDocIdRotateAfter: 2 });
    try {
      const app = await webApp(fake);
      const vars = { data: { count: 12 }, username: 'star.demo' };
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await app.query('PolarisProfilePostsQuery', vars)).status);
      expect(statuses).toEqual([200, 200, 401]);
      const fresh = await webApp(fake);
      for (let i = 0; i < 3; i++) expect((await fresh.query('PolarisProfilePostsQuery', vars)).status).toBe(200);
    } finally {
      await fake.close();
    }
  });
});

describe('fake Instagram, late 2026: a GraphQL fault rule', () => {
  it('fails the stories query only, not the highlights read through the same query', async () => {
    const fake = await start();
    try {
      fake.addFault({ match: { graphql: 'PolarisStoriesV3ReelPageStandaloneQuery', variablesInclude: '"is_highlight":false' }, times: Infinity, fault: { type: 'status', status: 500 } });
      const { query } = await webApp(fake);
      const stories = await query('PolarisStoriesV3ReelPageStandaloneQuery', { reel_ids_arr: [DEMO_PK], is_highlight: false });
      expect(stories.status).toBe(500);
      expect(stories.json()).toEqual({ message: '', status: 'fail' });
      const tray = (await query('PolarisProfileStoryHighlightsTrayContentQuery', { user_id: DEMO_PK }, {}, '/api/graphql')).json<Json>();
      const ids = tray.data.highlights.edges.map((e: Json) => e.node.id);
      expect((await query('PolarisStoriesV3ReelPageStandaloneQuery', { reel_ids_arr: ids, is_highlight: true })).status).toBe(200);
      expect((await query('PolarisProfilePostsQuery', { data: { count: 12 }, username: 'star.demo' })).status).toBe(200);
      expect(fake.log.filter((e) => e.faulted).map((e) => e.status)).toEqual([500]);
    } finally {
      await fake.close();
    }
  });
});

describe('fake Instagram, legacy era', () => {
  let fake: FakePlatforms;
  beforeAll(async () => {
    fake = await startFakePlatforms();
  });
  afterAll(async () => {
    await fake?.close();
  });

  it('keeps REST, with the reels-tab-only reel in clips/user and not in feed/user', async () => {
    const api = client(fake);
    const feed = await api.get(`/api/v1/feed/user/${DEMO_PK}/?count=33`);
    expect(feed.status).toBe(200);
    const hidden = fake.instagramPostIds()[60];
    expect(feed.json<Json>().items.map((i: Json) => i.pk)).not.toContain(hidden);
    const clips: Json[] = [];
    let maxId: string | null = null;
    for (let page = 0; page < 10; page++) {
      const res: FakeResponse = await api.post('/api/v1/clips/user/', { target_user_id: DEMO_PK, page_size: '5', include_feed_video: 'true', ...(maxId ? { max_id: maxId } : {}) });
      const body = res.json<Json>();
      clips.push(...body.items.map((i: Json) => i.media));
      if (!body.paging_info.more_available) break;
      maxId = body.paging_info.max_id;
    }
    expect(clips.map((m) => m.pk)).toContain(hidden);
    expect((await api.get('/api/v1/users/web_profile_info/?username=star.demo')).json<Json>().data.user.edge_owner_to_timeline_media.count).toBe(60);
  });

  it('serves pages without the late-2026 tokens and bundles', async () => {
    const html = (await client(fake).get('/star.demo/')).text();
    expect(pageTokens(html)).toEqual({ bundles: [], fbDtsg: undefined, lsd: undefined, actorId: undefined, profileId: undefined });
    expect((await client(fake).get('/web/search/topsearch/?query=star.demo')).json<Json>().users[0].user.username).toBe('star.demo');
  });
});
