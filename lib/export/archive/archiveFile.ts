import { ExportError } from '../../errors';
import { readStagedFile } from '../../storage/fileStaging';

/** The finished ZIP of a job, staged beside its media until the retention period ends. */
export const ARCHIVE_FILE_NAME = 'export.zip';

/** The file of one part of a split export, removed once its download completed. */
export function partArchiveFile(number: number): string {
  return `export.part-${String(number).padStart(2, '0')}.zip`;
}

/** Whether a name (from a message) is one of a job's ZIPs, and nothing else in its folder. */
export function isArchiveFile(name: string): boolean {
  return name === ARCHIVE_FILE_NAME || /^export\.part-\d{2,}\.zip$/.test(name);
}

export async function readArchiveFile(jobId: string, name = ARCHIVE_FILE_NAME): Promise<File> {
  if (!isArchiveFile(name)) throw new ExportError('invalid_request', 'Not an export archive.');
  const file = await readStagedFile(jobId, name);
  if (!file) throw new ExportError('internal', 'The export archive is no longer stored; run the export again.');
  return file;
}
