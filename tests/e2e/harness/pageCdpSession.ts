import type { BrowserContext, CDPSession } from 'playwright-core';

/**
 * Runs `use` with a CDP session on one of the context's pages. A persistent context has no Browser
 * object to open a browser-level session on, but the Browser and ServiceWorker domains are
 * reachable from a page's session too and act browser-wide.
 */
export async function withPageCdpSession<T>(context: BrowserContext, use: (session: CDPSession) => Promise<T>): Promise<T> {
  const page = context.pages()[0] ?? (await context.newPage());
  const session = await context.newCDPSession(page);
  try {
    return await use(session);
  } finally {
    await session.detach().catch(() => undefined);
  }
}
