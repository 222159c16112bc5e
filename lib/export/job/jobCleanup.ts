import { removeStagedFilesExcept } from '../../storage/fileStaging';
import { deleteJobItems } from '../../storage/jobRepository';
import { ARCHIVE_FILE_NAME } from '../archive/archiveFile';

/** A finished job keeps its record (history) and its ZIP (re-download); the staging goes. */
export async function cleanUpFinishedJob(jobId: string): Promise<void> {
  await removeStagedFilesExcept(jobId, [ARCHIVE_FILE_NAME]);
  await deleteJobItems(jobId);
}
