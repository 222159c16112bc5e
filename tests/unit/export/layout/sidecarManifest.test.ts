import { describe, expect, it } from 'vitest';
import { buildManifest } from '../../../../lib/export/layout/manifest';
import type { MediaOutcome } from '../../../../lib/export/layout/manifest';
import { buildSidecar } from '../../../../lib/export/layout/sidecar';
import { urlWithoutSignature } from '../../../../lib/platforms/shared/sourceUrl';
import type { FailedFile, MediaItem, Post } from '../../../../lib/platforms/types';

const SHA_A = 'a1'.repeat(32);
const SHA_B = 'b2'.repeat(32);

const caption = '  Sunset 🌅 at the lake\n#nofilter  <b>not html</b>\u202E ';

const item: MediaItem = {
  id: 'm1',
  postId: 'p1',
  kind: 'image',
  url: 'https://scontent.cdninstagram.com/v/t51/abc_n.jpg?stp=dst-jpg&_nc_ht=x&oh=SIGNATURE&oe=65F0#frag',
  width: 1080,
  height: 1350,
  publishedAt: '2024-05-01T10:00:00Z',
  caption,
};

describe('urlWithoutSignature', () => {
  it.each([
    [item.url, 'https://scontent.cdninstagram.com/v/t51/abc_n.jpg'],
    ['https://user:pass@i.ytimg.com/vi/x/hqdefault.jpg?sqp=1', 'https://i.ytimg.com/vi/x/hqdefault.jpg'],
    ['https://video.fbcdn.net:8443/a.mp4', 'https://video.fbcdn.net:8443/a.mp4'],
    ['not a url?sig=1', 'not a url'],
  ])('%s → %s', (url, expected) => {
    expect(urlWithoutSignature(url)).toBe(expected);
  });
});

describe('buildSidecar', () => {
  it('records the item as downloaded, with the caption untouched and no signature', () => {
    const sidecar = buildSidecar({ platform: 'instagram', item, format: 'jpg', byteSize: 12345, sha256: SHA_A, downloadedAt: new Date('2024-06-01T08:00:00Z') });
    expect(sidecar).toEqual({
      id: 'm1',
      postId: 'p1',
      platform: 'instagram',
      kind: 'image',
      format: 'jpg',
      downloadedAt: '2024-06-01T08:00:00.000Z',
      publishedAt: '2024-05-01T10:00:00Z',
      caption,
      width: 1080,
      height: 1350,
      sourceUrl: 'https://scontent.cdninstagram.com/v/t51/abc_n.jpg',
      byteSize: 12345,
      sha256: SHA_A,
    });
    expect(JSON.parse(JSON.stringify(sidecar))).toEqual(sidecar);
  });

  it('leaves out unknown dimensions, takes the kind from the bytes and the refreshed URL', () => {
    const { width: _w, height: _h, ...bare } = item;
    const sidecar = buildSidecar({
      platform: 'facebook', item: { ...bare, caption: null }, format: 'mov', byteSize: 1, sha256: SHA_B,
      downloadedAt: new Date(0), sourceUrl: 'https://video.fbcdn.net/new.mov?sig=2',
    });
    expect(sidecar).not.toHaveProperty('width');
    expect(sidecar).not.toHaveProperty('height');
    expect(sidecar).toMatchObject({ kind: 'video', caption: null, sourceUrl: 'https://video.fbcdn.net/new.mov' });
    expect(sidecar).not.toHaveProperty('durationSeconds');
  });

  it('gives a video its length when the platform said it', () => {
    const video = { ...item, kind: 'video' as const, durationSeconds: 51.071 };
    expect(buildSidecar({ platform: 'facebook', item: video, format: 'mp4', byteSize: 1, sha256: SHA_B, downloadedAt: new Date(0) })).toMatchObject({ width: 1080, height: 1350, durationSeconds: 51.071 });
  });
});

describe('buildManifest', () => {
  const video: MediaItem = { ...item, id: 'm2', kind: 'video', url: 'https://cdn.example/v.mp4?sig=1' };
  const gone: MediaItem = { ...item, id: 'm3', url: 'https://cdn.example/gone.jpg?sig=1' };
  const posts: Post[] = [
    { id: 'p1', platform: 'instagram', kind: 'carousel', publishedAt: item.publishedAt, caption, permalink: 'https://www.instagram.com/p/XYZ/', metadata: { likes: 3 }, media: [item, video, gone] },
    { id: 'p2', platform: 'instagram', kind: 'text', publishedAt: '2024-01-01T00:00:00Z', caption: null, metadata: {}, media: [] },
  ];
  const failed: FailedFile[] = [{ mediaId: 'm3', postId: 'p1', url: 'https://cdn.example/gone.jpg', reason: 'http_error', message: 'not found' }];
  const outcomes: Record<string, MediaOutcome> = {
    m1: { status: 'saved', path: 'media/images/instagram/2024-05-01_m1.jpg', format: 'jpg', byteSize: 100, sha256: SHA_A },
    m2: { status: 'saved', path: 'media/videos/instagram/2024-05-01_m2.mp4', format: 'mp4', byteSize: 2000, sha256: SHA_B },
    m3: { status: 'failed', reason: 'http_error', message: 'not found' },
  };
  const input = {
    jobId: '20240601-abcdef',
    exporterVersion: '0.1.0',
    platform: 'instagram' as const,
    account: { id: '42', handle: 'jane' },
    options: { platform: 'instagram' as const, format: 'json' as const, includeMedia: true },
    exportedAt: new Date('2024-06-01T09:00:00Z'),
    posts,
    outcomeOf: (media: MediaItem) => outcomes[media.id],
    failed,
    sections: [],
  };

  it('holds the header fields, counts and failures', () => {
    const manifest = buildManifest(input);
    expect(manifest).toMatchObject({
      schemaVersion: 2,
      exporter: { name: 'Star Export', version: '0.1.0' },
      jobId: '20240601-abcdef',
      platform: 'instagram',
      account: { id: '42', handle: 'jane' },
      options: { platform: 'instagram', format: 'json', includeMedia: true },
      exportedAt: '2024-06-01T09:00:00.000Z',
      counts: { posts: 2, media: 3, savedFiles: 2, failedFiles: 1, savedBytes: 2100 },
      failed,
    });
    expect(JSON.parse(JSON.stringify(manifest))).toEqual(manifest);
  });

  it('lists every post with its metadata and each media item with its path or its failure', () => {
    const [first, second] = buildManifest(input).posts;
    expect(first).toMatchObject({ id: 'p1', kind: 'carousel', caption, permalink: 'https://www.instagram.com/p/XYZ/', metadata: { likes: 3 } });
    expect(first?.media).toEqual([
      { id: 'm1', kind: 'image', width: 1080, height: 1350, sourceUrl: 'https://scontent.cdninstagram.com/v/t51/abc_n.jpg', path: 'media/images/instagram/2024-05-01_m1.jpg', format: 'jpg', byteSize: 100, sha256: SHA_A },
      { id: 'm2', kind: 'video', width: 1080, height: 1350, sourceUrl: 'https://cdn.example/v.mp4', path: 'media/videos/instagram/2024-05-01_m2.mp4', format: 'mp4', byteSize: 2000, sha256: SHA_B },
      { id: 'm3', kind: 'image', width: 1080, height: 1350, sourceUrl: 'https://cdn.example/gone.jpg', failure: { reason: 'http_error', message: 'not found' } },
    ]);
    expect(second).toEqual({ id: 'p2', kind: 'text', publishedAt: '2024-01-01T00:00:00Z', caption: null, metadata: {}, media: [] });
  });

  it('lists media without path or failure when media were not downloaded', () => {
    const manifest = buildManifest({ ...input, options: { ...input.options, includeMedia: false }, outcomeOf: () => undefined, failed: [] });
    expect(manifest.counts).toEqual({ posts: 2, media: 3, savedFiles: 0, failedFiles: 0, savedBytes: 0 });
    expect(manifest.posts[0]?.media[0]).not.toHaveProperty('path');
    expect(manifest.posts[0]?.media[0]).not.toHaveProperty('failure');
  });

  it('lists a file the platform gave no address for with an empty source URL, its failure, and in the failed list', () => {
    const message = 'Instagram listed this video but gave no address to download it from.';
    const { width: _w, height: _h, ...bare } = item;
    const unavailable: MediaItem = { ...bare, id: 'm4', kind: 'video', url: '', unavailable: { message } };
    const failure: FailedFile = { mediaId: 'm4', postId: 'p1', url: '', reason: 'unavailable', message };
    const manifest = buildManifest({
      ...input,
      posts: [{ ...posts[0]!, media: [item, unavailable] }],
      outcomeOf: (media: MediaItem) => (media === unavailable ? { status: 'failed', reason: 'unavailable', message } : outcomes[media.id]),
      failed: [failure],
    });
    expect(manifest.posts[0]?.media[1]).toEqual({ id: 'm4', kind: 'video', sourceUrl: '', failure: { reason: 'unavailable', message } });
    expect(manifest.failed).toEqual([failure]);
    expect(manifest.counts).toMatchObject({ media: 2, savedFiles: 1, failedFiles: 1 });
  });
});
