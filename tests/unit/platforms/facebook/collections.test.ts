import { describe, expect, it } from 'vitest';
import { readCollection } from '../../../../lib/platforms/facebook/collections';
import { rejection } from '../rejections';
import { FakeFacebook, respond, respondFixture, VIEWER_ID } from './fakeFacebook';

const REELS = 'ProfileCometAppCollectionReelsRendererPaginationQuery';
const PHOTOS = 'ProfileCometAppCollectionPhotosRendererPaginationQuery';

describe('collection pages', () => {
  it.each(['reels-page.ndjson', 'reels-page-short-form-context.ndjson'])('reads reels as attachments[0].media or short_form_video_context.playback_video (%s)', async (fixture) => {
    const fb = new FakeFacebook().onQuery(REELS, respondFixture(fixture));
    const page = await readCollection(fb, VIEWER_ID, 'reels', undefined);
    expect(page.media.map((media) => [media.__typename, media.id])).toEqual([
      ['Video', '1234567890123457'],
      ['Video', '1234567890123458'],
    ]);
  });

  it('fails on a reel whose video is in neither place, rather than dropping it', async () => {
    const text = respondFixture('reels-page.ndjson').text.replace('"attachments": [{"media"', '"attachments": [{"target"');
    const fb = new FakeFacebook().onQuery(REELS, respond(200, text));
    expect((await rejection(readCollection(fb, VIEWER_ID, 'reels', undefined))).kind).toBe('platform_changed');
  });

  it('fails on errors[] beside a page of data, never taking it for a short page', async () => {
    const page = JSON.parse(respondFixture('uploads-page-1.json').text) as Record<string, unknown>;
    const fb = new FakeFacebook().onQuery(PHOTOS, respond(200, JSON.stringify({ ...page, errors: [{ message: 'A server error field_exception occured.', severity: 'ERROR' }] })));
    const error = await rejection(readCollection(fb, VIEWER_ID, 'uploads', undefined));
    expect(error.kind).toBe('platform_changed');
    expect(error.message).toMatch(/^Facebook changed \(query ProfileCometAppCollectionPhotosRendererPaginationQuery\)/);
  });
});
