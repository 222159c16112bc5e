import pLimit from 'p-limit';
import { toExportError, type ExportError } from '../../errors';
import type { PartRecord } from '../../storage/exportDb';
import { deliverOnce } from './deliveryStage';
import type { JobContext } from './jobContext';
import { uploadPart } from './partUpload';

/** A split export: the most bytes a part may hold, and who hands each complete part over. */
export interface PartedExport {
  limit: number;
  deliveries: PartDeliveries;
}

export interface PartDeliveries {
  /** Hands a written part over in the background; its file goes once `held` and the download or upload are done. */
  start(part: PartRecord, held?: Promise<void>): void;
  /** Delivers every complete part not yet delivered and waits for all; throws what stopped one. */
  finish(): Promise<void>;
}

/**
 * Each part of a split export goes to Downloads, or to the job's cloud target, as soon as it is
 * complete, while later media still download into the next part, and its storage is freed once
 * its download completed or the server confirmed it.
 */
export function createPartDeliveries(ctx: JobContext): PartDeliveries {
  const running = new Map<number, Promise<void>>();
  let fatal: ExportError | undefined;
  const saveParts = () => ctx.save({ parts: ctx.job.parts });
  const target = ctx.job.request.saveTo;

  const download = (part: PartRecord) =>
    deliverOnce(
      ctx,
      { file: part.file, fileName: part.name, bytes: part.size ?? 0, downloadId: part.downloadId, deliveryStartedAt: part.deliveryStartedAt },
      (changes) => {
        Object.assign(part, changes);
        return saveParts();
      },
    );

  const deliver = async (part: PartRecord, held: Promise<void>) => {
    await (target ? uploadPart(ctx, target, part) : download(part));
    await held;
    await ctx.services.staging.removeStagedFile(ctx.job.id, part.file);
    part.delivered = true;
    await saveParts();
  };
  // One upload at a time, in part order: they share the uplink, the progress names one part, and
  // a part's file is gone before the next one goes up.
  const uploads = pLimit(1);
  const handOver = (part: PartRecord, held: Promise<void>) => (target ? uploads(() => deliver(part, held)) : deliver(part, held));

  const start: PartDeliveries['start'] = (part, held = Promise.resolve()) => {
    if (part.delivered || running.has(part.number)) return;
    running.set(
      part.number,
      handOver(part, held).catch((error: unknown) => {
        // One part that cannot be delivered stops the job; Resume hands over the parts not yet delivered.
        fatal ??= toExportError(error);
        ctx.stop(fatal);
      }),
    );
  };

  return {
    start,
    async finish() {
      for (const part of ctx.job.parts ?? []) if (part.size !== undefined) start(part);
      await Promise.all(running.values());
      if (fatal) throw fatal;
      ctx.signal.throwIfAborted();
    },
  };
}
