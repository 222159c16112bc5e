import { ExportError } from '../../errors';
import { readStagedFile } from '../../storage/fileStaging';

/** The finished ZIP of a job, staged beside its media until the retention period ends. */
export const ARCHIVE_FILE_NAME = 'export.zip';

export async function readArchiveFile(jobId: string): Promise<File> {
  const file = await readStagedFile(jobId, ARCHIVE_FILE_NAME);
  if (!file) throw new ExportError('internal', 'The export archive is no longer stored; run the export again.');
  return file;
}
