/**
 * The job engine's services as a test hands them in: files staged in memory, no disk check, the
 * real registry, and downloads, deliveries and broadcasts as mocks a test sets and inspects.
 */
import { vi } from 'vitest';
import { DEFAULT_EXPORT_SETTINGS } from '../../../../lib/export/exportSettings';
import { createJobContext, type JobContext, type JobContextOptions } from '../../../../lib/export/job/jobContext';
import type { JobServices } from '../../../../lib/export/job/jobServices';
import type { JobRecord } from '../../../../lib/storage/exportDb';
import { putJob } from '../../../../lib/storage/jobRecords';
import { adapterFor } from '../../../../lib/platforms/registry';
import * as memoryStaging from './memoryStaging';
import { offlinePlatform } from './jobs';
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

/**
 * A job's context as the stages get it, offline (no API call is expected) and saving to IndexedDB:
 * Instagram's adapter, the default settings and fresh test services unless `options` says otherwise.
 */
export function offlineJobContext(job: JobRecord, options: Partial<Omit<JobContextOptions, 'job'>> = {}): JobContext {
  return createJobContext({
    job,
    adapter: adapterFor('instagram'),
    settings: DEFAULT_EXPORT_SETTINGS,
    services: testServices(),
    signal: new AbortController().signal,
    createPlatform: offlinePlatform,
    publish: putJob,
    ...options,
  });
}
