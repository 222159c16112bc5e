import type { PlatformContext } from '../types';
import { formBody } from '../shared/formBody';
import { ASBD_ID, COMET_REQ, GRAPHQL_URL } from './constants';
import type { GraphqlPayload } from './framing';
import { docIdBook, docIdIn, rereadDocIds } from './docIds';
import { loginRequired, platformChanged, readGraphql, StaleTokenError, UnknownDocumentError } from './responses';
import { facebookSession, type FacebookSession } from './session';
import { jazoest } from '../shared/jazoest';

export interface QueryId {
  friendlyName: string;
  /** The compiled-in id: used only when the page's bundles do not publish the query's current one. */
  docId: string;
}

/**
 * One GraphQL request as the Comet web client sends it, with the doc_id the page publishes now.
 * A rotated doc_id ("document … not found") is answered by reading the page's ids again and
 * asking once more; still unknown, Facebook changed and an update is needed.
 */
export async function graphqlQuery(ctx: PlatformContext, query: QueryId, variables: Record<string, unknown>): Promise<GraphqlPayload> {
  const book = await docIdBook(ctx);
  const docId = docIdIn(book, query);
  try {
    return await withFreshTokens(ctx, query.friendlyName, docId, variables);
  } catch (error) {
    if (!(error instanceof UnknownDocumentError)) throw error;
    const reread = docIdIn(await rereadDocIds(ctx, book), query);
    if (reread === docId) throw platformChanged(query.friendlyName, error.message);
    try {
      return await withFreshTokens(ctx, query.friendlyName, reread, variables);
    } catch (again) {
      throw again instanceof UnknownDocumentError ? platformChanged(query.friendlyName, again.message) : again;
    }
  }
}

/**
 * A stale fb_dtsg (1357004) is answered by reading the home page's tokens again and asking once
 * more; refused again, the session is gone.
 */
async function withFreshTokens(ctx: PlatformContext, friendlyName: string, docId: string, variables: Record<string, unknown>): Promise<GraphqlPayload> {
  try {
    return await send(ctx, await facebookSession(ctx), friendlyName, docId, variables);
  } catch (error) {
    if (!(error instanceof StaleTokenError)) throw error;
  }
  try {
    return await send(ctx, await facebookSession(ctx, { refresh: true }), friendlyName, docId, variables);
  } catch (error) {
    if (error instanceof StaleTokenError) {
      throw loginRequired('Facebook no longer accepts this browser’s session. Log in to Facebook in this browser, then try again.');
    }
    throw error;
  }
}

async function send(ctx: PlatformContext, session: FacebookSession, friendlyName: string, docId: string, variables: Record<string, unknown>): Promise<GraphqlPayload> {
  const { tokens, uid } = session;
  session.requests += 1;
  const form: Record<string, string | undefined> = {
    av: uid,
    __user: uid,
    __a: '1',
    __req: session.requests.toString(36),
    __hs: tokens.hasteSession,
    dpr: '1',
    __ccg: 'EXCELLENT',
    __rev: tokens.revision,
    __hsi: tokens.hsi,
    __comet_req: COMET_REQ,
    fb_dtsg: tokens.fbDtsg,
    jazoest: jazoest(tokens.fbDtsg),
    lsd: tokens.lsd,
    __spin_r: tokens.revision,
    __spin_b: tokens.spinBranch,
    __spin_t: tokens.spinTime,
    fb_api_caller_class: 'RelayModern',
    fb_api_req_friendly_name: friendlyName,
    variables: JSON.stringify(variables),
    server_timestamps: 'true',
    doc_id: docId,
  };
  const headers: Record<string, string> = {
    Accept: '*/*',
    'Content-Type': 'application/x-www-form-urlencoded',
    'X-FB-Friendly-Name': friendlyName,
    'X-ASBD-ID': ASBD_ID,
  };
  if (tokens.lsd) headers['X-FB-LSD'] = tokens.lsd;
  const response = await ctx.request({ url: GRAPHQL_URL, method: 'POST', headers, body: formBody(form) });
  return readGraphql(response, friendlyName);
}

