import browser from 'webextension-polyfill';
import type { PlatformAdapter } from '../platforms/types';

/**
 * fetch() from the service worker cannot set Origin or Referer: GETs carry none and POSTs carry
 * chrome-extension://…, which the platforms' CSRF checks reject. A session rule sets them to the
 * platform's own origin, for the extension's own requests only (initiatorDomains).
 */
export async function installRequestHeaderRules(adapters: PlatformAdapter[]): Promise<void> {
  const rules = adapters.map((adapter, index) => ({
    id: index + 1,
    priority: 1,
    action: {
      type: 'modifyHeaders' as const,
      requestHeaders: [
        { header: 'origin', operation: 'set' as const, value: adapter.site.origin },
        { header: 'referer', operation: 'set' as const, value: `${adapter.site.origin}/` },
      ],
    },
    condition: {
      initiatorDomains: [browser.runtime.id],
      requestDomains: [...adapter.site.hosts],
      resourceTypes: ['xmlhttprequest' as const],
    },
  }));
  const existing = await browser.declarativeNetRequest.getSessionRules();
  await browser.declarativeNetRequest.updateSessionRules({
    removeRuleIds: existing.map((rule) => rule.id),
    addRules: rules,
  });
}
