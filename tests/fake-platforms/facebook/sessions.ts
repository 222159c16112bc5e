import { seeded } from '../instagram/seeded';
import { parseCookies } from '../server/reply';
import type { FakeCookie } from '../types';

export interface FbSession {
  userId: string;
  xs: string;
  /** The page tokens; `fbDtsg` changes when the fake rotates tokens. */
  fbDtsg: string;
  lsd: string;
  generation: number;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** The issue time inside fb_dtsg ("NAc…:17:<unix s>"); fixed so tokens stay deterministic. */
const ISSUED_AT = 1_766_000_000;

/** Logged-in sessions, one per profile, derived from the user id so they never change between runs. */
export class FacebookSessions {
  private readonly byUser = new Map<string, FbSession>();

  open(userId: string): FbSession {
    const existing = this.byUser.get(userId);
    if (existing) return existing;
    const rng = seeded('fb-session', userId);
    const session: FbSession = {
      userId,
      xs: `${rng.int(10, 48)}%3A${rng.token(14, ALNUM)}%3A2%3A${ISSUED_AT}%3A-1%3A-1`,
      fbDtsg: dtsg(userId, 0),
      lsd: rng.token(11, `${ALNUM}_-`),
      generation: 0,
    };
    this.byUser.set(userId, session);
    return session;
  }

  /** The session whose `c_user` and `xs` cookies the request carries. */
  find(cookieHeader: string | undefined): FbSession | undefined {
    const cookies = parseCookies(cookieHeader);
    const session = this.byUser.get(cookies.get('c_user')?.[0] ?? '');
    return session && cookies.get('xs')?.includes(session.xs) ? session : undefined;
  }

  /** Every page token is replaced: GraphQL calls with the old fb_dtsg get error 1357004. */
  rotate(): void {
    for (const session of this.byUser.values()) {
      session.generation += 1;
      session.fbDtsg = dtsg(session.userId, session.generation);
    }
  }

  /** What a logged-in browser holds: `c_user` readable by scripts, `xs` and the device cookies HttpOnly. */
  cookies(session: FbSession): FakeCookie[] {
    const rng = seeded('fb-cookies', session.userId);
    const cookie = (name: string, value: string, httpOnly: boolean): FakeCookie => ({ name, value, domain: '.facebook.com', path: '/', secure: true, httpOnly, sameSite: 'None' });
    return [
      cookie('c_user', session.userId, false),
      cookie('xs', session.xs, true),
      cookie('datr', rng.token(24, `${ALNUM}_-`), true),
      cookie('sb', rng.token(24, `${ALNUM}_-`), true),
      cookie('fr', `0${rng.token(16, ALNUM)}.${rng.token(40, ALNUM)}..BnX.AA.0.0.BnX.AWV${rng.token(8, ALNUM)}`, true),
    ];
  }
}

function dtsg(userId: string, generation: number): string {
  return `NAc${seeded('fb-dtsg', userId, generation).token(29, `${ALNUM}_-`)}:17:${ISSUED_AT + generation}`;
}
