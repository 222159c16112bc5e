import type { YtChannel, YtUser, YtVideo } from './model';
import { allVideos } from './model';

/** Every fake channel and video, looked up the ways the routes need. */
export class ChannelStore {
  private readonly byId = new Map<string, YtChannel>();
  private readonly byKey = new Map<string, YtChannel>();
  private readonly byHandle = new Map<string, YtChannel>();
  private readonly byLegacyPath = new Map<string, YtChannel>();
  private readonly videos = new Map<string, { channel: YtChannel; video: YtVideo }>();

  add(channel: YtChannel): void {
    this.byKey.set(channel.handle, channel);
    if (channel.id === null) return;
    this.byId.set(channel.id, channel);
    this.byHandle.set(channel.handle.toLowerCase(), channel);
    for (const path of channel.legacyPaths) this.byLegacyPath.set(path.toLowerCase(), channel);
    for (const video of allVideos(channel)) this.videos.set(video.id, { channel, video });
  }

  all(): YtChannel[] {
    return [...this.byKey.values()];
  }

  /** The brand account a user's session is switched to (the first one the user manages), if any. */
  switchedBrand(user: YtUser): YtChannel | undefined {
    return this.all().find((channel) => channel.brandPageId !== undefined && channel.owner === user);
  }

  /**
   * The identity a call acts as: the user's brand account when the call names it by X-Goog-PageId,
   * else the user's personal identity (whose record has no channel id when it never made one).
   */
  actingAs(user: YtUser, pageId: string | undefined): YtChannel | undefined {
    const brand = pageId ? this.all().find((channel) => channel.brandPageId === pageId && channel.owner === user) : undefined;
    return brand ?? this.key(user.key);
  }

  /** By the handle a spec gave (also for a user without a channel). */
  key(key: string): YtChannel | undefined {
    return this.byKey.get(key);
  }

  id(channelId: string): YtChannel | undefined {
    return this.byId.get(channelId);
  }

  /** Handles compare case-insensitively, as YouTube's do. */
  handle(handle: string): YtChannel | undefined {
    return this.byHandle.get(handle.toLowerCase());
  }

  legacyPath(path: string): YtChannel | undefined {
    return this.byLegacyPath.get(path.toLowerCase());
  }

  video(videoId: string): { channel: YtChannel; video: YtVideo } | undefined {
    return this.videos.get(videoId);
  }

  /** The channel a page path names: /@h, /channel/UC…, /c/…, /user/… (followed by a tab, or not). */
  fromPath(path: string): { channel: YtChannel; rest: string } | undefined {
    const [first = '', second = '', ...rest] = path.split('/').filter(Boolean).map((part) => decodeURIComponent(part));
    if (first.startsWith('@')) {
      const channel = this.handle(first.slice(1));
      return channel && { channel, rest: [second, ...rest].filter(Boolean).join('/') };
    }
    const channel = first === 'channel' ? this.id(second) : first === 'c' || first === 'user' ? this.legacyPath(`${first}/${second}`) : undefined;
    return channel && { channel, rest: rest.join('/') };
  }
}
