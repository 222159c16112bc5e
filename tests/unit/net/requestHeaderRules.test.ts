import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { installRequestHeaderRules } from '../../../lib/net/requestHeaderRules';
import { registeredAdapters } from '../../../lib/platforms/registry';

type Rule = { condition: { initiatorDomains: string[]; requestDomains: string[] } };

async function installedRules(extensionOrigin: string): Promise<Rule[]> {
  vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation((path: string) => `${extensionOrigin}${path}`);
  vi.spyOn(fakeBrowser.declarativeNetRequest, 'getSessionRules').mockResolvedValue([]);
  const update = vi.spyOn(fakeBrowser.declarativeNetRequest, 'updateSessionRules').mockResolvedValue();
  await installRequestHeaderRules(registeredAdapters());
  return (update.mock.calls[0]![0] as { addRules: Rule[] }).addRules;
}

describe('header rules apply to the extension’s own requests in each browser', () => {
  it('Chromium: the initiator is the extension id, its origin’s host', async () => {
    const rules = await installedRules(`chrome-extension://${fakeBrowser.runtime.id}`);
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(rule.condition.initiatorDomains).toEqual([fakeBrowser.runtime.id]);
  });

  it('Firefox: the initiator is the per-profile UUID of moz-extension://, not the add-on id', async () => {
    const uuid = '5a7c1e1e-57a2-4e0b-9c63-0e55e0a7f1d8';
    const rules = await installedRules(`moz-extension://${uuid}`);
    for (const rule of rules) expect(rule.condition.initiatorDomains).toEqual([uuid]);
  });
});
