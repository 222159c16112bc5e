import { ExportError } from '../../errors';
import type { AccountInfo, PlatformContext } from '../types';
import { isRedirect } from '../shared/apiResponses';
import { accountFromUrl } from './accountFromUrl';
import { ORIGIN } from './constants';
import { isBlockPage, isLoginPage, loginRequired, rateLimited, redirectError, temporarilyBlocked } from './responses';
import { facebookSession } from './session';

const NUMERIC_ID = /^\d{5,20}$/;
const VANITY = /^[a-z0-9][a-z0-9.-]{0,79}$/;

/**
 * The profile to export: the logged-in user's own (from the session, no extra request), a numeric
 * id as given, or a vanity name looked up on its profile page, which names its id as `"userID"`
 * (a Page's as `"pageID"`), as gallery-dl and minhchi's extension read it.
 */
export async function resolveAccount(ctx: PlatformContext, account?: string): Promise<AccountInfo> {
  const session = await facebookSession(ctx);
  const wanted = normalizeAccount(account);
  if (wanted === undefined || wanted === session.uid) {
    return { id: session.uid, handle: session.uid, displayName: session.tokens.name, profileUrl: profileUrlOf(session.uid), isViewer: true };
  }
  if (NUMERIC_ID.test(wanted)) return { id: wanted, handle: wanted, profileUrl: profileUrlOf(wanted) };
  return profileByVanity(ctx, wanted);
}

function normalizeAccount(account: string | undefined): string | undefined {
  const trimmed = account?.trim();
  if (!trimmed) return undefined;
  const fromUrl = /^https?:\/\//i.test(trimmed) ? accountFromUrl(trimmed) : undefined;
  const name = (fromUrl ?? trimmed.replace(/^@/, '')).toLowerCase();
  if (NUMERIC_ID.test(name) || VANITY.test(name)) return name;
  throw new ExportError('account_not_found', `“${trimmed}” is not a Facebook profile name or id.`);
}

async function profileByVanity(ctx: PlatformContext, vanity: string): Promise<AccountInfo> {
  const url = `${ORIGIN}/${encodeURIComponent(vanity)}`;
  const response = await ctx.request({ url, method: 'GET', headers: { Accept: 'text/html,application/xhtml+xml' } });
  if (isRedirect(response)) throw redirectError(response.location);
  if (response.status === 429) throw rateLimited(response);
  const html = response.text;
  if (isBlockPage(html)) throw temporarilyBlocked();
  const id = /"userID":"(\d+)"/.exec(html)?.[1] ?? /"pageID":"(\d+)"/.exec(html)?.[1];
  if (id) return { id, handle: vanity, displayName: titleName(html), profileUrl: url };
  if (isLoginPage(html)) throw loginRequired();
  if (response.status >= 500) {
    throw new ExportError('http_error', `Facebook could not show the profile “${vanity}” (HTTP ${response.status}).`, { status: response.status });
  }
  throw new ExportError('account_not_found', `Facebook has no profile “${vanity}”, or it is not visible to you.`, { status: response.status });
}

function profileUrlOf(id: string): string {
  return `${ORIGIN}/profile.php?id=${id}`;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#039;': "'", '&#x27;': "'" };

/** "Star Demo ✨ | Facebook" → "Star Demo ✨". */
function titleName(html: string): string | undefined {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1];
  const name = title?.replace(/&(?:amp|lt|gt|quot|#039|#x27);/g, (entity) => ENTITIES[entity] ?? entity).replace(/\s*\|\s*Facebook\s*$/, '').trim();
  return name || undefined;
}
