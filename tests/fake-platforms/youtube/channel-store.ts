import type { YtChannel, YtVideo } from './model';
import { allVideos } from './model';

/** Every fake channel and video, looked up the ways the routes need. */
export class ChannelStore {
  private readonly byId = new Map<string, YtChannel>();
  private readonly byKey = new Map<string, YtChannel>();
  private readonly byHandle = new Map<string, YtChannel>();
  private readonly byLegacyPath = new Map<string, YtChannel>();
  private readonly videos = new Map<string, { channel: YtChannel; video: YtVideo }>();

  add(channel: YtChannel): void {
    this.byKey.set(channel.owner.key, channel);
    if (channel.id === null) return;
    this.byId.set(channel.id, channel);
    this.byHandle.set(channel.handle.toLowerCase(), channel);
    for (const path of channel.legacyPaths) this.byLegacyPath.set(path.toLowerCase(), channel);
    for (const video of allVideos(channel)) this.videos.set(video.id, { channel, video });
  }

  all(): YtChannel[] {
    return [...this.byKey.values()];
  }

  /** By the key a spec gave (the handle, also for a user without a channel). */
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
