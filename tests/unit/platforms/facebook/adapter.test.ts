import { describe, expect, it } from 'vitest';
import { facebookAdapter } from '../../../../lib/platforms/facebook';
import type { MediaItem } from '../../../../lib/platforms/types';
import { FakeFacebook, respondFixture } from './fakeFacebook';

describe('facebookAdapter', () => {
  it('declares Facebook’s site and media rules', () => {
    expect(facebookAdapter).toMatchObject({
      id: 'facebook',
      label: 'Facebook',
      site: { origin: 'https://www.facebook.com', hosts: ['www.facebook.com', 'facebook.com', 'web.facebook.com', 'm.facebook.com'] },
      mediaRules: { maxBytes: 1024 * 1024 * 1024 },
    });
    expect([...facebookAdapter.mediaRules.formats].sort()).toEqual(['gif', 'jpg', 'mov', 'mp4', 'png']);
  });
});

describe('refreshMediaUrl', () => {
  const photo: MediaItem = { id: '10160123456789012', postId: '10160123456789012', kind: 'image', url: 'https://scontent.x.fna.fbcdn.net/old.jpg?oe=00000000', publishedAt: '', caption: null };
  const video: MediaItem = { ...photo, id: '1234567890123456', postId: '1234567890123456', kind: 'video' };

  it('reads the item’s detail again for a freshly signed URL', async () => {
    const fb = new FakeFacebook()
      .onQuery('CometPhotoRootContentQuery', respondFixture('photo-detail.ndjson'))
      .onQuery('CometVideoRootMediaViewerQuery', respondFixture('video-detail-hd-sd.ndjson'));
    expect(await facebookAdapter.refreshMediaUrl(fb, photo)).toContain('471234567_10160123456789012_1234567890123456789_n.jpg?');
    expect(await facebookAdapter.refreshMediaUrl(fb, video)).toContain('AQHdStudioTour');
    expect(fb.graphqlCalls.map((c) => c.variables.nodeID)).toEqual([photo.id, video.id]);
  });

  it('gives null when the detail now lists the video without any file', async () => {
    const fb = new FakeFacebook().onQuery('CometVideoRootMediaViewerQuery', respondFixture('video-detail-no-file.json'));
    expect(await facebookAdapter.refreshMediaUrl(fb, { ...video, id: '1234567890123462', postId: '1234567890123462' })).toBeNull();
  });

  it('gives null for an item that is gone', async () => {
    const fb = new FakeFacebook().onQuery('CometPhotoRootContentQuery', respondFixture('detail-gone.json'));
    expect(await facebookAdapter.refreshMediaUrl(fb, photo)).toBeNull();
  });
});
