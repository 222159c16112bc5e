import type { PacingProfile } from '../platforms/types';

const PROFILE_NAMES: Record<PacingProfile, string> = { careful: 'Careful', normal: 'Normal', fast: 'Fast' };

/** `1 200`: thousands apart by a space, as the estimate is read aloud. */
export function formatCount(count: number): string {
  return String(Math.round(count)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** `under a minute`, `25 minutes`, `2.5 hours`, `3 days`: a duration as a rough guess reads. */
export function formatRoughDuration(ms: number): string {
  const minutes = ms / 60_000;
  if (minutes < 1) return 'under a minute';
  if (minutes < 90) return `about ${Math.round(minutes)} ${Math.round(minutes) === 1 ? 'minute' : 'minutes'}`;
  const hours = minutes / 60;
  if (hours < 48) return `about ${Math.round(hours * 2) / 2} hours`;
  return `about ${Math.round(hours / 24)} days`;
}

/** "about 1 200 posts — about 25 minutes at Careful pace". */
export function costEstimateText(postCount: number, ms: number, profile: PacingProfile): string {
  return `about ${formatCount(postCount)} posts — ${formatRoughDuration(ms)} at ${PROFILE_NAMES[profile]} pace`;
}
