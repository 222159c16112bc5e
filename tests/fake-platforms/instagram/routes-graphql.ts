import { json, type Reply } from '../server/reply';
import { ok, type ApiCall } from './api-context';
import { apiHeaders, RATE_LIMIT_BODY } from './api-guard';
import { graphqlNode } from './graphql-node';

export const PROFILE_POSTS_DOC_ID = '34579740524958711';
const CONNECTION = 'xdt_api__v1__feed__user_timeline_graphql_connection';

interface ProfilePostsVariables {
  username?: string;
  after?: string | null;
  first?: number;
  data?: { count?: number };
}

/**
 * POST /graphql/query, doc_id 34579740524958711 (PolarisProfilePostsQuery): the fallback when the
 * REST feed misbehaves. Cursors are the same "<pk>_<owner pk>" ids as the REST feed's next_max_id.
 */
export function graphqlQuery(call: ApiCall): Reply {
  const docId = call.form.get('doc_id');
  // A revoked or unknown doc_id is answered like a soft block, as seen in the field.
  if (docId !== PROFILE_POSTS_DOC_ID) return json(401, { ...RATE_LIMIT_BODY, require_login: true }, apiHeaders(call.session));
  let variables: ProfilePostsVariables;
  try {
    variables = JSON.parse(call.form.get('variables') ?? '') as ProfilePostsVariables;
  } catch {
    return json(400, { message: 'Invalid variables', status: 'fail' }, apiHeaders(call.session));
  }
  const account = call.store.username(variables.username ?? '');
  // Errors beside a null connection: clients must never read that as an empty account.
  if (!account) return ok(call, { data: { [CONNECTION]: null }, errors: [{ message: 'User not found', severity: 'CRITICAL' }], status: 'ok' });
  if (!call.store.canView(call.session.userPk, account)) {
    return ok(call, { data: { [CONNECTION]: null }, errors: [{ message: 'Not authorized to view user', severity: 'CRITICAL' }], status: 'ok' });
  }
  const count = Math.min(33, Math.max(1, Number(variables.first ?? variables.data?.count ?? 12) || 12));
  let start = 0;
  if (variables.after) {
    const index = account.feed.findIndex((p) => p.pk === String(variables.after).split('_')[0]);
    start = index < 0 ? account.feed.length : index + 1;
  }
  const page = account.feed.slice(start, start + count);
  const ids = page.map((p) => `${p.pk}_${account.user.pk}`);
  const more = start + page.length < account.feed.length;
  return ok(call, {
    data: {
      [CONNECTION]: {
        edges: page.map((post, i) => ({ node: graphqlNode(call.render.post(post, account.user)), cursor: ids[i] })),
        page_info: { end_cursor: ids[ids.length - 1] ?? null, has_next_page: more, has_previous_page: start > 0, start_cursor: ids[0] ?? null },
      },
    },
    extensions: { is_final: true },
    status: 'ok',
  });
}
