import { ExportError, isExportError } from '../../errors';
import type { MediaItem, PlatformContext } from '../types';
import { asObjects, type JsonObject } from '../shared/jsonReaders';
import { asMediaPk, mediaPk, type MediaPk } from './json';
import { readMediaInfo } from './mediaInfo';
import { extractMediaItems } from './parseMedia';
import { readReels, REELS_MEDIA } from './reels';
import { reelOf } from './reelIndex';
import { isRetired, isRetirement, markRetired } from './retiredEndpoints';
import { mediaByPostRoot } from './strategies/postRootGraphql';
import { readReelsViaGraphql } from './strategies/storiesGraphql';

/** One way to read an item's post again; undefined when that way does not have it. */
type RefreshWay = { name: string; read(ctx: PlatformContext, pk: MediaPk, reelId: string): Promise<JsonObject | undefined> };

/** The REST endpoint first, the web app's GraphQL next, for posts and for the reel a story item came from. */
const POST_WAYS: readonly RefreshWay[] = [
  { name: 'media_info', read: (ctx, pk) => readMediaInfo(ctx, pk) },
  { name: 'post_root', read: (ctx, pk) => mediaByPostRoot(ctx, pk) },
];
const REEL_WAYS: readonly RefreshWay[] = [
  { name: REELS_MEDIA, read: async (ctx, pk, reelId) => itemOf(await readReels(ctx, [reelId]), pk) },
  { name: 'reel_graphql', read: async (ctx, pk, reelId) => itemOf(await readReelsViaGraphql(ctx, [reelId]), pk) },
];

/** What moves the refresh to its next way rather than ending it. */
const SWITCHES: ReadonlySet<string> = new Set(['endpoint_retired', 'platform_changed', 'http_error']);

/**
 * A fresh signed URL for an item whose URL expired, or null when the item is gone. A way found
 * retired for this session is remembered and not asked again for the next item.
 */
export async function refreshMediaUrl(ctx: PlatformContext, item: MediaItem): Promise<string | null> {
  const pk = asMediaPk(item.postId);
  if (!pk) {
    // A post kept under an id that is no pk (parseMedia) has no endpoint to ask, and its id never goes into a URL.
    throw new ExportError(
      'expired_url',
      'The file’s link expired and cannot be renewed: Instagram sent its post without a numeric media id, the only kind of id the extension sends back to Instagram.',
    );
  }
  // Story items come from their reel again, as the web app reads them; one no longer there, from its post.
  const reelId = reelOf(ctx, item.id);
  const media = (reelId ? await readAgain(ctx, pk, reelId, REEL_WAYS) : undefined) ?? (await readAgain(ctx, pk, '', POST_WAYS));
  if (!media) return null;
  const fresh = extractMediaItems(media).find((candidate) => candidate.id === item.id && candidate.kind === item.kind);
  return fresh && !fresh.unavailable ? fresh.url : null;
}

async function readAgain(ctx: PlatformContext, pk: MediaPk, reelId: string, ways: readonly RefreshWay[]): Promise<JsonObject | undefined> {
  let lastError: unknown;
  for (const way of ways.filter((candidate) => !isRetired(ctx, candidate.name))) {
    try {
      return await way.read(ctx, pk, reelId);
    } catch (error) {
      if (!isExportError(error) || !SWITCHES.has(error.kind)) throw error;
      if (isRetirement(error)) markRetired(ctx, way.name);
      lastError = error;
    }
  }
  if (lastError) throw lastError;
  return undefined;
}

function itemOf(reels: JsonObject[], pk: MediaPk): JsonObject | undefined {
  return reels.flatMap((reel) => asObjects(reel.items)).find((media) => mediaPk(media) === pk);
}
