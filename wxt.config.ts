import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Host permissions name only the platforms' own hosts and their media CDNs (DESIGN §5).
const HOST_PERMISSIONS = [
  'https://www.instagram.com/*',
  'https://*.cdninstagram.com/*',
  'https://*.fbcdn.net/*',
  'https://www.youtube.com/*',
  'https://i.ytimg.com/*',
  'https://www.facebook.com/*',
];

/** The permissions in the order the security test's snapshot holds them; Firefox's build has no offscreen document. */
function permissions(browser: string): string[] {
  return [
    'storage',
    'unlimitedStorage',
    'downloads',
    ...(browser === 'firefox' ? [] : ['offscreen']),
    'cookies',
    'declarativeNetRequestWithHostAccess',
    'alarms',
    'contextMenus',
    'notifications',
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
