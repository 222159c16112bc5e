import type { Reply } from '../server/reply';
import { fail, isReply, notAuthorized, ok, viewableAccount, type ApiCall } from './api-context';
import { reelsPage, reelsTab } from './reels-tab';

function clampInt(raw: string | null, fallback: number, max: number): number {
  const value = Number.parseInt(raw ?? '', 10);
  return Number.isFinite(value) && value > 0 ? Math.min(value, max) : fallback;
}

/** GET /api/v1/feed/user/{id}/?count=&max_id= — pinned posts first, `next_max_id` = "<last pk>_<owner pk>". */
export function userFeed(call: ApiCall, pk: string): Reply {
  const account = viewableAccount(call, pk);
  if (isReply(account)) return account;
  const count = clampInt(call.ctx.url.searchParams.get('count'), 12, 33);
  const maxId = call.ctx.url.searchParams.get('max_id');
  let start = 0;
  if (maxId) {
    const index = account.feed.findIndex((p) => p.pk === maxId.split('_')[0]);
    // Not a shape observed in the wild: the fake refuses cursors it never issued rather than guess.
    if (index < 0) return fail(call, 400, 'Invalid max_id');
    start = index + 1;
  }
  const page = account.feed.slice(start, start + count);
  const more = start + page.length < account.feed.length;
  const last = page[page.length - 1];
  const body: Record<string, unknown> = {
    items: page.map((post) => call.render.post(post, account.user)),
    num_results: page.length,
    more_available: more,
    auto_load_more_enabled: true,
    user: call.render.user(account.user),
    status: 'ok',
  };
  if (more && last) body.next_max_id = `${last.pk}_${account.user.pk}`;
  return ok(call, body);
}

/** POST /api/v1/clips/user/ — the Reels tab: reels (and, with include_feed_video, feed videos), newest first. */
export function userClips(call: ApiCall): Reply {
  const account = viewableAccount(call, call.form.get('target_user_id') ?? '');
  if (isReply(account)) return account;
  const clips = reelsTab(account, call.form.get('include_feed_video') === 'true');
  const listed = reelsPage(clips, call.form.get('max_id'), clampInt(call.form.get('page_size'), 12, 50));
  if (!listed) return fail(call, 400, 'Invalid max_id');
  return ok(call, {
    items: listed.page.map((post) => ({ media: call.render.post(post, account.user) })),
    paging_info: { max_id: listed.nextCursor, more_available: listed.nextCursor !== null },
    status: 'ok',
  });
}

/** GET /api/v1/media/{pk}/info/ — one post or story with freshly signed URLs. */
export function mediaInfo(call: ApiCall, id: string): Reply {
  const hit = call.store.findMedia(id);
  if (!hit) return fail(call, 404, 'Media not found or unavailable');
  if (!call.store.canView(call.session.userPk, hit.account)) return notAuthorized(call);
  const item = 'post' in hit ? call.render.post(hit.post, hit.account.user) : call.render.storyItem(hit.story, hit.account.user);
  return ok(call, { items: [item], num_results: 1, more_available: false, auto_load_more_enabled: false, status: 'ok' });
}
