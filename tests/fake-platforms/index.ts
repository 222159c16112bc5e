import { randomBytes } from 'node:crypto';
import { CdnCatalog } from './media/cdn-catalog';
import { cdnRoute } from './media/cdn-route';
import { FaultInjector } from './server/faults';
import { startHttpsServer } from './server/https-server';
import { startPlainHttpCatchAll } from './server/plain-http';
import { startProxy } from './server/proxy';
import type { HostRoute } from './server/reply';
import { RequestLog } from './server/request-log';
import { createSelfSignedCert } from './server/tls-cert';
import { InstagramPlatform } from './instagram/platform';
import { YouTubePlatform, youtubeFaultRule } from './youtube/platform';
import { FacebookPlatform, facebookFaultRule } from './facebook/platform';
import { BudgetEnforcer } from './budgets/enforcer';
import { REALISTIC_BUDGETS, type BudgetedPlatform } from './budgets/realistic';
import type { FakePlatforms, FakePlatformsOptions } from './types';

export type * from './types';

const DEFAULT_TTL_SECONDS = 3 * 86_400;
const DEFAULT_API_BUDGET = 1_000;

/** Starts the fake platforms: one HTTPS server for every platform host, plus a forward proxy. */
export async function startFakePlatforms(options: FakePlatformsOptions = {}): Promise<FakePlatforms> {
  const startedAt = Date.now();
  // Signatures only need to hold for this process; URLs still differ per run because `oe` does.
  const enforcer = (platform: BudgetedPlatform) =>
    options.enforceBudgets ? new BudgetEnforcer(REALISTIC_BUDGETS[platform], options.enforceBudgets.timeScale ?? 1) : undefined;
  const catalog = new CdnCatalog(randomBytes(32).toString('hex'), options.signedUrlTtlSeconds ?? DEFAULT_TTL_SECONDS);
  const instagram = new InstagramPlatform({
    accounts: options.instagramAccounts,
    hostile: options.instagramHostileAccount,
    apiBudgetPerMinute: options.apiBudgetPerMinute ?? DEFAULT_API_BUDGET,
    catalog,
    startedAt,
    era: options.instagramEra ?? 'legacy',
    docIdRotateAfter: options.instagramDocIdRotateAfter,
    enforcer: enforcer('instagram'),
  });
  const facebook = new FacebookPlatform({
    profiles: options.facebookProfiles,
    apiBudgetPerMinute: options.apiBudgetPerMinute ?? DEFAULT_API_BUDGET,
    catalog,
    enforcer: enforcer('facebook'),
  });
  const youtube = new YouTubePlatform({ ...options, apiBudgetPerMinute: options.apiBudgetPerMinute ?? DEFAULT_API_BUDGET, enforcer: enforcer('youtube') });
  const routes: HostRoute[] = [
    instagram.route,
    // Before the media CDN's *.cdninstagram.com, which would otherwise take this host.
    instagram.staticRoute,
    facebook.route,
    facebook.bundleRoute,
    ...youtube.routes,
    cdnRoute(['*.cdninstagram.com', '*.fna.fbcdn.net'], catalog, { latencyMs: options.mediaLatencyMs, bytesPerSecond: options.mediaBytesPerSecond }, (host) =>
      host.endsWith('.cdninstagram.com') || host.startsWith('instagram.') ? instagram.route : facebook.route,
    ),
  ];
  const hostPatterns = routes.flatMap((r) => r.hosts);
  const cert = await createSelfSignedCert(hostPatterns);
  const log = new RequestLog();
  const faults = new FaultInjector();
  const server = await startHttpsServer({ cert, port: options.port ?? 0, routes, log, faults });
  let proxy;
  let plainHttp;
  try {
    proxy = await startProxy(options.proxyPort ?? 0, server.port);
    plainHttp = await startPlainHttpCatchAll(log);
  } catch (error) {
    await Promise.all([server.close(), proxy?.close()]);
    throw error;
  }
  const openProxy = proxy;
  const openPlainHttp = plainHttp;
  // Cleartext (port 80, any host, platforms included) goes to a logger that refuses it; then the
  // platform hosts; then every other host to this server, which logs it and answers 421. Whatever
  // the browser asks for is in the log, and nothing leaves the machine.
  const hostResolverRules = [
    `MAP *:80 127.0.0.1:${plainHttp.port}`,
    ...hostPatterns.map((h) => `MAP ${h} 127.0.0.1:${server.port}`),
    `MAP * 127.0.0.1:${server.port}`,
    'EXCLUDE localhost',
  ].join(', ');

  return {
    port: server.port,
    proxyPort: proxy.port,
    spkiHash: cert.spkiHash,
    hostResolverRules,
    instagramCookies: (username) => instagram.cookies(username),
    instagramMedia: (username) => instagram.media(username),
    instagramPostIds: (username) => instagram.postIds(username),
    instagramPublishPosts: (count, username) => instagram.publishPosts(count, username),
    instagramDocIds: () => instagram.docIds.current(),
    rotateInstagramDocIds: () => instagram.docIds.rotate(),
    facebookCookies: (vanity) => facebook.cookies(vanity),
    facebookUserId: (vanity) => facebook.userId(vanity),
    facebookMedia: (vanity, opts) => facebook.media(vanity, opts),
    facebookItemIds: (vanity, opts) => facebook.itemIds(vanity, opts),
    facebookFault: (kind, opts) => faults.add(facebookFaultRule(kind, opts)),
    rotateFacebookTokens: () => facebook.rotateTokens(),
    rotateFacebookDocIds: () => facebook.rotateDocIds(),
    facebookDocIds: () => facebook.currentDocIds(),
    youtubeFault: (kind, opts) => faults.add(youtubeFaultRule(kind, opts)),
    youtubeCookies: (handle) => youtube.cookies(handle),
    youtubeMedia: (handle, opts) => youtube.media(handle, opts),
    youtubeVideoIds: (handle, opts) => youtube.videoIds(handle, opts),
    youtubeVisibility: (handle) => youtube.visibility(handle),
    youtubeChannelId: (handle) => youtube.channelId(handle),
    resolveMediaUrl: (url) => {
      const file = catalog.lookup(new URL(url));
      return file && { mediaId: file.mediaId, best: file.best };
    },
    get log() {
      return log.entries;
    },
    get maxMediaInFlight() {
      return log.maxMediaInFlight;
    },
    addFault: (rule) => faults.add(rule),
    clearFaults: () => faults.clear(),
    resetLog: () => log.reset(),
    close: async () => {
      await Promise.all([openProxy.close(), openPlainHttp.close(), server.close()]);
    },
  };
}
