import type { FakeCookie } from '../types';
import { seeded } from './seeded';

export interface IgSession {
  userPk: string;
  sessionid: string;
  csrftoken: string;
  wwwClaim: string;
  /** The page tokens the web app's GraphQL requires (docs/platforms.md, "Instagram: GraphQL"): `DTSGInitialData` and `LSD` in the HTML. */
  fbDtsg: string;
  lsd: string;
}

/** Issue time inside fb_dtsg ("NAc…:17:<unix s>", as Meta's tokens read); fixed so tokens stay deterministic. */
const DTSG_ISSUED_AT = 1_791_000_000;

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Logged-in sessions, one per known account, derived from the username so they never change. */
export class InstagramSessions {
  private readonly bySessionId = new Map<string, IgSession>();
  private readonly byUserPk = new Map<string, IgSession>();

  open(userPk: string, username: string): IgSession {
    const existing = this.byUserPk.get(userPk);
    if (existing) return existing;
    const rng = seeded('session', username);
    const session: IgSession = {
      userPk,
      sessionid: `${userPk}%3A${rng.token(14, ALNUM)}%3A${rng.int(1, 28)}%3AAY${rng.token(46, `${ALNUM}-_`)}`,
      csrftoken: rng.token(32, ALNUM),
      wwwClaim: `hmac.AR${rng.token(48, `${ALNUM}-_`)}`,
      fbDtsg: `NAc${rng.token(29, `${ALNUM}_-`)}:17:${DTSG_ISSUED_AT}`,
      lsd: `AV${rng.token(9, `${ALNUM}_-`)}`,
    };
    this.bySessionId.set(session.sessionid, session);
    this.byUserPk.set(userPk, session);
    return session;
  }

  /** A logged-out visitor's page still carries an LSD token (it has no fb_dtsg). */
  static readonly LOGGED_OUT_LSD = `AV${seeded('session', 'logged-out').token(9, `${ALNUM}_-`)}`;

  find(sessionid: string | undefined): IgSession | undefined {
    return sessionid === undefined ? undefined : this.bySessionId.get(sessionid);
  }

  /**
   * The cookies a logged-in browser holds. The real site sets them without a SameSite attribute,
   * which Chromium treats as Lax; `sessionid` and `ig_did` are HttpOnly there too.
   */
  cookies(session: IgSession, username: string): FakeCookie[] {
    const rng = seeded('cookies', username);
    const cookie = (name: string, value: string, httpOnly: boolean): FakeCookie => ({
      name,
      value,
      domain: '.instagram.com',
      path: '/',
      secure: true,
      httpOnly,
      sameSite: 'Lax',
    });
    const hex = (n: number) => rng.token(n, '0123456789ABCDEF');
    return [
      cookie('sessionid', session.sessionid, true),
      cookie('ds_user_id', session.userPk, false),
      cookie('csrftoken', session.csrftoken, false),
      cookie('mid', `Z${rng.token(27, `${ALNUM}_-`)}`, false),
      cookie('ig_did', `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`, true),
    ];
  }
}
