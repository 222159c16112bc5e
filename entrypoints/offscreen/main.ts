import { readArchiveFile } from '@/lib/export/archive/archiveFile';
import { handleMessages } from '@/lib/messaging/messenger';
import type { OffscreenProtocol } from '@/lib/messaging/protocol';
import { ZIP_WORKER_PATH, ZIP_WORKER_PORT } from '@/lib/shims/zipWorkerPort';

// The OPFS File is disk-backed, so the blob: URL streams the ZIP from disk, whatever its size.
handleMessages<OffscreenProtocol>('offscreen', {
  async createArchiveUrl({ jobId, file }) {
    return { url: URL.createObjectURL(await readArchiveFile(jobId, file)) };
  },
  revokeArchiveUrl({ url }) {
    URL.revokeObjectURL(url);
  },
});

// The service worker sends the port of a new ZIP worker. One worker at a time: a service worker
// that stopped left its worker holding the ZIP's access handle, which the new one needs.
let zipWorker: Worker | undefined;
navigator.serviceWorker.addEventListener('message', (event: MessageEvent) => {
  const port = (event.data as Record<string, unknown> | null)?.[ZIP_WORKER_PORT];
  if (!(port instanceof MessagePort)) return;
  zipWorker?.terminate();
  zipWorker = new Worker(ZIP_WORKER_PATH);
  zipWorker.postMessage({ [ZIP_WORKER_PORT]: port }, [port]);
});
navigator.serviceWorker.startMessages();
