import { stagedFileChunks } from '../../../storage/stagedFileChunks';
import { openSyncAccessFile } from '../../../storage/syncAccessFile';
import type { ZipWorkerFiles } from './zipWorkerService';

/** The ZIP worker's files in the browser: the ZIP written and staged media read through sync access handles. */
export const opfsZipWorkerFiles: ZipWorkerFiles = {
  openZip: openSyncAccessFile,
  readStaged: stagedFileChunks,
};
