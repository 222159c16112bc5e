import { ExportError } from '../../errors';
import type { PlatformContext } from '../types';
import { asObject, asObjects, asString, dig, isObject, type JsonObject } from '../shared/jsonReaders';
import { graphqlQuery } from './graphql';
import { COLLECTIONS, collectionVariables, type CollectionName } from './queries';
import { platformChanged } from './responses';

export interface CollectionPage {
  /** The media nodes (Photo or Video) of the page's edges, in collection order. */
  media: JsonObject[];
  /** Where the next page starts; undefined when this was the last. */
  next?: string;
}

const LABELS: Record<CollectionName, string> = { uploads: 'photos', tagged: 'tagged photos', videos: 'videos', reels: 'reels' };

/** One page of a profile's collection, read with the cursor the previous page ended on. */
export async function readCollection(ctx: PlatformContext, profileId: string, name: CollectionName, after: string | undefined): Promise<CollectionPage> {
  const query = COLLECTIONS[name];
  const payload = await graphqlQuery(ctx, query, collectionVariables(query, profileId, after ?? null));
  const said = asString(payload.errors[0]?.message);
  // Errors beside data mean part of the page is missing: never taken as a (short) page.
  if (payload.errors.length > 0) throw platformChanged(query.friendlyName, said);
  if (isObject(payload.data) && payload.data.node === null) throw notShown(name);
  const connection = asObject(dig(payload.data, ...query.connection));
  const edges = connection?.edges;
  if (!connection || !Array.isArray(edges)) throw platformChanged(query.friendlyName, said);
  const pageInfo = asObject(connection.page_info);
  const next = pageInfo?.has_next_page === true ? asString(pageInfo.end_cursor) : undefined;
  const media = asObjects(edges).map((edge) => query.media.map((path) => dig(edge, ...path)).find(isObject));
  // An edge whose media is at none of the known places would vanish unreported: the shape changed.
  if (media.some((node) => node === undefined)) throw platformChanged(query.friendlyName, said);
  return { media: media.filter(isObject), next: next === after ? undefined : next };
}

/**
 * `data.node: null`: Facebook does not show this collection to the session. Hidden uploads mean
 * the profile itself is closed to the user; another collection hidden is that section's trouble
 * alone, and the rest still exports.
 */
function notShown(name: CollectionName): ExportError {
  const message = `Facebook does not show this profile’s ${LABELS[name]} to you, so they cannot be exported.`;
  return new ExportError(name === 'uploads' ? 'private_account' : 'endpoint_retired', message);
}
