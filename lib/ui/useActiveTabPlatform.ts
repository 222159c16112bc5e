import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { detectFromUrl } from '../platforms/registry';
import type { PlatformId } from '../platforms/types';

/** The platform and account of the tab the popup was opened on, once known. */
export function useActiveTabPlatform(): { ready: boolean; detected?: { platform: PlatformId; account?: string } } {
  const [state, setState] = useState<{ ready: boolean; detected?: { platform: PlatformId; account?: string } }>({ ready: false });
  useEffect(() => {
    void browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([tab]) => setState({ ready: true, detected: tab?.url ? detectFromUrl(tab.url) : undefined }))
      .catch(() => setState({ ready: true }));
  }, []);
  return state;
}
