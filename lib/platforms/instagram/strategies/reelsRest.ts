import type { AccountInfo, PlatformContext, PostPage } from '../../types';
import { asArray, asObject, asObjects, asString } from '../../shared/jsonReaders';
import { apiUrl, postFormJson } from '../api';
import { CLIPS_PAGE_SIZE } from '../constants';
import { toPost } from '../parseMedia';
import { platformChanged } from '../responses';
import { nextPosition } from './nextPosition';

const ENDPOINT = 'reels';

/** The reels tab from the REST clips endpoint; feed videos come too, which the shared scope drops. */
export async function reelsViaRest(ctx: PlatformContext, account: AccountInfo, cursor: string | null): Promise<PostPage> {
  const form = { target_user_id: account.id, page_size: String(CLIPS_PAGE_SIZE), max_id: cursor ?? undefined, include_feed_video: 'true' };
  const body = await postFormJson(ctx, apiUrl('/clips/user/'), form, ENDPOINT);
  const items = asArray(body.items);
  if (!items) throw platformChanged(ENDPOINT);
  const paging = asObject(body.paging_info);
  const next = paging?.more_available === true ? asString(paging.max_id) : undefined;
  const media = asObjects(asObjects(items).map((entry) => entry.media));
  return { posts: media.map((item) => toPost(item)), nextCursor: nextPosition(next, cursor) };
}
