import { adapterFor } from '../platforms/registry';
import type { MediaFormat, Pacing, PacingProfile, PlatformId } from '../platforms/types';

const MIB = 1024 * 1024;

export interface PlatformInfo {
  /** What media an export of this platform holds, in words. */
  mediaKinds: string;
  formats: readonly MediaFormat[];
  maxBytes: number;
  /** Where a logged-out user logs in. */
  loginUrl: string;
  /** The pause between API calls at each pacing profile. */
  pacing: Readonly<Record<PacingProfile, Pacing>>;
}

/** What each platform's export holds, in words; the formats, limits and pace are the adapter's own. */
const WORDS: Record<PlatformId, Pick<PlatformInfo, 'mediaKinds' | 'loginUrl'>> = {
  youtube: {
    mediaKinds: 'Thumbnails of every video of the channel (high and medium)',
    loginUrl: 'https://accounts.google.com/ServiceLogin?service=youtube&continue=https%3A%2F%2Fwww.youtube.com%2F',
  },
  instagram: {
    mediaKinds: 'Images, videos, stories and carousel media of all posts',
    loginUrl: 'https://www.instagram.com/accounts/login/',
  },
  facebook: {
    mediaKinds: 'Photos and videos from posts and uploads',
    loginUrl: 'https://www.facebook.com/login/',
  },
};

export function platformInfo(platform: PlatformId): PlatformInfo {
  const adapter = adapterFor(platform);
  return { ...WORDS[platform], formats: adapter.mediaRules.formats, maxBytes: adapter.mediaRules.maxBytes, pacing: adapter.pacing };
}

/** `1 GB`, `2 GB`, `500 MB`: sizes as the platforms' limits are usually written. */
export function formatLimit(bytes: number): string {
  const gib = bytes / (1024 * MIB);
  return gib >= 1 ? `${Number.isInteger(gib) ? gib : gib.toFixed(1)} GB` : `${Math.round(bytes / MIB)} MB`;
}

/** `6–12 s`, `0.3–0.75 s`: a pause range as a person reads it. */
export function formatPause({ minDelayMs, maxDelayMs }: Pacing): string {
  const seconds = (ms: number) => String(Math.round(ms / 10) / 100);
  return `${seconds(minDelayMs)}–${seconds(maxDelayMs)} s`;
}
