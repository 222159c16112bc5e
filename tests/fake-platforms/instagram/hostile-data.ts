import type { CdnCatalog } from '../media/cdn-catalog';
import type { InstagramCdnFiles } from './cdn-files';
import { shortcode } from './ids';
import type { IgAccount, IgNode, IgPost } from './model';
import { seeded } from './seeded';

/**
 * An account whose API answers are what a broken or malicious response could hold: ids that are
 * paths, device names, control and bidi characters, ids repeated across posts and within a
 * carousel, ids long enough to be cut, media on hosts that are not the CDN, dates outside what a
 * ZIP can record, a video listed without any video URL, a 10 000-character caption and a
 * username that is no file name. Opt-in (FakePlatformsOptions.instagramHostileAccount), so the
 * demo account stays clean.
 */

/** What a request names (an export's `account`); the API answers with HOSTILE_HANDLE as its username. */
export const HOSTILE_USERNAME = 'hostile.account';
export const HOSTILE_HANDLE = '../..\\CON\u202Egpj.exe\u0000<>:"|?*\u0007 🙂 ';
export const HOSTILE_USER_PK = '61234567890';

/** Exactly 10 000 UTF-16 code units: emoji (ZWJ, flags), RTL and its override, NUL and other controls, markup, a lone surrogate. */
export const HOSTILE_CAPTION = ((): string => {
  const pieces = [
    'Caption with everything 👩🏽‍💻🇯🇵 ',
    'مرحبا שלום ',
    '\u202Egpj.exe\u202C ',
    'NUL:\u0000 BEL:\u0007 ESC:\u001b[31m red \u001b[0m ',
    'CRLF\r\nLF\nCR\r ',
    '<script>alert(1)</script><img src=x onerror=alert(2)> ',
    '"quotes" \'single\' \\backslash\\ ../../etc/passwd C:\\Windows ',
    '\ud800 lone surrogate ',
    'zero\u200bwidth e\u0301 ',
  ];
  let text = '';
  for (let i = 0; text.length < 10_000; i++) text += pieces[i % pieces.length];
  text = text.slice(0, 10_000);
  // Never end on half of a surrogate pair that was cut, so the length stays exactly 10 000 as served.
  return /[\ud800-\udbff]$/.test(text) ? `${text.slice(0, -1)}x` : text;
})();

/** Post pks that are no number: a faithful client of the real API (numeric pks) may refuse them. */
export const HOSTILE_POST_PKS = [
  '../../../../etc/passwd',
  '..\\..\\..\\Windows\\win.ini',
  'CON',
  'aux.jpg',
  'com1',
  '123\u0000456',
  '123\u0007\u001b[31m',
  '999\u202Egpj.exe',
  'AbC',
  'abc',
  'a/b',
];

const REFERENCE_TIME = Date.UTC(2026, 9, 1, 12, 0, 0) / 1000;
const DAY = 86_400;
const pk = (n: number) => `30000000000000000${String(n).padStart(2, '0')}`;
/** Two ids of 250 digits that agree on their first 200: cut to a file-name length, they are the same. */
const LONG_PREFIX = '7'.repeat(200);

/** The kept posts' pks, named by what each one tests. */
export const HOSTILE_PKS = {
  longCaption: pk(1),
  duplicatedA: pk(2),
  /** Same pk as duplicatedA, different file. */
  duplicatedB: pk(2),
  carousel: pk(4),
  /** A carousel child repeated within the carousel, with a different file. */
  carouselTwin: pk(44),
  longA: `${LONG_PREFIX}${'1'.repeat(50)}`,
  longB: `${LONG_PREFIX}${'2'.repeat(50)}`,
  foreignHost: pk(7),
  userinfoHost: pk(8),
  suffixHost: pk(9),
  year1900: pk(10),
  year3000: pk(11),
  /** A video listed without any video URL (only its cover). */
  withheldVideo: pk(12),
} as const;

/** Media hosts that are not the platform's CDN (the fake answers them 421, and logs the request). */
export const FOREIGN_MEDIA_HOSTS = ['evil.example', 'scontent-lax3-1.cdninstagram.com@evil.example', 'scontent-lax3-1.cdninstagram.com.evil.example'];

export class HostileAccountBuilder {
  constructor(
    private readonly cdn: InstagramCdnFiles,
    private readonly catalog: CdnCatalog,
  ) {}

  build(username: string): IgAccount {
    const avatar = this.cdn.avatar(HOSTILE_USER_PK, seeded('hostile', 'avatar'));
    const user = {
      pk: HOSTILE_USER_PK,
      username,
      fullName: '<img src=x onerror=alert(1)>\u202E Hostile',
      biography: '<script>alert(1)</script>',
      isPrivate: false,
      isVerified: false,
      followedByDemo: false,
      followerCount: 1,
      followingCount: 1,
      profilePicId: avatar.profilePicId,
      avatar: { small: avatar.small, hd: avatar.hd },
    };
    const p = HOSTILE_PKS;
    const [foreign, userinfo, suffix] = FOREIGN_MEDIA_HOSTS as [string, string, string];
    const feed: IgPost[] = [
      this.post(0, p.longCaption, [this.image(0, p.longCaption, 'jpg', 9_000)], HOSTILE_CAPTION),
      this.post(1, p.duplicatedA, [this.image(1, p.duplicatedA, 'jpg', 9_100)], 'first of two posts sharing one pk'),
      this.post(2, p.duplicatedB, [this.image(2, p.duplicatedB, 'png', 9_200)], 'second of two posts sharing one pk'),
      this.post(
        3,
        p.carousel,
        [
          this.image(30, '../../evil', 'jpg', 9_300),
          this.image(31, 'CON', 'jpg', 9_400),
          this.image(32, p.longCaption, 'png', 9_500),
          this.image(33, p.carouselTwin, 'jpg', 9_600),
          this.image(34, p.carouselTwin, 'png', 9_700),
        ],
        'carousel: path and device-name child pks, a child sharing another post’s pk, twin children',
      ),
      this.post(4, p.longA, [this.image(4, p.longA, 'jpg', 9_800)], 'a 250-digit pk'),
      this.post(5, p.longB, [this.image(5, p.longB, 'jpg', 9_900)], 'another 250-digit pk with the same first 200 digits'),
      this.post(6, p.foreignHost, [this.elsewhere(6, p.foreignHost, foreign)], 'media on another host'),
      this.post(7, p.userinfoHost, [this.elsewhere(7, p.userinfoHost, userinfo)], 'media URL with user info that looks like the CDN'),
      this.post(8, p.suffixHost, [this.elsewhere(8, p.suffixHost, suffix)], 'media on a host that only starts like the CDN'),
      this.post(9, p.year1900, [this.image(9, p.year1900, 'jpg', 10_000)], 'taken in 1900', Date.UTC(1900, 0, 1) / 1000),
      this.post(10, p.year3000, [this.image(10, p.year3000, 'jpg', 10_100)], 'taken in 3000', Date.UTC(3000, 0, 1) / 1000),
      this.post(11, p.withheldVideo, [this.withheldVideo(11, p.withheldVideo)], 'a video listed without any video URL'),
      ...HOSTILE_POST_PKS.map((hostilePk, i) => this.post(20 + i, hostilePk, [this.image(200 + i, hostilePk, 'jpg', 11_000 + i * 100)], `post pk ${JSON.stringify(hostilePk)}`)),
    ];
    return { user, feed, reelsTabOnly: [], stories: [], highlights: [] };
  }

  private post(index: number, postPk: string, nodes: IgNode[], caption: string, takenAt = REFERENCE_TIME - index * DAY): IgPost {
    return {
      pk: postPk,
      code: shortcode(seeded('hostile', 'code', index).digits(19)),
      takenAt,
      mediaType: nodes.length > 1 ? 8 : 1,
      productType: nodes.length > 1 ? 'carousel_container' : 'feed',
      caption: { pk: `17${seeded('hostile', 'caption', index).digits(15, '89')}`, text: caption, createdAt: takenAt + 5 },
      likeCount: 1,
      commentCount: 0,
      pinned: false,
      nodes,
    };
  }

  /** `bytes` differ per node, so nodes sharing a pk still serve different files. */
  private image(index: number, nodePk: string, format: 'jpg' | 'png', bytes: number): IgNode {
    const rng = seeded('hostile', 'node', index);
    return this.cdn.imageNode({ pk: nodePk, width: 640, height: 640, format, bytes, takenAt: REFERENCE_TIME, accessibilityCaption: null }, rng);
  }

  /** A video whose files exist on the CDN, but whose answers never hand out their URLs. */
  private withheldVideo(index: number, nodePk: string): IgNode {
    const rng = seeded('hostile', 'node', index);
    const input = { pk: nodePk, width: 720, height: 1280, format: 'mp4', brand: 'isom', bytes: 12_000, coverBytes: 3_000, takenAt: REFERENCE_TIME, durationSeconds: 5, smallerFirst: false } as const;
    return { ...this.cdn.videoNode(input, rng), withheld: true };
  }

  /** A JPEG whose only URL points at `host`: the fake's CDN never serves it. */
  private elsewhere(index: number, nodePk: string, host: string): IgNode {
    const file = this.catalog.register({
      host,
      path: `/v/t51.2885-15/hostile_${index}_n.jpg`,
      leading: [['stp', 'dst-jpg_e35_tt6']],
      trailing: [],
      spec: { format: 'jpg', bytes: 8_000 + index, seed: `hostile|elsewhere|${index}` },
      mediaId: nodePk,
      best: true,
      modifiedAt: REFERENCE_TIME,
    });
    return { pk: nodePk, mediaType: 1, width: 640, height: 640, candidates: [{ width: 640, height: 640, file }], best: file, accessibilityCaption: null };
  }
}
