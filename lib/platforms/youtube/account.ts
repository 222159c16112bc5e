import { ExportError, isExportError } from '../../errors';
import type { AccountInfo, PlatformContext } from '../types';
import { decodeComponent } from '../shared/urlPaths';
import { asObject, asString, dig, type JsonObject } from '../shared/jsonReaders';
import { parseChannelRef, type ChannelRef } from './accountFromUrl';
import { ORIGIN } from './constants';
import { callInnertube } from './innertube';
import { headerVideoCount } from './channelHeader';
import { ownChannel, type OwnChannel } from './ownChannel';
import { playerRefusedEarlier, rememberPlayerRefusal } from './playerRefusals';
import { channelNotFound, loginRequired, platformChanged } from './responses';
import { browseChannelTab } from './tabPages';
import { nextFacts, playerFacts } from './videoLookups';

/**
 * The channel named by `account` (see ChannelRef), or the logged-in user's own. Every export needs
 * a session: YouTube serves public data to anyone, so a missing login would otherwise look like
 * success with the user's private and unlisted videos silently left out.
 */
export async function resolveAccount(ctx: PlatformContext, account?: string): Promise<AccountInfo> {
  const loggedIn = (await ctx.getCookie('LOGIN_INFO')) && ((await ctx.getCookie('SAPISID')) ?? (await ctx.getCookie('__Secure-3PAPISID')));
  if (!loggedIn) throw loginRequired('You are not logged in to YouTube in this browser. Log in to YouTube in this browser, then try again.');
  const ref = account?.trim() ? parseChannelRef(account) : undefined;
  if (account?.trim() && !ref) throw new ExportError('account_not_found', `“${account}” does not name a YouTube channel.`);
  const known = ref ? await channelIdOf(ctx, ref) : await ownChannelId(ctx);
  const info = await channelInfo(ctx, known.channelId, known.handle);
  return { ...info, isViewer: ref ? await isOwnChannel(ctx, info) : true };
}

/**
 * Whether a named channel is the one the browser acts as: a creator often exports from their own
 * channel's page, and only then are private and unlisted uploads to be read. An identity without
 * a channel (or one YouTube would not answer for) owns none.
 */
async function isOwnChannel(ctx: PlatformContext, info: AccountInfo): Promise<boolean> {
  let own: OwnChannel;
  try {
    own = await ownChannel(ctx);
  } catch (error) {
    if (isExportError(error) && error.kind === 'account_not_found') return false;
    throw error;
  }
  return own.type === 'id' ? own.channelId === info.id : own.handle.toLowerCase() === info.handle.toLowerCase();
}

interface KnownChannel {
  channelId: string;
  handle?: string;
}

async function ownChannelId(ctx: PlatformContext): Promise<KnownChannel> {
  const own = await ownChannel(ctx);
  if (own.type === 'id') return { channelId: own.channelId };
  return { channelId: await resolveUrl(ctx, `${ORIGIN}/@${encodeURIComponent(own.handle)}`, `@${own.handle}`), handle: own.handle };
}

async function channelIdOf(ctx: PlatformContext, ref: ChannelRef): Promise<KnownChannel> {
  switch (ref.type) {
    case 'channel':
      return { channelId: ref.id };
    case 'handle':
      return { channelId: await resolveUrl(ctx, `${ORIGIN}/@${encodeURIComponent(ref.handle)}`, `@${ref.handle}`), handle: ref.handle };
    case 'legacy':
      return { channelId: await resolveUrl(ctx, `${ORIGIN}/${ref.path}`, ref.path) };
    case 'video':
      return { channelId: await uploaderOf(ctx, ref.videoId) };
  }
}

async function resolveUrl(ctx: PlatformContext, url: string, name: string): Promise<string> {
  let body: JsonObject;
  try {
    body = await callInnertube(ctx, { endpoint: 'navigation/resolve_url', payload: { url }, label: 'channel address' });
  } catch (error) {
    if (isExportError(error) && error.kind === 'account_not_found') throw channelNotFound(name);
    throw error;
  }
  const browseId = asString(dig(body, 'endpoint', 'browseEndpoint', 'browseId'));
  if (!browseId?.startsWith('UC')) throw channelNotFound(name);
  return browseId;
}

/**
 * The uploader of a watch or Shorts page: the player says it; the watch page's `next` if the
 * player refuses (a refusal of the session is remembered, so the listing does not ask again).
 */
async function uploaderOf(ctx: PlatformContext, videoId: string): Promise<string> {
  const player = playerRefusedEarlier(ctx) ? undefined : await playerFacts(ctx, videoId);
  if (player?.refusal) rememberPlayerRefusal(ctx);
  const channelId = player?.channelId ?? (await nextFacts(ctx, videoId)).channelId;
  if (!channelId) throw new ExportError('account_not_found', `YouTube does not say who uploaded the video ${videoId}; it may be private or removed.`);
  return channelId;
}

/** The channel's own description of itself, read from its Videos tab (which also proves it exists). */
async function channelInfo(ctx: PlatformContext, channelId: string, knownHandle?: string): Promise<AccountInfo> {
  const body = await browseChannelTab(ctx, channelId, 'videos');
  const metadata = asObject(dig(body, 'metadata', 'channelMetadataRenderer'));
  if (!metadata) throw platformChanged('its channel page (no channelMetadataRenderer)');
  const id = asString(metadata.externalId) ?? channelId;
  const handle = handleFrom(asString(metadata.vanityChannelUrl)) ?? knownHandle;
  return {
    id,
    handle: handle ?? id,
    displayName: asString(metadata.title),
    isPrivate: false,
    postCount: headerVideoCount(body),
    profileUrl: handle ? `${ORIGIN}/@${encodeURIComponent(handle)}` : `${ORIGIN}/channel/${id}`,
  };
}

function handleFrom(vanityUrl: string | undefined): string | undefined {
  const match = vanityUrl ? /\/@([^/?#]+)/.exec(vanityUrl) : null;
  return match ? decodeComponent(match[1]!) : undefined;
}
