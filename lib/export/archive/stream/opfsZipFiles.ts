import { readStagedFile } from '../../../storage/fileStaging';
import { openSyncAccessFile } from '../../../storage/syncAccessFile';
import type { ZipWorkerFiles } from './zipWorkerService';

/** The ZIP worker's files in the browser: the ZIP through a sync access handle, staged media as disk-backed Files. */
export const opfsZipWorkerFiles: ZipWorkerFiles = {
  openZip: openSyncAccessFile,
  readStaged: readStagedFile,
};
