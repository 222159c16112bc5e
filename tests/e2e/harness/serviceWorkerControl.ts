import type { BrowserContext } from 'playwright-core';
import { withPageCdpSession } from './pageCdpSession';

interface WorkerVersion {
  versionId: string;
  scriptURL: string;
  runningStatus: 'stopped' | 'starting' | 'running' | 'stopping';
}

const STOP_TIMEOUT_MS = 10_000;

/**
 * Stops the extension's service worker as Chrome does after 30 s idle, so a test can check that a
 * job resumes; Playwright's own handle would otherwise keep the worker alive. Resolves once Chrome
 * reports it stopped.
 * Never evaluate in the worker while it is stopped: with Playwright 1.65 that failed call marks the
 * whole context closed (newPage and close then throw). Wake it first (an extension page or event),
 * then take the handle from extensionWorker().
 */
export async function stopExtensionWorker(context: BrowserContext, extensionId: string): Promise<void> {
  await withPageCdpSession(context, async (cdp) => {
    const versions = new Map<string, WorkerVersion>();
    let changed: () => void = () => undefined;
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions: updated }: { versions: WorkerVersion[] }) => {
      for (const v of updated) versions.set(v.versionId, v);
      changed();
    });
    const ours = () => [...versions.values()].filter((v) => v.scriptURL.startsWith(`chrome-extension://${extensionId}/`));
    const until = (done: () => boolean, what: string) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`Service worker: ${what} within ${STOP_TIMEOUT_MS} ms`)), STOP_TIMEOUT_MS);
        changed = () => {
          if (done()) {
            clearTimeout(timer);
            resolve();
          }
        };
        changed();
      });
    await cdp.send('ServiceWorker.enable');
    // Versions arrive as events after enable; stopping before they arrive stops nothing.
    await until(() => ours().length > 0, 'no version of the extension reported');
    for (const v of ours()) if (v.runningStatus !== 'stopped') await cdp.send('ServiceWorker.stopWorker', { versionId: v.versionId });
    await until(() => ours().every((v) => v.runningStatus === 'stopped'), 'not stopped');
  });
}
