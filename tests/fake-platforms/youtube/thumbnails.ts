import { Readable } from 'node:stream';
import { layoutChunks, layoutSha256 } from '../media/file-layout';
import { buildLayout, type MediaFileSpec } from '../media/media-file';
import { text, type HostRoute, type Reply, type RequestContext } from '../server/reply';
import type { ChannelStore } from './channel-store';
import type { ThumbnailName, YtVideo } from './model';

/** What i.ytimg.com answers for a size that does not exist: 404, with a small grey JPEG as the body. */
const GREY_SPEC: MediaFileSpec = { format: 'jpg', bytes: 1_097, seed: 'i.ytimg.com grey 120x90' };

export function thumbnailSpec(video: YtVideo, name: ThumbnailName): MediaFileSpec | undefined {
  const bytes = video.thumbnails.get(name);
  return bytes === undefined ? undefined : { format: 'jpg', bytes, seed: `yt-thumb|${video.id}|${name}` };
}

export function digest(spec: MediaFileSpec): { sha256: string; bytes: number } {
  const layout = buildLayout(spec);
  return { sha256: layoutSha256(layout), bytes: layout.size };
}

function jpeg(status: number, spec: MediaFileSpec): Reply {
  const layout = buildLayout(spec);
  return {
    status,
    headers: {
      'content-type': 'image/jpeg',
      'content-length': layout.size,
      'cache-control': 'public, max-age=7200',
      'access-control-allow-origin': '*',
      'cross-origin-resource-policy': 'cross-origin',
      'timing-allow-origin': '*',
    },
    body: Readable.from(layoutChunks(layout)),
  };
}

/**
 * i.ytimg.com: `/vi/<id>/<name>.jpg`, no cookies, no signature (the query of a grid URL is ignored).
 * The `/vi_webp/…/<name>.webp` twins are not served (404): no client these tests run asks for them.
 */
export function thumbnailRoute(store: ChannelStore, login: Pick<HostRoute, 'loginRedirect' | 'loginPage'>): HostRoute {
  return {
    hosts: ['i.ytimg.com'],
    kind: 'media',
    loginRedirect: (ctx) => login.loginRedirect(ctx),
    loginPage: (ctx) => login.loginPage(ctx),
    async handle(ctx: RequestContext): Promise<Reply> {
      if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return text(405, 'Method Not Allowed');
      const match = /^\/vi\/([\w-]{11})\/(\w+)\.jpg$/.exec(ctx.url.pathname);
      const video = match ? store.video(match[1]!)?.video : undefined;
      const spec = video && thumbnailSpec(video, match![2] as ThumbnailName);
      return spec ? jpeg(200, spec) : jpeg(404, GREY_SPEC);
    },
  };
}
