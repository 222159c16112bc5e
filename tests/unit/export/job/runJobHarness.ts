/**
 * What a runJob / scheduler test needs around the real engine: an adapter listing fixed pages, and
 * a download that writes fixed bytes into the staged file, which testServices.ts hands in.
 */
import { ExportError } from '../../../../lib/errors';
import type { DownloadWithRetryOptions, RetriedDownload } from '../../../../lib/export/media/downloadWithRetry';
import { instagramAdapter } from '../../../../lib/platforms/instagram';
import type { ListingStrategy, PlatformAdapter, Post } from '../../../../lib/platforms/types';
import { post } from './jobs';

/** JPEG magic and a few bytes: what every fake download stores. */
export const JPEG_BYTES = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);

/** One page of `count` posts with one photo each on Instagram's CDN, ids p0/m0, p1/m1… */
export function photoPosts(count: number, from = 0): Post[] {
  return Array.from({ length: count }, (_, i) => {
    const listed = post(`p${from + i}`, [`m${from + i}`]);
    return { ...listed, media: listed.media.map((m) => ({ ...m, url: `https://scontent.cdninstagram.com/v/${m.id}_n.jpg?oh=sig` })) };
  });
}

/** An Instagram adapter that resolves @star.demo and lists `pages`, one page per call. */
export function fakeAdapter(pages: Post[][], hooks: { beforePage?(page: number, signal: AbortSignal): Promise<void> } = {}): PlatformAdapter {
  const strategy: ListingStrategy = {
    name: 'test',
    async fetchPage(ctx, _account, cursor) {
      const page = cursor === null ? 0 : Number(cursor);
      await hooks.beforePage?.(page, ctx.signal);
      return { posts: pages[page] ?? [], nextCursor: page + 1 < pages.length ? String(page + 1) : null };
    },
  };
  return {
    ...instagramAdapter,
    resolveAccount: async () => ({ id: '1', handle: 'star.demo' }),
    sections: () => [{ name: 'posts', label: 'Posts', strategies: [strategy] }],
    refreshMediaUrl: async () => null,
  };
}

/** downloadWithRetry as if the CDN served JPEG_BYTES for every file. */
export async function servedDownload(opts: DownloadWithRetryOptions): Promise<RetriedDownload> {
  if (opts.signal.aborted) throw new ExportError('cancelled', 'The export was cancelled.');
  const sink = await opts.openSink();
  await sink.write(JPEG_BYTES);
  await sink.close();
  return { format: 'jpg', bytes: JPEG_BYTES.byteLength, contentType: 'image/jpeg', url: opts.url, attempts: 1 };
}

/** A promise the test settles by hand; `until` also ends (as cancelled) when `signal` aborts. */
export function gate(): { open(): void; until(signal: AbortSignal): Promise<void> } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return {
    open,
    until: (signal) =>
      Promise.race([
        opened,
        new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new ExportError('cancelled', 'The export was cancelled.')), { once: true })),
      ]),
  };
}
