import type { JobRecord } from '../../storage/exportDb';
import type { JobSnapshot } from '../types';

/** What pages see of a job: the stored record without the engine's own bookkeeping. */
export function toSnapshot(job: JobRecord): JobSnapshot {
  const { listing: _listing, notes: _notes, metadataDone: _done, nextPostSeq: _posts, nextMediaSeq: _media, downloadId: _download, deliveryStartedAt: _delivery, temporaryBlocks: _blocks, parts: _parts, resumeStage, waitingUntil, ...snapshot } = job;
  // A wait that is over (the job has not run since, or its worker stopped) is no longer news.
  const waiting = waitingUntil !== undefined && Date.parse(waitingUntil) > Date.now() ? { waitingUntil } : {};
  return { ...snapshot, ...waiting, resumable: snapshot.stage === 'failed' && resumeStage !== undefined };
}
