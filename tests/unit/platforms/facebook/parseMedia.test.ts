import { describe, expect, it } from 'vitest';
import { mergeParts, splitParts } from '../../../../lib/platforms/facebook/framing';
import { notReturnedPost, toPost } from '../../../../lib/platforms/facebook/parseMedia';
import type { CollectionName } from '../../../../lib/platforms/facebook/queries';
import { fixtureText } from './fakeFacebook';
import { atQuality } from '../../../../lib/export/options/mediaQuality';

function currMedia(name: string): Record<string, unknown> {
  return (mergeParts(splitParts(fixtureText(name))!).data as { currMedia: Record<string, unknown> }).currMedia;
}

interface Row {
  fixture: string;
  collection: CollectionName;
  kind: string;
  urlPart: string | null;
  quality?: string;
  caption: string | null;
  publishedAt: string;
  format?: string;
  size?: [number, number];
}

const rows: Row[] = [
  { fixture: 'photo-detail.ndjson', collection: 'uploads', kind: 'image', urlPart: '471234567_10160123456789012_1234567890123456789_n.jpg', caption: 'Sunset in Porto 🌅\nمرحبا — “quoted” <b>not html</b>', publishedAt: '2025-12-16T00:00:00.000Z', format: 'jpg', size: [2048, 1536] },
  { fixture: 'photo-detail-no-caption.ndjson', collection: 'uploads', kind: 'image', urlPart: '_n.png', caption: null, publishedAt: '2025-12-15T00:00:00.000Z', format: 'png', size: [1284, 932] },
  { fixture: 'video-detail-hd-sd.ndjson', collection: 'videos', kind: 'video', urlPart: 'AQHdStudioTour', quality: 'HD', caption: 'Studio tour 🎙️', publishedAt: '2025-12-12T00:40:00.000Z', format: 'mp4', size: [1280, 720] },
  { fixture: 'video-detail-hd-failed.ndjson', collection: 'videos', kind: 'video', urlPart: 'AQSdFallback', quality: 'SD', caption: null, publishedAt: '2025-12-10T20:53:20.000Z', format: 'mp4', size: [1280, 720] },
  { fixture: 'video-detail-reel.ndjson', collection: 'videos', kind: 'reel', urlPart: 'AQReelHd457', quality: 'HD', caption: 'Reel time 🎬', publishedAt: '2025-12-14T08:13:20.000Z', format: 'mp4', size: [1280, 720] },
  { fixture: 'video-detail-legacy.json', collection: 'videos', kind: 'video', urlPart: 'AQLegacyHd', quality: 'playable_url_quality_hd', caption: null, publishedAt: '2020-09-13T12:26:40.000Z', format: 'mp4' },
  { fixture: 'video-detail-legacy-fields.json', collection: 'reels', kind: 'reel', urlPart: 'AQLegacyFieldsSd', quality: 'browser_native_sd_url', caption: null, publishedAt: '2020-09-13T12:28:20.000Z', format: 'mp4' },
  { fixture: 'video-detail-no-file.json', collection: 'videos', kind: 'video', urlPart: null, caption: null, publishedAt: '2020-09-13T12:30:00.000Z' },
];

describe('toPost over media viewer answers', () => {
  it.each(rows.map((row) => [row.fixture, row] as const))('%s', (_name, row) => {
    const post = toPost(currMedia(row.fixture), row.collection)!;
    expect(post).toMatchObject({ platform: 'facebook', kind: row.kind, caption: row.caption, publishedAt: row.publishedAt });
    expect(post.id).toMatch(/^\d{16,17}$/);
    if (row.urlPart === null) {
      expect(post.media).toEqual([
        { id: post.id, postId: post.id, kind: 'video', url: '', publishedAt: row.publishedAt, caption: null, unavailable: { message: expect.stringMatching(/^Facebook listed this video but gave no address/) as unknown } },
      ]);
      expect(post.metadata.missing_media).toEqual([post.id]);
      return;
    }
    const [item] = post.media;
    expect(item).toMatchObject({ id: post.id, postId: post.id, kind: row.kind === 'image' ? 'image' : 'video', publishedAt: row.publishedAt, caption: row.caption, formatHint: row.format });
    expect(item!.url).toContain(row.urlPart);
    // The URL is kept exactly as served: its signature covers every parameter.
    expect(item!.url).toMatch(/&oh=00_[^&]+&oe=[0-9A-F]{8}/);
    if (row.size) expect([item!.width, item!.height]).toEqual(row.size);
    if (row.quality) expect(post.metadata.video_quality).toBe(row.quality);
  });

  it('keeps the owner, alt text, dimensions and permalink; a video its size from the node', () => {
    const photo = toPost(currMedia('photo-detail.ndjson'), 'uploads')!;
    expect(photo.permalink).toBe('https://www.facebook.com/photo/?fbid=10160123456789012&set=pb.100012345678901.-2207520000');
    expect(photo.metadata).toEqual({ collection: 'uploads', owner_id: '100012345678901', owner_name: 'Maria Test', accessibility_caption: 'May be an image of 2 people and beach', width: 2048, height: 1536 });
    const video = toPost(currMedia('video-detail-hd-sd.ndjson'), 'videos')!;
    expect(video.metadata).toMatchObject({ duration_seconds: 51.071, original_width: 1920, original_height: 1080, width: 1280, height: 720, video_quality: 'HD' });
    // The Video node's own size (what sidecars show); the upload's stays in the metadata.
    expect(video.media[0]).toMatchObject({ width: 1280, height: 720, durationSeconds: 51.071 });
  });

  it('offers a video’s SD file as a variant sized by the rendition its URL names, so Small picks it', () => {
    const [hd] = toPost(currMedia('video-detail-renditions.ndjson'), 'videos')!.media;
    // A portrait video: HD is the node's 720×1280, SD's URL names 360p, so 360×640 of the same shape.
    expect(hd).toMatchObject({ width: 720, height: 1280 });
    expect(hd!.url).toContain('AQHdPortraitTour');
    expect(hd!.variants).toEqual([{ url: expect.stringContaining('AQSdPortraitTour') as unknown, width: 360, height: 640 }]);
    expect(atQuality(hd!, 'original').url).toBe(hd!.url);
    expect(atQuality(hd!, 'high').url).toBe(hd!.url);
    expect(atQuality(hd!, 'small')).toMatchObject({ url: hd!.variants![0]!.url, width: 360, height: 640 });
  });

  it('offers no video variant whose size is not named (no guessing), and none for a video with only one file', () => {
    const media = currMedia('video-detail-renditions.ndjson');
    const result = media.videoDeliveryResponseFragment as { videoDeliveryResponseResult: { progressive_urls: { progressive_url: string }[] } };
    const [sd] = result.videoDeliveryResponseResult.progressive_urls;
    sd!.progressive_url = sd!.progressive_url.replace(/&efg=[^&]+/, '');
    expect(toPost(media, 'videos')!.media[0]!.variants).toBeUndefined();
    expect(toPost(currMedia('video-detail-legacy.json'), 'videos')!.media[0]!.variants).toBeUndefined();
  });

  it('builds a fast-mode photo from a collection node, marking its date unknown', () => {
    const listing = JSON.parse(fixtureText('uploads-page-1.json')) as { data: { node: { pageItems: { edges: { node: { node: Record<string, unknown> } }[] } } } };
    const post = toPost(listing.data.node.pageItems.edges[0]!.node.node, 'uploads')!;
    expect(post).toMatchObject({ id: '10160123456789012', caption: null, publishedAt: '1970-01-01T00:00:00.000Z', metadata: { date_unknown: true } });
    expect(post.media[0]).toMatchObject({ width: 2048, height: 1536, formatHint: 'jpg' });
    expect(post.media[0]!.url).not.toContain('stp=');
  });

  it('lists a video whose every progressive file carries a failure reason, and no legacy URL, as unavailable', () => {
    const media = currMedia('video-detail-hd-failed.ndjson');
    const result = media.videoDeliveryResponseFragment as { videoDeliveryResponseResult: { progressive_urls: { failure_reason: unknown }[] } };
    for (const entry of result.videoDeliveryResponseResult.progressive_urls) entry.failure_reason = { __typename: 'XFBVideoDeliveryFailureReason', code: 'ENCODING_NOT_READY' };
    const post = toPost(media, 'videos')!;
    expect(post.media).toHaveLength(1);
    expect(post.media[0]).toMatchObject({ id: post.id, kind: 'video', url: '' });
    expect(post.media[0]!.unavailable?.message).toBe('Facebook listed this video but gave no address to download it from: it offered no file that plays.');
    expect(post.metadata).toMatchObject({ missing_media: [post.id] });
    expect(post.metadata).not.toHaveProperty('video_quality');
  });

  it('lists a photo without its image as unavailable', () => {
    const { image: _image, ...media } = currMedia('photo-detail.ndjson');
    const post = toPost(media, 'uploads')!;
    expect(post.media).toMatchObject([{ id: post.id, kind: 'image', url: '', unavailable: { message: 'Facebook listed this photo but gave no address to download it from.' } }]);
  });

  it('gives nothing for a node without an id', () => {
    expect(toPost({ __typename: 'Photo', image: { uri: 'https://scontent.x.fna.fbcdn.net/a.jpg' } }, 'uploads')).toBeUndefined();
  });
});

describe('notReturnedPost', () => {
  it('keeps an item the media viewer did not return, its file listed as unavailable', () => {
    const post = notReturnedPost('10160123456789014', 'uploads');
    expect(post).toMatchObject({ id: '10160123456789014', platform: 'facebook', kind: 'image', caption: null, metadata: { collection: 'uploads', date_unknown: true, missing_media: ['10160123456789014'] } });
    expect(post.media).toEqual([
      { id: post.id, postId: post.id, kind: 'image', url: '', publishedAt: '1970-01-01T00:00:00.000Z', caption: null, unavailable: { reason: 'not_returned', message: expect.stringMatching(/^Facebook listed this photo but did not return it/) as unknown } },
    ]);
    expect(notReturnedPost('1234567890123458', 'reels')).toMatchObject({ kind: 'reel', permalink: 'https://www.facebook.com/reel/1234567890123458', media: [{ kind: 'video' }] });
  });
});
