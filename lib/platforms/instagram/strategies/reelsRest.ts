import type { ListingStrategy } from '../../types';
import { asArray, asObject, asObjects, asString } from '../../shared/jsonReaders';
import { apiUrl, postFormJson } from '../api';
import { CLIPS_PAGE_SIZE } from '../constants';
import { nextPage, pageCursor } from '../cursor';
import { toPost } from '../parseMedia';
import { platformChanged } from '../responses';

const ENDPOINT = 'reels';

/** The reels tab from the REST clips endpoint; feed videos come too, which the shared scope drops. */
export const reelsRest: ListingStrategy = {
  name: 'rest',
  async fetchPage(ctx, account, cursor) {
    const { next } = pageCursor.decode(cursor);
    const form = { target_user_id: account.id, page_size: String(CLIPS_PAGE_SIZE), max_id: next, include_feed_video: 'true' };
    const body = await postFormJson(ctx, apiUrl('/clips/user/'), form, ENDPOINT);
    const items = asArray(body.items);
    if (!items) throw platformChanged(ENDPOINT);
    const paging = asObject(body.paging_info);
    const more = paging?.more_available === true ? asString(paging.max_id) : undefined;
    const media = asObjects(asObjects(items).map((entry) => entry.media));
    return { posts: media.map((item) => toPost(item)), nextCursor: nextPage(more, next) };
  },
};
