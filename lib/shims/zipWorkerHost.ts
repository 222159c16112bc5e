import { ZIP_WORKER_PATH, ZIP_WORKER_PORT } from './zipWorkerPort';

/**
 * Chrome's offscreen document: starts a ZIP worker for each port the service worker sends
 * (lib/shims/zipWorker.ts). One worker at a time: a service worker that stopped left its worker
 * holding the ZIP's access handle, which the new one needs.
 */
export function hostZipWorkers(container: ServiceWorkerContainer | undefined = globalThis.navigator?.serviceWorker): void {
  if (!container) return;
  let zipWorker: Worker | undefined;
  container.addEventListener('message', (event: MessageEvent) => {
    const port = (event.data as Record<string, unknown> | null)?.[ZIP_WORKER_PORT];
    if (!(port instanceof MessagePort)) return;
    zipWorker?.terminate();
    zipWorker = new Worker(ZIP_WORKER_PATH);
    zipWorker.postMessage({ [ZIP_WORKER_PORT]: port }, [port]);
  });
  container.startMessages();
}
