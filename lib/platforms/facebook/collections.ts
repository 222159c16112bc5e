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
  if (isObject(payload.data) && payload.data.node === null) {
    throw new ExportError('private_account', `Facebook does not show this profile’s ${LABELS[name]} to you, so they cannot be exported.`);
  }
  const connection = asObject(dig(payload.data, ...query.connection));
  const edges = connection?.edges;
  if (!connection || !Array.isArray(edges)) throw platformChanged(query.friendlyName, said);
  const pageInfo = asObject(connection.page_info);
  const next = pageInfo?.has_next_page === true ? asString(pageInfo.end_cursor) : undefined;
  return { media: asObjects(edges).flatMap((edge) => asObjects([dig(edge, ...query.media)])), next: next === after ? undefined : next };
}
