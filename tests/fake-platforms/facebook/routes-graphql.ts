import type { ApiBudget } from '../instagram/api-budget';
import type { Reply, RequestContext } from '../server/reply';
import { documentNotFound, graphqlErrors, notLoggedIn, rateLimitExceeded, staleToken } from './answers';
import type { FacebookMediaJson } from './media-json';
import type { FacebookProfiles } from './profiles';
import { collectionAnswer, COLLECTION_DOCS } from './routes-collections';
import { detailAnswer, DETAIL_DOCS } from './routes-detail';
import type { FacebookSessions } from './sessions';

export interface GraphqlDeps {
  profiles: FacebookProfiles;
  sessions: FacebookSessions;
  budget: ApiBudget;
  render: FacebookMediaJson;
}

/**
 * POST /api/graphql/, checked in the order the real endpoint answers: the request budget, the
 * session cookies (1357001), the page's fb_dtsg (1357004), a known doc_id, valid variables. Like a
 * 2025 extension that sent little more, nothing else of the form is required.
 */
export async function graphqlRoute(ctx: RequestContext, deps: GraphqlDeps): Promise<Reply> {
  if (deps.budget.take(ctx.receivedAt) !== undefined) return rateLimitExceeded();
  const session = deps.sessions.find(ctx.req.headers.cookie);
  if (!session) return notLoggedIn();
  const form = new URLSearchParams((await ctx.readBody()).toString('utf8'));
  if (form.get('fb_dtsg') !== session.fbDtsg) return staleToken();
  const docId = form.get('doc_id') ?? '';
  const collection = (Object.keys(COLLECTION_DOCS) as (keyof typeof COLLECTION_DOCS)[]).find((doc) => COLLECTION_DOCS[doc].docId === docId);
  const detail = (Object.keys(DETAIL_DOCS) as (keyof typeof DETAIL_DOCS)[]).find((kind) => DETAIL_DOCS[kind].docId === docId);
  if (!collection && !detail) return documentNotFound(docId);
  let variables: unknown;
  try {
    variables = JSON.parse(form.get('variables') ?? '');
  } catch {
    variables = undefined;
  }
  if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) {
    return graphqlErrors([{ message: 'Query variables must be a JSON object.' }]);
  }
  const vars = variables as Record<string, unknown>;
  if (collection) return collectionAnswer({ doc: collection, viewerId: session.userId, variables: vars, profiles: deps.profiles, render: deps.render });
  return detailAnswer({ kind: detail ?? 'photo', variables: vars, profiles: deps.profiles, render: deps.render });
}
