import { describe, expect, it } from 'vitest';
import { atQuality, chooseVariant } from '../../../../lib/export/options/mediaQuality';
import { toPost } from '../../../../lib/platforms/instagram/parseMedia';
import type { MediaItem } from '../../../../lib/platforms/types';

const original = { url: 'https://cdn.example/1440.jpg?oh=sig', width: 1440, height: 1800 };
const variants = [
  { url: 'https://cdn.example/1080.jpg?oh=sig', width: 1080, height: 1350 },
  { url: 'https://cdn.example/640.jpg?oh=sig', width: 640, height: 800 },
  { url: 'https://cdn.example/320.jpg?oh=sig', width: 320, height: 400 },
  // A larger square crop: never chosen, whatever the quality.
  { url: 'https://cdn.example/crop.jpg?oh=sig', width: 1080, height: 1080 },
];

describe('chooseVariant', () => {
  it('keeps the original for Original', () => {
    expect(chooseVariant(original, variants, 'original')).toBe(original);
  });

  it('picks the largest size whose shorter side is within the limit, of the original’s shape', () => {
    expect(chooseVariant(original, variants, 'high').url).toBe('https://cdn.example/1080.jpg?oh=sig');
    expect(chooseVariant(original, variants, 'small').url).toBe('https://cdn.example/640.jpg?oh=sig');
  });

  it('never upscales: an original within the limit stays', () => {
    const small = { url: 'https://cdn.example/600.jpg', width: 1000, height: 750 };
    expect(chooseVariant(small, [{ url: 'https://cdn.example/big.jpg', width: 2000, height: 1500 }], 'high')).toBe(small);
  });

  it('takes the smallest offered when none fits, and the original when no size is known', () => {
    const wide = { url: 'https://cdn.example/4k.jpg', width: 3840, height: 2160 };
    expect(chooseVariant(wide, [{ url: 'https://cdn.example/1080p.jpg', width: 1920, height: 1080 }], 'small').url).toBe('https://cdn.example/1080p.jpg');
    const unsized = { url: 'https://cdn.example/video.mp4' };
    expect(chooseVariant(unsized, [{ url: 'https://cdn.example/sd.mp4' }], 'small')).toBe(unsized);
  });
});

describe('atQuality', () => {
  const item: MediaItem = { id: '1', postId: '1', kind: 'image', publishedAt: '2026-01-01T00:00:00.000Z', caption: null, ...original, variants };

  it('swaps in the chosen URL exactly as served and drops the list of sizes', () => {
    const small = atQuality(item, 'small');
    expect(small).toMatchObject({ url: 'https://cdn.example/640.jpg?oh=sig', width: 640, height: 800 });
    expect(small.variants).toBeUndefined();
    expect(atQuality(item, 'original')).toEqual({ ...item, variants: undefined });
  });

  it('chooses among Instagram’s image candidates and video versions', () => {
    const media = {
      pk: '111',
      id: '111_9',
      code: 'ABC',
      media_type: 2,
      taken_at: 1767225600,
      image_versions2: { candidates: [{ url: 'https://scontent.cdninstagram.com/cover.jpg', width: 1080, height: 1920 }] },
      video_versions: [
        { type: 101, url: 'https://scontent.cdninstagram.com/720.mp4', width: 720, height: 1280 },
        { type: 102, url: 'https://scontent.cdninstagram.com/480.mp4', width: 480, height: 854 },
        { type: 103, url: 'https://scontent.cdninstagram.com/360.mp4', width: 360, height: 640 },
      ],
    };
    const [video] = toPost(media).media;
    expect(video!.url).toBe('https://scontent.cdninstagram.com/720.mp4');
    expect(atQuality(video!, 'high').url).toBe('https://scontent.cdninstagram.com/720.mp4');
    expect(atQuality(video!, 'small').url).toBe('https://scontent.cdninstagram.com/480.mp4');
  });
});

describe('atQuality on a ladder of sizes that may not exist (YouTube thumbnails)', () => {
  const thumb = (name: string, width: number, height: number) => ({ url: `https://i.ytimg.com/vi/x/${name}.jpg`, width, height });
  const maxres = thumb('maxresdefault', 1280, 720);
  const sd = thumb('sddefault', 640, 480);
  const hq = thumb('hqdefault', 480, 360);
  const item: MediaItem = { id: 'x_high', postId: 'x', kind: 'image', publishedAt: '2026-01-01T00:00:00.000Z', caption: null, ...maxres, fallbacks: [sd, hq] };

  it('Original and High start at the largest size, every smaller one left to fall back to', () => {
    // maxresdefault's shorter side (720) is within High's 1080, as a 720p video is.
    for (const quality of ['original', 'high'] as const) expect(atQuality(item, quality)).toEqual(item);
  });

  it('Small starts at the first size within 640 px and never falls back to a larger one', () => {
    expect(atQuality(item, 'small')).toEqual({ ...item, ...sd, fallbacks: [hq] });
  });

  it('keeps the smallest size when none fits, with nothing left to fall back to', () => {
    const big = { ...item, ...thumb('huge', 4000, 3000), fallbacks: [thumb('large', 2000, 1500)] };
    const small = atQuality(big, 'small');
    expect(small).toMatchObject(thumb('large', 2000, 1500));
    expect(small.fallbacks).toBeUndefined();
  });
});
