import { seeded, type Seeded } from '../instagram/seeded';
import type { FakeFacebookProfileSpec } from '../types';
import type { FacebookCdnFiles } from './cdn-files';
import type { FbPhoto, FbProfile, FbVideo } from './model';
import { FB_ALT_TEXT, FB_CAPTIONS, FB_VIDEO_TITLES, OTHER_PEOPLE } from './text';

export const DEMO_VANITY = 'star.demo';
export const DEMO_USER_ID = '100089654321987';
/** ~40 items: 24 photos (a PNG and a GIF among them), 8 videos, 6 reels; 3 tagged photos besides. */
export const DEMO_PROFILE: FakeFacebookProfileSpec = { vanity: DEMO_VANITY, uploads: 24, videos: 8, reels: 6, tagged: 3 };

const DEFAULT_IMAGE_BYTES = 20_000;
const DEFAULT_VIDEO_BYTES = 120_000;
/** Items are dated back from this fixed instant, so ids and dates never depend on the clock. */
const REFERENCE_TIME = Date.UTC(2026, 9, 18, 12, 0, 0) / 1000;
const DAY = 86_400;
const PHOTO_SIZES: readonly [number, number][] = [[2048, 1536], [1536, 2048], [1284, 932], [960, 960], [2048, 1152]];

interface Sizes {
  image: number;
  video: number;
}

export function facebookUserId(vanity: string): string {
  return vanity === DEMO_VANITY ? DEMO_USER_ID : `1000${seeded('fb-user', vanity).digits(11, '0123456789')}`;
}

export class FacebookProfileBuilder {
  constructor(private readonly cdn: FacebookCdnFiles) {}

  build(spec: FakeFacebookProfileSpec): FbProfile {
    const owner = { id: facebookUserId(spec.vanity), name: spec.name ?? (spec.vanity === DEMO_VANITY ? 'Star Demo ✨' : prettyName(spec.vanity)) };
    const sizes: Sizes = { image: spec.imageBytes ?? DEFAULT_IMAGE_BYTES, video: spec.videoBytes ?? DEFAULT_VIDEO_BYTES };
    const unreturned = new Set(Array.from({ length: spec.notReturned ?? 0 }, (_, n) => 2 + n * 5));
    const uploads = Array.from({ length: spec.uploads }, (_, i) => this.upload(spec.vanity, owner, i, sizes)).map((photo, i) =>
      unreturned.has(i) ? { ...photo, notReturned: true as const } : photo,
    );
    const tagged = Array.from({ length: spec.tagged ?? 0 }, (_, j) => this.tagged(spec.vanity, owner, uploads, j, sizes));
    const videos = Array.from({ length: spec.videos ?? 0 }, (_, k) => this.video(spec.vanity, owner, k, sizes, false));
    const reels = Array.from({ length: spec.reels ?? 0 }, (_, r) => this.video(spec.vanity, owner, r, sizes, true));
    const newestReel = reels.slice(0, 1);
    return {
      id: owner.id,
      vanity: spec.vanity,
      name: owner.name,
      uploads,
      tagged,
      videos: [...videos, ...newestReel].sort((a, b) => b.publishTime - a.publishTime),
      reels,
      friendsOnly: spec.friendsOnly ?? false,
    };
  }

  private photo(id: string, owner: { id: string; name: string }, createdTime: number, rng: Seeded, format: 'jpg' | 'png' | 'gif', bytes: number, caption: string | null): FbPhoto {
    const [width, height] = format === 'gif' ? [480, 270] : rng.pick(PHOTO_SIZES);
    const { full, thumb } = this.cdn.photo({ mediaId: id, format, bytes, takenAt: createdTime }, rng);
    return { id, ownerId: owner.id, ownerName: owner.name, createdTime, caption, accessibilityCaption: rng.pick(FB_ALT_TEXT), width, height, full, thumb };
  }

  private upload(vanity: string, owner: { id: string; name: string }, index: number, sizes: Sizes): FbPhoto {
    const rng = seeded('fb-upload', vanity, index);
    const id = `10${rng.digits(15, '0123456789')}`;
    const createdTime = REFERENCE_TIME - index * 2 * DAY - rng.int(0, DAY);
    // Every 12 uploads hold a PNG and a GIF, so small profiles still get both.
    const format = index % 12 === 5 ? 'png' : index % 12 === 11 ? 'gif' : 'jpg';
    const caption = index % 4 === 2 ? null : rng.pick(FB_CAPTIONS);
    return this.photo(id, owner, createdTime, rng, format, sizes.image, caption);
  }

  /** The first tagged photo is one of the profile's own uploads (a self-tag); the rest come from friends. */
  private tagged(vanity: string, owner: { id: string; name: string }, uploads: FbPhoto[], index: number, sizes: Sizes): FbPhoto {
    const own = uploads[1] ?? uploads[0];
    if (index === 0 && own) return own;
    const rng = seeded('fb-tagged', vanity, index);
    const friend = OTHER_PEOPLE[index % OTHER_PEOPLE.length] ?? { id: '100004512398765', name: 'A Friend' };
    const id = `10${rng.digits(15, '0123456789')}`;
    return this.photo(id, friend, REFERENCE_TIME - (index * 9 + 4) * DAY, rng, 'jpg', sizes.image, rng.pick(FB_CAPTIONS));
  }

  /** Videos: HD and SD, but every 8th from 5 has no HD and every 8th from 2 lists an HD with a failure reason. */
  private video(vanity: string, owner: { id: string; name: string }, index: number, sizes: Sizes, reel: boolean): FbVideo {
    const rng = seeded(reel ? 'fb-reel' : 'fb-video', vanity, index);
    const id = `1${rng.digits(15, '0123456789')}`;
    const publishTime = REFERENCE_TIME - index * (reel ? 3 : 5) * DAY - rng.int(0, DAY) - 3600;
    const [width, height] = reel ? [1080, 1920] : rng.pick<[number, number]>([[1920, 1080], [1280, 720], [720, 1280]]);
    const withHd = reel || index % 8 !== 5;
    const hdFailed = !reel && index % 8 === 2;
    const durationSeconds = rng.int(4_000, 180_000) / 1000;
    const files = this.cdn.video({ mediaId: id, bytes: sizes.video, takenAt: publishTime, durationSeconds, height, withHd, hdUsable: !hdFailed }, rng);
    const caption = index % 3 === 0 ? null : rng.pick(FB_CAPTIONS);
    const title = reel || index % 3 === 1 ? null : rng.pick(FB_VIDEO_TITLES);
    const best = files.hd && !hdFailed ? files.hd : files.sd;
    return { id, ownerId: owner.id, ownerName: owner.name, publishTime, caption, title, width, height, durationSeconds, ...files, hdFailed, best };
  }
}

function prettyName(vanity: string): string {
  return vanity.replace(/[._-]+/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());
}
