import { readArchiveFile } from '@/lib/export/archive/archiveFile';
import { handleMessages } from '@/lib/messaging/messenger';
import type { OffscreenProtocol } from '@/lib/messaging/protocol';
import { hostZipWorkers } from '@/lib/shims/zipWorkerHost';

// The OPFS File is disk-backed, so the blob: URL streams the ZIP from disk, whatever its size.
handleMessages<OffscreenProtocol>('offscreen', {
  async createArchiveUrl({ jobId, file }) {
    return { url: URL.createObjectURL(await readArchiveFile(jobId, file)) };
  },
  revokeArchiveUrl({ url }) {
    URL.revokeObjectURL(url);
  },
});

hostZipWorkers();
