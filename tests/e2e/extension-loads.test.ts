import { describe, expect, it } from 'vitest';
import { useExtensionWithFake } from './extensionWithFake';
import { PopupPage } from './harness';

// The platforms' own hosts and media CDNs (docs/architecture.md, "Permissions and privacy"; hosts in docs/platforms.md), kept apart from wxt.config.ts
// on purpose: the test must catch a permission added there by mistake.
const PLATFORM_DOMAINS = ['instagram.com', 'cdninstagram.com', 'fbcdn.net', 'facebook.com', 'youtube.com', 'ytimg.com'];

function isPlatformPattern(pattern: string): boolean {
  const match = /^https:\/\/([^/]+)\/.*$/.exec(pattern);
  const host = match?.[1]?.replace(/^\*\./, '');
  if (!host || host.includes('*')) return false;
  return PLATFORM_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

interface LoadedManifest {
  manifest_version: number;
  host_permissions?: string[];
  optional_host_permissions?: string[];
}

describe('the built extension in Chromium', () => {
  const env = useExtensionWithFake();

  it('runs its background service worker', async () => {
    const { serviceWorker, extensionId } = env.session;
    expect(extensionId).toMatch(/^[a-p]{32}$/);
    expect(serviceWorker.url()).toMatch(new RegExp(`^chrome-extension://${extensionId}/`));
    expect(await serviceWorker.evaluate('chrome.runtime.id')).toBe(extensionId);
  });

  it('asks for host access to the platforms only; a cloud server only when the user connects it', async () => {
    const manifest = (await env.session.serviceWorker.evaluate('chrome.runtime.getManifest()')) as LoadedManifest;
    expect(manifest.manifest_version).toBe(3);
    const hosts = manifest.host_permissions ?? [];
    expect(hosts.length).toBeGreaterThan(0);
    expect(hosts.filter((pattern) => !isPlatformPattern(pattern))).toEqual([]);
    // The user's own WebDAV server can be anywhere; the settings page requests its one origin.
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  });

  it('opens the popup with its Start Export button', async () => {
    const popup = await PopupPage.open(env.session.context, env.session.extensionId);
    try {
      await expect(popup.startButton.isEnabled()).resolves.toBe(true);
      await expect(popup.status.isVisible()).resolves.toBe(true);
    } finally {
      await popup.page.close();
    }
  });
});
