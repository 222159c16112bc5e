/**
 * What the extension knows about a platform before it calls it: plain data, no browser API, so the
 * build config (host permissions), the request checks and the popup read it without loading an
 * adapter. Each platform's own is `lib/platforms/<name>/descriptor.ts`.
 */

export type MediaFormat = 'jpg' | 'png' | 'gif' | 'webp' | 'mp4' | 'mov';

export interface MediaRules {
  maxBytes: number;
  formats: readonly MediaFormat[];
}

/** Where a platform's pages and API live. */
export interface PlatformSite {
  /** Origin of its pages and API; cookies are read for this URL and Origin/Referer set to it. */
  origin: string;
  /** Hosts of its pages (for recognising a tab), API calls included. */
  hosts: readonly string[];
  /** Hosts its media are served from (`*.` for any subdomain); media elsewhere are never fetched. */
  mediaHosts: readonly string[];
}

/** How fast the export may call a platform's API: the user's choice, Careful by default. */
export type PacingProfile = 'careful' | 'normal' | 'fast';

/** A randomised pause between two API calls to one platform, in ms. */
export interface Pacing {
  minDelayMs: number;
  maxDelayMs: number;
}

/** API calls one platform allows in any rolling hour and day before the export pauses. */
export interface CallBudget {
  perHour: number;
  perDay: number;
}

/** How fast one pacing profile may go on one platform. */
export interface PacingLimits extends Pacing {
  budget: CallBudget;
}

export interface PlatformDescriptor {
  id: string;
  label: string;
  site: PlatformSite;
  mediaRules: MediaRules;
  /** Where a logged-out user logs in. */
  loginUrl: string;
  /** What an export of this platform holds, in words for the popup. */
  mediaKinds: string;
  /** The pause between API calls and the rolling call budget at each pacing profile, from what the platform was seen to tolerate. */
  pacing: Readonly<Record<PacingProfile, PacingLimits>>;
}

/**
 * The hosts the extension may reach for a platform: its API origin (cookies, API calls) and its media
 * hosts. The other page hosts (m., web., the bare domain) only identify a tab, which needs no permission.
 */
export function hostPermissions(descriptor: PlatformDescriptor): string[] {
  return [`${descriptor.site.origin}/*`, ...descriptor.site.mediaHosts.map((host) => `https://${host}/*`)];
}
