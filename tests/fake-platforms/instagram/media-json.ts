import type { CdnCatalog } from '../media/cdn-catalog';
import type { IgHighlight, IgNode, IgPost, IgStoryItem, IgUser } from './model';

type Json = Record<string, unknown>;

/**
 * Renders the fake's records as the web API's v1 media shape (docs/platforms.md, "Instagram: media items").
 * URLs are signed at render time, so every response carries fresh `oe` expiries.
 */
export class MediaJson {
  constructor(
    private readonly catalog: CdnCatalog,
    private readonly now: () => number,
  ) {}

  user(user: IgUser): Json {
    return {
      pk: user.pk,
      pk_id: user.pk,
      id: user.pk,
      username: user.username,
      full_name: user.fullName,
      is_private: user.isPrivate,
      is_verified: user.isVerified,
      profile_pic_id: user.profilePicId,
      profile_pic_url: this.catalog.url(user.avatar.small, this.now()),
    };
  }

  avatarUrl(user: IgUser, now = this.now()): string {
    return this.catalog.url(user.avatar.hd, now);
  }

  private images(node: IgNode): Json {
    const now = this.now();
    return { candidates: node.candidates.map((c) => ({ width: c.width, height: c.height, url: this.catalog.url(c.file, now) })) };
  }

  /** The fields every photo/video node has, wherever it appears. */
  private nodeFields(node: IgNode, owner: IgUser): Json {
    const now = this.now();
    const fields: Json = {
      pk: node.pk,
      id: `${node.pk}_${owner.pk}`,
      media_type: node.mediaType,
      image_versions2: this.images(node),
      original_width: node.width,
      original_height: node.height,
      accessibility_caption: node.accessibilityCaption,
    };
    if (node.videoVersions && !node.withheld) {
      fields.video_versions = node.videoVersions.map((v) => ({ type: v.type, width: v.width, height: v.height, url: this.catalog.url(v.file, now), id: v.id }));
      fields.video_duration = node.durationSeconds;
      fields.has_audio = true;
      fields.number_of_qualities = node.videoVersions.length;
    }
    return fields;
  }

  post(post: IgPost, owner: IgUser): Json {
    const ownerJson = this.user(owner);
    const single = post.nodes.length === 1 && post.mediaType !== 8 ? post.nodes[0] : undefined;
    const item: Json = {
      taken_at: post.takenAt,
      pk: post.pk,
      id: `${post.pk}_${owner.pk}`,
      device_timestamp: post.takenAt * 1_000_000 + 123_456,
      media_type: post.mediaType,
      code: post.code,
      client_cache_key: Buffer.from(`${post.pk}.2`).toString('base64'),
      filter_type: 0,
      caption_is_edited: false,
      like_and_view_counts_disabled: false,
      is_paid_partnership: false,
      product_type: post.productType,
      user: ownerJson,
      can_viewer_reshare: true,
      comment_count: post.commentCount,
      like_count: post.likeCount,
      has_liked: false,
      top_likers: [],
      photo_of_you: false,
      caption: post.caption && {
        pk: post.caption.pk,
        user_id: owner.pk,
        text: post.caption.text,
        type: 1,
        created_at: post.caption.createdAt,
        created_at_utc: post.caption.createdAt,
        content_type: 'comment',
        status: 'Active',
        bit_flags: 0,
        did_report_as_spam: false,
        share_enabled: false,
        user: ownerJson,
        is_covered: false,
        media_id: post.pk,
        private_reply_status: 0,
      },
      timeline_pinned_user_ids: post.pinned ? [Number(owner.pk)] : [],
      organic_tracking_token: Buffer.from(JSON.stringify({ version: 5, payload: { is_analytics_tracked: true, uuid: post.pk } })).toString('base64'),
    };
    if (post.productType === 'clips') {
      item.clips_tab_pinned_user_ids = post.pinned ? [Number(owner.pk)] : [];
    }
    if (post.playCount !== undefined) {
      item.play_count = post.playCount;
      item.view_count = post.playCount;
    }
    if (post.location) {
      const l = post.location;
      item.location = {
        pk: l.pk,
        short_name: l.shortName,
        facebook_places_id: l.facebookPlacesId,
        external_source: 'facebook_places',
        name: l.name,
        address: l.address,
        city: l.city,
        has_viewer_saved: false,
        lng: l.lng,
        lat: l.lat,
        is_eligible_for_guides: true,
      };
      item.lat = l.lat;
      item.lng = l.lng;
    }
    if (single) return { ...item, ...this.nodeFields(single, owner), pk: post.pk, id: `${post.pk}_${owner.pk}` };
    // The carousel parent carries no image_versions2 of its own: the children hold the media.
    item.carousel_media_count = post.nodes.length;
    item.carousel_media = post.nodes.map((child) => ({
      ...this.nodeFields(child, owner),
      taken_at: post.takenAt,
      product_type: 'carousel_item',
      carousel_parent_id: `${post.pk}_${owner.pk}`,
      explore_pivot_grid: false,
    }));
    return item;
  }

  /** A story item; highlight items are archived stories and carry no expiry. */
  storyItem(item: IgStoryItem, owner: IgUser): Json {
    const json: Json = {
      taken_at: item.takenAt,
      ...this.nodeFields(item, owner),
      code: item.code,
      caption: null,
      caption_is_edited: false,
      product_type: 'story',
      user: this.user(owner),
      is_reel_media: true,
      can_reshare: true,
      can_reply: true,
      organic_tracking_token: Buffer.from(JSON.stringify({ version: 5, payload: { uuid: item.pk } })).toString('base64'),
    };
    if (item.expiringAt !== undefined) json.expiring_at = item.expiringAt;
    return json;
  }

  userReel(owner: IgUser, items: IgStoryItem[]): Json {
    const latest = Math.max(...items.map((i) => i.takenAt));
    return {
      id: owner.pk,
      strong_id__: owner.pk,
      latest_reel_media: latest,
      expiring_at: latest + 86_400,
      seen: 0,
      can_reply: true,
      can_gif_quick_reply: true,
      can_reshare: true,
      reel_type: 'user_reel',
      user: this.user(owner),
      items: items.map((i) => this.storyItem(i, owner)),
      prefetch_count: 0,
      media_count: items.length,
      media_ids: items.map((i) => i.pk),
    };
  }

  /** A highlight as the tray lists it (no items) or as reels_media returns it (with items). */
  highlightReel(highlight: IgHighlight, owner: IgUser, position: number, withItems: boolean): Json {
    const first = highlight.items[0];
    const reel: Json = {
      id: `highlight:${highlight.id}`,
      strong_id__: `highlight:${highlight.id}`,
      latest_reel_media: Math.max(...highlight.items.map((i) => i.takenAt)),
      seen: null,
      can_reply: true,
      can_reshare: true,
      reel_type: 'highlight_reel',
      cover_media: {
        cropped_image_version: { width: 150, height: 150, url: this.catalog.url(highlight.cover, this.now()), scans_profile: '' },
        crop_rect: [0, 0.21, 1, 0.79],
        media_id: first ? `${first.pk}_${owner.pk}` : null,
      },
      user: this.user(owner),
      ranked_position: position,
      title: highlight.title,
      created_at: highlight.createdAt,
      seen_ranked_position: position,
      prefetch_count: 0,
      media_count: highlight.items.length,
      media_ids: highlight.items.map((i) => i.pk),
    };
    if (withItems) reel.items = highlight.items.map((i) => this.storyItem(i, owner));
    return reel;
  }
}
