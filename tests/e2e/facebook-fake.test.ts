import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportError } from '../../lib/errors';
import { facebookAdapter } from '../../lib/platforms/facebook';
import type { AccountInfo, ListedPosts, Post } from '../../lib/platforms/types';
import { collectionStrategy } from '../../lib/platforms/facebook/pages';
import { DEFAULT_LISTING_OPTIONS } from '../../lib/platforms/facebook/constants';
import { startFakePlatforms } from '../fake-platforms/index';
import { cookieHeader, fakeFetch } from '../fake-platforms/test-client';
import type { FakePlatforms } from '../fake-platforms/types';
import { walkSections } from '../unit/platform-fakes/pageWalk';
import { NodePlatformContext } from './facebook/nodeContext';

const NONE_LISTED: ListedPosts = { has: async () => false };
const UPLOADS = collectionStrategy('uploads', DEFAULT_LISTING_OPTIONS);

/** The fake Facebook from Node: what it enforces, and the real adapter walking it without a browser. */
describe('fake Facebook', () => {
  let fake: FakePlatforms;

  beforeAll(async () => {
    fake = await startFakePlatforms({ port: 0, facebookProfiles: [{ vanity: 'big.creator', uploads: 30, videos: 0, reels: 3 }] });
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
});
