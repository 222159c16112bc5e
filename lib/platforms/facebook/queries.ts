/**
 * Facebook's internal GraphQL queries as the web client sends them (Comet, 2025–2026), and the
 * response paths we read. Facebook rotates these: when a query starts failing, this module is the
 * one-file fix. The live doc_id of a query is in the page's
 * `require("<friendly name>_facebookRelayOperation")`; sources: PLATFORMS.md, SCrawler, the RipMe
 * fork (2026), minhchi's extension (2025). Paths marked [verify] were seen in one client only.
 */

export type CollectionName = 'uploads' | 'tagged' | 'videos' | 'reels';
export type DetailName = 'photo' | 'video';

export interface CollectionQuery {
  friendlyName: string;
  docId: string;
  /** The collection node id is base64("app_collection:{uid}:{app}:{section}"). */
  app: string;
  section: string;
  pageSize: number;
  /** From the response's `data` to the connection holding `edges` and `page_info`. */
  connection: readonly string[];
  /** From one edge to the media node (Photo or Video). */
  media: readonly string[];
  /** Variables the web client adds for this collection only. */
  extraVariables?: Record<string, unknown>;
}

const PHOTOS_QUERY = { friendlyName: 'ProfileCometAppCollectionPhotosRendererPaginationQuery', docId: '27028962643386672' };

export const COLLECTIONS: Record<CollectionName, CollectionQuery> = {
  // edges[].node{id, url, image{uri} (grid thumbnail), node: Photo{id, viewer_image{uri,width,height}}}
  uploads: { ...PHOTOS_QUERY, app: '2305272732', section: '5', pageSize: 8, connection: ['node', 'pageItems'], media: ['node', 'node'] },
  tagged: { ...PHOTOS_QUERY, app: '2305272732', section: '4', pageSize: 8, connection: ['node', 'pageItems'], media: ['node', 'node'] },
  // edges[].node{url, title{text}, node: Video{id}}; the friendly name is [verify], the doc_id is what minhchi sends.
  videos: {
    friendlyName: 'ProfileCometAppCollectionVideosRendererPaginationQuery',
    docId: '27205790585732100',
    app: '1560653304174514',
    section: '133',
    pageSize: 8,
    connection: ['node', 'pageItems'],
    media: ['node', 'node'],
  },
  // NDJSON; edges[].profile_reel_node.node{creation_time, message{text}, attachments[0].media: Video}
  reels: {
    friendlyName: 'ProfileCometAppCollectionReelsRendererPaginationQuery',
    docId: '9608255752564845',
    app: '168684841768375',
    section: '260',
    pageSize: 10,
    connection: ['node', 'aggregated_fb_shorts'],
    media: ['profile_reel_node', 'node', 'attachments', '0', 'media'],
    extraVariables: { feedLocation: 'COMET_MEDIA_VIEWER', feedbackSource: 65, renderLocation: null, useDefaultActor: true },
  },
};

export interface DetailQuery {
  friendlyName: string;
  docId: string;
  /** From the merged response's `data` to the media (deferred parts merged in at their `path`). */
  media: readonly string[];
}

export const DETAILS: Record<DetailName, DetailQuery> = {
  photo: { friendlyName: 'CometPhotoRootContentQuery', docId: '25407333282216326', media: ['currMedia'] },
  video: { friendlyName: 'CometVideoRootMediaViewerQuery', docId: '25092610667077508', media: ['currMedia'] },
};

/** Field paths inside one media node (Photo or Video) of a detail answer. */
export const MEDIA_FIELDS = {
  typename: ['__typename'],
  id: ['id'],
  /** Photo: the full-size image of the media viewer; the collection's `viewer_image` is the same file. */
  image: ['image'],
  listedImage: ['viewer_image'],
  accessibilityCaption: ['accessibility_caption'],
  /** Unix seconds: photos say `created_time`, videos `publish_time` (`creation_time` on reel listings). */
  times: [['created_time'], ['publish_time'], ['creation_time']],
  /** The caption arrives in a deferred part of the detail answer [verify for videos]. */
  caption: [['message', 'text'], ['title', 'text']],
  ownerId: ['owner', 'id'],
  ownerName: ['owner', 'name'],
  permalink: [['permalink_url'], ['url']],
  duration: ['length_in_second'],
  originalWidth: ['original_width'],
  originalHeight: ['original_height'],
  progressive: ['videoDeliveryResponseFragment', 'videoDeliveryResponseResult', 'progressive_urls'],
  legacy: ['videoDeliveryLegacyFields'],
  /** Best first, on `videoDeliveryLegacyFields` or (older answers) on the video itself. */
  legacyUrls: ['browser_native_hd_url', 'playable_url_quality_hd', 'browser_native_sd_url', 'playable_url'],
} as const;

/** Where the page keeps the photo sets a media viewer request names. */
export function photoMediasetToken(uid: string): string {
  return `pb.${uid}.-2207520000`;
}

export function collectionVariables(query: CollectionQuery, uid: string, cursor: string | null): Record<string, unknown> {
  return {
    count: query.pageSize,
    cursor,
    scale: 1,
    id: btoa(`app_collection:${uid}:${query.app}:${query.section}`),
    ...query.extraVariables,
  };
}

export function detailVariables(name: DetailName, nodeId: string, uid: string): Record<string, unknown> {
  const common = { feedbackSource: 65, feedLocation: 'COMET_MEDIA_VIEWER', focusCommentID: null, isMediaset: true, nodeID: nodeId, scale: 1, useDefaultActor: false };
  return name === 'photo'
    ? { ...common, mediasetToken: photoMediasetToken(uid), renderLocation: 'comet_media_viewer', privacySelectorRenderLocation: 'COMET_MEDIA_VIEWER' }
    : { ...common, mediasetToken: null, renderLocation: 'permalink', privacySelectorRenderLocation: 'COMET_STREAM' };
}
