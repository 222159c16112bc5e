import type { PlatformContext } from '../types';
import { asString, dig, isObject, type JsonObject } from '../shared/jsonReaders';
import { graphqlQuery } from './graphql';
import { DETAILS, detailVariables, type CollectionName, type DetailName, type Mediaset } from './queries';
import { platformChanged, stoppedAnswering } from './responses';

/**
 * `currMedia: null` for one item is that item's failure; this many in a row mean the query
 * itself changed (docs/platforms.md, "Facebook: errors"), and listing stops rather than failing every
 * item that follows.
 */
export const NOT_RETURNED_LIMIT = 5;

/** Per job run and section: how many listed items in a row came back as `currMedia: null`. */
const streaks = new WeakMap<PlatformContext, Map<CollectionName, number>>();

/**
 * The media viewer's answer for an item the `section` listed, deferred parts (caption, owner
 * name) merged in; null when Facebook did not return it. Photos are asked for within `set`, the
 * set they were listed in.
 */
export async function readMediaDetail(ctx: PlatformContext, section: CollectionName, mediaId: string, set: Mediaset | null): Promise<JsonObject | null> {
  const kind: DetailName = section === 'uploads' || section === 'tagged' ? 'photo' : 'video';
  const media = await fetchMediaDetail(ctx, kind, mediaId, set);
  const counts = streaks.get(ctx) ?? new Map<CollectionName, number>();
  streaks.set(ctx, counts);
  const streak = media ? 0 : (counts.get(section) ?? 0) + 1;
  counts.set(section, streak);
  if (streak >= NOT_RETURNED_LIMIT) throw stoppedAnswering(DETAILS[kind].friendlyName, streak);
  return media;
}

/**
 * One media viewer request: the media, or null for `currMedia: null`. Errors beside the data
 * fail the request, even when some media came: a partial answer is never taken for a whole one.
 */
export async function fetchMediaDetail(ctx: PlatformContext, kind: DetailName, mediaId: string, set: Mediaset | null): Promise<JsonObject | null> {
  const query = DETAILS[kind];
  const payload = await graphqlQuery(ctx, query, detailVariables(kind, mediaId, set));
  const said = asString(payload.errors[0]?.message);
  if (payload.errors.length > 0) throw platformChanged(query.friendlyName, said);
  const media = dig(payload.data, ...query.media);
  if (media === null) return null;
  if (!isObject(media)) throw platformChanged(query.friendlyName, said);
  return media;
}
