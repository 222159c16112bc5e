import type { Browser } from '@wxt-dev/browser';

/**
 * Chrome's service worker cannot make blob: URLs nor start a Worker, so an offscreen document does
 * both (Chrome only; webextension-polyfill does not wrap chrome.offscreen).
 */
const OFFSCREEN_PATH = '/offscreen.html';

function chromeOffscreen(): typeof Browser.offscreen {
  const api = (globalThis as { chrome?: { offscreen?: typeof Browser.offscreen } }).chrome?.offscreen;
  if (!api) throw new Error('This browser has no offscreen documents.');
  return api;
}

// Opening and closing run one at a time, so a delivery that starts while the last one ends never
// finds a document that is about to close.
let lifecycle: Promise<unknown> = Promise.resolve();
let users = 0;

function inTurn<T>(step: () => Promise<T>): Promise<T> {
  const result = lifecycle.then(step);
  lifecycle = result.catch(() => undefined);
  return result;
}

/**
 * Opens the offscreen document (if it is not open) for one delivery; the returned function gives
 * it back, and the last one closes it: an idle document would keep a renderer process alive.
 */
export async function acquireOffscreenDocument(): Promise<() => Promise<void>> {
  const offscreen = chromeOffscreen();
  users += 1;
  try {
    await inTurn(async () => {
      if (await offscreen.hasDocument()) return;
      await offscreen.createDocument({
        url: OFFSCREEN_PATH,
        reasons: ['BLOBS', 'WORKERS'],
        justification: 'Turn the finished export archive into a blob: URL for the downloads shelf, and run the worker that writes it.',
      });
    });
  } catch (error) {
    users -= 1;
    throw error;
  }
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    users -= 1;
    await inTurn(async () => {
      if (users === 0 && (await offscreen.hasDocument())) await offscreen.closeDocument();
    }).catch(() => undefined);
  };
}
