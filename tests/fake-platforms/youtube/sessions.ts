import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { parseCookies } from '../server/reply';
import type { FakeCookie } from '../types';
import { seeded } from '../instagram/seeded';
import type { YtUser } from './model';

export const ORIGIN = 'https://www.youtube.com';
const SKEW_SECONDS = 3600;
const SCHEMES: Record<string, string> = {
  SAPISIDHASH: 'SAPISID',
  SAPISID1PHASH: '__Secure-1PAPISID',
  SAPISID3PHASH: '__Secure-3PAPISID',
};

/** Who a request comes from: a verified user, nobody (public answers), or a refused signature. */
export type Viewer = { kind: 'user'; user: YtUser } | { kind: 'anonymous' } | { kind: 'unauthenticated' };

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/** The logged-in Google sessions, one per known user, derived from the user's key so they never change. */
export class YouTubeSessions {
  private readonly byApisid = new Map<string, YtUser>();

  add(user: YtUser): void {
    this.byApisid.set(user.apisid, user);
  }

  /** The session the cookies name, if its LOGIN_INFO matches too (pages need nothing more). */
  cookieUser(req: IncomingMessage): YtUser | undefined {
    const cookies = parseCookies(req.headers.cookie);
    const apisid = cookies.get('SAPISID')?.[0] ?? cookies.get('__Secure-3PAPISID')?.[0];
    const user = apisid === undefined ? undefined : this.byApisid.get(apisid);
    return user && cookies.get('LOGIN_INFO')?.includes(user.loginInfo) ? user : undefined;
  }

  /**
   * InnerTube's check: with an Authorization header, every token must be a valid SAPISIDHASH of the
   * cookie it names, for the session's cookies, within an hour of now (either the `_u` form with
   * the user session id or the older form without); anything else is 401. Without one, the call is
   * answered as if logged out, cookies or not.
   */
  viewer(req: IncomingMessage, nowSeconds: number): Viewer {
    const header = req.headers.authorization;
    if (!header) return { kind: 'anonymous' };
    const user = this.cookieUser(req);
    const origin = headerValue(req.headers['x-origin']) ?? headerValue(req.headers.origin);
    const cookies = parseCookies(req.headers.cookie);
    const tokens = header.trim().split(/\s+/);
    if (!user || origin !== ORIGIN || tokens.length % 2 !== 0) return { kind: 'unauthenticated' };
    for (let i = 0; i < tokens.length; i += 2) {
      const cookieName = SCHEMES[tokens[i] ?? ''];
      const cookie = cookieName ? cookies.get(cookieName)?.[0] : undefined;
      if (cookie !== user.apisid || !validToken(tokens[i + 1] ?? '', cookie, user.userSessionId, origin, nowSeconds)) {
        return { kind: 'unauthenticated' };
      }
    }
    return { kind: 'user', user };
  }

  /**
   * The cookies a logged-in browser holds for .youtube.com. LOGIN_INFO and the SIDs are HttpOnly;
   * the APISIDs are readable (the page hashes them); the __Secure-3P ones are SameSite=None.
   */
  cookies(user: YtUser): FakeCookie[] {
    const rng = seeded('yt-cookies', user.key);
    const cookie = (name: string, value: string, httpOnly: boolean, sameSite: FakeCookie['sameSite'] = 'Lax'): FakeCookie => ({
      name,
      value,
      domain: '.youtube.com',
      path: '/',
      secure: true,
      httpOnly,
      sameSite,
    });
    const sid = `g.a000${rng.token(60)}`;
    return [
      cookie('LOGIN_INFO', user.loginInfo, true, 'None'),
      cookie('SID', sid, false),
      cookie('__Secure-1PSID', sid, true),
      cookie('__Secure-3PSID', sid, true, 'None'),
      cookie('HSID', rng.token(17), true),
      cookie('SSID', rng.token(17), true),
      cookie('APISID', `${rng.token(16)}/${rng.token(17)}`, false),
      cookie('SAPISID', user.apisid, false),
      cookie('__Secure-1PAPISID', user.apisid, false),
      cookie('__Secure-3PAPISID', user.apisid, false, 'None'),
      cookie('PREF', 'f6=40000000&tz=UTC', false),
    ];
  }
}

function validToken(token: string, cookie: string, userSessionId: string, origin: string, nowSeconds: number): boolean {
  const match = /^(\d+)_([0-9a-f]{40})(_u)?$/.exec(token);
  if (!match) return false;
  const timestamp = Number(match[1]);
  if (Math.abs(timestamp - nowSeconds) > SKEW_SECONDS) return false;
  const expected = match[3] ? sha1(`${userSessionId} ${timestamp} ${cookie} ${origin}`) : sha1(`${timestamp} ${cookie} ${origin}`);
  return expected === match[2];
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
