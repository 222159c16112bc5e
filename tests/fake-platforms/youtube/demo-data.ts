import type { FakeYouTubeChannelSpec } from '../types';
import { seeded, type Seeded } from '../instagram/seeded';
import { DESCRIPTIONS, LIVE_TITLES, SHORT_TITLES, TITLES } from './demo-titles';
import type { ThumbnailName, YtChannel, YtKind, YtUser, YtVideo, YtVisibility } from './model';

export const DEMO_HANDLE = 'star.demo';
/**
 * 153 videos over every tab and page shape (Videos 30+30+30+10, Shorts 48+2, Live 3). At the default
 * pacing each exact date is a ~2 s player call, so `npm run demo` lists this in ~5 minutes; tests
 * that want more pass a bigger spec.
 */
export const DEMO_SPEC: FakeYouTubeChannelSpec = { handle: DEMO_HANDLE, videos: 100, shorts: 50, lives: 3 };
const DEFAULT_HQ_BYTES = 18_000;
/** Videos are dated back from this fixed instant, so ids and dates never depend on the clock. */
const REFERENCE_TIME = Date.UTC(2026, 9, 20, 18, 0, 0) / 1000;
const HOUR = 3600;
const DAY = 86_400;

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
// The last character of an id only carries its leftover bits, so only these occur.
const VIDEO_ID_LAST = 'AEIMQUYcgkosw048';
const CHANNEL_ID_LAST = 'AQgw';

/** Which demo videos carry the special cases of docs/platforms.md ("YouTube: what changed in late 2026") and the issue ask for. */
const SPECIAL = {
  /** Published at 05:30 UTC: the evening before in Pacific time, so the UTC day differs. */
  lateEvening: 2,
  /** An SD upload: no maxresdefault (nor hq720). */
  noMaxres: 4,
  /** mqdefault is missing: an exporter must record it as failed. */
  noMedium: 6,
  /** The player refuses it (age check): only the watch page dates it. */
  ageRestricted: 9,
} as const;

function channelIdFor(handle: string): string {
  const rng = seeded('yt-channel', handle);
  return `UC${rng.token(21, ID_CHARS)}${rng.token(1, CHANNEL_ID_LAST)}`;
}

function videoId(rng: Seeded): string {
  return `${rng.token(10, ID_CHARS)}${rng.token(1, VIDEO_ID_LAST)}`;
}

export function buildChannel(spec: FakeYouTubeChannelSpec): YtChannel {
  const isDemo = spec.handle === DEMO_HANDLE;
  const rng = seeded('yt-user', spec.handle);
  const pretty = spec.handle.replace(/[._-]+/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());
  const owner: YtUser = {
    key: spec.handle,
    accountName: isDemo ? 'Star Demo ✨' : pretty,
    email: `${spec.handle.replace(/[^\w]/g, '')}@example.com`,
    userSessionId: rng.digits(21),
    apisid: `${rng.token(16, ID_CHARS.slice(0, 62))}/${rng.token(17, ID_CHARS.slice(0, 62))}`,
    loginInfo: `AFmmF2swRQIh${rng.token(60, ID_CHARS)}:QUQ3MjNm${rng.token(120, ID_CHARS)}`,
  };
  const hq = spec.thumbnailBytes ?? DEFAULT_HQ_BYTES;
  const build = (kind: YtKind, count: number) => Array.from({ length: count }, (_, i) => video(spec.handle, kind, i, hq));
  return {
    id: spec.hasChannel === false ? null : channelIdFor(spec.handle),
    handle: spec.handle,
    legacyPaths: isDemo ? ['c/StarDemo', 'user/stardemo2009'] : [],
    title: owner.accountName,
    description: isDemo ? 'Creator channel of the Star Export demo.\nLisbon ↔ Tokyo' : `${pretty} on YouTube`,
    subscriberCount: rng.int(100, 90_000),
    owner,
    videos: [...build('video', spec.videos), ...hiddenUploads(spec, hq)].sort((a, b) => b.publishedAt - a.publishedAt),
    ...(spec.brandAccountOf ? { brandPageId: rng.digits(21) } : {}),
    shorts: build('short', spec.shorts ?? (isDemo ? 50 : 0)),
    lives: build('live', spec.lives ?? (isDemo ? 3 : 0)),
    terminated: spec.terminated ?? false,
  };
}

/**
 * The spec's unlisted and private uploads (Videos only): each is published between two public
 * videos, so the owner's uploads playlist interleaves them with what the tabs show.
 */
function hiddenUploads(spec: FakeYouTubeChannelSpec, hqBytes: number): YtVideo[] {
  const make = (visibility: Exclude<YtVisibility, 'public'>, count: number, offset: number) =>
    Array.from({ length: count }, (_, i) => {
      const upload = video(spec.handle, 'video', i, hqBytes, visibility);
      return { ...upload, title: `${upload.title} [${visibility}]`, publishedAt: REFERENCE_TIME - (3 * i + offset) * 36 * HOUR, ageRestricted: false };
    });
  return [...make('unlisted', spec.unlistedVideos ?? 0, 1.5), ...make('private', spec.privateVideos ?? 0, 2.5)];
}

function video(handle: string, kind: YtKind, index: number, hqBytes: number, visibility: YtVisibility = 'public'): YtVideo {
  // Public uploads keep the seeds they always had, so their ids and bytes do not change.
  const rng = visibility === 'public' ? seeded('yt-video', handle, kind, index) : seeded('yt-video', handle, kind, visibility, index);
  const id = videoId(rng);
  const spacing = kind === 'video' ? 36 * HOUR : kind === 'short' ? 22 * HOUR : 20 * DAY;
  let publishedAt = REFERENCE_TIME - (index + (kind === 'live' ? 0.25 : 0)) * spacing - rng.int(0, 10 * HOUR);
  if (kind === 'video' && index === SPECIAL.lateEvening) publishedAt = Date.UTC(2026, 9, 18, 5, 30, 0) / 1000;
  const titles = kind === 'video' ? TITLES : kind === 'short' ? SHORT_TITLES : LIVE_TITLES;
  const base = titles[index % titles.length] ?? 'Untitled';
  const round = Math.floor(index / titles.length);
  return {
    id,
    kind,
    title: round === 0 ? base : `${base} (part ${round + 1})`,
    description: rng.pick(DESCRIPTIONS),
    publishedAt,
    durationSeconds: kind === 'short' ? rng.int(8, 59) : kind === 'live' ? rng.int(1_800, 10_800) : rng.int(45, 3_600),
    viewCount: rng.pick([0, 1, rng.int(2, 999), rng.int(1_000, 99_999), rng.int(100_000, 3_000_000)]),
    ageRestricted: kind === 'video' && index === SPECIAL.ageRestricted,
    visibility,
    thumbnails: thumbnailSizes(kind, index, hqBytes, rng),
  };
}

function thumbnailSizes(kind: YtKind, index: number, hqBytes: number, rng: Seeded): Map<ThumbnailName, number> {
  const size = (share: number) => Math.max(1_200, Math.floor(hqBytes * share * (0.85 + rng.next() * 0.3)));
  const sizes = new Map<ThumbnailName, number>([
    ['default', size(0.1)],
    ['mqdefault', size(0.5)],
    ['hqdefault', size(1)],
    ['sddefault', size(1.6)],
  ]);
  if (kind === 'short') {
    sizes.set('oardefault', size(1.4));
    sizes.set('frame0', size(1.4));
  } else if (!(kind === 'video' && index === SPECIAL.noMaxres)) {
    sizes.set('maxresdefault', size(3));
    sizes.set('hq720', size(2.8));
  }
  if (kind === 'video' && index === SPECIAL.noMedium) sizes.delete('mqdefault');
  return sizes;
}
