/**
 * Where a split export tells others that a part is complete (the cloud upload reads parts from
 * here). A listener may return a promise: the part's file stays in storage until every listener's
 * promise settled and its download completed. Listeners live in the running worker only; after a
 * worker restart, parts completed before it are not announced again.
 */
import { ExportError } from '../../errors';
import { partArchiveFile } from '../archive/archiveFile';
import type { JobStaging } from '../job/jobServices';

export interface CompletedPart {
  jobId: string;
  /** 1 for the first part. */
  number: number;
  /** How many parts the export has: known, and set, on the last part only. */
  of?: number;
  /** Its name on the downloads shelf, `star-export_…_part-01.zip`. */
  name: string;
  size: number;
}

export type PartListener = (part: CompletedPart) => void | Promise<void>;

const listeners = new Set<PartListener>();

/** Calls `listener` for every part completed from now on; returns the way to stop. */
export function onPartCompleted(listener: PartListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tells every listener; resolves once each is done with the part, whether it succeeded or not. */
export async function announcePart(part: CompletedPart): Promise<void> {
  await Promise.allSettled([...listeners].map(async (listener) => listener(part)));
}

/** A completed part's bytes from `offset` on, streamed from disk (a resumed upload starts mid-file). */
export async function readPartStream(staging: JobStaging, jobId: string, number: number, offset = 0): Promise<ReadableStream<Uint8Array>> {
  const file = await staging.readStagedFile(jobId, partArchiveFile(number));
  if (!file) throw new ExportError('internal', `Part ${number} of the export is no longer stored.`);
  return file.slice(offset).stream();
}
