import { json, redirect, type Reply } from '../server/reply';
import { ok, type ApiCall } from './api-context';
import { apiHeaders, loginRedirectUrl, RATE_LIMIT_BODY } from './api-guard';
import type { InstagramDocIds } from './doc-ids';
import { WEB_QUERIES } from './web-queries';

/** What a revoked or unknown doc_id gets, to everyone (instaloader #2689, #2663). */
export const DOC_ID_REVOKED_BODY = { message: RATE_LIMIT_BODY.message, require_login: true, status: 'fail' };

/**
 * POST /graphql/query and /api/graphql as the late-2026 web app calls them (docs/platforms.md, "Instagram: GraphQL"): after the
 * API guard (session, app id, CSRF), the session's own page tokens (a POST without them gets the
 * login redirect), then a current doc_id, which alone says which query runs (the friendly name is
 * only a label), then JSON variables.
 */
export function webGraphql(call: ApiCall, docIds: InstagramDocIds): Reply {
  const lsd = call.form.get('lsd') ?? call.ctx.req.headers['x-fb-lsd'];
  if (call.form.get('fb_dtsg') !== call.session.fbDtsg || lsd !== call.session.lsd) return redirect(loginRedirectUrl(call.ctx));
  const query = docIds.queryFor(call.form.get('doc_id') ?? '');
  docIds.countCall();
  if (!query) return json(401, DOC_ID_REVOKED_BODY, apiHeaders(call.session));
  let variables: unknown;
  try {
    variables = JSON.parse(call.form.get('variables') ?? '');
  } catch {
    variables = undefined;
  }
  // instaloader #2695: a request the query cannot run answers 400 "execution error".
  if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) return json(400, { message: 'execution error', status: 'fail' }, apiHeaders(call.session));
  const answer = WEB_QUERIES[query](call, variables as Record<string, unknown>);
  return ok(call, { ...answer, extensions: { is_final: true }, status: 'ok' });
}
