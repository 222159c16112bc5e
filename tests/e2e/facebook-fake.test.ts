import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportError } from '../../lib/errors';
import { facebookAdapter } from '../../lib/platforms/facebook';
import type { AccountInfo, ListedPosts, Post } from '../../lib/platforms/types';
import { collectionStrategy } from '../../lib/platforms/facebook/pages';
import { DEFAULT_LISTING_OPTIONS } from '../../lib/platforms/facebook/constants';
import { startFakePlatforms } from '../fake-platforms/index';
import { cookieHeader, fakeFetch } from '../fake-platforms/test-client';
import type { FakePlatforms } from '../fake-platforms/types';
import { walkSections } from '../unit/platforms/pageWalk';
import { NodePlatformContext } from './facebook/nodeContext';

const NONE_LISTED: ListedPosts = { has: async () => false };
const UPLOADS = collectionStrategy('uploads', DEFAULT_LISTING_OPTIONS);

/** The fake Facebook from Node: what it enforces, and the real adapter walking it without a browser. */
describe('fake Facebook', () => {
  let fake: FakePlatforms;

  beforeAll(async () => {
    fake = await startFakePlatforms({
      port: 0,
      facebookProfiles: [
        { vanity: 'big.creator', uploads: 30, videos: 0, reels: 3 },
        { vanity: 'patchy.profile', uploads: 12, videos: 0, reels: 0, notReturned: 2 },
      ],
    });
  });

  afterAll(async () => {
    await fake?.close();
  });

  const context = () => new NodePlatformContext(fake.port, fake.facebookCookies());

  async function exportAll(ctx: NodePlatformContext, account?: string): Promise<{ account: AccountInfo; posts: Post[] }> {
    const info = await facebookAdapter.resolveAccount(ctx, account);
    const { posts } = await walkSections(facebookAdapter.sections(info), ctx, info);
    return { account: info, posts };
  }

  async function graphql(form: Record<string, string>, cookies = fake.facebookCookies()) {
    return fakeFetch(fake.port, 'https://www.facebook.com/api/graphql/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(cookies) },
      body: new URLSearchParams(form).toString(),
    });
  }

  async function failure(promise: Promise<unknown>): Promise<ExportError> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ExportError);
    return error as ExportError;
  }

  it('serves the demo profile to the adapter: every item, its best file, dated and captioned', async () => {
    const { account, posts } = await exportAll(context());
    expect(account).toMatchObject({ id: fake.facebookUserId(), displayName: 'Star Demo ✨' });
    expect(posts.map((p) => p.id)).toEqual(fake.facebookItemIds());
    const served = new Map(fake.facebookMedia().map((m) => [m.mediaId, m]));
    expect(served.size).toBeGreaterThanOrEqual(36);
    expect(new Set([...served.values()].map((m) => m.format))).toEqual(new Set(['jpg', 'png', 'gif', 'mp4']));
    for (const post of posts) {
      const [item] = post.media;
      expect(fake.resolveMediaUrl(item!.url), `${post.id} is the best copy`).toEqual({ mediaId: post.id, best: true });
      expect(Date.parse(item!.publishedAt) / 1000).toBe(served.get(post.id)!.takenAt);
    }
    expect(posts.some((p) => p.caption === null)).toBe(true);
    expect(posts.some((p) => p.caption && /[\u0590-\u05ff\u0600-\u06ff]/.test(p.caption))).toBe(true);
    expect(posts.filter((p) => p.kind === 'reel').length).toBe(6);
    expect(posts.some((p) => p.metadata.video_quality === 'SD')).toBe(true);
  });

  it('exports another profile by its vanity name, of any size', async () => {
    const { account, posts } = await exportAll(context(), 'https://www.facebook.com/big.creator');
    expect(account).toMatchObject({ id: fake.facebookUserId('big.creator'), handle: 'big.creator', displayName: 'Big Creator' });
    expect(posts.map((p) => p.id)).toEqual(fake.facebookItemIds('big.creator'));
    expect(posts).toHaveLength(33);
    expect((await failure(facebookAdapter.resolveAccount(context(), 'no.such.profile'))).kind).toBe('account_not_found');
  });

  it('lists tagged photos of others when asked, as the fake says', async () => {
    expect(fake.facebookMedia(undefined, { tagged: true }).length).toBe(fake.facebookMedia().length + 2);
  });

  it('shows the login page or redirects to it without a session', async () => {
    const home = await fakeFetch(fake.port, 'https://www.facebook.com/');
    expect(home.status).toBe(200);
    expect(home.text()).toContain('id="login_form"');
    const stale = await fakeFetch(fake.port, 'https://www.facebook.com/', { headers: { cookie: 'c_user=100089654321987; xs=expired' } });
    expect(stale.status).toBe(302);
    expect(stale.headers.location).toMatch(/^https:\/\/www\.facebook\.com\/login\/\?next=/);
    expect((await failure(facebookAdapter.resolveAccount(new NodePlatformContext(fake.port, fake.facebookCookies().filter((c) => c.name !== 'xs'))))).kind).toBe(
      'login_required',
    );
    const forged = fake.facebookCookies().map((c) => (c.name === 'xs' ? { ...c, value: 'forged' } : c));
    expect((await failure(facebookAdapter.resolveAccount(new NodePlatformContext(fake.port, forged)))).message).toBe('Log in to Facebook in this browser, then try again.');
  });

  it('answers GraphQL only for the session, with its fb_dtsg and a known doc_id', async () => {
    const noSession = await graphql({ doc_id: '27028962643386672', variables: '{}' }, []);
    expect(noSession.text()).toMatch(/^for \(;;\);\{"__ar":1,"error":1357001,/);
    const badToken = await graphql({ fb_dtsg: 'NAcWrong:17:1', doc_id: '27028962643386672', variables: '{}' });
    expect(badToken.text()).toMatch(/"error":1357004/);

    const homeText = (await fakeFetch(fake.port, 'https://www.facebook.com/', { headers: { cookie: cookieHeader(fake.facebookCookies()) } })).text();
    const fbDtsg = /"DTSGInitialData",\[\],\{"token":"([^"]+)"/.exec(homeText)![1]!;
    const unknownDoc = await graphql({ fb_dtsg: fbDtsg, doc_id: '123', variables: '{}' });
    expect(unknownDoc.json()).toEqual({ errors: [{ severity: 'CRITICAL', message: 'The GraphQL document with ID 123 was not found.' }], data: null });
    const badVariables = await graphql({ fb_dtsg: fbDtsg, doc_id: '27028962643386672', variables: '{"count":8}' });
    expect(badVariables.json<{ errors: unknown[] }>().errors).toHaveLength(1);
  });

  it('rotated tokens are read again by the adapter (stale-token error 1357004)', async () => {
    const ctx = context();
    const account = await facebookAdapter.resolveAccount(ctx);
    fake.rotateFacebookTokens();
    const page = await UPLOADS.fetchPage(ctx, account, null, NONE_LISTED);
    expect(page.nextCursor).not.toBeNull();
    expect(ctx.requests.filter((r) => r.url === 'https://www.facebook.com/')).toHaveLength(2);
  });

  it.each([
    ['rate-limit', 'rate_limited', false],
    ['temporary-block', 'rate_limited', true],
    ['logged-out', 'login_required', false],
  ] as const)('trips %s on demand', async (kind, errorKind, temporaryBlock) => {
    const ctx = context();
    const account = await facebookAdapter.resolveAccount(ctx);
    fake.facebookFault(kind, { times: 1 });
    const error = await failure(UPLOADS.fetchPage(ctx, account, null, NONE_LISTED));
    expect(error.kind).toBe(errorKind);
    expect(Boolean(error.details.temporaryBlock)).toBe(temporaryBlock);
    await expect(UPLOADS.fetchPage(ctx, account, null, NONE_LISTED)).resolves.toBeDefined();
  });

  it('signs CDN URLs: served as listed, refused once edited, GIFs as image/gif', async () => {
    const ctx = context();
    const account = await facebookAdapter.resolveAccount(ctx);
    const { posts } = await walkSections(facebookAdapter.sections(account).slice(0, 1), ctx, account);
    const gif = posts.flatMap((p) => p.media).find((m) => m.formatHint === 'gif')?.url;
    if (!gif) throw new Error('no GIF among the uploads');
    const served = await fakeFetch(fake.port, gif);
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('image/gif');
    expect(served.body.subarray(0, 6).toString('latin1')).toBe('GIF89a');
    const edited = await fakeFetch(fake.port, gif.replace('_nc_zt=23', '_nc_zt=24'));
    expect(edited.status).toBe(403);
  });
  describe('2026 queries: relay flags, doc_ids in bundles, video sizes', () => {
    const flags = {
      __relay_internal__pv__GHLShouldChangeSponsoredDataFieldNamerelayprovider: true,
      __relay_internal__pv__TestPilotShouldIncludeDemoAdUseCaserelayprovider: false,
      __relay_internal__pv__CometUFIShareActionMigrationrelayprovider: true,
      __relay_internal__pv__CometUFICommentAvatarStickerAnimatedImagerelayprovider: false,
      __relay_internal__pv__IsWorkUserrelayprovider: false,
      __relay_internal__pv__CometUFIReactionsEnableShortNamerelayprovider: false,
      __relay_internal__pv__CometImmersivePhotoCanUserDisable3DMotionrelayprovider: false,
    };
    const reelFlags = {
      __relay_internal__pv__FBReels_deprecate_short_form_video_context_gkrelayprovider: true,
      __relay_internal__pv__FBReelsMediaFooter_comet_enable_reels_ads_gkrelayprovider: true,
    };

    async function homePage(): Promise<{ fbDtsg: string; bundles: string[] }> {
      const text = (await fakeFetch(fake.port, 'https://www.facebook.com/', { headers: { cookie: cookieHeader(fake.facebookCookies()) } })).text();
      const fbDtsg = /"DTSGInitialData",\[\],\{"token":"([^"]+)"/.exec(text)![1]!;
      return { fbDtsg, bundles: [...text.matchAll(/(?:href|src)="(https:\/\/static\.xx\.fbcdn\.net\/rsrc\.php\/[^"]+\.js[^"]*)"/g)].map((m) => m[1]!) };
    }

    async function publishedIds(bundles: string[]): Promise<Record<string, string>> {
      const ids: Record<string, string> = {};
      for (const url of bundles) {
        const response = await fakeFetch(fake.port, url);
        expect(response.status).toBe(200);
        for (const [, name, id] of response.text().matchAll(/__d\("(\w+)_facebookRelayOperation",\s*\[\],\s*\(function\s*\([a-z, ]*\)\s*\{\s*(?:"use strict";)?\s*e\.exports\s*=\s*"(\d+)"/g)) ids[name!] = id!;
      }
      return ids;
    }

    it('publishes every doc_id in the bundles the home page links, and rotates them', async () => {
      const before = await homePage();
      expect(before.bundles.length).toBeGreaterThanOrEqual(3);
      expect(await publishedIds(before.bundles)).toEqual(fake.facebookDocIds());
      const oldPhotos = fake.facebookDocIds().ProfileCometAppCollectionPhotosRendererPaginationQuery!;
      fake.rotateFacebookDocIds();
      const after = await homePage();
      expect(after.bundles).not.toEqual(before.bundles);
      const fresh = await publishedIds(after.bundles);
      expect(fresh).toEqual(fake.facebookDocIds());
      expect(fresh.ProfileCometAppCollectionPhotosRendererPaginationQuery).not.toBe(oldPhotos);
      const variables = JSON.stringify({ count: 8, cursor: null, scale: 1, id: btoa(`app_collection:${fake.facebookUserId()}:2305272732:5`) });
      const stale = await graphql({ fb_dtsg: after.fbDtsg, doc_id: oldPhotos, variables });
      expect(stale.json()).toEqual({ errors: [{ severity: 'CRITICAL', message: `The GraphQL document with ID ${oldPhotos} was not found.` }], data: null });
      const current = await graphql({ fb_dtsg: after.fbDtsg, doc_id: fresh.ProfileCometAppCollectionPhotosRendererPaginationQuery!, variables });
      expect(current.text()).toContain('"pageItems"');
    });

    it('the adapter exports through a doc_id rotation mid-job, re-reading the page’s bundles once', async () => {
      const ctx = context();
      const send = ctx.request.bind(ctx);
      let graphqlCalls = 0;
      // Facebook deploys right after the job's first GraphQL answer.
      ctx.request = async (req) => {
        const response = await send(req);
        if (req.method === 'POST' && ++graphqlCalls === 1) fake.rotateFacebookDocIds();
        return response;
      };
      const { posts } = await exportAll(ctx);
      expect(posts.map((p) => p.id)).toEqual(fake.facebookItemIds());
      expect(ctx.requests.filter((r) => r.url === 'https://www.facebook.com/')).toHaveLength(2);
      const sentIds = new Set(ctx.requests.filter((r) => r.method === 'POST').map((r) => new URLSearchParams(r.body).get('doc_id')));
      for (const id of Object.values(fake.facebookDocIds())) expect(sentIds).toContain(id);
      for (const post of posts.filter((p) => p.media[0]!.kind === 'video')) expect(post.media[0]).toMatchObject({ width: expect.any(Number) as unknown, height: expect.any(Number) as unknown });
    });

    it('answers the media viewer only with the relay flags, and gives a video its size', async () => {
      const { fbDtsg } = await homePage();
      const ids = fake.facebookDocIds();
      const video = fake.facebookMedia().find((m) => m.kind === 'video')!;
      const ask = (extra: object) => graphql({ fb_dtsg: fbDtsg, doc_id: ids.CometVideoRootMediaViewerQuery!, variables: JSON.stringify({ nodeID: video.mediaId, ...extra }) });
      expect((await ask({})).text().split('\n')[0]).toContain('"currMedia":null');
      const media = JSON.parse((await ask(flags)).text().split('\n')[0]!).data.currMedia;
      expect(media).toMatchObject({ __typename: 'Video', id: video.mediaId });
      for (const key of ['width', 'height', 'original_width', 'original_height', 'length_in_second']) expect(typeof media[key]).toBe('number');
    });

    it('leaves items out of the media viewer when told to (currMedia: null), their files withheld', async () => {
      const { fbDtsg } = await homePage();
      const withheld = fake.facebookMedia('patchy.profile').filter((m) => m.withheld);
      expect(withheld.map((m) => fake.facebookItemIds('patchy.profile').indexOf(m.mediaId))).toEqual([2, 7]);
      for (const item of fake.facebookMedia('patchy.profile').slice(0, 3)) {
        const answer = await graphql({ fb_dtsg: fbDtsg, doc_id: fake.facebookDocIds().CometPhotoRootContentQuery!, variables: JSON.stringify({ nodeID: item.mediaId, ...flags }) });
        const media = JSON.parse(answer.text().split('\n')[0]!).data.currMedia;
        expect(media === null, item.mediaId).toBe(Boolean(item.withheld));
      }
    });

    it('lists reels as attachments with the reels flags, as short_form_video_context without', async () => {
      const { fbDtsg } = await homePage();
      const variables = { count: 10, cursor: null, scale: 1, id: btoa(`app_collection:${fake.facebookUserId()}:168684841768375:260`) };
      const ask = (extra: object) => graphql({ fb_dtsg: fbDtsg, doc_id: fake.facebookDocIds().ProfileCometAppCollectionReelsRendererPaginationQuery!, variables: JSON.stringify({ ...variables, ...extra }) });
      const firstNode = async (extra: object) => JSON.parse((await ask(extra)).text().split('\n')[0]!).data.node.aggregated_fb_shorts.edges[0].profile_reel_node.node;
      const modern = await firstNode(reelFlags);
      expect(modern.attachments[0].media).toMatchObject({ __typename: 'Video', width: 1080, height: 1920 });
      const older = await firstNode({});
      expect(older.attachments).toBeUndefined();
      expect(older.short_form_video_context.playback_video).toMatchObject({ __typename: 'Video', id: modern.attachments[0].media.id });
    });
  });
});
