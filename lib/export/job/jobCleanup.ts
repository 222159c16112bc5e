import { removeJobFiles, removeStagedFilesExcept } from '../../storage/fileStaging';
import { deleteJobItems } from '../../storage/jobRepository';
import { ARCHIVE_FILE_NAME } from '../archive/archiveFile';

/** A finished job keeps its record (history) and its ZIP (re-download); the staging goes. */
export async function cleanUpFinishedJob(jobId: string): Promise<void> {
  await removeStagedFilesExcept(jobId, [ARCHIVE_FILE_NAME]);
  await deleteJobItems(jobId);
}

/**
 * A cancelled job keeps only its record. Called once its end is saved, on paths that must not
 * throw: what fails to go now (a file still open) goes with the retention sweep.
 */
export async function discardJobData(jobId: string): Promise<void> {
  await removeJobFiles(jobId).catch(() => undefined);
  await deleteJobItems(jobId).catch(() => undefined);
}
