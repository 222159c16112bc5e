import { ExportError, isExportError } from '../../errors';
import type { AccountInfo, PlatformContext } from '../types';
import { decodeComponent } from '../shared/urlPaths';
import { asArray, asBoolean, asNumber, asObject, asObjects, asString, type JsonObject } from '../shared/jsonReaders';
import { accountFromUrl } from './accountFromUrl';
import { apiUrl, getJson } from './api';
import { ORIGIN } from './constants';
import { userId } from './json';
import { loginRequired, platformChanged } from './responses';
import { sessionPage } from './sessionPage';

interface UserFacts {
  id: string;
  username: string;
  fullName?: string;
  isPrivate?: boolean;
  /** Only false when Instagram said so; unknown stays undefined and the feed decides. */
  followedByViewer?: boolean;
  postCount?: number;
}

const USERNAME = /^[a-z0-9._]{1,30}$/;

/** The named account (username, numeric id or profile URL), or the logged-in user's own. */
export async function resolveAccount(ctx: PlatformContext, account?: string): Promise<AccountInfo> {
  const session = await ctx.getCookie('sessionid');
  if (!session) throw loginRequired('You are not logged in to Instagram in this browser. Log in to Instagram, then try again.');
  const viewerId = (await ctx.getCookie('ds_user_id')) ?? viewerIdFromSession(session);
  const wanted = normalizeAccount(account);
  if (wanted === undefined) {
    if (!viewerId) throw loginRequired();
    return toAccountInfo(await userById(ctx, viewerId), viewerId);
  }
  const user = /^\d+$/.test(wanted) ? await userById(ctx, wanted) : await userByName(ctx, wanted);
  if (user.id !== viewerId && user.isPrivate === true && user.followedByViewer === false) {
    throw new ExportError(
      'private_account',
      `@${user.username} is a private account you do not follow, so its posts cannot be exported. Follow it (and be accepted) first.`,
    );
  }
  return toAccountInfo(user, viewerId);
}

/**
 * `sessionid` starts with the user's id, URL-encoded: "<uid>%3A…". A malformed escape leaves the
 * raw value, which still starts with the id.
 */
function viewerIdFromSession(session: string): string | undefined {
  return /^(\d+):/.exec(decodeComponent(session))?.[1];
}

function normalizeAccount(account: string | undefined): string | undefined {
  const trimmed = account?.trim();
  if (!trimmed) return undefined;
  const fromUrl = /^https?:\/\//i.test(trimmed) ? accountFromUrl(trimmed) : undefined;
  const name = (fromUrl ?? trimmed.replace(/^@/, '')).toLowerCase();
  if (USERNAME.test(name)) return name;
  throw new ExportError('account_not_found', `“${trimmed}” is not an Instagram username.`);
}

async function userById(ctx: PlatformContext, id: string): Promise<UserFacts> {
  const body = await getJson(ctx, apiUrl(`/users/${id}/info/`), 'user info');
  if (body.user === null) throw notFound(id);
  const user = asObject(body.user);
  const facts = user && factsOf(user);
  if (!facts) throw platformChanged('user info');
  return facts;
}

type Lookup = (ctx: PlatformContext, username: string) => Promise<UserFacts | undefined>;

/**
 * The ways a username becomes a user, in the order maintained clients use since Instagram began
 * refusing web_profile_info to logged-in sessions (Aug 2026; gallery-dl's default since #8978):
 * the search (exact match only), the profile page's "profile_id", and web_profile_info last.
 * A way that is refused or finds nothing hands over to the next; only the session's end stops.
 */
const LOOKUPS: readonly Lookup[] = [userFromSearch, userFromProfilePage, userFromProfileInfo];

/** What ends the lookup at once rather than trying the next way. */
const STOPS_LOOKUP: ReadonlySet<string> = new Set(['login_required', 'checkpoint_required', 'cancelled', 'private_account']);

async function userByName(ctx: PlatformContext, username: string): Promise<UserFacts> {
  let refusal: ExportError | undefined;
  for (const lookup of LOOKUPS) {
    try {
      const found = await lookup(ctx, username);
      if (found) return lookup === userFromProfileInfo ? found : await withFacts(ctx, found);
    } catch (error) {
      if (!isExportError(error) || STOPS_LOOKUP.has(error.kind)) throw error;
      if (error.kind !== 'account_not_found') refusal = error;
    }
  }
  // Every way that answered said "no such user": it is missing. Otherwise the last refusal says why none could tell.
  throw refusal ?? notFound(username);
}

/** The search and the page name the user; users/{id}/info (or web_profile_info) tells its facts. */
async function withFacts(ctx: PlatformContext, found: UserFacts): Promise<UserFacts> {
  for (const facts of [() => userById(ctx, found.id), () => userFromProfileInfo(ctx, found.username)]) {
    try {
      const user = await facts();
      if (user?.id === found.id) return { ...found, ...definedFacts(user) };
    } catch (error) {
      if (!isExportError(error) || STOPS_LOOKUP.has(error.kind)) throw error;
    }
  }
  return found;
}

function definedFacts(user: UserFacts): Partial<UserFacts> {
  return Object.fromEntries(Object.entries(user).filter(([, value]) => value !== undefined));
}

async function userFromProfileInfo(ctx: PlatformContext, username: string): Promise<UserFacts> {
  const body = await getJson(ctx, apiUrl('/users/web_profile_info/', { username }), 'profile info', { lookup: true });
  const data = asObject(body.data);
  if (!data) throw platformChanged('profile info');
  if (data.user === null || data.user === undefined) throw notFound(username);
  const user = asObject(data.user);
  const facts = user && factsOf(user);
  if (!facts) throw platformChanged('profile info');
  return facts;
}

/** Look-alikes come first in the results: only the exact username counts. */
async function userFromSearch(ctx: PlatformContext, username: string): Promise<UserFacts | undefined> {
  const body = await getJson(ctx, apiUrl('/web/search/topsearch/', { query: username }, ORIGIN), 'search', { lookup: true });
  if (!asArray(body.users)) throw platformChanged('search');
  for (const result of asObjects(body.users)) {
    const user = asObject(result.user);
    const facts = user && factsOf(user);
    if (facts && facts.username.toLowerCase() === username) return facts;
  }
  return undefined;
}

/** The profile page names its user's id; the page is also the one the GraphQL tokens come from. */
async function userFromProfilePage(ctx: PlatformContext, username: string): Promise<UserFacts | undefined> {
  const page = await sessionPage(ctx, { username, fresh: true });
  if (page.loggedOut) throw loginRequired();
  if (page.status === 404) throw notFound(username);
  return page.profileId ? { id: page.profileId, username } : undefined;
}

/** The fields web_profile_info, users/{id}/info and topsearch each name differently. */
function factsOf(user: JsonObject): UserFacts | undefined {
  const id = userId(user);
  const username = asString(user.username);
  if (!id || !username) return undefined;
  return {
    id,
    username,
    fullName: asString(user.full_name),
    isPrivate: asBoolean(user.is_private),
    followedByViewer: asBoolean(user.followed_by_viewer) ?? asBoolean(asObject(user.friendship_status)?.following),
    postCount: asNumber(user.media_count) ?? asNumber(asObject(user.edge_owner_to_timeline_media)?.count),
  };
}

function toAccountInfo(user: UserFacts, viewerId: string | undefined): AccountInfo {
  return {
    isViewer: user.id === viewerId,
    id: user.id,
    handle: user.username,
    displayName: user.fullName,
    isPrivate: user.isPrivate,
    postCount: user.postCount,
    profileUrl: `${ORIGIN}/${encodeURIComponent(user.username)}/`,
  };
}

function notFound(name: string): ExportError {
  return new ExportError('account_not_found', `Instagram has no account “${name}”, or it is not visible to you.`);
}
