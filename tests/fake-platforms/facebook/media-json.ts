import type { CdnCatalog, CdnFile } from '../media/cdn-catalog';
import type { FbPhoto, FbProfile, FbVideo } from './model';

/**
 * Renders the fake's photos and videos in the web client's shapes (docs/platforms.md,
 * "Facebook: items"), signing every URL afresh as the real API does on each answer.
 */
export class FacebookMediaJson {
  constructor(private readonly catalog: CdnCatalog) {}

  private url(file: CdnFile): string {
    return this.catalog.url(file);
  }

  private image(file: CdnFile, width: number, height: number) {
    return { uri: this.url(file), width, height };
  }

  /** One edge of the photos collections (`pageItems`). */
  photoEdge(profile: FbProfile, collection: string, photo: FbPhoto, cursor: string) {
    return {
      node: {
        __typename: 'TimelineAppCollectionItem',
        id: Buffer.from(`app_collection_item:${profile.id}:${collection}:${photo.id}`).toString('base64'),
        url: `https://www.facebook.com/photo.php?fbid=${photo.id}&set=pb.${profile.id}.-2207520000&type=3`,
        image: this.image(photo.thumb, 206, 206),
        node: {
          __typename: 'Photo',
          __isNode: 'Photo',
          id: photo.id,
          viewer_image: this.image(photo.full, photo.width, photo.height),
          accessibility_caption: photo.accessibilityCaption,
        },
      },
      cursor,
    };
  }

  /** One edge of the videos collection. */
  videoEdge(profile: FbProfile, video: FbVideo, cursor: string) {
    return {
      node: {
        __typename: 'TimelineAppCollectionItem',
        id: Buffer.from(`app_collection_item:${profile.id}:1560653304174514:133:${video.id}`).toString('base64'),
        url: `https://www.facebook.com/${profile.vanity}/videos/${video.id}/`,
        title: video.title === null ? null : { text: video.title },
        image: { uri: this.url(video.thumbnail) },
        node: { __typename: 'Video', id: video.id, playable_duration: Math.round(video.durationSeconds) },
      },
      cursor,
    };
  }

  /**
   * One edge of the reels collection: the listing already carries the reel's files (minhchi 2025).
   * Clients sending the 2026 relay flags get the video as `attachments[0].media`; older ones as
   * `short_form_video_context.playback_video`.
   */
  reelEdge(profile: FbProfile, reel: FbVideo, cursor: string, shape: 'attachments' | 'short-form-context') {
    const media = { __typename: 'Video', id: reel.id, ...this.dimensions(reel), ...this.delivery(reel) };
    const carrier = shape === 'attachments' ? { attachments: [{ media }] } : { short_form_video_context: { video_owner: { __typename: 'User', id: reel.ownerId }, playback_video: media } };
    return {
      profile_reel_node: {
        id: Buffer.from(`profile_reel_node:${profile.id}:${reel.id}`).toString('base64'),
        node: {
          __typename: 'Story',
          creation_time: reel.publishTime,
          message: reel.caption === null ? null : { text: reel.caption },
          ...carrier,
        },
      },
      cursor,
    };
  }

  /** What a Video node says of its size and length (docs/platforms.md, "Facebook: items"). */
  private dimensions(video: FbVideo) {
    return { width: video.width, height: video.height, original_width: video.width, original_height: video.height, length_in_second: video.durationSeconds };
  }

  photoCurrMedia(photo: FbPhoto) {
    return {
      __typename: 'Photo',
      __isMedia: 'Photo',
      id: photo.id,
      image: this.image(photo.full, photo.width, photo.height),
      created_time: photo.createdTime,
      accessibility_caption: photo.accessibilityCaption,
      owner: { __typename: 'User', id: photo.ownerId },
      url: `https://www.facebook.com/photo/?fbid=${photo.id}&set=pb.${photo.ownerId}.-2207520000`,
      is_playable: false,
    };
  }

  videoCurrMedia(video: FbVideo, isReel: boolean) {
    return {
      __typename: 'Video',
      __isMedia: 'Video',
      id: video.id,
      ...this.dimensions(video),
      publish_time: video.publishTime,
      owner: { __typename: 'User', id: video.ownerId },
      permalink_url: isReel ? `https://www.facebook.com/reel/${video.id}/` : `https://www.facebook.com/watch/?v=${video.id}`,
      preferred_thumbnail: { image: { uri: this.url(video.thumbnail) } },
      is_playable: true,
      videoDeliveryLegacyFields: null,
      ...this.delivery(video),
    };
  }

  /** The deferred part of a detail answer: the post's caption and the owner's name. */
  captionPart(message: string | null, ownerName: string) {
    return { message: message === null ? null : { delight_ranges: [], image_ranges: [], inline_style_ranges: [], aggregated_ranges: [], ranges: [], color_ranges: [], text: message }, owner: { name: ownerName } };
  }

  /** SD listed first, as the real list often is: an exporter must pick HD by its label. */
  private delivery(video: FbVideo) {
    const progressive: { progressive_url: string; failure_reason: object | null; metadata: { quality: string } }[] = [
      { progressive_url: this.url(video.sd), failure_reason: null, metadata: { quality: 'SD' } },
    ];
    if (video.hd) {
      progressive.push({
        progressive_url: this.url(video.hd),
        failure_reason: video.hdFailed ? { __typename: 'XFBVideoDeliveryFailureReason', code: 'ENCODING_NOT_READY' } : null,
        metadata: { quality: 'HD' },
      });
    }
    return {
      videoDeliveryResponseFragment: {
        videoDeliveryResponseResult: {
          progressive_urls: progressive,
          dash_manifests: [{ manifest_xml: '<?xml version="1.0"?>\n<MPD xmlns="urn:mpeg:dash:schema:mpd:2011" type="static"></MPD>' }],
          hls_playlist_urls: [{ hls_playlist_url: null, failure_reason: { __typename: 'XFBVideoDeliveryFailureReason', code: 'NOT_AVAILABLE' } }],
        },
      },
    };
  }
}
