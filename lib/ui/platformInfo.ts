import { descriptorFor } from '../platforms/descriptors';
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

/** What the popup shows of a platform, from its descriptor alone (the popup loads no adapter). */
export function platformInfo(platform: PlatformId): PlatformInfo {
  const { mediaKinds, loginUrl, mediaRules, pacing } = descriptorFor(platform);
  return { mediaKinds, loginUrl, formats: mediaRules.formats, maxBytes: mediaRules.maxBytes, pacing };
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
