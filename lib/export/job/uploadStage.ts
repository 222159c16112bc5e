import browser from 'webextension-polyfill';
import { ExportError } from '../../errors';
import { pacedFetch, requestPacer, type RequestPacer } from '../../upload/pacedFetch';
import { SAVE_TARGET_SHORT, type SaveTarget } from '../../upload/saveTarget';
import { fileUploadSource, type UploadSource } from '../../upload/uploadSource';
import { ARCHIVE_FILE_NAME } from '../archive/archiveFile';
import type { UploadProgress } from '../types';
import { CLOUD_UPLOADERS, isCloudTarget, type CloudCheckpoint, type CloudUploader, type UploadCheckpoints } from './cloudUploaders';
import type { JobContext } from './jobContext';
import { withUploadPauses } from './uploadPause';

/** Where an upload reads its saved checkpoint and saves each new one, with the progress to show. */
export interface CheckpointStore {
  read(): UploadCheckpoints;
  save(changes: UploadCheckpoints, progress: UploadProgress): Promise<void>;
}

/** The job's own checkpoints: a whole-export ZIP. */
export function jobCheckpoints(ctx: JobContext): CheckpointStore {
  return { read: () => ctx.job, save: (changes, upload) => ctx.save({ ...changes, upload }) };
}

/** A complete upload needs nothing more from the server. */
export function isUploaded(checkpoints: UploadCheckpoints): boolean {
  return Object.values(CLOUD_UPLOADERS).some((uploader) => uploader.read(checkpoints)?.complete === true);
}

/** One folder per export, named after it: the parts of a split export go in together. */
export function uploadFolderName(zipName: string): string {
  return zipName.replace(/(_part-\d{2,})?\.zip$/, '');
}

/** Without the host permission the server's answers are hidden from the extension (CORS). */
async function ensureReachable(origins: string[], target: SaveTarget): Promise<void> {
  if (await browser.permissions.contains({ origins })) return;
  throw new ExportError('http_error', `Star Export may not reach ${SAVE_TARGET_SHORT[target]} yet: connect it again in History & settings, then press Continue.`, {
    uploadPause: 'login',
  });
}

/** One pacer per running job: the parts of a split export share the rate, as downloads share theirs. */
const uploadPacers = new WeakMap<JobContext, RequestPacer>();

/** With the export's speed limit set, the fetch every uploader sends through, paced at that rate. */
function uploadFetch(ctx: JobContext): typeof fetch | undefined {
  const limit = ctx.job.request.speedLimitMBps;
  if (limit === undefined) return undefined;
  // MB/s of 10^6 bytes, as the download limit (throttleFor).
  const pace = uploadPacers.get(ctx) ?? requestPacer(limit * 1_000_000);
  uploadPacers.set(ctx, pace);
  return pacedFetch(pace);
}

export interface UploadFile {
  source: UploadSource;
  folder: string;
  checkpoints: CheckpointStore;
  /** Which part of a split export, for the progress line. */
  part?: UploadProgress['part'];
}

/**
 * Uploads one file to the target from its saved checkpoint on, saving every new one; resolves
 * once the server confirmed the whole file. Callers wrap it in `withUploadPauses`.
 */
export async function uploadFile(ctx: JobContext, target: SaveTarget, { source, folder, checkpoints, part }: UploadFile): Promise<void> {
  if (!isCloudTarget(target)) throw new ExportError('invalid_request', `This build cannot upload to ${SAVE_TARGET_SHORT[target]}.`);
  // Each provider reads and writes only its own checkpoint: the union stands for whichever it is.
  const uploader: CloudUploader<CloudCheckpoint> = CLOUD_UPLOADERS[target];
  const progress = (done: number): UploadProgress => ({ target, done, total: source.size, ...(part ? { part } : {}) });
  const { origins, upload } = await uploader.connect();
  await ensureReachable(origins, target);
  const saved = uploader.read(checkpoints.read());
  await checkpoints.save({}, progress(saved ? uploader.confirmed(saved) : 0));
  await upload({
    source,
    folder,
    signal: ctx.signal,
    fetch: uploadFetch(ctx),
    checkpoint: saved,
    onCheckpoint: (checkpoint) => checkpoints.save(uploader.write(checkpoint), progress(uploader.confirmed(checkpoint))),
  });
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
  if (!isUploaded(job)) {
    const file = await ctx.services.staging.readStagedFile(job.id, ARCHIVE_FILE_NAME);
    if (!file) throw new ExportError('export_expired', 'The ZIP is no longer stored; run the export again.');
    const source = fileUploadSource(fileName, file);
    await withUploadPauses(ctx, () => uploadFile(ctx, target, { source, folder: uploadFolderName(fileName), checkpoints: jobCheckpoints(ctx) }));
  }
  await ctx.services.staging.removeStagedFile(job.id, ARCHIVE_FILE_NAME);
}
