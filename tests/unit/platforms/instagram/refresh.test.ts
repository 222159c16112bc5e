import { describe, expect, it } from 'vitest';
import { asMediaPk } from '../../../../lib/platforms/instagram/json';
import { rememberReel } from '../../../../lib/platforms/instagram/reelIndex';
import { refreshMediaUrl } from '../../../../lib/platforms/instagram/refresh';
import { shortcodeOf } from '../../../../lib/platforms/instagram/shortcode';
import { storiesRest } from '../../../../lib/platforms/instagram/strategies/storiesRest';
import type { AccountInfo, MediaItem } from '../../../../lib/platforms/types';
import { redirect, respond } from '../fakeResponses';
import { rejection } from '../rejections';
import { FakeInstagram, NONE_LISTED, VIEWER_ID, fixtureJson, respondFixture } from './fakeInstagram';

const ACCOUNT: AccountInfo = { id: VIEWER_ID, handle: 'star.demo' };

function item(id: string, postId: string, kind: MediaItem['kind']): MediaItem {
  return { id, postId, kind, url: 'https://scontent.cdninstagram.com/expired.jpg?oe=00000000', publishedAt: '2026-06-07T10:13:20.000Z', caption: null };
}

describe('refreshMediaUrl', () => {
  it.each([
    ['first image', '3417999999999999001', 'image', /493000001_1000000000000001_6000000000000000001_n\.jpg.*oe=694F0000/],
    ['video', '3417999999999999002', 'video', /AQOcarouselV2-103\.mp4.*oe=694F0000/],
    ['last image', '3417999999999999003', 'image', /493000003_1000000000000003_6000000000000000003_n\.jpg.*oe=694F0000/],
  ] as const)('finds the carousel’s %s again in media info', async (_name, id, kind, expected) => {
    const ig = new FakeInstagram().on('GET', '/api/v1/media/3418000000000000000/info/', respondFixture('media-info-carousel.json'));
    expect(await refreshMediaUrl(ig, item(id, '3418000000000000000', kind))).toMatch(expected);
  });

  it.each([
    ['404', respond(404, '{"message":"Media not found or unavailable","status":"fail"}')],
    ['400 media not found', respond(400, '{"message":"Media not found or unavailable","status":"fail"}')],
    ['an answer without the item', respond(200, '{"items":[],"num_results":0,"status":"ok"}')],
  ])('gives null when the post is gone (%s)', async (_name, response) => {
    const ig = new FakeInstagram().on('GET', '/api/v1/media/3418000000000000000/info/', response);
    expect(await refreshMediaUrl(ig, item('3417999999999999001', '3418000000000000000', 'image'))).toBeNull();
  });

  it('gives null when media info now lists the file without any URL', async () => {
    const info = fixtureJson('media-info-carousel.json') as { items: { carousel_media: Record<string, unknown>[] }[] };
    delete info.items[0]!.carousel_media[1]!.video_versions;
    const ig = new FakeInstagram().on('GET', '/api/v1/media/3418000000000000000/info/', respond(200, JSON.stringify(info)));
    expect(await refreshMediaUrl(ig, item('3417999999999999002', '3418000000000000000', 'video'))).toBeNull();
  });

  it('passes a rate limit on to the caller', async () => {
    const ig = new FakeInstagram().on('GET', '/api/v1/media/3418000000000000000/info/', respond(429, ''));
    await expect(refreshMediaUrl(ig, item('3417999999999999001', '3418000000000000000', 'image'))).rejects.toMatchObject({ kind: 'rate_limited' });
  });

  it('reads the post from PolarisPostRootQuery when media info is retired, and does not ask media info again', async () => {
    const ig = new FakeInstagram()
      .on('GET', '/api/v1/media/3418000000000000000/info/', redirect(undefined))
      .withWebApp()
      .on('POST', '/graphql/query', respondFixture('graphql-post-root.json'));
    const first = await refreshMediaUrl(ig, item('3417999999999999001', '3418000000000000000', 'image'));
    const second = await refreshMediaUrl(ig, item('3417999999999999003', '3418000000000000000', 'image'));
    expect(first).toMatch(/493000001_1000000000000001_6000000000000000001_n\.jpg/);
    expect(second).toMatch(/493000003_1000000000000003_6000000000000000003_n\.jpg/);
    expect(ig.paths().filter((path) => path.startsWith('/api/v1/media/'))).toHaveLength(1);
    expect(JSON.parse(FakeInstagram.form(ig.requests.at(-1)!).get('variables')!)).toEqual({ shortcode: shortcodeOf(asMediaPk('3418000000000000000')!) });
    expect([...ig.notes.values.keys()]).toEqual(['instagram.retired.media_info']);
  });

  it('calls a redirect of media info a logout only when the session cookie is gone', async () => {
    const ig = new FakeInstagram().on('GET', '/api/v1/media/3418000000000000000/info/', redirect(undefined));
    delete ig.cookies.ds_user_id;
    expect((await rejection(refreshMediaUrl(ig, item('3417999999999999001', '3418000000000000000', 'image')))).kind).toBe('login_required');
  });

  it('re-reads a story item’s reel through GraphQL when reels_media answers 500', async () => {
    const ig = new FakeInstagram().on('GET', '/api/v1/feed/reels_media/', respondFixture('reels-media-stories.json'));
    const page = await storiesRest.fetchPage(ig, ACCOUNT, null, NONE_LISTED);
    const story = page.posts[1]!.media[0]!;
    const broken = new FakeInstagram()
      .on('GET', '/api/v1/feed/reels_media/', respond(500, '<html>Server error</html>'))
      .withWebApp()
      .on('POST', '/graphql/query', respondFixture('graphql-stories.json'));
    rememberReel(broken, story.id, VIEWER_ID);
    expect(await refreshMediaUrl(broken, { ...story, url: 'https://expired.example/x.mp4' })).toBe(story.url);
  });

  it('does not ask reels_media again for the next story item once it answered 500 (retired for the session, gallery-dl #9765)', async () => {
    const ig = new FakeInstagram().on('GET', '/api/v1/feed/reels_media/', respondFixture('reels-media-stories.json'));
    const stories = (await storiesRest.fetchPage(ig, ACCOUNT, null, NONE_LISTED)).posts.flatMap((post) => post.media).slice(0, 2);
    const broken = new FakeInstagram()
      .on('GET', '/api/v1/feed/reels_media/', respond(500, '{"message":"","status":"fail"}'))
      .withWebApp()
      .on('POST', '/graphql/query', respondFixture('graphql-stories.json'));
    for (const story of stories) rememberReel(broken, story.id, VIEWER_ID);
    for (const story of stories) expect(await refreshMediaUrl(broken, { ...story, url: 'https://expired.example/x' })).toBe(story.url);
    expect(broken.paths().filter((path) => path === '/api/v1/feed/reels_media/')).toHaveLength(1);
    expect(broken.notes.get('instagram.retired.reels_media')).toBeDefined();
  });

  it('re-reads the reel a story item came from', async () => {
    const ig = new FakeInstagram().on('GET', '/api/v1/feed/reels_media/', respondFixture('reels-media-stories.json'), (url) =>
      url.searchParams.getAll('reel_ids').join() === VIEWER_ID,
    );
    const page = await storiesRest.fetchPage(ig, ACCOUNT, null, NONE_LISTED);
    const story = page.posts[1]!.media[0]!;
    const fresh = await refreshMediaUrl(ig, { ...story, url: 'https://expired.example/x.mp4' });
    expect(fresh).toBe(story.url);
    expect(ig.requests.map((r) => new URL(r.url).pathname)).toEqual(['/api/v1/feed/reels_media/', '/api/v1/feed/reels_media/']);
  });

  it.each(['../../../../etc/passwd', '1/../../../accounts/edit', '..', 'CON', '12a', 'no-id', ''])(
    'never puts the post id %j, which is no pk, into a request, and says why the link cannot be renewed',
    async (postId) => {
      const ig = new FakeInstagram();
      const error = await rejection(refreshMediaUrl(ig, item(postId, postId, 'image')));
      expect(error.kind).toBe('expired_url');
      expect(error.message).toMatch(/expired.*numeric media id/);
      expect(ig.requests).toEqual([]);
    },
  );

  it('does not re-read the reel of a story kept under an id that is no pk', async () => {
    const stories = fixtureJson('reels-media-stories.json') as { reels_media: { items: Record<string, unknown>[] }[] };
    Object.assign(stories.reels_media[0]!.items[0]!, { pk: '../../evil', id: '../../evil_51234567890' });
    const ig = new FakeInstagram().on('GET', '/api/v1/feed/reels_media/', respond(200, JSON.stringify(stories)));
    const page = await storiesRest.fetchPage(ig, ACCOUNT, null, NONE_LISTED);
    const story = page.posts[0]!.media[0]!;
    expect(story.postId).toBe('../../evil');
    expect((await rejection(refreshMediaUrl(ig, story))).kind).toBe('expired_url');
    expect(ig.requests).toHaveLength(1);
  });

  it('falls back to media info for a story after the worker restarted', async () => {
    const ig = new FakeInstagram().on('GET', '/api/v1/media/3425000000000000011/info/', respond(404, '{"message":"Media not found or unavailable","status":"fail"}'));
    expect(await refreshMediaUrl(ig, item('3425000000000000011', '3425000000000000011', 'image'))).toBeNull();
  });
});
