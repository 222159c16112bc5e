import browser from 'webextension-polyfill';
import { ZipWorkerClient } from '../export/archive/stream/zipWorkerClient';
import type { ZipWorkerPort } from '../export/archive/stream/zipWorkerProtocol';
import { acquireOffscreenDocument } from './offscreenDocument';
import { ZIP_WORKER_PATH, ZIP_WORKER_PORT } from './zipWorkerPort';

export interface ZipWorkerConnection {
  client: ZipWorkerClient;
  /** Closes the ZIP and lets the worker (and in Chrome the offscreen document) go. */
  release(): Promise<void>;
}

interface ServiceWorkerScope {
  clients: { matchAll(options: { includeUncontrolled: boolean; type: 'window' }): Promise<{ url: string; postMessage(message: unknown, transfer: Transferable[]): void }[]> };
}

/**
 * Starts the worker that writes the streaming ZIP with OPFS sync access handles. Chrome's service
 * worker can start no Worker, so its offscreen document (reason WORKERS) does and hands it the
 * port; Firefox's background page starts it itself. Either way the job talks to the worker over
 * a MessagePort, bytes transferred, never through runtime messages.
 */
export async function connectZipWorker(): Promise<ZipWorkerConnection> {
  const channel = new MessageChannel();
  if (typeof Worker === 'function') {
    const worker = new Worker(browser.runtime.getURL(ZIP_WORKER_PATH as '/'));
    worker.postMessage({ [ZIP_WORKER_PORT]: channel.port2 }, [channel.port2]);
    const client = new ZipWorkerClient(channel.port1 as ZipWorkerPort);
    return {
      client,
      async release() {
        await client.close().catch(() => undefined);
        worker.terminate();
      },
    };
  }
  const releaseDocument = await acquireOffscreenDocument();
  try {
    const scope = globalThis as unknown as ServiceWorkerScope;
    const pages = await scope.clients.matchAll({ includeUncontrolled: true, type: 'window' });
    const offscreen = pages.find((page) => page.url === browser.runtime.getURL('/offscreen.html'));
    if (!offscreen) throw new Error('The offscreen document is not open.');
    offscreen.postMessage({ [ZIP_WORKER_PORT]: channel.port2 }, [channel.port2]);
  } catch (error) {
    await releaseDocument();
    throw error;
  }
  const client = new ZipWorkerClient(channel.port1 as ZipWorkerPort);
  return {
    client,
    async release() {
      try {
        await client.close().catch(() => undefined);
      } finally {
        channel.port1.close();
        await releaseDocument();
      }
    },
  };
}
