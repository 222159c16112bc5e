import { cannedReplyFault } from '../server/faults';
import { json, type HostRoute } from '../server/reply';
import type { FakeCookie, FakePlatformsOptions, FaultRule, ServedMedia, YouTubeFaultKind, YouTubeVisibility } from '../types';
import type { BudgetEnforcer } from '../budgets/enforcer';
import { ApiBudget } from '../instagram/api-budget';
import { ChannelStore } from './channel-store';
import { DEMO_HANDLE, DEMO_SPEC, buildChannel } from './demo-data';
import { allVideos, tabVideos, type ThumbnailName, type YtChannel, type YtVideo } from './model';
import { youtubeRoute } from './routes';
import { unauthenticated } from './youtube-call';
import { YouTubeSessions } from './sessions';
import { digest, thumbnailRoute, thumbnailSpec } from './thumbnails';
import { PlayerBudget, playerRefusal } from './watch';
import { withDemoSpec } from '../demoSpecs';

const DEFAULT_PLAYER_BUDGET = 100_000;

/**
 * What a complete export holds of each video: the largest thumbnail that exists (maxresdefault only
 * for uploads of 720p or more, else sddefault, else hqdefault) as `<id>_high`, and mqdefault.
 */
const COMPLETE_EXPORT_THUMBNAILS: readonly { size: string; ladder: readonly ThumbnailName[] }[] = [
  { size: 'high', ladder: ['maxresdefault', 'sddefault', 'hqdefault'] },
  { size: 'medium', ladder: ['mqdefault'] },
];

export type YouTubePlatformOptions = Pick<
  FakePlatformsOptions,
  | 'youtubeChannels'
  | 'youtubeShape'
  | 'youtubeContinuationShape'
  | 'youtubePlayerBudget'
  | 'youtubePlayerRefusal'
  | 'youtubeWrappedContinuations'
  | 'youtubeTabUrlQuery'
> & { apiBudgetPerMinute: number; enforcer?: BudgetEnforcer };

/** The fake YouTube: its channels, sessions, www.youtube.com and i.ytimg.com, and what tests ask about them. */
export class YouTubePlatform {
  readonly routes: HostRoute[];
  private readonly store = new ChannelStore();
  private readonly sessions = new YouTubeSessions();

  constructor(options: YouTubePlatformOptions) {
    const specs = withDemoSpec(options.youtubeChannels, DEMO_SPEC, (s) => s.handle === DEMO_HANDLE);
    const channels = specs.map(buildChannel);
    for (const [i, channel] of channels.entries()) {
      const managedBy = specs[i]!.brandAccountOf;
      if (managedBy !== undefined) {
        const manager = channels.find((other) => other.handle === managedBy && other.brandPageId === undefined);
        if (!manager) throw new Error(`fake YouTube brand account ${channel.handle}: no personal account ${managedBy}`);
        channel.owner = manager.owner;
      }
    }
    for (const channel of channels) {
      if (this.store.key(channel.handle)) throw new Error(`duplicate fake YouTube channel ${channel.handle}`);
      this.store.add(channel);
      if (channel.brandPageId === undefined) this.sessions.add(channel.owner);
    }
    const www = youtubeRoute({
      store: this.store,
      sessions: this.sessions,
      budget: new ApiBudget(options.apiBudgetPerMinute),
      playerBudget: new PlayerBudget(options.youtubePlayerBudget ?? DEFAULT_PLAYER_BUDGET, options.youtubePlayerRefusal ?? 'bot-wall', options.enforcer),
      options: {
        shape: options.youtubeShape ?? 'lockup',
        continuationShape: options.youtubeContinuationShape ?? 'renderer',
        wrappedContinuations: options.youtubeWrappedContinuations ?? false,
        tabUrlQuery: options.youtubeTabUrlQuery ?? '',
      },
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

  /** What an export lists: the tabs' public uploads (Videos, Shorts, Live); for the owner, then the hidden ones. */
  private exported(channel: YtChannel, asOwner: boolean): YtVideo[] {
    const tabs = [...tabVideos(channel, 'videos'), ...tabVideos(channel, 'shorts'), ...tabVideos(channel, 'streams')];
    const hidden = asOwner ? allVideos(channel).filter((video) => video.visibility !== 'public').sort((a, b) => b.publishedAt - a.publishedAt) : [];
    return [...tabs, ...hidden];
  }

  videoIds(handle?: string, options: { asOwner?: boolean } = {}): string[] {
    return this.exported(this.channel(handle), options.asOwner ?? false).map((video) => video.id);
  }

  channelId(handle?: string): string {
    const { id } = this.channel(handle);
    if (id === null) throw new Error(`fake YouTube account ${handle} has no channel`);
    return id;
  }

  visibility(handle?: string): Record<string, YouTubeVisibility> {
    return Object.fromEntries(allVideos(this.channel(handle)).map((video) => [video.id, video.visibility]));
  }

  /** The high and medium thumbnail of every exported video, where they exist (a missing one answers 404). */
  media(handle?: string, options: { asOwner?: boolean } = {}): ServedMedia[] {
    const channel = this.channel(handle);
    return this.exported(channel, options.asOwner ?? false).flatMap((video) =>
      COMPLETE_EXPORT_THUMBNAILS.flatMap(({ size, ladder }): ServedMedia[] => {
        const spec = ladder.map((name) => thumbnailSpec(video, name)).find((found) => found !== undefined);
        if (!spec) return [];
        return [{ platform: 'youtube', account: channel.handle, postId: video.id, mediaId: `${video.id}_${size}`, kind: 'image', format: 'jpg', takenAt: video.publishedAt, ...digest(spec) }];
      }),
    );
  }
}

/**
 * A fault rule for InnerTube: 'logged-out' answers every call as a session whose cookies stopped
 * being accepted (401 UNAUTHENTICATED); a player refusal makes `player` answer with it.
 */
export function youtubeFaultRule(kind: YouTubeFaultKind, options: { times?: number; after?: number } = {}): FaultRule {
  const reply = kind === 'logged-out' ? unauthenticated() : json(200, { responseContext: { mainAppWebResponseContext: { loggedOut: false } }, playabilityStatus: playerRefusal(kind) });
  const path = kind === 'logged-out' ? 'www.youtube.com/youtubei/v1/' : 'www.youtube.com/youtubei/v1/player';
  return {
    match: { pathIncludes: path },
    times: options.times,
    after: options.after,
    fault: cannedReplyFault(reply),
  };
}
