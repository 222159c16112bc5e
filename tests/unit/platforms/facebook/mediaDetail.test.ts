import { describe, expect, it } from 'vitest';
import { fetchMediaDetail, NOT_RETURNED_LIMIT, readMediaDetail } from '../../../../lib/platforms/facebook/mediaDetail';
import type { Mediaset } from '../../../../lib/platforms/facebook/queries';
import { rejection } from '../rejections';
import { FakeFacebook, respond, respondFixture, VIEWER_ID } from './fakeFacebook';

const PHOTO = 'CometPhotoRootContentQuery';
const VIDEO = 'CometVideoRootMediaViewerQuery';
const GONE = respondFixture('detail-gone.json');
const UPLOADS: Mediaset = { of: 'uploads', uid: VIEWER_ID };

describe('media viewer answers', () => {
  it('gives null for `currMedia: null`, the media otherwise', async () => {
    const fb = new FakeFacebook().onQuery(PHOTO, GONE).onQuery(PHOTO, respondFixture('photo-detail.ndjson'));
    expect(await readMediaDetail(fb, 'uploads', '1', UPLOADS)).toBeNull();
    expect(await readMediaDetail(fb, 'uploads', '10160123456789012', UPLOADS)).toMatchObject({ id: '10160123456789012' });
  });

  it(`stops with “Facebook changed” at ${NOT_RETURNED_LIMIT} items in a row not returned; one returned starts the count again`, async () => {
    const fb = new FakeFacebook().onQuery(PHOTO, GONE, (call) => call.variables.nodeID !== 'ok', true).onQuery(PHOTO, respondFixture('photo-detail.ndjson'), (call) => call.variables.nodeID === 'ok', true);
    for (let i = 1; i < NOT_RETURNED_LIMIT; i++) expect(await readMediaDetail(fb, 'uploads', `gone${i}`, UPLOADS)).toBeNull();
    await readMediaDetail(fb, 'uploads', 'ok', UPLOADS);
    for (let i = 1; i < NOT_RETURNED_LIMIT; i++) expect(await readMediaDetail(fb, 'uploads', `gone${i}`, UPLOADS)).toBeNull();
    const error = await rejection(readMediaDetail(fb, 'uploads', 'last', UPLOADS));
    expect(error.kind).toBe('platform_changed');
    expect(error.message).toMatch(/^Facebook changed \(query CometPhotoRootContentQuery\): please update Star Export\. It returned none of the last 5 items/);
  });

  it('counts each section on its own: reels start afresh after the videos stopped', async () => {
    const fb = new FakeFacebook().onQuery(VIDEO, GONE, undefined, true);
    for (let i = 1; i < NOT_RETURNED_LIMIT; i++) await readMediaDetail(fb, 'videos', `v${i}`, null);
    expect((await rejection(readMediaDetail(fb, 'videos', 'v5', null))).kind).toBe('platform_changed');
    expect(await readMediaDetail(fb, 'reels', 'r1', null)).toBeNull();
  });

  it('fails on errors[] beside the data, even when the media came', async () => {
    const withError = respond(200, '{"data":{"currMedia":{"__typename":"Photo","id":"7"}},"errors":[{"message":"A server error field_exception occured.","severity":"ERROR"}]}');
    const fb = new FakeFacebook().onQuery(PHOTO, withError);
    const error = await rejection(fetchMediaDetail(fb, 'photo', '7', null));
    expect(error.kind).toBe('platform_changed');
    expect(error.message).toContain('field_exception');
  });

  it('asks for a photo within the set it was listed in', async () => {
    const fb = new FakeFacebook().onQuery(PHOTO, GONE, undefined, true);
    await readMediaDetail(fb, 'uploads', '1', UPLOADS);
    await readMediaDetail(fb, 'tagged', '2', { of: 'tagged', uid: VIEWER_ID });
    await readMediaDetail(fb, 'uploads', '3', { of: 'post', postId: '987654321' });
    expect(fb.graphqlCalls.map((call) => call.variables.mediasetToken)).toEqual([`pb.${VIEWER_ID}.-2207520000`, `t.${VIEWER_ID}`, 'pcb.987654321']);
  });
});
