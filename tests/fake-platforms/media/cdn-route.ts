import { Readable } from 'node:stream';
import { layoutChunks, type PlannedLayout } from './file-layout';
import { buildLayout, CONTENT_TYPES } from './media-file';
import type { CdnCatalog } from './cdn-catalog';
import { text, type HostRoute, type Reply, type RequestContext } from '../server/reply';

export interface CdnOptions {
  latencyMs?: number;
  bytesPerSecond?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Streams [start, end) of a generated file, never holding more than one frame, paced to `bytesPerSecond`. */
function mediaStream(layout: PlannedLayout, start: number, end: number, bytesPerSecond?: number): Readable {
  async function* paced(): AsyncGenerator<Buffer> {
    const began = Date.now();
    let sent = 0;
    const slice = bytesPerSecond ? Math.max(1024, Math.floor(bytesPerSecond / 20)) : Infinity;
    for (const chunk of layoutChunks(layout, start, end)) {
      for (let offset = 0; offset < chunk.length; offset += slice) {
        const piece = chunk.subarray(offset, Math.min(chunk.length, offset + slice));
        if (bytesPerSecond) {
          const due = began + (sent / bytesPerSecond) * 1000;
          if (due > Date.now()) await sleep(due - Date.now());
        }
        sent += piece.length;
        yield piece;
      }
    }
  }
  return Readable.from(paced(), { objectMode: false });
}

function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'invalid' | undefined {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return 'invalid';
  if (match[1] === '') {
    const suffix = Number(match[2]);
    return suffix === 0 ? 'invalid' : { start: Math.max(0, size - suffix), end: size };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size : Math.min(size, Number(match[2]) + 1);
  return start >= size || end <= start ? 'invalid' : { start, end };
}

type Login = Pick<HostRoute, 'loginRedirect' | 'loginPage'>;

/**
 * The media CDN hosts: signed URLs only, no cookies needed, Range supported like the real edge.
 * Platforms share CDN domains (Instagram also serves from fbcdn.net), so `loginFor` tells by the
 * host whose login a login fault shows.
 */
export function cdnRoute(hosts: string[], catalog: CdnCatalog, options: CdnOptions, loginFor: (host: string) => Login): HostRoute {
  return {
    hosts,
    kind: 'media',
    loginRedirect: (ctx) => loginFor(ctx.host).loginRedirect(ctx),
    loginPage: (ctx) => loginFor(ctx.host).loginPage(ctx),
    async handle(ctx: RequestContext): Promise<Reply> {
      if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return text(405, 'Method Not Allowed');
      const file = catalog.lookup(ctx.url);
      if (!file) return text(404, 'Not Found');
      const verdict = catalog.verify(ctx.url, ctx.receivedAt);
      if (verdict === 'mismatch') return text(403, 'URL signature mismatch');
      if (verdict === 'expired') return text(403, 'URL signature expired');
      if (options.latencyMs) await sleep(options.latencyMs);

      const layout = buildLayout(file.spec);
      const headers: Record<string, string | number> = {
        'content-type': CONTENT_TYPES[file.spec.format],
        'accept-ranges': 'bytes',
        'last-modified': new Date(file.modifiedAt * 1000).toUTCString(),
        'cache-control': 'max-age=1209600, no-transform',
        'access-control-allow-origin': '*',
        'cross-origin-resource-policy': 'cross-origin',
        'timing-allow-origin': '*',
      };
      const range = parseRange(ctx.req.headers.range, layout.size);
      if (range === 'invalid') return text(416, 'Requested Range Not Satisfiable', { 'content-range': `bytes */${layout.size}` });
      const { start, end } = range ?? { start: 0, end: layout.size };
      headers['content-length'] = end - start;
      if (range) headers['content-range'] = `bytes ${start}-${end - 1}/${layout.size}`;
      return { status: range ? 206 : 200, headers, body: mediaStream(layout, start, end, options.bytesPerSecond) };
    },
  };
}
