import { describe, expect, it } from 'vitest';
import type { ExportRequest } from '../../lib/export/types';
import type { PlatformId } from '../../lib/platforms/types';
import type { FakeCookie, FakePlatforms, FaultRule, RequestLogEntry, ServedMedia } from '../fake-platforms/types';
import { expectEveryServedFileAccountedFor, expectNeverMoreThanThreeInFlight, isPlatformHost, openExport, type CheckedExport, type ExportManifest } from './exportChecks';
import { startJsonExportWithMedia, useExtensionWithFake } from './extensionWithFake';
import { addFakeCookies, existingZips, PopupPage, waitForZip } from './harness';
import { startFromExtensionPage } from './startFromExtensionPage';

const EXPORT_TIMEOUT_MS = 180_000;
const STALL_MS = 2000;
const GIB = 1024 * 1024 * 1024;

type Outcome = { complete: true } | { failedFile: string } | { jobError: RegExp };

interface FaultCase {
  name: string;
  /** Faults to inject; a function for those only the fake platform itself knows how to answer. */
  faults: FaultRule[] | ((fake: FakePlatforms) => void);
  account?: string;
  outcome: Outcome;
  /** The shortest gap (ms) the fake must see before the faulted request is asked again. */
  backoffMs?: number;
  /** `baselineLog`: the requests of the same export without faults. */
  check?: (log: readonly RequestLogEntry[], manifest: ExportManifest | undefined, baselineLog: readonly RequestLogEntry[]) => void;
}

/** What differs between platforms; everything else in the matrix is the same for all three. */
interface PlatformFaults {
  platform: PlatformId;
  cookies: (fake: FakePlatforms) => FakeCookie[];
  served: (fake: FakePlatforms, account?: string) => ServedMedia[];
  /** The files as the ZIP holds them, where the platform's dates are not always exact. */
  asExported?: (served: ServedMedia[], manifest: ExportManifest) => ServedMedia[];
  /** The API calls that list posts: a rate limit or a server error there is waited out and asked again. */
  listing: FaultRule['match'];
  /** Listing calls to let through before an API fault (the first page lists fine). */
  listingAfter: number;
  /** Just past the platform's per-file limit. */
  oversizeBytes: number;
  /** How an expired signed URL ends: refreshed (signed CDNs) or a failed file (unsigned thumbnails). */
  expired: Pick<FaultCase, 'outcome' | 'check'>;
  /** Empty, private, logged out mid-export, checkpoint, and anything the platform adds. */
  accountCases: FaultCase[];
}

/** Calls to a platform's API and pages; Chromium's own background requests (also in the fake's log) are left out. */
const platformCalls = (log: readonly RequestLogEntry[]) => log.filter((e) => e.kind === 'api' && isPlatformHost(e.host));

const status = (s: number, retryAfterSeconds?: number): FaultRule['fault'] => ({ type: 'status', status: s, retryAfterSeconds });

/**
 * Calls to the API paths a refresh uses, beyond the fault-free export's: a refresh asks the API
 * again. (Counting the calls after the 403 would not do: the listing still runs while the first
 * files download.)
 */
function refreshCalls(log: readonly RequestLogEntry[], baselineLog: readonly RequestLogEntry[], path: RegExp): number {
  expect(log.some((e) => e.kind === 'media' && e.status === 403), 'the expired URL was asked').toBe(true);
  const calls = (entries: readonly RequestLogEntry[]) => platformCalls(entries).filter((e) => path.test(e.path)).length;
  return calls(log) - calls(baselineLog);
}

function commonCases(p: PlatformFaults): FaultCase[] {
  const api = (after: number, fault: FaultRule['fault']): FaultRule => ({ match: p.listing, after: p.listingAfter + after, fault });
  return [
    { name: 'API 429 with Retry-After', faults: [api(0, status(429, 3))], outcome: { complete: true }, backoffMs: 3000 },
    { name: 'API 429 without Retry-After', faults: [api(0, status(429))], outcome: { complete: true }, backoffMs: 2000 },
    { name: 'API 500, 502 and 503', faults: [api(0, status(500)), api(1, status(502)), api(2, status(503))], outcome: { complete: true }, backoffMs: 1000 },
    { name: 'media 429 with Retry-After', faults: [{ match: 'media', after: 4, fault: status(429, 2) }], outcome: { complete: true }, backoffMs: 2000 },
    { name: 'media 429 without Retry-After', faults: [{ match: 'media', after: 4, fault: status(429) }], outcome: { complete: true }, backoffMs: 500 },
    {
      name: 'media 500, 502 and 503',
      faults: [
        { match: 'media', after: 2, fault: status(500) },
        { match: 'media', after: 6, fault: status(502) },
        { match: 'media', after: 9, fault: status(503) },
      ],
      outcome: { complete: true },
      backoffMs: 500,
    },
    { name: 'connection reset mid-body', faults: [{ match: 'media', after: 3, fault: { type: 'reset' } }], outcome: { complete: true } },
    { name: 'truncated body with a correct Content-Length', faults: [{ match: 'media', after: 3, fault: { type: 'truncate' } }], outcome: { complete: true } },
    {
      name: 'headers that take longer than the stall timeout',
      faults: [{ match: 'media', after: 3, fault: { type: 'delay', ms: STALL_MS * 5 } }],
      outcome: { complete: true },
      // Without the watchdog the delayed answer would still come and the export complete: what
      // proves the watchdog is the request given up and asked again before that answer.
      check: (log) => {
        const stalled = log.find((e) => e.kind === 'media' && e.faulted);
        expect(stalled, 'the delay fault fired').toBeDefined();
        const again = log.find((e) => e !== stalled && e.kind === 'media' && e.path === stalled!.path && e.at > stalled!.at);
        expect(again, 'the stalled request was given up and asked again').toBeDefined();
        expect(again!.at - stalled!.at).toBeLessThan(STALL_MS * 3);
      },
    },
    { name: 'expired signed media URL', faults: [{ match: 'media', after: 3, fault: { type: 'expire' } }], ...p.expired },
    { name: 'oversize file with Content-Length', faults: [{ match: 'media', after: 3, fault: { type: 'oversize', bytes: p.oversizeBytes, declareLength: true } }], outcome: { failedFile: 'too_large' } },
    { name: 'oversize file without Content-Length', faults: [{ match: 'media', after: 3, fault: { type: 'oversize', bytes: p.oversizeBytes, declareLength: false } }], outcome: { failedFile: 'too_large' } },
    { name: 'an HTML login page served as an image', faults: [{ match: 'media', after: 3, fault: { type: 'html-login' } }], outcome: { failedFile: 'not_allowed_type' } },
    // Never followed: the login page is on another host than the media allow-list names.
    { name: 'a media URL that redirects to the login page', faults: [{ match: 'media', after: 3, fault: { type: 'redirect-login' } }], outcome: { failedFile: 'not_allowed_host' } },
    ...p.accountCases,
  ];
}

const INSTAGRAM: PlatformFaults = {
  platform: 'instagram',
  cookies: (fake) => fake.instagramCookies(),
  served: (fake, account) => fake.instagramMedia(account),
  listing: 'api',
  listingAfter: 2,
  oversizeBytes: GIB + 4096,
  expired: {
    outcome: { complete: true },
    check: (log, _manifest, baseline) => expect(refreshCalls(log, baseline, /\/api\/v1\/(media\/\d+\/info|feed\/reels_media)\//)).toBeGreaterThan(0),
  },
  accountCases: [
    {
      name: '401 “Please wait a few minutes” (a rate limit, not a logout)',
      faults: [
        {
          match: 'api',
          after: 2,
          fault: { type: 'status', status: 401, contentType: 'application/json', body: '{"message":"Please wait a few minutes before you try again.","require_login":true,"status":"fail"}' },
        },
      ],
      outcome: { complete: true },
      backoffMs: 2000,
    },
    { name: 'an empty account', faults: [], account: 'empty.account', outcome: { complete: true } },
    { name: 'a private account', faults: [], account: 'private.account', outcome: { jobError: /private account/ } },
    { name: 'logged out mid-export', faults: [{ match: 'api', after: 3, times: Infinity, fault: { type: 'redirect-login' } }], outcome: { jobError: /Log in to Instagram/ } },
    {
      name: 'a checkpoint',
      faults: [
        {
          match: 'api',
          after: 2,
          fault: { type: 'status', status: 400, contentType: 'application/json', body: '{"message":"checkpoint_required","checkpoint_url":"https://www.instagram.com/challenge/","lock":true,"status":"fail"}' },
        },
      ],
      outcome: { jobError: /confirm it’s you/ },
    },
  ],
};

/** Date lookups (player calls) answered before a fault stops them; the channel below has 51 videos. */
const PLAYER_CALLS_BEFORE_FAULT = 30;

const YOUTUBE: PlatformFaults = {
  platform: 'youtube',
  cookies: (fake) => fake.youtubeCookies(),
  served: (fake, account) => fake.youtubeMedia(account),
  // Files of videos dated other than by the player (the age-gated one by its day, all after a bot
  // wall by their grid labels, Shorts then undated) are named by the date the manifest gives.
  asExported: (served, manifest) => {
    const inexact = new Map(
      manifest.posts.filter((post) => post.metadata.dateSource !== 'player').map((post) => [post.id, post.publishedAt]),
    );
    return served.map((file) => {
      const date = inexact.get(file.postId);
      return date === undefined ? file : { ...file, takenAt: date ? Date.parse(date) / 1000 : NaN };
    });
  },
  listing: { pathIncludes: 'www.youtube.com/youtubei/v1/browse' },
  listingAfter: 1,
  oversizeBytes: 2 * GIB + 4096,
  // i.ytimg.com URLs are not signed: there is no newer link to ask for, so the refusal is recorded.
  expired: { outcome: { failedFile: 'expired_url' }, check: (log, _manifest, baseline) => expect(refreshCalls(log, baseline, /^\/youtubei\//)).toBe(0) },
  accountCases: [
    {
      name: '429 on a date lookup (player): no more lookups, the rest dated from the grid',
      faults: [{ match: { pathIncludes: 'www.youtube.com/youtubei/v1/player' }, after: PLAYER_CALLS_BEFORE_FAULT, fault: status(429) }],
      outcome: { complete: true },
      check: (log, manifest) => {
        expect(log.filter((e) => e.path.startsWith('/youtubei/v1/player'))).toHaveLength(PLAYER_CALLS_BEFORE_FAULT + 1);
        expect(manifest!.posts.filter((post) => post.metadata.dateApproximate).length).toBeGreaterThan(0);
      },
    },
    { name: 'an empty channel', faults: [], account: 'empty.channel', outcome: { complete: true } },
    { name: 'a terminated channel', faults: [], account: 'gone.channel', outcome: { jobError: /It says: “This account has been terminated/ } },
    { name: 'logged out mid-export', faults: (fake) => fake.youtubeFault('logged-out', { after: 3, times: Infinity }), outcome: { jobError: /Log in to YouTube/ } },
    {
      name: 'the “confirm you’re not a bot” wall',
      faults: (fake) => fake.youtubeFault('bot-wall', { after: PLAYER_CALLS_BEFORE_FAULT, times: Infinity }),
      outcome: { complete: true },
      check: (log, manifest) => {
        // One refused call, then no more asking; the rest are dated from the grid's labels.
        expect(log.filter((e) => e.path.startsWith('/youtubei/v1/player'))).toHaveLength(PLAYER_CALLS_BEFORE_FAULT + 1);
        const approximate = manifest!.posts.filter((post) => post.metadata.dateApproximate);
        expect(approximate.length).toBeGreaterThan(0);
        expect(approximate.length).toBeLessThan(manifest!.posts.length);
      },
    },
  ],
};

const FACEBOOK: PlatformFaults = {
  platform: 'facebook',
  cookies: (fake) => fake.facebookCookies(),
  served: (fake, account) => fake.facebookMedia(account),
  listing: { pathIncludes: 'www.facebook.com/api/graphql/' },
  listingAfter: 2,
  oversizeBytes: GIB + 4096,
  expired: { outcome: { complete: true }, check: (log, _manifest, baseline) => expect(refreshCalls(log, baseline, /^\/api\/graphql\//)).toBeGreaterThan(0) },
  accountCases: [
    {
      name: '“Rate limit exceeded” (error 1675004)',
      faults: (fake) => fake.facebookFault('rate-limit', { after: 3 }),
      outcome: { complete: true },
      backoffMs: 2000,
    },
    { name: 'an empty profile', faults: [], account: 'empty.profile', outcome: { complete: true } },
    { name: 'a friends-only profile', faults: [], account: 'friends.only', outcome: { jobError: /does not show this profile’s/ } },
    { name: 'logged out mid-export', faults: (fake) => fake.facebookFault('logged-out', { after: 3, times: Infinity }), outcome: { jobError: /Log in to Facebook/ } },
    {
      name: 'a checkpoint',
      faults: [{ match: { pathIncludes: 'www.facebook.com/api/graphql/' }, after: 2, fault: { type: 'redirect', location: 'https://www.facebook.com/checkpoint/1501092823525282/?next=https%3A%2F%2Fwww.facebook.com%2F' } }],
      // A browser hides where a redirect leads, and docs/platforms.md ("Facebook: errors") counts both as a lost session:
      // the user is sent to log in, where Facebook shows its check. Nothing is asked after it.
      outcome: { jobError: /Log in to Facebook/ },
      check: (log) => expect(log.filter((e) => e.host === 'www.facebook.com').at(-1)).toMatchObject({ status: 302, faulted: true }),
    },
  ],
};

/** The gap between the first faulted answer and the next request for the same path. */
function retryGap(log: readonly RequestLogEntry[]): number | undefined {
  const faulted = log.findIndex((e) => e.faulted);
  if (faulted < 0) return undefined;
  const first = log[faulted]!;
  const retry = log.slice(faulted + 1).find((e) => e.path === first.path && e.host === first.host);
  return retry ? retry.at - (first.at + first.durationMs) : undefined;
}

describe('Fault matrix: every file in the ZIP or in the failed list, never hammering', () => {
  const env = useExtensionWithFake(
    {
      instagramAccounts: [
        { username: 'empty.account', posts: 0, stories: 0, highlights: 0 },
        { username: 'private.account', posts: 5, isPrivate: true },
      ],
      // Two Videos pages, a Shorts and a Live tab: every listing path, quickly.
      youtubeChannels: [
        { handle: 'star.demo', videos: 40, shorts: 10, lives: 1 },
        { handle: 'empty.channel', videos: 0 },
        { handle: 'gone.channel', videos: 5, terminated: true },
      ],
      facebookProfiles: [
        { vanity: 'empty.profile', uploads: 0 },
        { vanity: 'friends.only', uploads: 5, friendsOnly: true },
      ],
    },
    { stallTimeoutMs: STALL_MS },
  );

  async function runExport(platform: PlatformId, account?: string): Promise<{ outcome: 'done' | 'error'; text: string; exported?: CheckedExport; zipPath?: string }> {
    const { session } = env;
    const before = await existingZips(session.downloadsDir);
    const popup = await PopupPage.open(session.context, session.extensionId);
    try {
      const request: ExportRequest = { platform, format: 'json', includeMedia: true, ...(account ? { account } : {}) };
      // The popup exports the logged-in user's own account; another account is asked for directly.
      if (account) await popup.startBy(() => startFromExtensionPage(popup.page, request));
      else await startJsonExportWithMedia(popup, platform);
      const end = await popup.waitForFinalStage(EXPORT_TIMEOUT_MS);
      if (end.outcome !== 'done') return end;
      const zipPath = await waitForZip(session.downloadsDir, 60_000, before);
      return { ...end, zipPath, exported: await openExport(zipPath, platform) };
    } finally {
      await popup.page.close();
    }
  }

  describe.each([INSTAGRAM, YOUTUBE, FACEBOOK])('$platform', (p) => {
    let baselineApiCalls = 0;
    let baselineLog: readonly RequestLogEntry[] = [];
    /** What a fault-free export records as failed (YouTube lacks one thumbnail size of one video). */
    let baselineFailed: string[] = [];

    it('a run without faults sets the baseline', async () => {
      await env.session.context.clearCookies();
      await addFakeCookies(env.session.context, p.cookies(env.fake));
      env.fake.clearFaults();
      env.fake.resetLog();
      const run = await runExport(p.platform);
      expect(run.outcome, run.text).toBe('done');
      const { manifest } = run.exported!;
      const served = p.served(env.fake);
      await expectEveryServedFileAccountedFor(run.zipPath!, run.exported!, p.asExported?.(served, manifest) ?? served);
      baselineLog = [...env.fake.log];
      baselineApiCalls = platformCalls(baselineLog).length;
      baselineFailed = manifest.failed.map((f) => `${f.mediaId}:${f.reason}`);
    });

    it.each(commonCases(p))('$name', async (c) => {
      const { fake } = env;
      fake.clearFaults();
      fake.resetLog();
      if (typeof c.faults === 'function') c.faults(fake);
      else for (const fault of c.faults) fake.addFault(fault);
      const run = await runExport(p.platform, c.account);
      const log = fake.log;
      // A case whose fault never fired would pass without testing anything.
      if (typeof c.faults === 'function' || c.faults.length > 0) expect(log.some((e) => e.faulted), 'the fault fired').toBe(true);

      if ('jobError' in c.outcome) {
        expect(run.outcome, run.text).toBe('error');
        expect(run.text).toMatch(c.outcome.jobError);
      } else {
        expect(run.outcome, run.text).toBe('done');
        const { manifest } = run.exported!;
        const served = p.served(fake, c.account);
        await expectEveryServedFileAccountedFor(run.zipPath!, run.exported!, p.asExported?.(served, manifest) ?? served);
        const failed = manifest.failed.filter((f) => c.account || !baselineFailed.includes(`${f.mediaId}:${f.reason}`));
        if ('failedFile' in c.outcome) {
          expect(failed.map((f) => f.reason)).toEqual([c.outcome.failedFile]);
          expect(failed[0]!.message.length).toBeGreaterThan(10);
          expect(failed[0]!.url).not.toContain('?');
        } else {
          expect(failed).toEqual([]);
        }
        if (served.length > 0) expectNeverMoreThanThreeInFlight(fake);
        else expect(manifest.posts).toEqual([]);
      }

      if (c.backoffMs !== undefined) {
        const gap = retryGap(log);
        expect(gap, 'the faulted request was asked again').toBeDefined();
        expect(gap!).toBeGreaterThanOrEqual(c.backoffMs - 50);
      }
      // Never hammered: a fault costs a few extra API calls, not a loop.
      expect(platformCalls(log).length).toBeLessThanOrEqual(baselineApiCalls + 6);
      c.check?.(log, run.exported?.manifest, baselineLog);
    });
  });
});
