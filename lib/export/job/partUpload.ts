import { ExportError } from '../../errors';
import type { PartRecord } from '../../storage/exportDb';
import type { SaveTarget } from '../../upload/saveTarget';
import { fileUploadSource } from '../../upload/uploadSource';
import type { JobContext } from './jobContext';
import { withUploadPauses } from './uploadPause';
import { isUploaded, uploadFile, uploadFolderName, type CheckpointStore } from './uploadStage';

/** A part keeps its own checkpoint: after a worker stop each part carries on from what the server holds of it. */
function partCheckpoints(ctx: JobContext, part: PartRecord): CheckpointStore {
  return {
    read: () => part,
    save(changes, upload) {
      Object.assign(part, changes);
      return ctx.save({ parts: ctx.job.parts, upload });
    },
  };
}

/** Uploads one written part into the export's folder on the target; resolves once the server confirmed it. */
export async function uploadPart(ctx: JobContext, target: SaveTarget, part: PartRecord): Promise<void> {
  if (isUploaded(part)) return;
  // Parts queued behind one that failed must not announce an upload that will not happen.
  ctx.signal.throwIfAborted();
  const { job } = ctx;
  const file = await ctx.services.staging.readStagedFile(job.id, part.file);
  if (!file) throw new ExportError('export_expired', `Part ${part.number} of the export is no longer stored; run the export again.`);
  const lastPart = job.parts?.find((candidate) => candidate.last);
  const upload = {
    source: fileUploadSource(part.name, file),
    folder: uploadFolderName(part.name),
    checkpoints: partCheckpoints(ctx, part),
    // How many parts there are is known once the last one is complete.
    part: { number: part.number, ...(lastPart ? { of: lastPart.number } : {}) },
  };
  await withUploadPauses(ctx, () => uploadFile(ctx, target, upload));
}
