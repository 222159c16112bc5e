import type { AccountInfo, PlatformContext, PostPage } from '../../types';
import { asArray, asObjects, asString } from '../../shared/jsonReaders';
import { apiUrl, getJson } from '../api';
import { FEED_PAGE_SIZE } from '../constants';
import { toPost } from '../parseMedia';
import { platformChanged } from '../responses';
import { nextPosition } from './nextPosition';

const ENDPOINT = 'posts feed';

/** The posts grid from the REST feed, 30 a page; next_max_id is a timeline cursor, "<pk>_<owner>". */
export async function postsViaRest(ctx: PlatformContext, account: AccountInfo, cursor: string | null): Promise<PostPage> {
  const url = apiUrl(`/feed/user/${account.id}/`, { count: String(FEED_PAGE_SIZE), max_id: cursor ?? undefined });
  const body = await getJson(ctx, url, ENDPOINT);
  const items = asArray(body.items);
  if (!items) throw platformChanged(ENDPOINT);
  const next = body.more_available === true ? asString(body.next_max_id) : undefined;
  return { posts: asObjects(items).map((item) => toPost(item)), nextCursor: nextPosition(next, cursor) };
}
