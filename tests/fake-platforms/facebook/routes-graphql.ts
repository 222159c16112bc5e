import type { ApiBudget } from '../instagram/api-budget';
import type { Reply, RequestContext } from '../server/reply';
import type { BudgetEnforcer } from '../budgets/enforcer';
import { documentNotFound, faultReply, graphqlErrors, notLoggedIn, rateLimitExceeded, staleToken } from './answers';
import type { FacebookMediaJson } from './media-json';
import type { FacebookProfiles } from './profiles';
import { collectionAnswer } from './routes-collections';
import { detailAnswer } from './routes-detail';
import type { FacebookSessions } from './sessions';
import type { FacebookDocIds } from './doc-ids';

export interface GraphqlDeps {
  profiles: FacebookProfiles;
  sessions: FacebookSessions;
  budget: ApiBudget;
  /** The realistic detail-call budget, when the fake enforces it. */
  enforcer?: BudgetEnforcer;
  render: FacebookMediaJson;
  docIds: FacebookDocIds;
}

/**
 * POST /api/graphql/, checked in the order the real endpoint answers: the request budget, the
 * session cookies (1357001), the page's fb_dtsg (1357004), a current doc_id (rotated ones are
 * "not found"), valid variables, and on the detail and reels queries the relay flags. Like a
 * 2025 extension that sent little more, nothing else of the form is required.
 */
export async function graphqlRoute(ctx: RequestContext, deps: GraphqlDeps): Promise<Reply> {
  if (deps.budget.take(ctx.receivedAt) !== undefined) return rateLimitExceeded();
  const session = deps.sessions.find(ctx.req.headers.cookie);
  if (!session) return notLoggedIn();
  const form = new URLSearchParams((await ctx.readBody()).toString('utf8'));
  if (form.get('fb_dtsg') !== session.fbDtsg) return staleToken();
  const docId = form.get('doc_id') ?? '';
  const query = deps.docIds.queryOf(docId);
  if (!query) return documentNotFound(docId);
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
  if (query === 'photo' || query === 'video') {
    if (deps.enforcer?.refuses('detail', ctx.receivedAt)) return faultReply('temporary-block');
    return detailAnswer({ kind: query, variables: vars, profiles: deps.profiles, render: deps.render });
  }
  return collectionAnswer({ doc: query, viewerId: session.userId, variables: vars, profiles: deps.profiles, render: deps.render });
}
