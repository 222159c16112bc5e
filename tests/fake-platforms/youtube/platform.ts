import { cannedReplyFault } from '../server/faults';
import { json, type HostRoute } from '../server/reply';
import type { FakeCookie, FakePlatformsOptions, FaultRule, ServedMedia, YouTubeFaultKind } from '../types';
import { ApiBudget } from '../instagram/api-budget';
import { ChannelStore } from './channel-store';
import { DEMO_HANDLE, DEMO_SPEC, buildChannel } from './demo-data';
import { allVideos, type YtChannel } from './model';
import { youtubeRoute } from './routes';
import { unauthenticated } from './youtube-call';
import { YouTubeSessions } from './sessions';
import { digest, thumbnailRoute, thumbnailSpec } from './thumbnails';
import { botWall, PlayerBudget } from './watch';
import { withDemoSpec } from '../demoSpecs';

const DEFAULT_PLAYER_BUDGET = 100_000;

export type YouTubePlatformOptions = Pick<
  FakePlatformsOptions,
  'youtubeChannels' | 'youtubeShape' | 'youtubeContinuationShape' | 'youtubePlayerBudget'
> & { apiBudgetPerMinute: number };

/** The fake YouTube: its channels, sessions, www.youtube.com and i.ytimg.com, and what tests ask about them. */
export class YouTubePlatform {
  readonly routes: HostRoute[];
  private readonly store = new ChannelStore();
  private readonly sessions = new YouTubeSessions();

  constructor(options: YouTubePlatformOptions) {
    for (const spec of withDemoSpec(options.youtubeChannels, DEMO_SPEC, (s) => s.handle === DEMO_HANDLE)) {
      if (this.store.key(spec.handle)) throw new Error(`duplicate fake YouTube channel ${spec.handle}`);
      const channel = buildChannel(spec);
      this.store.add(channel);
      this.sessions.add(channel.owner);
    }
    const www = youtubeRoute({
      store: this.store,
      sessions: this.sessions,
      budget: new ApiBudget(options.apiBudgetPerMinute),
      playerBudget: new PlayerBudget(options.youtubePlayerBudget ?? DEFAULT_PLAYER_BUDGET),
      options: { shape: options.youtubeShape ?? 'lockup', continuationShape: options.youtubeContinuationShape ?? 'renderer' },
    });
    this.routes = [www, thumbnailRoute(this.store, www)];
  }

  private channel(handle = DEMO_HANDLE): YtChannel {
    const channel = this.store.key(handle);
    if (!channel) throw new Error(`no fake YouTube channel ${handle}`);
    return channel;
  }

  cookies(handle?: string): FakeCookie[] {
    return this.sessions.cookies(this.channel(handle).owner);
  }

  /** Every video of the channel: Videos, then Shorts, then Live, each newest first. */
  videoIds(handle?: string): string[] {
    return allVideos(this.channel(handle)).map((video) => video.id);
  }

  /** The high and medium thumbnail of every video, where they exist (a missing one answers 404). */
  media(handle?: string): ServedMedia[] {
    const channel = this.channel(handle);
    return allVideos(channel).flatMap((video) =>
      (['hqdefault', 'mqdefault'] as const).flatMap((name): ServedMedia[] => {
        const spec = thumbnailSpec(video, name);
        if (!spec) return [];
        const size = name === 'hqdefault' ? 'high' : 'medium';
        return [{ platform: 'youtube', account: channel.handle, postId: video.id, mediaId: `${video.id}_${size}`, kind: 'image', format: 'jpg', takenAt: video.publishedAt, ...digest(spec) }];
      }),
    );
  }
}

/**
 * A fault rule for InnerTube: 'logged-out' answers every call as a session whose cookies stopped
 * being accepted (401 UNAUTHENTICATED); 'bot-wall' makes `player` ask "are you a bot?".
 */
export function youtubeFaultRule(kind: YouTubeFaultKind, options: { times?: number; after?: number } = {}): FaultRule {
  const reply = kind === 'logged-out' ? unauthenticated() : json(200, { responseContext: { mainAppWebResponseContext: { loggedOut: false } }, playabilityStatus: botWall() });
  const path = kind === 'logged-out' ? 'www.youtube.com/youtubei/v1/' : 'www.youtube.com/youtubei/v1/player';
  return {
    match: { pathIncludes: path },
    times: options.times,
    after: options.after,
    fault: cannedReplyFault(reply),
  };
}
