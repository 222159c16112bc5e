import browser from 'webextension-polyfill';
import { ExportError } from '../../errors';
import { readStagedFile, removeStagedFile } from '../../storage/fileStaging';
import type { SaveTarget } from '../../upload/saveTarget';
import { fileUploadSource } from '../../upload/uploadSource';
import { originPattern, webdavCredentials } from '../../upload/webdav/webdavAccount';
import { uploadToWebdav } from '../../upload/webdav/webdavUpload';
import { ARCHIVE_FILE_NAME } from '../archive/archiveFile';
import type { JobContext } from './jobContext';

/**
 * Uploads the finished ZIP to the job's cloud target instead of the downloads folder, carrying on
 * from the saved checkpoint, and removes the local copy once the server confirmed it: a large
 * export should not have to sit on the laptop's disk as well.
 */
export async function runUploadStage(ctx: JobContext, target: SaveTarget): Promise<void> {
  const { job, signal } = ctx;
  const fileName = job.fileName;
  if (!fileName) throw new Error('The archive stage did not name the ZIP.');
  if (target !== 'webdav') throw new ExportError('invalid_request', 'This build can only upload to WebDAV.');
  const uploaded = job.uploadCheckpoint?.complete === true;
  if (!uploaded) {
    const file = await readStagedFile(job.id, ARCHIVE_FILE_NAME);
    if (!file) throw new ExportError('export_expired', 'The ZIP is no longer stored; run the export again.');
    const credentials = await webdavCredentials();
    // Without the origin's host permission the server's answers are hidden from the extension (CORS).
    if (!(await browser.permissions.contains({ origins: [originPattern(credentials.url)] }))) {
      throw new ExportError('http_error', `Star Export may not reach ${new URL(credentials.url).origin} yet: connect the server again in History & settings, then press Resume.`);
    }
    await ctx.save({ upload: { target, done: job.uploadCheckpoint?.confirmed ?? 0, total: file.size } });
    await uploadToWebdav({
      source: fileUploadSource(fileName, file),
      folder: fileName.replace(/\.zip$/, ''),
      credentials,
      signal,
      checkpoint: job.uploadCheckpoint,
      onCheckpoint: (checkpoint) => ctx.save({ uploadCheckpoint: checkpoint, upload: { target, done: checkpoint.confirmed, total: file.size } }),
    });
  }
  await removeStagedFile(job.id, ARCHIVE_FILE_NAME);
}
