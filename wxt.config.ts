import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

import { PLATFORM_DESCRIPTORS } from './lib/platforms/descriptors';
import { hostPermissions } from './lib/platforms/platformDescriptor';

// Host permissions name only the platforms' own API origins and their media CDNs, from their descriptors.
const HOST_PERMISSIONS = [...new Set(PLATFORM_DESCRIPTORS.flatMap(hostPermissions))];

/** The permissions in the order the security test's snapshot holds them; Firefox's build has no offscreen document. */
function permissions(browser: string): string[] {
  return [
    // The toolbar popup reads the active tab's address on m., web. and bare platform hosts too,
    // which have no host permission (their API origin is www.): activeTab shows no install warning.
    'activeTab',
    'storage',
    'unlimitedStorage',
    'downloads',
    ...(browser === 'firefox' ? [] : ['offscreen']),
    'cookies',
    'declarativeNetRequestWithHostAccess',
    'alarms',
    'contextMenus',
    'notifications',
    // Dropbox's sign-in window (launchWebAuthFlow); Chrome shows no install warning for it.
    'identity',
  ];
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  // Firefox is built as MV3 too: 140 ESR has everything the engine needs there (declarativeNetRequest
  // session rules, downloads, OPFS, alarms), and its MV3 background is an event page with a DOM.
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: 'Star Export',
    description:
      'Export your own Instagram, YouTube and Facebook posts and media into one ZIP, from the browser you are logged in with.',
    // Firefox's background page makes blob: URLs itself; only Chromium needs the offscreen document.
    permissions: permissions(browser),
    host_permissions: HOST_PERMISSIONS,
    // A WebDAV server's origin is the user's to name: only that origin is requested, when they connect it.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'star-export@star-export.app',
              // 140 ESR: the first release that reads data_collection_permissions, and the ESR users get.
              strict_min_version: '140.0',
              // Nothing leaves the browser but the user's own requests to the platforms (docs/privacy-policy.md).
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {
          // AbortSignal.any (the job's signal joins cancel and stop) is the newest API the code needs.
          minimum_chrome_version: '116',
        }),
  }),
  zip: {
    // The sources archive Firefox's review rebuilds the add-on from (README: Firefox): what the build needs.
    excludeSources: ['demo-output/**', 'test-output/**', 'bench/**', 'tests/**'],
  },
});
