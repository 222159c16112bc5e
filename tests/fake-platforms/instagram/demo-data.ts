import type { FakeInstagramAccountSpec } from '../types';
import { ACCESSIBILITY, CAPTIONS, HIGHLIGHT_TITLES, LOCATIONS } from './captions';
import type { InstagramCdnFiles } from './cdn-files';
import { mediaPk, shortcode } from './ids';
import type { IgAccount, IgHighlight, IgNode, IgPost, IgStoryItem, IgUser } from './model';
import { seeded, type Seeded } from './seeded';

export const DEMO_USERNAME = 'star.demo';
export const DEMO_USER_PK = '51234567890';
export const DEFAULT_IMAGE_BYTES = 20_000;
export const DEFAULT_VIDEO_BYTES = 120_000;
/** Posts are dated back from this fixed instant, so ids and dates never depend on the clock. */
const REFERENCE_TIME = Date.UTC(2026, 9, 20, 18, 0, 0) / 1000;
const HOUR = 3600;
const DAY = 86_400;

export const DEMO_SPEC: FakeInstagramAccountSpec = { username: DEMO_USERNAME, posts: 60, stories: 3, highlights: 2 };

/** Accounts whose names contain the demo's, which late-2026 topsearch ranks before it. */
export const LOOKALIKE_SPECS: readonly FakeInstagramAccountSpec[] = [
  { username: 'star.demo.fans', posts: 2 },
  { username: 'the.star.demo', posts: 1 },
];

type Slot = 'image' | 'carousel' | 'video' | 'reel' | 'png' | 'mixed-carousel';
// Every 10 posts cover each kind, so small accounts still get every shape.
const CYCLE: readonly Slot[] = ['image', 'carousel', 'video', 'image', 'reel', 'png', 'mixed-carousel', 'image', 'reel', 'video'];
const IMAGE_SIZES: readonly [number, number][] = [[1080, 1350], [1080, 1080], [1080, 566], [1440, 1800], [750, 937]];

interface Sizes {
  image: number;
  video: number;
}

function userPk(username: string): string {
  return username === DEMO_USERNAME ? DEMO_USER_PK : seeded('user-pk', username).digits(11, '6789');
}

export class DemoAccountBuilder {
  constructor(
    private readonly cdn: InstagramCdnFiles,
    /** Unix seconds the server started: current stories are dated from it. */
    private readonly startedAt: number,
  ) {}

  build(spec: FakeInstagramAccountSpec): IgAccount {
    const isDemo = spec.username === DEMO_USERNAME;
    const sizes: Sizes = { image: spec.imageBytes ?? DEFAULT_IMAGE_BYTES, video: spec.videoBytes ?? DEFAULT_VIDEO_BYTES };
    const user = this.user(spec, isDemo);
    const posts = Array.from({ length: spec.posts }, (_, i) => this.post(user.pk, spec.username, i, sizes));
    this.pin(posts);
    const feed = [...posts.filter((p) => p.pinned), ...posts.filter((p) => !p.pinned)];
    const reelsTabOnly = Array.from({ length: spec.reelsTabOnly ?? (isDemo ? 1 : 0) }, (_, k) => this.reelsTabOnlyReel(user.pk, spec.username, k, sizes));
    const storyCount = spec.stories ?? (isDemo ? 3 : 0);
    const stories = Array.from({ length: storyCount }, (_, k) => this.story(user.pk, spec.username, k, storyCount, sizes));
    const highlights = Array.from({ length: spec.highlights ?? (isDemo ? 2 : 0) }, (_, h) => this.highlight(user.pk, spec.username, h, sizes));
    return { user, feed, reelsTabOnly, stories, highlights };
  }

  private user(spec: FakeInstagramAccountSpec, isDemo: boolean): IgUser {
    const pk = userPk(spec.username);
    const rng = seeded('user', spec.username);
    const avatar = this.cdn.avatar(pk, rng);
    const pretty = spec.username.replace(/[._]+/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());
    return {
      pk,
      username: spec.username,
      fullName: isDemo ? 'Star Demo ✨' : pretty,
      biography: isDemo ? 'Creator • exports everything 📦\nLisbon ↔ Tokyo\nمرحبا • שלום' : `${pretty} on Instagram`,
      isPrivate: spec.isPrivate ?? false,
      isVerified: isDemo,
      followedByDemo: spec.followedByViewer ?? false,
      followerCount: rng.int(100, 50_000),
      followingCount: rng.int(10, 900),
      profilePicId: avatar.profilePicId,
      avatar: { small: avatar.small, hd: avatar.hd },
    };
  }

  private image(pk: string, rng: Seeded, sizes: Sizes, takenAt: number, format: 'jpg' | 'png' = 'jpg'): IgNode {
    const [width, height] = rng.pick(IMAGE_SIZES);
    return this.cdn.imageNode({ pk, width, height, format, bytes: sizes.image, takenAt, accessibilityCaption: rng.pick(ACCESSIBILITY) }, rng);
  }

  private video(pk: string, rng: Seeded, sizes: Sizes, takenAt: number, shape: 'feed' | 'reel' | 'story', format: 'mp4' | 'mov' = 'mp4'): IgNode {
    const [width, height] = shape === 'feed' ? rng.pick<[number, number]>([[1080, 1350], [1080, 1080]]) : [1080, 1920];
    return this.cdn.videoNode(
      {
        pk,
        width,
        height,
        format,
        brand: shape === 'reel' ? 'mp42' : 'isom',
        bytes: sizes.video,
        coverBytes: Math.max(2_000, Math.floor(sizes.image / 2)),
        takenAt,
        durationSeconds: rng.int(3_000, 59_000) / 1000,
        smallerFirst: rng.next() < 0.3,
      },
      rng,
    );
  }

  private post(ownerPk: string, username: string, index: number, sizes: Sizes): IgPost {
    const rng = seeded('post', username, index);
    const takenAt = REFERENCE_TIME - index * 2 * DAY - rng.int(0, DAY);
    return this.postAt(ownerPk, index, CYCLE[index % CYCLE.length] ?? 'image', takenAt, rng, sizes);
  }

  /**
   * Posts the account published after the fake's data was made (as a creator keeps posting between
   * two exports): `count` posts newer than every feed post, the `from`-th such post first, newest last.
   */
  laterPosts(spec: FakeInstagramAccountSpec, ownerPk: string, from: number, count: number): IgPost[] {
    const sizes: Sizes = { image: spec.imageBytes ?? DEFAULT_IMAGE_BYTES, video: spec.videoBytes ?? DEFAULT_VIDEO_BYTES };
    return Array.from({ length: count }, (_, i) => {
      const k = from + i;
      const rng = seeded('later-post', spec.username, k);
      const takenAt = REFERENCE_TIME + (k + 1) * DAY + rng.int(0, HOUR);
      return this.postAt(ownerPk, k, CYCLE[k % CYCLE.length] ?? 'image', takenAt, rng, sizes);
    });
  }

  /** The k-th reel hidden from the grid, dated between two feed posts' days so its pk is unique. */
  private reelsTabOnlyReel(ownerPk: string, username: string, k: number, sizes: Sizes): IgPost {
    const takenAt = REFERENCE_TIME - (4 * k + 3) * DAY - 12 * HOUR;
    return this.postAt(ownerPk, 2 * k + 1, 'reel', takenAt, seeded('reels-tab-only', username, k), sizes);
  }

  /** `index` places the post in the feed's pattern (which have no caption, which a location). */
  private postAt(ownerPk: string, index: number, slot: Slot, takenAt: number, rng: Seeded, sizes: Sizes): IgPost {
    const pk = mediaPk(takenAt, ownerPk, 0);
    let nodes: IgNode[];
    if (slot === 'carousel' || slot === 'mixed-carousel') {
      const count = rng.int(2, 5);
      nodes = Array.from({ length: count }, (_, j) => {
        const childPk = mediaPk(takenAt - j - 1, ownerPk, j + 1);
        if (slot === 'mixed-carousel' && j === 1) return this.video(childPk, rng, sizes, takenAt, 'feed');
        return this.image(childPk, rng, sizes, takenAt, slot === 'mixed-carousel' && j === 2 ? 'png' : 'jpg');
      });
    } else if (slot === 'video' || slot === 'reel') {
      // The first feed video of every account is a QuickTime upload.
      const format = index === CYCLE.indexOf('video') ? 'mov' : 'mp4';
      nodes = [this.video(pk, rng, sizes, takenAt, slot === 'reel' ? 'reel' : 'feed', format)];
    } else {
      nodes = [this.image(pk, rng, sizes, takenAt, slot === 'png' ? 'png' : 'jpg')];
    }
    const text = index % 7 === 3 ? null : rng.pick(CAPTIONS);
    return {
      pk,
      code: shortcode(pk),
      takenAt,
      mediaType: nodes.length > 1 ? 8 : (nodes[0]?.mediaType ?? 1),
      productType: nodes.length > 1 ? 'carousel_container' : slot === 'reel' ? 'clips' : 'feed',
      caption: text === null ? null : { pk: `17${rng.digits(15, '89')}`, text, createdAt: takenAt + rng.int(1, 30) },
      likeCount: rng.int(0, 5_000),
      commentCount: rng.int(0, 300),
      playCount: nodes.some((n) => n.mediaType === 2) ? rng.int(100, 90_000) : undefined,
      location: index % 4 === 1 ? LOCATIONS[index % LOCATIONS.length] : undefined,
      pinned: false,
      nodes,
    };
  }

  /** Pins an older photo and an older reel, so the feed's first items are out of date order. */
  private pin(posts: IgPost[]): void {
    if (posts.length < 8) return;
    const photo = posts.find((p, i) => i >= Math.floor(posts.length / 3) && p.mediaType === 1);
    const reel = posts.find((p, i) => i >= Math.floor(posts.length / 2) && p.productType === 'clips');
    for (const post of [photo, reel]) if (post) post.pinned = true;
  }

  private story(ownerPk: string, username: string, k: number, total: number, sizes: Sizes): IgStoryItem {
    const rng = seeded('story', username, k);
    const pk = mediaPk(REFERENCE_TIME + (k + 1) * HOUR, ownerPk, 0);
    // Current stories must be younger than a day whenever the fake runs: dated from its start.
    const takenAt = this.startedAt - (total - k) * 2 * HOUR;
    const node = k % 3 === 1 ? this.video(pk, rng, sizes, takenAt, 'story') : this.image(pk, rng, sizes, takenAt);
    return { ...node, code: shortcode(pk), takenAt, expiringAt: takenAt + DAY };
  }

  private highlight(ownerPk: string, username: string, h: number, sizes: Sizes): IgHighlight {
    const rng = seeded('highlight', username, h);
    const id = `17${rng.digits(15, '89')}`;
    const count = h === 0 ? 3 : rng.int(2, 4);
    const base = REFERENCE_TIME - (h + 1) * 30 * DAY;
    const items = Array.from({ length: count }, (_, j): IgStoryItem => {
      const takenAt = base + j * HOUR;
      const pk = mediaPk(takenAt, ownerPk, 0);
      const node = j % 2 === 1 ? this.video(pk, rng, sizes, takenAt, 'story') : this.image(pk, rng, sizes, takenAt);
      return { ...node, code: shortcode(pk), takenAt };
    });
    const createdAt = base + (count + 1) * HOUR;
    return { id, title: HIGHLIGHT_TITLES[h % HIGHLIGHT_TITLES.length] ?? 'Highlights', createdAt, cover: this.cdn.highlightCover(id, createdAt, rng), items };
  }
}
