import type { ExportError } from '../../errors';
import { isRetryableError } from '../../net/retryPolicy';
import { mediaOfJob, putMedia } from '../../storage/mediaRecords';
import type { ActiveStage } from '../types';

/** A failed file another try may fetch: the network, a 5xx or 429, an expired link. */
export function isRetryableFailure(error: ExportError): boolean {
  return error.kind === 'expired_url' || isRetryableError(error);
}

/** Puts the job's retryable failed files back to pending; returns how many. */
export async function requeueRetryableFailures(jobId: string): Promise<number> {
  let requeued = 0;
  for (const record of await mediaOfJob(jobId)) {
    if (record.state !== 'failed' || !record.retryable) continue;
    const { failure: _failure, retryable: _retryable, ...rest } = record;
    await putMedia({ ...rest, state: 'pending' });
    requeued += 1;
  }
  return requeued;
}

const ORDER: ActiveStage[] = ['queued', 'resolving', 'metadata', 'media', 'archive', 'delivering'];

/** Where a job with files back to pending carries on: no later than the media stage. */
export function stageWithPendingFiles(stage: ActiveStage): ActiveStage {
  return ORDER.indexOf(stage) <= ORDER.indexOf('media') ? stage : 'media';
}
