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

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Star Export',
    description:
      'Export your own Instagram, YouTube and Facebook posts and media into one ZIP, from the browser you are logged in with.',
    permissions: [
      'storage',
      'unlimitedStorage',
      'downloads',
      'offscreen',
      'cookies',
      'declarativeNetRequestWithHostAccess',
      'alarms',
      'contextMenus',
      'notifications',
      // Dropbox's sign-in window (launchWebAuthFlow); Chrome shows no install warning for it.
      'identity',
    ],
    host_permissions: HOST_PERMISSIONS,
    // A WebDAV server's origin is the user's to name: only that origin is requested, when they connect it.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // AbortSignal.any (the job's signal joins cancel and stop) is the newest API the code needs.
    minimum_chrome_version: '116',
  },
});
