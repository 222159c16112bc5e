import { opfsZipWorkerFiles } from '@/lib/export/archive/stream/opfsZipFiles';
import type { ZipWorkerPort } from '@/lib/export/archive/stream/zipWorkerProtocol';
import { serveZipWorker } from '@/lib/export/archive/stream/zipWorkerService';
import { ZIP_WORKER_PORT } from '@/lib/shims/zipWorkerPort';

// A dedicated worker: the only context with OPFS sync access handles. It serves the port it is handed.
export default defineUnlistedScript(() => {
  self.addEventListener('message', (event: MessageEvent) => {
    const port = (event.data as Record<string, unknown> | null)?.[ZIP_WORKER_PORT];
    if (port instanceof MessagePort) serveZipWorker(port as ZipWorkerPort, opfsZipWorkerFiles);
  });
});
