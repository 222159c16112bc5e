import type { Reply } from '../server/reply';
import { ok, userNotFound, type ApiCall } from './api-context';

const emptyEdge = (count: number) => ({ count, page_info: { has_next_page: false, end_cursor: null }, edges: [] });

/** GET /api/v1/users/web_profile_info/?username=U — the GraphQL-style profile the web app loads first. */
export function webProfileInfo(call: ApiCall): Reply {
  const account = call.store.username(call.ctx.url.searchParams.get('username') ?? '');
  if (!account) return userNotFound(call);
  const { user } = account;
  const viewer = call.store.pk(call.session.userPk);
  const follows = call.session.userPk !== user.pk && user.followedByDemo && viewer?.user.username === 'star.demo';
  const clips = account.feed.filter((p) => p.productType === 'clips').length + account.reelsTabOnly.length;
  return ok(call, {
    data: {
      user: {
        biography: user.biography,
        bio_links: [],
        biography_with_entities: { raw_text: user.biography, entities: [] },
        blocked_by_viewer: false,
        country_block: false,
        external_url: null,
        edge_followed_by: { count: user.followerCount },
        edge_follow: { count: user.followingCount },
        fbid: `1784${user.pk.padStart(13, '0')}`,
        followed_by_viewer: follows,
        follows_viewer: false,
        full_name: user.fullName,
        has_clips: clips > 0,
        has_blocked_viewer: false,
        has_requested_viewer: false,
        highlight_reel_count: account.highlights.length,
        hide_like_and_view_counts: false,
        id: user.pk,
        is_business_account: false,
        is_professional_account: true,
        is_private: user.isPrivate,
        is_verified: user.isVerified,
        profile_pic_url: call.render.user(user).profile_pic_url,
        profile_pic_url_hd: call.render.avatarUrl(user),
        requested_by_viewer: false,
        username: user.username,
        // Real answers embed the first 12 posts in the old GraphQL shape; clients must page the v1 feed instead.
        edge_owner_to_timeline_media: { ...emptyEdge(account.feed.length), page_info: { has_next_page: account.feed.length > 0, end_cursor: null } },
        edge_felix_video_timeline: emptyEdge(0),
        edge_saved_media: emptyEdge(0),
        edge_media_collections: emptyEdge(0),
        edge_mutual_followed_by: { count: 0, edges: [] },
      },
    },
    status: 'ok',
  });
}

/** GET /api/v1/users/{id}/info/ */
export function userInfo(call: ApiCall, pk: string): Reply {
  const account = call.store.pk(pk);
  if (!account) return userNotFound(call);
  const { user } = account;
  const hd = call.render.avatarUrl(user);
  return ok(call, {
    user: {
      ...call.render.user(user),
      biography: user.biography,
      external_url: '',
      follower_count: user.followerCount,
      following_count: user.followingCount,
      // The grid's count: reels hidden from the grid are not in it (they are in total_clips_count).
      media_count: account.feed.length,
      total_clips_count: account.feed.filter((p) => p.productType === 'clips').length + account.reelsTabOnly.length,
      has_highlight_reels: account.highlights.length > 0,
      account_type: 3,
      hd_profile_pic_url_info: { url: hd, width: 320, height: 320 },
      hd_profile_pic_versions: [{ width: 320, height: 320, url: hd }],
    },
    status: 'ok',
  });
}

/**
 * GET /web/search/topsearch/?query=Q — the cheap username → pk lookup. `exact`: where the exact
 * match ranks; late 2026 ranks look-alikes first (docs/platforms.md, "Instagram: endpoints"), so clients must match the username.
 */
export function topsearch(call: ApiCall, exact: 'first' | 'last' = 'first'): Reply {
  const query = (call.ctx.url.searchParams.get('query') ?? '').trim().toLowerCase();
  const hits = query === '' ? [] : call.store.all().filter((a) => a.user.username.includes(query) || a.user.fullName.toLowerCase().includes(query));
  const rank = (isExact: boolean) => (isExact === (exact === 'first') ? 0 : 1);
  hits.sort((a, b) => rank(a.user.username === query) - rank(b.user.username === query) || a.user.username.localeCompare(b.user.username));
  return ok(call, {
    users: hits.map((account, position) => ({
      position,
      user: {
        ...call.render.user(account.user),
        has_anonymous_profile_picture: false,
        friendship_status: { following: false, is_private: account.user.isPrivate, incoming_request: false, outgoing_request: false, is_bestie: false, is_restricted: false, is_feed_favorite: false },
        latest_reel_media: account.stories.length > 0 ? Math.max(...account.stories.map((s) => s.takenAt)) : 0,
        search_social_context: '',
      },
    })),
    places: [],
    hashtags: [],
    has_more: false,
    rank_token: `0.${call.session.userPk}`,
    clear_client_cache: false,
    status: 'ok',
  });
}
