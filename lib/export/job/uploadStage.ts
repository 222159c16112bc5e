import browser from 'webextension-polyfill';
import { ExportError } from '../../errors';
import { readStagedFile, removeStagedFile } from '../../storage/fileStaging';
import { DROPBOX_ORIGINS, dropboxAccessToken } from '../../upload/dropbox/dropboxAuth';
import { uploadToDropbox } from '../../upload/dropbox/dropboxUpload';
import { SAVE_TARGET_SHORT, type SaveTarget } from '../../upload/saveTarget';
import { fileUploadSource, type UploadSource } from '../../upload/uploadSource';
import { originPattern, webdavCredentials } from '../../upload/webdav/webdavAccount';
import { uploadToWebdav } from '../../upload/webdav/webdavUpload';
import { ARCHIVE_FILE_NAME } from '../archive/archiveFile';
import type { JobContext } from './jobContext';

/** Without the host permission the server's answers are hidden from the extension (CORS). */
async function ensureReachable(origins: string[], target: SaveTarget): Promise<void> {
  if (await browser.permissions.contains({ origins })) return;
  throw new ExportError('http_error', `Star Export may not reach ${SAVE_TARGET_SHORT[target]} yet: connect it again in History & settings, then press Resume.`);
}

async function upload(ctx: JobContext, target: SaveTarget, source: UploadSource, folder: string): Promise<void> {
  const { signal } = ctx;
  const progress = (done: number) => ({ upload: { target, done, total: source.size } });
  if (target === 'webdav') {
    const credentials = await webdavCredentials();
    await ensureReachable([originPattern(credentials.url)], target);
    await ctx.save(progress(ctx.job.uploadCheckpoint?.confirmed ?? 0));
    await uploadToWebdav({
      source,
      folder,
      credentials,
      signal,
      checkpoint: ctx.job.uploadCheckpoint,
      onCheckpoint: (checkpoint) => ctx.save({ uploadCheckpoint: checkpoint, ...progress(checkpoint.confirmed) }),
    });
    return;
  }
  if (target === 'dropbox') {
    await ensureReachable(DROPBOX_ORIGINS, target);
    await ctx.save(progress(ctx.job.dropboxCheckpoint?.offset ?? 0));
    await uploadToDropbox({
      source,
      folder,
      accessToken: (options) => dropboxAccessToken(options),
      signal,
      checkpoint: ctx.job.dropboxCheckpoint,
      onCheckpoint: (checkpoint) => ctx.save({ dropboxCheckpoint: checkpoint, ...progress(checkpoint.offset) }),
    });
    return;
  }
  throw new ExportError('invalid_request', `This build cannot upload to ${SAVE_TARGET_SHORT[target]}.`);
}

/**
 * Uploads the finished ZIP to the job's cloud target instead of the downloads folder, carrying on
 * from the saved checkpoint, and removes the local copy once the server confirmed it: a large
 * export should not have to sit on the laptop's disk as well.
 */
export async function runUploadStage(ctx: JobContext, target: SaveTarget): Promise<void> {
  const { job } = ctx;
  const fileName = job.fileName;
  if (!fileName) throw new Error('The archive stage did not name the ZIP.');
  const uploaded = job.uploadCheckpoint?.complete === true || job.dropboxCheckpoint?.complete === true;
  if (!uploaded) {
    const file = await readStagedFile(job.id, ARCHIVE_FILE_NAME);
    if (!file) throw new ExportError('export_expired', 'The ZIP is no longer stored; run the export again.');
    await upload(ctx, target, fileUploadSource(fileName, file), fileName.replace(/\.zip$/, ''));
  }
  await removeStagedFile(job.id, ARCHIVE_FILE_NAME);
}
