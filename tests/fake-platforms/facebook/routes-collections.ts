import type { Reply } from '../server/reply';
import { graphqlErrors, graphqlLines } from './answers';
import type { FacebookMediaJson } from './media-json';
import type { FbProfile } from './model';
import type { FacebookProfiles } from './profiles';
import { FB_QUERIES } from './doc-ids';
import { wantsReelAttachments } from './relay-flags';

/** The collection queries of docs/platforms.md, "Facebook: endpoints": which `app_collection` ids each one serves. */
export const COLLECTION_SECTIONS = {
  photos: ['2305272732:5', '2305272732:4'],
  videos: ['1560653304174514:133'],
  reels: ['168684841768375:260'],
} as const;

type CollectionDoc = keyof typeof COLLECTION_SECTIONS;
const MAX_COUNT = 50;

export interface CollectionCall {
  doc: CollectionDoc;
  /** The session's user id: a friends-only profile shows its collections to itself alone. */
  viewerId: string;
  variables: Record<string, unknown>;
  profiles: FacebookProfiles;
  render: FacebookMediaJson;
}

/** Opaque to clients; bound to its collection so a cursor cannot wander into another one. */
function pageCursor(key: string, offset: number): string {
  return `AQHR${Buffer.from(`${key}|${offset}`).toString('base64url')}`;
}

function offsetOf(cursor: unknown, key: string): number | undefined {
  if (cursor === null || cursor === undefined || cursor === '') return 0;
  if (typeof cursor !== 'string' || !cursor.startsWith('AQHR')) return undefined;
  const [owner, offset] = Buffer.from(cursor.slice(4), 'base64url').toString('utf8').split('|');
  return owner === key && /^\d+$/.test(offset ?? '') ? Number(offset) : undefined;
}

export function collectionAnswer({ doc, viewerId, variables, profiles, render }: CollectionCall): Reply {
  const decoded = typeof variables.id === 'string' ? Buffer.from(variables.id, 'base64').toString('utf8') : '';
  const match = /^app_collection:(\d+):(\d+:\d+)$/.exec(decoded);
  const count = variables.count;
  if (!match || typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
    return graphqlErrors([{ message: 'A server error field_exception occured. Check server logs for details.' }]);
  }
  const [, profileId = '', section = ''] = match;
  const profile = profiles.id(profileId);
  const visible = profile && (!profile.friendsOnly || profile.id === viewerId);
  if (!visible || !(COLLECTION_SECTIONS[doc] as readonly string[]).includes(section)) {
    return graphqlLines([{ data: { node: null }, extensions: { is_final: true } }]);
  }
  const key = `${profileId}:${section}`;
  const offset = offsetOf(variables.cursor, key);
  if (offset === undefined) return graphqlErrors([{ message: 'Invalid cursor' }]);
  const nodeId = variables.id as string;
  const page = (length: number) => {
    const end = Math.min(length, offset + Math.min(count, MAX_COUNT));
    return { start: offset, end, pageInfo: { has_next_page: end < length, end_cursor: end > offset ? pageCursor(key, end) : null } };
  };
  if (doc === 'reels') {
    const { start, end, pageInfo } = page(profile.reels.length);
    const shape = wantsReelAttachments(variables) ? 'attachments' : 'short-form-context';
    const edges = profile.reels.slice(start, end).map((reel, i) => render.reelEdge(profile, reel, pageCursor(key, start + i + 1), shape));
    // page_info comes in a deferred part, as Relay delivers the connection's paging.
    return graphqlLines([
      { data: { node: { __typename: 'AppCollection', id: nodeId, aggregated_fb_shorts: { edges } } }, extensions: { is_final: false } },
      { label: `${FB_QUERIES.reels}$defer$ProfileCometAppCollectionReelsRenderer_collection_page_info`, path: ['node', 'aggregated_fb_shorts'], data: { page_info: pageInfo }, extensions: { is_final: true } },
    ]);
  }
  const items = itemsOf(profile, section);
  const { start, end, pageInfo } = page(items.length);
  const edges = items.slice(start, end).map((item, i) => {
    const cursor = pageCursor(key, start + i + 1);
    return 'photo' in item ? render.photoEdge(profile, section, item.photo, cursor) : render.videoEdge(profile, item.video, cursor);
  });
  return graphqlLines([{ data: { node: { __typename: 'AppCollection', id: nodeId, pageItems: { edges, page_info: pageInfo } } }, extensions: { is_final: true } }]);
}

function itemsOf(profile: FbProfile, section: string) {
  if (section === '2305272732:5') return profile.uploads.map((photo) => ({ photo }));
  if (section === '2305272732:4') return profile.tagged.map((photo) => ({ photo }));
  return profile.videos.map((video) => ({ video }));
}
