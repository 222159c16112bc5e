import { addFakeCookies, type ExtensionSession } from '../../tests/e2e/harness';
import { useQuickPacing } from '../../tests/e2e/quickPacing';
import type { FakePlatforms } from '../../tests/fake-platforms/types';
import type { BenchConfig } from '../config';
import { withRig } from '../lib/benchRig';
import { exportFromPopup } from '../lib/popupExport';
import { round } from '../lib/stats';

type Platform = 'instagram' | 'youtube' | 'facebook';

export interface IncrementalResult {
  platform: Platform;
  posts: number;
  newPosts: number;
  full: { apiCalls: number; wallMs: number; files: number; byEndpoint: string };
  again: { apiCalls: number; wallMs: number; files: number; byEndpoint: string };
  callRatio: number;
  wallRatio: number;
  target: number;
  met: boolean;
}

export interface SpeedLimitResult {
  limitMBps: number;
  measuredMBps: number;
  ratio: number;
  seconds: number;
  files: number;
  target: string;
  met: boolean;
}

export interface OptionsResult {
  /** Instagram, YouTube and Facebook, in that order. */
  incremental: IncrementalResult[];
  speedLimit: SpeedLimitResult;
}

/** The export options the popup starts with are the user's defaults: set as History & settings saves them. */
async function useDefaultOptions(session: ExtensionSession, options: Record<string, unknown>): Promise<void> {
  const preferences = JSON.stringify({ format: 'json', includeMedia: true, retentionDays: 7, pacing: 'careful', options });
  await session.serviceWorker.evaluate(`chrome.storage.local.set({ userPreferences: ${preferences} })`);
}

/** Each platform's own API host: the browser's own background requests (Google's ListAccounts, checkin) reach the fakes too and are no export's calls. */
const API_HOST: Record<Platform, string> = { instagram: 'www.instagram.com', youtube: 'www.youtube.com', facebook: 'www.facebook.com' };

const platformCalls = (fake: FakePlatforms, platform: Platform) => fake.log.filter((entry) => entry.kind === 'api' && entry.host === API_HOST[platform]);

/** The run's API calls by endpoint (method and path, no query), most called first. */
function callsByEndpoint(fake: FakePlatforms, platform: Platform): string {
  const counts = new Map<string, number>();
  for (const entry of platformCalls(fake, platform)) {
    const endpoint = `${entry.method} ${entry.path.replace(/\?.*/, '')}`;
    counts.set(endpoint, (counts.get(endpoint) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([endpoint, n]) => `${n} ${endpoint}`).join(', ');
}

const mediaFiles = (fake: FakePlatforms) => fake.log.filter((entry) => entry.kind === 'media').length;

/**
 * The account each platform's run exports: `posts` of the kind every run makes most calls for.
 * Only the fake Instagram can publish between runs; the others run again with nothing new, and
 * each new post would add its one lookup (YouTube `player`, Facebook's detail query).
 */
function rigFor(platform: Platform, posts: number) {
  if (platform === 'instagram') return { instagramAccounts: [{ username: 'star.demo', posts }], apiBudgetPerMinute: 100_000 };
  if (platform === 'youtube') return { youtubeChannels: [{ handle: 'star.demo', videos: posts, shorts: 0, lives: 0 }], apiBudgetPerMinute: 100_000 };
  return { facebookProfiles: [{ vanity: 'star.demo', uploads: posts, videos: 0, reels: 0, tagged: 0 }], apiBudgetPerMinute: 100_000 };
}

function cookiesOf(fake: FakePlatforms, platform: Platform) {
  if (platform === 'instagram') return fake.instagramCookies();
  return platform === 'youtube' ? fake.youtubeCookies() : fake.facebookCookies();
}

/**
 * "Only new since last export": a full export of the account, then, after it published a few
 * posts (Instagram) or nothing (the others), the same export again. API calls to the platform and
 * wall time of the second ÷ the first.
 */
async function incremental(platform: Platform, config: BenchConfig['options'], log: (line: string) => void): Promise<IncrementalResult> {
  const posts = config.incrementalPosts;
  return withRig(rigFor(platform, posts), async ({ fake, session }) => {
    await useQuickPacing(session);
    await addFakeCookies(session.context, cookiesOf(fake, platform));
    await useDefaultOptions(session, { onlyNew: true });
    const run = async () => {
      fake.resetLog();
      const exported = await exportFromPopup({ fake, session }, { platform, includeMedia: true, timeoutMs: 900_000 });
      return { apiCalls: platformCalls(fake, platform).length, wallMs: exported.wallMs, files: mediaFiles(fake), byEndpoint: callsByEndpoint(fake, platform) };
    };
    const full = await run();
    log(`  ${platform} full export: ${full.apiCalls} API calls, ${full.files} files, ${(full.wallMs / 1000).toFixed(1)} s (${full.byEndpoint})`);
    const newPosts = platform === 'instagram' ? fake.instagramPublishPosts(config.newPosts).length : 0;
    const again = await run();
    log(`  ${platform} only new: ${again.apiCalls} API calls, ${again.files} files, ${(again.wallMs / 1000).toFixed(1)} s (${again.byEndpoint})`);
    const callRatio = round(again.apiCalls / full.apiCalls, 3);
    const wallRatio = round(again.wallMs / full.wallMs, 3);
    return { platform, posts, newPosts, full, again, callRatio, wallRatio, target: 0.05, met: callRatio <= 0.05 && wallRatio <= 0.05 };
  });
}

/**
 * Download speed limit: media bytes over the time the browser took to read them ÷ the limit. A
 * request goes out once a slot read its previous file to the end, so request times are the
 * browser's clock; when the last went out, all but the two files in flight were read (half counted).
 */
async function speedLimit(config: BenchConfig['options'], log: (line: string) => void): Promise<SpeedLimitResult> {
  const spec = { username: 'star.demo', posts: config.speedPosts, imageBytes: 250_000, videoBytes: 500_000 };
  return withRig({ instagramAccounts: [spec] }, async ({ fake, session }) => {
    await useQuickPacing(session);
    await addFakeCookies(session.context, fake.instagramCookies());
    await useDefaultOptions(session, { speedLimitMBps: config.limitMBps });
    fake.resetLog();
    await exportFromPopup({ fake, session }, { includeMedia: true, timeoutMs: 900_000 });
    const bytesOf = new Map(fake.instagramMedia().map((m) => [m.mediaId, m.bytes]));
    const requests = fake.log
      .filter((entry) => entry.kind === 'media' && (entry.status === 200 || entry.status === 206))
      .sort((a, b) => a.at - b.at)
      .map((entry) => ({ at: entry.at, bytes: bytesOf.get(fake.resolveMediaUrl(`https://${entry.host}${entry.path}`)?.mediaId ?? '') ?? 0 }));
    const last = requests[requests.length - 1];
    if (!last || requests.length < 4) throw new Error('The speed-limited export downloaded too few files to measure.');
    const inFlight = requests.slice(-3, -1).reduce((sum, r) => sum + r.bytes, 0);
    const read = requests.slice(0, -1).reduce((sum, r) => sum + r.bytes, 0) - inFlight / 2;
    const seconds = (last.at - requests[0]!.at) / 1000;
    const measuredMBps = round(read / seconds / 1_000_000, 3);
    const ratio = round(measuredMBps / config.limitMBps, 3);
    log(`  ${requests.length} files at a ${config.limitMBps} MB/s limit: ${measuredMBps} MB/s over ${seconds.toFixed(1)} s`);
    return { limitMBps: config.limitMBps, measuredMBps, ratio, seconds: round(seconds, 1), files: requests.length, target: '0.9–1.0', met: ratio >= 0.9 && ratio <= 1.0 };
  });
}

export async function benchOptions(config: BenchConfig['options'], log: (line: string) => void): Promise<OptionsResult> {
  const runs: IncrementalResult[] = [];
  for (const platform of ['instagram', 'youtube', 'facebook'] as const) runs.push(await incremental(platform, config, log));
  return { incremental: runs, speedLimit: await speedLimit(config, log) };
}
