/**
 * The job engine's services as a test hands them in: files staged in memory, no disk check, the
 * real registry, and downloads, deliveries and broadcasts as mocks a test sets and inspects.
 */
import { vi } from 'vitest';
import type { JobServices } from '../../../../lib/export/job/jobServices';
import { adapterFor } from '../../../../lib/platforms/registry';
import * as memoryStaging from './memoryStaging';
import { connectMemoryZipWorker } from './memoryZipWorker';
import { servedDownload } from './runJobHarness';

export function testServices() {
  return {
    adapterFor: vi.fn<JobServices['adapterFor']>(adapterFor),
    staging: memoryStaging,
    ensureFreeSpace: vi.fn<JobServices['ensureFreeSpace']>(async () => undefined),
    downloadWithRetry: vi.fn<JobServices['downloadWithRetry']>(servedDownload),
    delivery: {
      deliverArchive: vi.fn<JobServices['delivery']['deliverArchive']>(async ({ onStarted }) => onStarted(7)),
      waitForDownload: vi.fn<JobServices['delivery']['waitForDownload']>(async () => undefined),
      findStartedDownload: vi.fn<JobServices['delivery']['findStartedDownload']>(async () => undefined),
    },
    broadcastJob: vi.fn<JobServices['broadcastJob']>(async () => undefined),
    connectZipWorker: vi.fn<JobServices['connectZipWorker']>(connectMemoryZipWorker),
  } satisfies JobServices;
}

export type TestServices = ReturnType<typeof testServices>;
