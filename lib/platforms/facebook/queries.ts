/**
 * Facebook's internal GraphQL queries as the web client sends them (Comet, 2025–2026), and the
 * response paths we read. Facebook rotates these: when a query starts failing, this module is the
 * one-file fix. The doc_ids here are the last resort: the live ones are read at run time from the
 * page's `<friendly name>_facebookRelayOperation` modules (docIds.ts). Sources: docs/platforms.md, "Facebook: endpoints",
 * SCrawler, the RipMe fork (2026), minhchi's extension (2025), lijunle's (2026). Paths marked
 * [verify] were seen in one client only.
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
  /** From one edge to the media node (Photo or Video); the first path that leads to one wins. */
  media: readonly (readonly string[])[];
  /** Variables the web client adds for this collection only. */
  extraVariables?: Record<string, unknown>;
}

const relayProvider = (name: string) => `__relay_internal__pv__${name}relayprovider`;

/**
 * The relay provider flags the 2026 media viewer sends (lijunle/facebook-post-downloader
 * `extensions/graphql.js`); without them Facebook answers `currMedia: null`. The values are the
 * web client's, not choices of ours.
 */
const DETAIL_RELAY_FLAGS: Record<string, boolean> = {
  [relayProvider('GHLShouldChangeSponsoredDataFieldName')]: true,
  [relayProvider('TestPilotShouldIncludeDemoAdUseCase')]: false,
  [relayProvider('CometUFIShareActionMigration')]: true,
  [relayProvider('CometUFICommentAvatarStickerAnimatedImage')]: false,
  [relayProvider('IsWorkUser')]: false,
  [relayProvider('CometUFIReactionsEnableShortName')]: false,
  [relayProvider('CometImmersivePhotoCanUserDisable3DMotion')]: false,
};

/** The reels listing's flags (minhchi1509/social_downloader_extension): with them a reel is `attachments[0].media`. */
const REELS_RELAY_FLAGS: Record<string, boolean> = {
  [relayProvider('FBReels_deprecate_short_form_video_context_gk')]: true,
  [relayProvider('FBReelsMediaFooter_comet_enable_reels_ads_gk')]: true,
};

const PHOTOS_QUERY = { friendlyName: 'ProfileCometAppCollectionPhotosRendererPaginationQuery', docId: '27028962643386672' };

export const COLLECTIONS: Record<CollectionName, CollectionQuery> = {
  // edges[].node{id, url, image{uri} (grid thumbnail), node: Photo{id, viewer_image{uri,width,height}}}
  uploads: { ...PHOTOS_QUERY, app: '2305272732', section: '5', pageSize: 8, connection: ['node', 'pageItems'], media: [['node', 'node']] },
  tagged: { ...PHOTOS_QUERY, app: '2305272732', section: '4', pageSize: 8, connection: ['node', 'pageItems'], media: [['node', 'node']] },
  // edges[].node{url, title{text}, node: Video{id}}; the friendly name is [verify], the doc_id is what minhchi sends.
  videos: {
    friendlyName: 'ProfileCometAppCollectionVideosRendererPaginationQuery',
    docId: '27205790585732100',
    app: '1560653304174514',
    section: '133',
    pageSize: 8,
    connection: ['node', 'pageItems'],
    media: [['node', 'node']],
  },
  // NDJSON; edges[].profile_reel_node.node{creation_time, message{text}, attachments[0].media: Video}.
  // With the reels flags the Video is `attachments[0].media`; answers without them (older
  // clients, or a flag Facebook stops honouring) carry it as `short_form_video_context.playback_video`.
  reels: {
    friendlyName: 'ProfileCometAppCollectionReelsRendererPaginationQuery',
    docId: '9608255752564845',
    app: '168684841768375',
    section: '260',
    pageSize: 10,
    connection: ['node', 'aggregated_fb_shorts'],
    media: [
      ['profile_reel_node', 'node', 'attachments', '0', 'media'],
      ['profile_reel_node', 'node', 'short_form_video_context', 'playback_video'],
    ],
    extraVariables: { feedLocation: 'COMET_MEDIA_VIEWER', feedbackSource: 65, renderLocation: null, useDefaultActor: true, ...REELS_RELAY_FLAGS },
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
  /** A Video node's size; `original_*` is the upload's, the delivered files may be smaller. */
  width: ['width'],
  height: ['height'],
  originalWidth: ['original_width'],
  originalHeight: ['original_height'],
  progressive: ['videoDeliveryResponseFragment', 'videoDeliveryResponseResult', 'progressive_urls'],
  legacy: ['videoDeliveryLegacyFields'],
  /** Best first, on `videoDeliveryLegacyFields` or (older answers) on the video itself. */
  legacyUrls: ['browser_native_hd_url', 'playable_url_quality_hd', 'browser_native_sd_url', 'playable_url'],
} as const;

/**
 * The photo set a media viewer request names, as the web client's URLs do (`set=` of a photo
 * link): a profile's uploads `pb.{uid}.-2207520000`, its tagged photos `t.{uid}`, the photos of
 * one post `pcb.{post id}`.
 */
export type Mediaset = { of: 'uploads' | 'tagged'; uid: string } | { of: 'post'; postId: string };

export function mediasetToken(set: Mediaset): string {
  if (set.of === 'post') return `pcb.${set.postId}`;
  return set.of === 'tagged' ? `t.${set.uid}` : `pb.${set.uid}.-2207520000`;
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

/** Videos are opened on their own (no set); photos within the set they were listed in. */
export function detailVariables(name: DetailName, nodeId: string, set: Mediaset | null): Record<string, unknown> {
  const common = { feedbackSource: 65, feedLocation: 'COMET_MEDIA_VIEWER', focusCommentID: null, isMediaset: true, nodeID: nodeId, scale: 1, useDefaultActor: false, ...DETAIL_RELAY_FLAGS };
  return name === 'photo'
    ? { ...common, mediasetToken: set && mediasetToken(set), renderLocation: 'comet_media_viewer', privacySelectorRenderLocation: 'COMET_MEDIA_VIEWER', shouldShowComments: true }
    : { ...common, mediasetToken: null, renderLocation: 'permalink', privacySelectorRenderLocation: 'COMET_STREAM' };
}
