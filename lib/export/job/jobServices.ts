import { broadcast } from '../../messaging/messenger';
import type { BroadcastProtocol } from '../../messaging/protocol';
import { adapterFor } from '../../platforms/registry';
import * as fileStaging from '../../storage/fileStaging';
import { ensureFreeSpace } from '../../storage/freeSpace';
import { deliverArchive, findStartedDownload, waitForDownload } from '../delivery/deliverArchive';
import type { ByteSink } from '../../storage/byteSink';
import { downloadWithRetry } from '../media/downloadWithRetry';
import type { JobSnapshot } from '../types';
import { connectZipWorker, type ZipWorkerConnection } from '../../shims/zipWorker';

/** The job's files on disk (OPFS in the extension). */
export interface JobStaging {
  openStagedFile(jobId: string, name: string): Promise<ByteSink>;
  readStagedFile(jobId: string, name: string): Promise<File | undefined>;
  removeStagedFile(jobId: string, name: string): Promise<void>;
  removeJobFiles(jobId: string): Promise<void>;
  removeStagedFilesExcept(jobId: string, keep: readonly string[]): Promise<void>;
}

/**
 * What the job engine reaches outside itself: the background builds it once and hands it down, so
 * a test passes fakes (in-memory staging, served downloads, a delivery that records) instead of
 * replacing modules.
 */
export interface JobServices {
  adapterFor: typeof adapterFor;
  staging: JobStaging;
  ensureFreeSpace: typeof ensureFreeSpace;
  downloadWithRetry: typeof downloadWithRetry;
  delivery: { deliverArchive: typeof deliverArchive; waitForDownload: typeof waitForDownload; findStartedDownload: typeof findStartedDownload };
  /** Tells open extension pages (the popup) how a job stands now. */
  broadcastJob(job: JobSnapshot): Promise<void>;
  /** Starts the worker that writes the streaming ZIP (lib/shims/zipWorker.ts). */
  connectZipWorker(): Promise<ZipWorkerConnection>;
}

export function defaultJobServices(): JobServices {
  return {
    adapterFor,
    staging: {
      openStagedFile: fileStaging.openStagedFile,
      readStagedFile: fileStaging.readStagedFile,
      removeStagedFile: fileStaging.removeStagedFile,
      removeJobFiles: fileStaging.removeJobFiles,
      removeStagedFilesExcept: fileStaging.removeStagedFilesExcept,
    },
    ensureFreeSpace,
    downloadWithRetry,
    delivery: { deliverArchive, waitForDownload, findStartedDownload },
    broadcastJob: (job) => broadcast<BroadcastProtocol, 'jobUpdated'>('jobUpdated', job),
    connectZipWorker,
  };
}
