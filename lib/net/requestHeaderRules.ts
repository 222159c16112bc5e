import browser from 'webextension-polyfill';
import type { PlatformAdapter } from '../platforms/types';

/**
 * fetch() from the service worker cannot set Origin or Referer: GETs carry none and POSTs carry
 * chrome-extension://…, which the platforms' CSRF checks reject. Session rules set the Referer,
 * and the Origin of POSTs, to the platform's own origin, for the extension's own requests only
 * (initiatorDomains), as the platform's web app sends them.
 */
export async function installRequestHeaderRules(adapters: PlatformAdapter[]): Promise<void> {
  const rules = adapters.flatMap((adapter, index) => {
    const condition = {
      // The host of the extension's own origin: Chromium's is its id, Firefox's a per-profile UUID.
      initiatorDomains: [new URL(browser.runtime.getURL('/')).hostname],
      // Only the API's own host: that is where the extension sends its requests, and the one
      // host of each platform it holds a permission for.
      requestDomains: [new URL(adapter.site.origin).hostname],
      resourceTypes: ['xmlhttprequest' as const],
    };
    const set = (header: string, value: string) => ({ type: 'modifyHeaders' as const, requestHeaders: [{ header, operation: 'set' as const, value }] });
    return [
      { id: index * 2 + 1, priority: 1, action: set('referer', `${adapter.site.origin}/`), condition },
      // The web app's own GETs carry no Origin; only its POSTs do.
      { id: index * 2 + 2, priority: 1, action: set('origin', adapter.site.origin), condition: { ...condition, requestMethods: ['post' as const] } },
    ];
  });
  const existing = await browser.declarativeNetRequest.getSessionRules();
  await browser.declarativeNetRequest.updateSessionRules({
    removeRuleIds: existing.map((rule) => rule.id),
    addRules: rules,
  });
}
