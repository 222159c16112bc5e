import type { Reply } from '../server/reply';
import { fail, isReply, ok, userNotFound, viewableAccount, type ApiCall } from './api-context';

const MAX_REEL_IDS = 5;

/**
 * GET /api/v1/feed/reels_media/?reel_ids=<user pk>|highlight:<id> (repeatable, or comma-joined).
 * Reels the viewer may not see, or users without current stories, are simply absent, as on the real site.
 */
export function reelsMedia(call: ApiCall): Reply {
  const ids = call.ctx.url.searchParams.getAll('reel_ids').flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  if (ids.length === 0) return fail(call, 400, 'reel_ids is required');
  // The web app asks for at most five reels per call; the fake refuses more so clients keep to it.
  if (ids.length > MAX_REEL_IDS) return fail(call, 400, `Too many reel_ids (max ${MAX_REEL_IDS})`);
  const reels: Record<string, unknown> = {};
  const list: unknown[] = [];
  for (const id of ids) {
    const reel = id.startsWith('highlight:') ? highlightReel(call, id.slice('highlight:'.length)) : userReel(call, id);
    if (reel && !(id in reels)) {
      reels[id] = reel;
      list.push(reel);
    }
  }
  return ok(call, { reels, reels_media: list, status: 'ok' });
}

/** A user's current stories as one reel, if they have any the viewer may see. */
export function userReel(call: ApiCall, pk: string): Record<string, unknown> | undefined {
  const account = call.store.pk(pk);
  if (!account || account.stories.length === 0 || !call.store.canView(call.session.userPk, account)) return undefined;
  return call.render.userReel(account.user, account.stories);
}

/** A highlight with its items, if the viewer may see its owner. */
export function highlightReel(call: ApiCall, id: string): Record<string, unknown> | undefined {
  for (const account of call.store.all()) {
    const index = account.highlights.findIndex((h) => h.id === id);
    const highlight = account.highlights[index];
    if (!highlight) continue;
    if (!call.store.canView(call.session.userPk, account)) return undefined;
    return call.render.highlightReel(highlight, account.user, index, true);
  }
  return undefined;
}

/** GET /api/v1/highlights/{uid}/highlights_tray/ */
export function highlightsTray(call: ApiCall, pk: string): Reply {
  if (!call.store.pk(pk)) return userNotFound(call);
  const account = viewableAccount(call, pk);
  if (isReply(account)) return account;
  return ok(call, {
    show_empty_state: false,
    tray: account.highlights.map((h, i) => call.render.highlightReel(h, account.user, i, false)),
    status: 'ok',
  });
}
