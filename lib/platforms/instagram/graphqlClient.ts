import { ExportError } from '../../errors';
import type { ApiResponse, PlatformContext } from '../types';
import { isRedirect, parseJsonObject } from '../shared/apiResponses';
import { asArray, asObject, asObjects, asString, type JsonObject } from '../shared/jsonReaders';
import { sendForm } from './api';
import { COMET_REQ, ORIGIN } from './constants';
import { docIdFor, rereadDocId } from './docIdRegistry';
import type { GraphqlQuery } from './graphqlQueries';
import { isHomeOrHiddenRedirect, loginRequired, platformChanged, rateLimited, readJson } from './responses';
import { redirectVerdict } from './session';
import { sessionPage, type PageWish } from './sessionPage';
import type { WebPage } from './webPage';

type Attempt = { ok: true; root: JsonObject } | { ok: false; problem: 'tokens' | 'revoked'; response: ApiResponse; docId: string };

/** What Facebook's stack answers a stale fb_dtsg with (JSON behind an anti-hijacking prefix). */
const STALE_TOKEN_ERRORS = new Set([1357001, 1357004]);
const PLEASE_WAIT = /please wait a few minutes/i;

/**
 * The `data.<root>` of one query, posted as the web app posts it. A token error reads the page
 * again and asks once more; so does a 401 "Please wait", which is also what a revoked doc_id
 * gets, once the bundles publish another id for the query. Otherwise a 401 is a rate limit.
 */
export async function graphqlRoot(
  ctx: PlatformContext,
  query: GraphqlQuery,
  variables: Record<string, unknown>,
  wish: PageWish = {},
): Promise<JsonObject> {
  const first = await attempt(ctx, query, variables, await usablePage(ctx, wish));
  if (first.ok) return first.root;
  const page = await usablePage(ctx, { ...wish, fresh: true });
  if (first.problem === 'revoked' && !(await rereadDocId(ctx, query.name, page, first.docId))) throw rateLimited(first.response);
  const second = await attempt(ctx, query, variables, page);
  if (second.ok) return second.root;
  if (second.problem === 'revoked') throw rateLimited(second.response);
  // Fresh tokens refused as well: the session decides between a logout and a query closed to it.
  throw await redirectVerdict(ctx, query.label);
}

/** The session's page, refused when it shows nobody logged in or lacks the tokens. */
async function usablePage(ctx: PlatformContext, wish: PageWish): Promise<WebPage> {
  const page = await sessionPage(ctx, wish);
  if (page.loggedOut) throw loginRequired();
  if (!page.tokens) {
    throw new ExportError(
      'platform_changed',
      'Instagram’s page no longer carries the tokens its web app sends with its queries. Instagram may have changed; please look for an update.',
    );
  }
  return page;
}

async function attempt(ctx: PlatformContext, query: GraphqlQuery, variables: Record<string, unknown>, page: WebPage): Promise<Attempt> {
  const docId = await docIdFor(ctx, query.name, page);
  const response = await post(ctx, query, variables, page, docId);
  const failed = (problem: 'tokens' | 'revoked'): Attempt => ({ ok: false, problem, response, docId });
  // A POST without valid tokens gets the home or login redirect, an HTML page, or a stale-token error.
  if (isHomeOrHiddenRedirect(response)) return failed('tokens');
  const body = parseJsonObject(response.text.replace(/^for \(;;\);/, ''));
  if (response.status === 401 && PLEASE_WAIT.test(asString(body?.message) ?? '')) return failed('revoked');
  if (body && STALE_TOKEN_ERRORS.has(Number(body.error))) return failed('tokens');
  if (!body && !isRedirect(response) && response.status >= 200 && response.status < 300) return failed('tokens');
  // errors[] come with 200 or 400 ("execution error" for a wrong set of relay flags): either way the query's fault.
  if (body) throwGraphqlErrors(body, query);
  const json = readJson(response, query.label);
  const root = asObject(asObject(json.data)?.[query.root]);
  if (!root) throw platformChanged(query.label);
  return { ok: true, root };
}

async function post(ctx: PlatformContext, query: GraphqlQuery, variables: Record<string, unknown>, page: WebPage, docId: string): Promise<ApiResponse> {
  const tokens = page.tokens;
  const viewer = page.viewerId ?? (await ctx.getCookie('ds_user_id'));
  const form = {
    av: viewer,
    __a: '1',
    __comet_req: COMET_REQ,
    fb_dtsg: tokens?.fbDtsg,
    jazoest: tokens?.jazoest,
    lsd: tokens?.lsd,
    fb_api_caller_class: 'RelayModern',
    fb_api_req_friendly_name: query.name,
    variables: JSON.stringify(variables),
    server_timestamps: 'true',
    doc_id: docId,
  };
  const headers: Record<string, string> = { 'X-FB-Friendly-Name': query.name, 'X-Root-Field-Name': query.root };
  if (tokens) headers['X-FB-LSD'] = tokens.lsd;
  return sendForm(ctx, ORIGIN + query.path, form, headers);
}

/**
 * GraphQL reports failures as 200 with `errors`. Any of them fails the section (never an empty
 * one); a rate-limit wording waits instead.
 */
function throwGraphqlErrors(body: JsonObject, query: GraphqlQuery): void {
  const errors = asArray(body.errors);
  if (!errors || errors.length === 0) return;
  const messages = asObjects(errors).map((error) => `${asString(error.message) ?? ''} ${asString(error.summary) ?? ''}`.trim());
  if (messages.some((message) => /rate limit|please wait|try again later/i.test(message))) throw rateLimited();
  const said = messages.find((message) => message !== '');
  throw new ExportError(
    'platform_changed',
    `Instagram answered the ${query.label} request with an error${said ? ` (“${said}”)` : ''}. Instagram may have changed; please look for an update.`,
  );
}
