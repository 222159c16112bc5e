import type { Browser } from '@wxt-dev/browser';

/**
 * Chrome's service worker cannot make blob: URLs, so an offscreen document does it (Chrome only;
 * webextension-polyfill does not wrap chrome.offscreen).
 */
const OFFSCREEN_PATH = '/offscreen.html';

function chromeOffscreen(): typeof Browser.offscreen {
  const api = (globalThis as { chrome?: { offscreen?: typeof Browser.offscreen } }).chrome?.offscreen;
  if (!api) throw new Error('This browser has no offscreen documents.');
  return api;
}

let creating: Promise<void> | undefined;

export async function ensureOffscreenDocument(): Promise<void> {
  const offscreen = chromeOffscreen();
  if (await offscreen.hasDocument()) return;
  creating ??= offscreen
    .createDocument({
      url: OFFSCREEN_PATH,
      reasons: ['BLOBS'],
      justification: 'Turn the finished export archive into a blob: URL for the downloads shelf.',
    })
    .finally(() => {
      creating = undefined;
    });
  await creating;
}
