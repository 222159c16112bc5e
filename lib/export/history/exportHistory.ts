import { ExportError } from '../../errors';
import { readStagedFile, removeJobFiles } from '../../storage/fileStaging';
import { deleteJob, getJob, listJobs } from '../../storage/jobRecords';
import { ARCHIVE_FILE_NAME } from '../archive/archiveFile';
import { isFinal } from '../job/jobProgress';
import { toSnapshot } from '../job/jobSnapshot';
import type { JobSnapshot } from '../types';

/** A past or running export as the history page lists it. */
export interface HistoryEntry extends JobSnapshot {
  /** Whether the finished ZIP is still stored, so it can be downloaded again. */
  archiveKept: boolean;
}

/** Every export, newest first, with whether its ZIP is still there (the user or retention may have removed it). */
export async function listExportHistory(): Promise<HistoryEntry[]> {
  const jobs = (await listJobs()).reverse();
  return Promise.all(
    jobs.map(async (job) => ({
      ...toSnapshot(job),
      archiveKept: job.stage === 'done' && (await readStagedFile(job.id, ARCHIVE_FILE_NAME)) !== undefined,
    })),
  );
}

/** Removes a finished export: its record, its items and every stored file, the ZIP included. */
export async function deleteExport(jobId: string): Promise<void> {
  const job = await getJob(jobId);
  if (!job) return;
  // A running job would write its record and files again; it has to end first.
  if (!isFinal(job.stage)) throw new ExportError('invalid_request', 'This export is still running: cancel it before deleting it.');
  await removeJobFiles(jobId);
  await deleteJob(jobId);
}
