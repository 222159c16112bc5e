import type { PlatformContext } from '../types';
import { asString, dig, isObject, type JsonObject } from '../shared/jsonReaders';
import { graphqlQuery } from './graphql';
import { DETAILS, detailVariables, type DetailName } from './queries';
import { platformChanged } from './responses';

/**
 * The media viewer's answer for one item, deferred parts (caption, owner name) merged in; null
 * when Facebook says the item is gone or hidden (`currMedia: null`).
 */
export async function readMediaDetail(ctx: PlatformContext, profileId: string, kind: DetailName, mediaId: string): Promise<JsonObject | null> {
  const query = DETAILS[kind];
  const payload = await graphqlQuery(ctx, query, detailVariables(kind, mediaId, profileId));
  const media = dig(payload.data, ...query.media);
  if (media === null) return null;
  if (!isObject(media)) throw platformChanged(query.friendlyName, asString(payload.errors[0]?.message));
  return media;
}
