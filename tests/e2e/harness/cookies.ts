import type { BrowserContext } from 'playwright-core';
import type { FakeCookie } from '../../fake-platforms/types';

/** A fake's cookie as both Playwright and Puppeteer set it. */
export function browserCookie(c: FakeCookie) {
  return {
    name: c.name,
    value: c.value,
    domain: c.domain,
    path: c.path,
    secure: c.secure,
    httpOnly: c.httpOnly,
    sameSite: c.sameSite,
    // A session that outlives a browser restart, like a real "stay logged in" cookie.
    expires: Math.floor(Date.now() / 1000) + 30 * 24 * 3600,
  };
}

/** Logs the browser in as the fake's user: the extension only ever sees the browser's own cookies. */
export async function addFakeCookies(context: BrowserContext, cookies: FakeCookie[]): Promise<void> {
  await context.addCookies(cookies.map(browserCookie));
}
