import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { connect as tlsConnect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakePlatforms } from '../fake-platforms/index';
import { cookieHeader, fakeFetch, type FakeRequest } from '../fake-platforms/test-client';
import type { FakePlatforms } from '../fake-platforms/types';

// Node-side checks of the fake Instagram's enforcement and bytes; no browser involved.

const APP_ID = '936619743392459';
const WWW = 'https://www.instagram.com';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function session(fake: FakePlatforms, username?: string) {
  const cookies = fake.instagramCookies(username);
  const csrf = cookies.find((c) => c.name === 'csrftoken')?.value ?? '';
  const headers = { cookie: cookieHeader(cookies), 'x-ig-app-id': APP_ID, 'x-csrftoken': csrf, 'x-requested-with': 'XMLHttpRequest' };
  return {
    get: (path: string, extra: FakeRequest = {}) => fakeFetch(fake.port, `${WWW}${path}`, { ...extra, headers: { ...headers, ...extra.headers } }),
    post: (path: string, form: Record<string, string>, extra: FakeRequest = {}) =>
      fakeFetch(fake.port, `${WWW}${path}`, {
        method: 'POST',
        body: new URLSearchParams(form).toString(),
        ...extra,
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', ...extra.headers },
      }),
  };
}

/** The file a faithful exporter keeps for one node: candidates[0], or the largest video. */
function bestUrl(node: Json): string {
  if (node.video_versions) {
    const best = [...node.video_versions].sort((a, b) => b.width * b.height - a.width * a.height || b.type - a.type)[0];
    return best.url;
  }
  return node.image_versions2.candidates[0].url;
}

async function allFeedItems(api: ReturnType<typeof session>, uid: string, count: number): Promise<Json[]> {
  const items: Json[] = [];
  let maxId: string | undefined;
  for (let page = 0; page < 50; page++) {
    const res = await api.get(`/api/v1/feed/user/${uid}/?count=${count}${maxId ? `&max_id=${maxId}` : ''}`);
    expect(res.status).toBe(200);
    const body = res.json<Json>();
    expect(body.num_results).toBe(body.items.length);
    items.push(...body.items);
    if (!body.more_available) return items;
    expect(body.next_max_id).toMatch(new RegExp(`^\\d+_${uid}$`));
    maxId = body.next_max_id;
  }
  throw new Error('feed never ended');
}

describe('fake Instagram', () => {
  let fake: FakePlatforms;
  const uid = '51234567890';

  beforeAll(async () => {
    fake = await startFakePlatforms({ instagramAccounts: [{ username: 'private.friend', posts: 3, isPrivate: true }, { username: 'close.friend', posts: 4, isPrivate: true, followedByViewer: true }] });
  });
  afterAll(async () => {
    await fake?.close();
  });

  it('redirects API calls without a session to the login page', async () => {
    const res = await fakeFetch(fake.port, `${WWW}/api/v1/users/web_profile_info/?username=star.demo`, { headers: { 'x-ig-app-id': APP_ID } });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('https://www.instagram.com/accounts/login/?next=%2Fapi%2Fv1%2Fusers%2Fweb_profile_info%2F%3Fusername%3Dstar.demo');
    const login = await fakeFetch(fake.port, String(res.headers.location));
    expect(login.status).toBe(200);
    expect(login.text()).toContain('loginForm');
  });

  it('rejects a missing or wrong app id', async () => {
    const api = session(fake);
    for (const appId of ['', '1217981644879628']) {
      const res = await api.get('/api/v1/users/web_profile_info/?username=star.demo', { headers: { 'x-ig-app-id': appId } });
      expect(res.status).toBe(400);
      expect(res.json()).toEqual({ message: 'useragent mismatch', status: 'fail' });
    }
  });

  it('requires X-CSRFToken equal to the csrftoken cookie on POSTs', async () => {
    const api = session(fake);
    const form = { target_user_id: uid, page_size: '50', include_feed_video: 'true' };
    expect((await api.post('/api/v1/clips/user/', form, { headers: { 'x-csrftoken': '' } })).status).toBe(403);
    expect((await api.post('/api/v1/clips/user/', form, { headers: { 'x-csrftoken': 'not-the-cookie' } })).status).toBe(403);
    const res = await api.post('/api/v1/clips/user/', form);
    expect(res.status).toBe(200);
    expect(res.headers['x-ig-set-www-claim']).toMatch(/^hmac\./);
    const clips = res.json<Json>();
    expect(clips.items.length).toBeGreaterThan(0);
    for (const { media } of clips.items) expect(media.media_type).toBe(2);
  });

  it('pages the feed with pinned posts first and every shape docs/platforms.md lists', async () => {
    const api = session(fake);
    const profile = (await api.get('/api/v1/users/web_profile_info/?username=star.demo')).json<Json>();
    expect(profile.data.user).toMatchObject({ id: uid, username: 'star.demo', is_private: false });
    const items = await allFeedItems(api, uid, 12);
    // Every post but the reel hidden from the grid, which instagramPostIds() lists last.
    expect(items.map((i) => i.pk)).toEqual(fake.instagramPostIds().slice(0, -1));
    expect(items).toHaveLength(60);
    const [pinnedPhoto, pinnedReel, newest] = items;
    expect(pinnedPhoto?.timeline_pinned_user_ids).toEqual([Number(uid)]);
    expect(pinnedReel?.timeline_pinned_user_ids).toEqual([Number(uid)]);
    expect(pinnedReel?.clips_tab_pinned_user_ids).toEqual([Number(uid)]);
    expect(pinnedPhoto?.taken_at).toBeLessThan(newest?.taken_at);
    const bigPages = await allFeedItems(api, uid, 100);
    expect(bigPages).toHaveLength(60);
    expect(fake.log.filter((e) => e.path.includes('count=100')).length).toBe(2);

    for (const item of items) {
      expect(item.id).toBe(`${item.pk}_${uid}`);
      expect(item.user).toMatchObject({ pk: uid, username: 'star.demo' });
      expect(typeof item.code).toBe('string');
      if (item.media_type === 8) {
        expect(item.image_versions2).toBeUndefined();
        expect(item.carousel_media_count).toBe(item.carousel_media.length);
        for (const child of item.carousel_media) expect(child.carousel_parent_id).toBe(item.id);
      }
    }
    expect(new Set(items.map((i) => i.media_type))).toEqual(new Set([1, 2, 8]));
    expect(items.some((i) => i.product_type === 'clips')).toBe(true);
    expect(items.some((i) => i.caption === null)).toBe(true);
    expect(items.some((i) => /[\u0590-\u06ff]/.test(i.caption?.text ?? ''))).toBe(true);
    expect(items.some((i) => i.location?.short_name)).toBe(true);
    expect(items.some((i) => i.media_type === 8 && i.carousel_media.some((c: Json) => c.media_type === 2))).toBe(true);

    const photo = items.find((i) => i.media_type === 1);
    const [first, ...rest] = photo?.image_versions2.candidates ?? [];
    const largerCrop = rest.find((c: Json) => c.width === c.height && c.width * c.height > first.width * first.height);
    expect(largerCrop).toBeDefined();
    expect(fake.resolveMediaUrl(largerCrop.url)).toEqual({ mediaId: photo?.pk, best: false });
    const smallerFirst = items.find((i) => i.video_versions && i.video_versions[0].width < Math.max(...i.video_versions.map((v: Json) => v.width)));
    expect(smallerFirst, 'a video whose best version is not listed first').toBeDefined();
  });

  it('serves every media file byte-identical to instagramMedia(), with the right type and length', async () => {
    const api = session(fake);
    const nodes = new Map<string, Json>();
    for (const item of await allFeedItems(api, uid, 33)) for (const node of item.carousel_media ?? [item]) nodes.set(node.pk, node);
    // The Reels tab adds the reel hidden from the grid.
    const clips = (await api.post('/api/v1/clips/user/', { target_user_id: uid, page_size: '50', include_feed_video: 'true' })).json<Json>();
    expect(clips.paging_info.more_available).toBe(false);
    for (const { media } of clips.items) nodes.set(media.pk, media);
    const tray = (await api.get(`/api/v1/highlights/${uid}/highlights_tray/`)).json<Json>().tray;
    expect(tray).toHaveLength(2);
    const query = [uid, ...tray.map((h: Json) => h.id)].map((id) => `reel_ids=${encodeURIComponent(id)}`).join('&');
    const reels = (await api.get(`/api/v1/feed/reels_media/?${query}`)).json<Json>();
    expect(reels.reels_media.map((r: Json) => r.id)).toEqual([uid, ...tray.map((h: Json) => h.id)]);
    expect(Object.keys(reels.reels)).toHaveLength(3);
    expect(reels.reels[uid].items).toHaveLength(3);
    for (const item of reels.reels[uid].items) expect(item.expiring_at).toBe(item.taken_at + 86_400);
    for (const reel of reels.reels_media) for (const item of reel.items) nodes.set(item.pk, item);

    const served = fake.instagramMedia();
    expect(served.map((m) => m.mediaId).sort()).toEqual([...nodes.keys()].sort());
    const types: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', mp4: 'video/mp4', mov: 'video/quicktime' };
    const magic: Record<string, (b: Buffer) => boolean> = {
      jpg: (b) => b[0] === 0xff && b[1] === 0xd8 && b.subarray(-2).equals(Buffer.from([0xff, 0xd9])),
      png: (b) => b.subarray(1, 4).toString() === 'PNG' && b.subarray(-8, -4).toString() === 'IEND',
      mp4: (b) => b.subarray(4, 8).toString() === 'ftyp' && b.subarray(8, 12).toString() !== 'qt  ',
      mov: (b) => b.subarray(4, 12).toString() === 'ftypqt  ',
    };
    await Promise.all(
      served.map(async (media) => {
        const url = bestUrl(nodes.get(media.mediaId) ?? {});
        expect(fake.resolveMediaUrl(url)).toEqual({ mediaId: media.mediaId, best: true });
        const res = await fakeFetch(fake.port, url);
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toBe(types[media.format]);
        expect(Number(res.headers['content-length'])).toBe(media.bytes);
        expect(sha256(res.body)).toBe(media.sha256);
        expect(magic[media.format]?.(res.body), `${media.format} magic`).toBe(true);
      }),
    );
    expect(new Set(served.map((m) => m.format))).toEqual(new Set(['jpg', 'png', 'mp4', 'mov']));
  });

  it('answers 403 to an edited or expired signed URL, and refreshes it through media info', async () => {
    const api = session(fake);
    const item = (await api.get(`/api/v1/feed/user/${uid}/?count=3`)).json<Json>().items[2];
    const url = new URL(bestUrl(item.carousel_media?.[0] ?? item));
    expect(url.searchParams.get('oe')).toMatch(/^[0-9A-F]{8}$/);
    expect((await fakeFetch(fake.port, url.href)).status).toBe(200);
    const oh = url.searchParams.get('oh') ?? '';
    const flipped = `${oh.slice(0, -1)}${oh.endsWith('0') ? '1' : '0'}`;
    for (const [name, value] of [['oh', flipped], ['_nc_cat', '999'], ['oe', 'FFFFFFFF'], ['extra', '1']]) {
      const edited = new URL(url);
      edited.searchParams.set(name as string, value as string);
      const res = await fakeFetch(fake.port, edited.href);
      expect(res.status, `edited ${name}`).toBe(403);
      expect(res.text()).toBe('URL signature mismatch');
    }
    const info = (await api.get(`/api/v1/media/${item.pk}/info/`)).json<Json>();
    expect(info.items[0].pk).toBe(item.pk);
    expect((await fakeFetch(fake.port, bestUrl(info.items[0].carousel_media?.[0] ?? info.items[0]))).status).toBe(200);

    const expired = await startFakePlatforms({ signedUrlTtlSeconds: -60 });
    try {
      const stale = (await session(expired).get(`/api/v1/feed/user/${uid}/?count=1`)).json<Json>().items[0];
      const res = await fakeFetch(expired.port, bestUrl(stale.carousel_media?.[0] ?? stale));
      expect(res.status).toBe(403);
      expect(res.text()).toBe('URL signature expired');
    } finally {
      await expired.close();
    }
  });

  it('hides private accounts from non-followers and 404s unknown users', async () => {
    const api = session(fake);
    const hidden = (await api.get('/api/v1/users/web_profile_info/?username=private.friend')).json<Json>().data.user;
    expect(hidden).toMatchObject({ is_private: true, followed_by_viewer: false });
    const feed = await api.get(`/api/v1/feed/user/${hidden.id}/`);
    expect(feed.status).toBe(400);
    expect(feed.json()).toEqual({ message: 'Not authorized to view user', status: 'fail' });
    const friend = (await api.get('/api/v1/users/web_profile_info/?username=close.friend')).json<Json>().data.user;
    expect(friend).toMatchObject({ is_private: true, followed_by_viewer: true });
    expect((await api.get(`/api/v1/feed/user/${friend.id}/`)).json<Json>().items).toHaveLength(4);
    const own = session(fake, 'private.friend');
    expect((await own.get(`/api/v1/feed/user/${hidden.id}/`)).json<Json>().items).toHaveLength(3);
    const missing = await api.get('/api/v1/users/web_profile_info/?username=nobody.here');
    expect(missing.status).toBe(404);
    const search = (await api.get('/web/search/topsearch/?query=star.demo')).json<Json>();
    expect(search.users[0].user).toMatchObject({ pk: uid, username: 'star.demo' });
  });

  it('serves the GraphQL profile-posts fallback and refuses unknown doc_ids', async () => {
    const api = session(fake);
    const ids: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const variables = JSON.stringify({ data: { count: 12 }, username: 'star.demo', ...(after ? { after, first: 12 } : {}) });
      const res = await api.post('/graphql/query', { doc_id: '34579740524958711', variables, server_timestamps: 'true' });
      const connection = res.json<Json>().data.xdt_api__v1__feed__user_timeline_graphql_connection;
      ids.push(...connection.edges.map((e: Json) => e.node.pk));
      if (!connection.page_info.has_next_page) break;
      after = connection.page_info.end_cursor;
    }
    expect(ids).toEqual(fake.instagramPostIds().slice(0, -1));
    const stale = await api.post('/graphql/query', { doc_id: '1', variables: '{}' });
    expect(stale.status).toBe(401);
    expect(stale.json()).toMatchObject({ require_login: true, status: 'fail' });
  });

  it('returns 429 with Retry-After once the per-minute budget is spent', async () => {
    const limited = await startFakePlatforms({ apiBudgetPerMinute: 3 });
    try {
      const api = session(limited);
      for (let i = 0; i < 3; i++) expect((await api.get('/api/v1/users/web_profile_info/?username=star.demo')).status).toBe(200);
      const res = await api.get('/api/v1/users/web_profile_info/?username=star.demo');
      expect(res.status).toBe(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
      expect(res.json()).toEqual({ message: 'Please wait a few minutes before you try again.', status: 'fail' });
    } finally {
      await limited.close();
    }
  });

  it('applies injected faults by kind, order and count', async () => {
    const api = session(fake);
    const item = (await api.get(`/api/v1/feed/user/${uid}/?count=3`)).json<Json>().items[2];
    const url = bestUrl(item.carousel_media?.[0] ?? item);
    const media = () => fakeFetch(fake.port, url);
    fake.clearFaults();

    fake.addFault({ match: 'media', after: 1, times: 2, fault: { type: 'status', status: 503, retryAfterSeconds: 7 } });
    expect((await media()).status).toBe(200);
    const unavailable = await media();
    expect([unavailable.status, unavailable.headers['retry-after']]).toEqual([503, '7']);
    expect((await media()).status).toBe(503);
    expect((await media()).status).toBe(200);

    fake.addFault({ match: 'media', fault: { type: 'truncate' } });
    const truncated = await media();
    expect(truncated.status).toBe(200);
    expect(truncated.body.length).toBeLessThan(Number(truncated.headers['content-length']));

    fake.addFault({ match: 'media', fault: { type: 'reset' } });
    const reset = await media().catch((error: Error) => ({ status: -1, body: Buffer.alloc(0), headers: {}, error: error.message }));
    expect(reset.error).toBeTruthy();

    fake.addFault({ match: 'media', fault: { type: 'expire' } });
    expect((await media()).status).toBe(403);

    fake.addFault({ match: 'api', fault: { type: 'html-login' } });
    const htmlLogin = await api.get(`/api/v1/feed/user/${uid}/`);
    expect([htmlLogin.status, htmlLogin.headers['content-type']]).toEqual([200, 'text/html; charset="utf-8"']);

    fake.addFault({ match: { pathIncludes: 'www.instagram.com/api/v1/feed/user/' }, fault: { type: 'redirect-login' } });
    expect((await api.get('/api/v1/users/web_profile_info/?username=star.demo')).status).toBe(200);
    const redirected = await api.get(`/api/v1/feed/user/${uid}/`);
    expect(redirected.status).toBe(302);
    expect(redirected.headers.location).toMatch(/^https:\/\/www\.instagram\.com\/accounts\/login\/\?next=/);

    fake.addFault({ match: 'api', fault: { type: 'delay', ms: 300 } });
    const began = Date.now();
    expect((await api.get(`/api/v1/feed/user/${uid}/?count=1`)).status).toBe(200);
    expect(Date.now() - began).toBeGreaterThanOrEqual(290);
    expect((await media()).status).toBe(200);
  });

  it('tracks media requests in flight, supports Range and throttles to mediaBytesPerSecond', async () => {
    const slow = await startFakePlatforms({ mediaLatencyMs: 200, mediaBytesPerSecond: 100_000 });
    try {
      const api = session(slow);
      const items = (await api.get(`/api/v1/feed/user/${uid}/?count=6`)).json<Json>().items;
      const urls = items.map((i: Json) => i.image_versions2?.candidates[0].url).filter(Boolean).slice(0, 4);
      slow.resetLog();
      const began = Date.now();
      const bodies = await Promise.all(urls.map((u: string) => fakeFetch(slow.port, u)));
      expect(slow.maxMediaInFlight).toBe(urls.length);
      // 20 kB each at 100 kB/s per response, after 200 ms latency.
      expect(Date.now() - began).toBeGreaterThanOrEqual(350);
      expect(slow.log.filter((e) => e.kind === 'media')).toHaveLength(urls.length);
      const ranged = await fakeFetch(slow.port, urls[0], { headers: { range: 'bytes=100-199' } });
      expect(ranged.status).toBe(206);
      expect(ranged.headers['content-range']).toBe(`bytes 100-199/${bodies[0]?.body.length}`);
      expect(ranged.body.equals(bodies[0]?.body.subarray(100, 200) ?? Buffer.alloc(0))).toBe(true);
    } finally {
      await slow.close();
    }
  });

  it('is deterministic: same options, same ids and bytes', async () => {
    const again = await startFakePlatforms({ instagramAccounts: [{ username: 'private.friend', posts: 3, isPrivate: true }, { username: 'close.friend', posts: 4, isPrivate: true, followedByViewer: true }] });
    try {
      const strip = (list: ReturnType<FakePlatforms['instagramMedia']>) => list.map(({ mediaId, sha256: hash, bytes, postId }) => ({ mediaId, hash, bytes, postId }));
      expect(strip(again.instagramMedia())).toEqual(strip(fake.instagramMedia()));
      expect(again.instagramCookies()).toEqual(fake.instagramCookies());
    } finally {
      await again.close();
    }
  });

  it('proxies CONNECT tunnels and absolute-URI requests to the fake', async () => {
    const tunnel = await new Promise<import('node:net').Socket>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: fake.proxyPort, method: 'CONNECT', path: 'www.instagram.com:443' });
      req.on('connect', (res, socket) => (res.statusCode === 200 ? resolve(socket) : reject(new Error(`proxy said ${res.statusCode}`))));
      req.on('error', reject);
      req.end();
    });
    const page = await new Promise<string>((resolve, reject) => {
      const tls = tlsConnect({ socket: tunnel, servername: 'www.instagram.com', rejectUnauthorized: false }, () => {
        tls.write('GET /star.demo/ HTTP/1.1\r\nHost: www.instagram.com\r\nConnection: close\r\n\r\n');
      });
      let text = '';
      tls.on('data', (chunk) => (text += chunk.toString()));
      tls.on('end', () => resolve(text));
      tls.on('error', reject);
    });
    expect(page).toMatch(/^HTTP\/1\.1 200/);
    expect(page).toContain('@star.demo');

    const absolute = await new Promise<{ status?: number; body: string }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: fake.proxyPort, path: 'http://www.instagram.com/accounts/login/', headers: { host: 'www.instagram.com' } }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode, body }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(absolute.status).toBe(200);
    expect(absolute.body).toContain('loginForm');
  });
});
