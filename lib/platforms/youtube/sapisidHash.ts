import { ORIGIN } from './constants';

/** The Authorization scheme each session cookie signs, in the order the web client sends them. */
const SCHEMES = [
  { cookie: 'SAPISID', scheme: 'SAPISIDHASH' },
  { cookie: '__Secure-1PAPISID', scheme: 'SAPISID1PHASH' },
  { cookie: '__Secure-3PAPISID', scheme: 'SAPISID3PHASH' },
] as const;

export type ApisidCookies = Partial<Record<(typeof SCHEMES)[number]['cookie'], string>>;

export const APISID_COOKIE_NAMES = SCHEMES.map((entry) => entry.cookie);

async function sha1Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * One token: `<ts>_<sha1("<U> <ts> <cookie> <origin>")>_u` when the user session id U is known
 * (the web client's form since 2024), else `<ts>_<sha1("<ts> <cookie> <origin>")>`.
 */
export async function sapisidToken(cookie: string, timestamp: number, userSessionId?: string, origin = ORIGIN): Promise<string> {
  if (userSessionId) return `${timestamp}_${await sha1Hex(`${userSessionId} ${timestamp} ${cookie} ${origin}`)}_u`;
  return `${timestamp}_${await sha1Hex(`${timestamp} ${cookie} ${origin}`)}`;
}

/**
 * The Authorization header: one token per session cookie present, computed at call time (never
 * stored), space-joined. Undefined without any of the cookies.
 */
export async function authorizationHeader(
  cookies: ApisidCookies,
  timestamp: number,
  userSessionId?: string,
): Promise<string | undefined> {
  const tokens: string[] = [];
  for (const { cookie, scheme } of SCHEMES) {
    const value = cookies[cookie];
    if (value) tokens.push(`${scheme} ${await sapisidToken(value, timestamp, userSessionId)}`);
  }
  return tokens.length > 0 ? tokens.join(' ') : undefined;
}
