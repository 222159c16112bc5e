import { toExportError, type ExportError } from '../../errors';
import type { PartRecord } from '../../storage/exportDb';
import { removeStagedFile } from '../../storage/fileStaging';
import { deliverOnce } from './deliveryStage';
import type { JobContext } from './jobContext';

export interface PartDeliveries {
  /** Hands a written part to Downloads in the background; its file goes once `held` and the download are done. */
  start(part: PartRecord, held?: Promise<void>): void;
  /** Delivers every part not yet delivered and waits for all; throws what stopped one. */
  finish(): Promise<void>;
}

/**
 * Each part of a split export goes to Downloads as soon as it is written, while later parts are
 * still being written, and its storage is freed once its download completed.
 */
export function createPartDeliveries(ctx: JobContext): PartDeliveries {
  const running = new Map<number, Promise<void>>();
  let fatal: ExportError | undefined;
  const saveParts = () => ctx.save({ parts: ctx.job.parts });

  const deliver = async (part: PartRecord, held: Promise<void>) => {
    await deliverOnce(
      ctx,
      { file: part.file, fileName: part.name, bytes: part.size ?? 0, downloadId: part.downloadId, deliveryStartedAt: part.deliveryStartedAt },
      (changes) => {
        Object.assign(part, changes);
        return saveParts();
      },
    );
    await held;
    await removeStagedFile(ctx.job.id, part.file);
    part.delivered = true;
    await saveParts();
  };

  const start: PartDeliveries['start'] = (part, held = Promise.resolve()) => {
    if (part.delivered || running.has(part.number)) return;
    running.set(
      part.number,
      deliver(part, held).catch((error: unknown) => {
        // One part that cannot be delivered stops the job; Resume hands over the parts not yet delivered.
        fatal ??= toExportError(error);
        ctx.stop(fatal);
      }),
    );
  };

  return {
    start,
    async finish() {
      for (const part of ctx.job.parts ?? []) start(part);
      await Promise.all(running.values());
      if (fatal) throw fatal;
      ctx.signal.throwIfAborted();
    },
  };
}
