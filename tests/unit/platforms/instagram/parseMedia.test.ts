import { describe, expect, it } from 'vitest';
import { asObjects } from '../../../../lib/platforms/shared/jsonReaders';
import { formatHint } from '../../../../lib/platforms/instagram/mediaUrls';
import { extractMediaItems, toPost } from '../../../../lib/platforms/instagram/parseMedia';
import type { Post } from '../../../../lib/platforms/types';
import { fixtureJson } from './fakeInstagram';

function feedItems(name: string) {
  return asObjects((fixtureJson(name) as { items: unknown }).items);
}

const [pinned, image, reel, carousel] = feedItems('feed-page-1.json');
const [, oldVideo, webpImage] = feedItems('feed-page-2.json');

function post(media: Record<string, unknown> | undefined): Post {
  return toPost(media ?? {});
}

describe('extractMediaItems', () => {
  it('takes candidates[0] for an image, never the larger square crop', () => {
    const candidates = (image!.image_versions2 as { candidates: { width: number; height: number; url: string }[] }).candidates;
    const largest = candidates.reduce((a, b) => (a.width * a.height >= b.width * b.height ? a : b));
    expect(largest.width).toBe(1440);
    const [item] = extractMediaItems(image);
    expect(item).toMatchObject({ id: '3419876543210987654', kind: 'image', width: 1080, height: 1350, url: candidates[0]!.url });
  });

  it('gives one item per carousel child, in display order, each with the child pk', () => {
    const items = extractMediaItems(carousel);
    expect(items.map((m) => [m.id, m.kind])).toEqual([
      ['3417999999999999001', 'image'],
      ['3417999999999999002', 'video'],
      ['3417999999999999003', 'image'],
    ]);
    expect(new Set(items.map((m) => m.postId))).toEqual(new Set(['3418000000000000000']));
  });

  it.each([
    ['reel (types 101 and 103 tie at 720×1280: the higher type wins)', reel, 'AQOabcREEL1-103.mp4', 720, 1280],
    ['old feed video (640×640 beats 480×480)', oldVideo, 'AQOold-101.mp4', 640, 640],
  ])('picks the largest progressive video: %s', (_name, media, file, width, height) => {
    const [item] = extractMediaItems(media);
    expect(item?.kind).toBe('video');
    expect(new URL(item!.url).pathname.endsWith(file)).toBe(true);
    expect(item).toMatchObject({ width, height, formatHint: 'mp4' });
  });

  it('keeps the video file, not its cover, and notes the cover in the metadata', () => {
    const result = post(reel);
    expect(result.media).toHaveLength(1);
    expect(result.media[0]?.kind).toBe('video');
    expect(result.metadata.cover_url).toMatch(/491111111_2222222222222222_5123456789012345678_n\.jpg/);
  });

  it('reads the pk from `id` when JSON.parse rounded a numeric pk', () => {
    expect(typeof webpImage?.pk).toBe('number');
    expect(post(webpImage).id).toBe('3399999999999999888');
  });

  it('keeps a carousel child without any URL in its place, as unavailable, and notes it in the metadata', () => {
    const broken = structuredClone(carousel!);
    const children = broken.carousel_media as Record<string, unknown>[];
    delete children[1]!.video_versions;
    delete children[1]!.image_versions2;
    const result = post(broken);
    expect(result.media.map((m) => [m.id, m.kind, m.unavailable !== undefined])).toEqual([
      ['3417999999999999001', 'image', false],
      ['3417999999999999002', 'video', true],
      ['3417999999999999003', 'image', false],
    ]);
    expect(result.media[1]).toEqual({
      id: '3417999999999999002',
      postId: '3418000000000000000',
      kind: 'video',
      url: '',
      publishedAt: result.publishedAt,
      caption: result.caption,
      unavailable: { message: 'Instagram listed this video but gave no address to download it from.' },
    });
    expect(result.metadata.missing_media).toEqual(['3417999999999999002']);
  });

  it('marks a video whose video_versions hold no URL unavailable, never falling back to its cover image', () => {
    const [item] = extractMediaItems({ ...reel, video_versions: [{ type: 101, width: 720, height: 1280 }] });
    expect(item).toMatchObject({ id: '3419000000000000001', kind: 'video', url: '' });
    expect(item?.unavailable?.message).toMatch(/^Instagram listed this video but gave no address/);
  });

  it('marks a photo without image candidates unavailable', () => {
    const [item] = extractMediaItems({ ...image, image_versions2: { candidates: [] } });
    expect(item).toMatchObject({ id: '3419876543210987654', kind: 'image', url: '' });
    expect(item?.unavailable?.message).toBe('Instagram listed this photo but gave no address to download it from.');
  });

  it('names carousel children without a pk by their place, and keeps the ids they were sent under in the metadata', () => {
    const sent = structuredClone(carousel!);
    const [first, second, third] = sent.carousel_media as Record<string, unknown>[];
    delete first!.pk;
    first!.id = 'not-a-pk';
    second!.pk = '../../evil';
    delete second!.id;
    delete third!.pk;
    delete third!.id;
    const result = post(sent);
    expect(result.media.map((m) => m.id)).toEqual(['3418000000000000000_1', '3418000000000000000_2', '3418000000000000000_3']);
    expect(result.metadata.media_ids_as_sent).toEqual([
      { id: '3418000000000000000_1', as_sent: 'not-a-pk' },
      { id: '3418000000000000000_2', as_sent: '../../evil' },
    ]);
  });

  it('adds no ids as sent when every child has its pk', () => {
    expect(post(carousel).metadata).not.toHaveProperty('media_ids_as_sent');
  });

  it.each([null, undefined, 'text', 42, []])('never throws on %j', (value) => {
    expect(extractMediaItems(value)).toEqual([]);
  });

  it('reports an empty media object as one file it cannot fetch', () => {
    expect(extractMediaItems({})).toMatchObject([{ id: 'no-id', url: '', unavailable: {} }]);
  });
});

describe('toPost', () => {
  it.each([
    ['image', image, 'image', 'https://www.instagram.com/p/DGy8kLmNpQr/'],
    ['reel', reel, 'reel', 'https://www.instagram.com/reel/DGx0AbCdEfG/'],
    ['carousel', carousel, 'carousel', 'https://www.instagram.com/p/DGw9ZyXwVuT/'],
    ['feed video', oldVideo, 'video', 'https://www.instagram.com/p/DFa1b2C3d4E/'],
  ])('maps a %s', (_name, media, kind, permalink) => {
    const result = post(media);
    expect(result).toMatchObject({ platform: 'instagram', kind, permalink });
    expect(result.publishedAt).toBe(new Date((media!.taken_at as number) * 1000).toISOString());
  });

  it('keeps the caption exactly, unicode and markup included', () => {
    // Written with escapes so the combining accent (e + U+0301) and the ZWJ sequence are visible: nothing may normalise them.
    const expected = 'Caf\u00e9 \u2615\ufe0f \u2014 \u05e9\u05dc\u05d5\u05dd \u0639\u0627\u0644\u0645 \u{1F469}\u200d\u{1F4BB} e\u0301 \u{1F1E9}\u{1F1EA}\n#\u00fcber "quotes" & <tags>';
    const result = post(webpImage);
    expect(result.caption).toBe(expected);
    expect(result.media[0]?.caption).toBe(expected);
  });

  it('keeps the facts worth exporting', () => {
    expect(post(pinned).metadata).toMatchObject({
      code: 'DGp1nNdoA1z',
      product_type: 'feed',
      media_type: 1,
      like_count: 42,
      comment_count: 3,
      location: { name: 'Berlin, Germany', lat: 52.5167, lng: 13.4 },
      accessibility_caption: expect.stringContaining('studio') as unknown,
      original_width: 1080,
      original_height: 1350,
      pinned: true,
      owner: 'star.demo',
    });
    expect(post(carousel).metadata).toMatchObject({ carousel_media_count: 3, pinned: false });
    expect(post(reel).metadata).toMatchObject({ video_duration: 14.533, product_type: 'clips' });
  });

  it('has a null caption when Instagram sends none', () => {
    expect(post({ ...image, caption: null }).caption).toBeNull();
  });

  it.each([
    ['a path', '../../../../etc/passwd'],
    ['a device name', 'CON'],
    ['letters', 'AbC'],
    ['digits and a letter', '12a'],
  ])('keeps a post whose pk is %s under that pk, exactly as sent', (_name, pk) => {
    const result = post({ ...image, pk, id: `${pk}_51234567890` });
    expect(result.id).toBe(pk);
    expect(result.media.map((m) => [m.id, m.postId])).toEqual([[pk, pk]]);
    expect(result.media[0]?.url).toBe(extractMediaItems(image)[0]?.url);
    expect(result.metadata).not.toHaveProperty('missing_id');
  });

  it('takes the `id` text when a post has no pk at all', () => {
    const { pk: _pk, ...withoutPk } = image!;
    expect(post({ ...withoutPk, id: 'not-a-pk' }).id).toBe('not-a-pk');
  });

  it('keeps a post sent without any id, its files included, and says the id is missing', () => {
    const { pk: _pk, id: _id, ...anonymous } = carousel!;
    const result = post(anonymous);
    expect(result.id).toBe('no-id');
    expect(result.metadata.missing_id).toBe(true);
    expect(result.media.map((m) => [m.id, m.postId])).toEqual([
      ['3417999999999999001', 'no-id'],
      ['3417999999999999002', 'no-id'],
      ['3417999999999999003', 'no-id'],
    ]);
    expect(post({ taken_at: 1 })).toMatchObject({
      id: 'no-id',
      media: [{ id: 'no-id', postId: 'no-id', url: '', unavailable: {} }],
      metadata: { missing_id: true, missing_media: ['no-id'] },
    });
  });

  it('links a story by its pk, and leaves out the link of one whose id is no pk', () => {
    const story = { ...image, user: { username: 'star.demo' } };
    expect(toPost(story, { section: 'story' }).permalink).toBe('https://www.instagram.com/stories/star.demo/3419876543210987654/');
    const hostile = toPost({ ...story, pk: '../../../accounts/edit', id: 'x' }, { section: 'story' });
    expect(hostile.id).toBe('../../../accounts/edit');
    expect(hostile.permalink).toBeUndefined();
  });
});

describe('formatHint', () => {
  it.each([
    ['https://scontent.cdninstagram.com/v/t51.29350-15/1_n.jpg?stp=dst-jpg_e35_p1080x1080&oe=6946A1B2', 'jpg'],
    ['https://scontent.cdninstagram.com/v/t51.29350-15/1_n.webp?stp=dst-jpg_e35_s640x640&oe=6946A1B2', 'jpg'],
    ['https://scontent.cdninstagram.com/v/t51.29350-15/1_n.heic?stp=c0.180.1440.1440a_dst-jpg_e35_s640x640', 'jpg'],
    ['https://scontent.cdninstagram.com/v/t51.29350-15/1_n.webp?stp=dst-webp_p1080x1080', 'webp'],
    ['https://scontent.cdninstagram.com/v/t51.29350-15/1_n.webp?oe=6946A1B2', 'webp'],
    ['https://scontent.cdninstagram.com/v/t51.29350-15/1_n.PNG', 'png'],
    ['https://instagram.fber1-1.fna.fbcdn.net/o1/v/t16/f2/m86/AQO.mp4?efg=x&oe=6946A1B2', 'mp4'],
    ['https://instagram.fber1-1.fna.fbcdn.net/o1/v/t16/f2/m86/AQO.mov', 'mov'],
    ['https://scontent.cdninstagram.com/v/t51.29350-15/1_n.heic', undefined],
    ['https://scontent.cdninstagram.com/v/t51.29350-15/noextension', undefined],
    ['not a url', undefined],
  ])('%s → %s', (url, expected) => {
    expect(formatHint(url)).toBe(expected);
  });
});
