import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

import { PLATFORM_DESCRIPTORS } from './lib/platforms/descriptors';
import { hostPermissions } from './lib/platforms/platformDescriptor';

// Host permissions name only the platforms' own API origins and their media CDNs, from their descriptors.
const HOST_PERMISSIONS = [...new Set(PLATFORM_DESCRIPTORS.flatMap(hostPermissions))];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Star Export',
    description:
      'Export your own Instagram, YouTube and Facebook posts and media into one ZIP, from the browser you are logged in with.',
    permissions: [
      // The toolbar popup reads the active tab's address on m., web. and bare platform hosts too,
      // which have no host permission (their API origin is www.): activeTab shows no install warning.
      'activeTab',
      'storage',
      'unlimitedStorage',
      'downloads',
      'offscreen',
      'cookies',
      'declarativeNetRequestWithHostAccess',
      'alarms',
      'contextMenus',
      'notifications',
    ],
    host_permissions: HOST_PERMISSIONS,
    // AbortSignal.any (the job's signal joins cancel and stop) is the newest API the code needs.
    minimum_chrome_version: '116',
  },
});
