import { deleteJobItems } from '../../storage/jobItems';
import { ARCHIVE_FILE_NAME } from '../archive/archiveFile';
import type { JobStaging } from './jobServices';

/** A finished job keeps its record (history) and its ZIP (re-download); the staging goes. */
export async function cleanUpFinishedJob(staging: JobStaging, jobId: string): Promise<void> {
  await staging.removeStagedFilesExcept(jobId, [ARCHIVE_FILE_NAME]);
  await deleteJobItems(jobId);
}

/**
 * A cancelled job keeps only its record. Called once its end is saved, on paths that must not
 * throw: what fails to go now (a file still open) goes with the retention sweep.
 */
export async function discardJobData(staging: JobStaging, jobId: string): Promise<void> {
  await staging.removeJobFiles(jobId).catch(() => undefined);
  await deleteJobItems(jobId).catch(() => undefined);
}
