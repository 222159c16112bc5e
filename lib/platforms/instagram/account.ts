import { ExportError, isExportError } from '../../errors';
import type { AccountInfo, PlatformContext } from '../types';
import { decodeComponent } from '../shared/urlPaths';
import { asArray, asBoolean, asNumber, asObject, asObjects, asString, type JsonObject } from '../shared/jsonReaders';
import { accountFromUrl } from './accountFromUrl';
import { apiUrl, getJson } from './api';
import { ORIGIN } from './constants';
import { userId } from './json';
import { loginRequired, platformChanged } from './responses';

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

/**
 * web_profile_info is the complete answer but 429-prone; topsearch is the cheaper fallback
 * gallery-dl uses. A session or checkpoint problem is not retried elsewhere.
 */
async function userByName(ctx: PlatformContext, username: string): Promise<UserFacts> {
  try {
    return await userFromProfileInfo(ctx, username);
  } catch (error) {
    if (!isExportError(error) || ['login_required', 'checkpoint_required', 'cancelled'].includes(error.kind)) throw error;
    const found = await userFromSearch(ctx, username).catch((searchError: unknown) => {
      if (isExportError(searchError) && ['login_required', 'checkpoint_required'].includes(searchError.kind)) throw searchError;
      return undefined;
    });
    if (found) return found;
    throw error;
  }
}

async function userFromProfileInfo(ctx: PlatformContext, username: string): Promise<UserFacts> {
  const body = await getJson(ctx, apiUrl('/users/web_profile_info/', { username }), 'profile info');
  const data = asObject(body.data);
  if (!data) throw platformChanged('profile info');
  if (data.user === null || data.user === undefined) throw notFound(username);
  const user = asObject(data.user);
  const facts = user && factsOf(user);
  if (!facts) throw platformChanged('profile info');
  return facts;
}

async function userFromSearch(ctx: PlatformContext, username: string): Promise<UserFacts | undefined> {
  const body = await getJson(ctx, apiUrl('/web/search/topsearch/', { query: username }, ORIGIN), 'search');
  if (!asArray(body.users)) throw platformChanged('search');
  for (const result of asObjects(body.users)) {
    const user = asObject(result.user);
    const facts = user && factsOf(user);
    if (facts && facts.username.toLowerCase() === username) return facts;
  }
  return undefined;
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
