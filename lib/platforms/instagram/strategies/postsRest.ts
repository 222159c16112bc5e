import type { ListingStrategy } from '../../types';
import { asArray, asObjects, asString } from '../../shared/jsonReaders';
import { apiUrl, getJson } from '../api';
import { FEED_PAGE_SIZE } from '../constants';
import { nextPage, pageCursor, timelineContinuation } from '../cursor';
import { toPost } from '../parseMedia';
import { platformChanged } from '../responses';

const ENDPOINT = 'posts feed';

/** The posts grid from the REST feed, 30 a page; its next_max_id is a timeline cursor, "<pk>_<owner>". */
export const postsRest: ListingStrategy = {
  name: 'rest',
  async fetchPage(ctx, account, cursor) {
    const { next } = pageCursor.decode(cursor);
    const body = await getJson(ctx, apiUrl(`/feed/user/${account.id}/`, { count: String(FEED_PAGE_SIZE), max_id: next }), ENDPOINT);
    const items = asArray(body.items);
    if (!items) throw platformChanged(ENDPOINT);
    const more = body.more_available === true ? asString(body.next_max_id) : undefined;
    return { posts: asObjects(items).map((item) => toPost(item)), nextCursor: nextPage(more, next) };
  },
  continueFrom: timelineContinuation,
};
