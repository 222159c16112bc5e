import { ExportError } from '../../errors';
import type { JobRecord } from '../../storage/exportDb';
import { countJobItems } from '../../storage/jobItems';

export function exportExpired(): ExportError {
  return new ExportError('export_expired', 'This export has expired; start it again.');
}

/**
 * Throws when the job listed posts or media that are no longer stored (retention removed them):
 * carrying on would deliver a "done" ZIP without them.
 */
export async function ensureJobDataKept(job: Pick<JobRecord, 'id' | 'nextPostSeq' | 'nextMediaSeq'>): Promise<void> {
  if (job.nextPostSeq === 0 && job.nextMediaSeq === 0) return;
  const held = await countJobItems(job.id);
  if ((job.nextPostSeq > 0 && held.posts === 0) || (job.nextMediaSeq > 0 && held.media === 0)) throw exportExpired();
}
