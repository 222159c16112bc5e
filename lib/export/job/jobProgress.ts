import type { JobSnapshot, Stage } from '../types';

type WeightedStage = 'resolving' | 'metadata' | 'media' | 'archive' | 'delivering';
const ORDER: WeightedStage[] = ['resolving', 'metadata', 'media', 'archive', 'delivering'];

// Weighted by where the time goes: with media, downloads dominate; without, the API pages do.
const WITH_MEDIA: Record<WeightedStage, number> = { resolving: 2, metadata: 18, media: 65, archive: 12, delivering: 3 };
const WITHOUT_MEDIA: Record<WeightedStage, number> = { resolving: 5, metadata: 80, media: 0, archive: 10, delivering: 5 };

function fraction(done: number, total: number): number {
  return total > 0 ? Math.min(1, done / total) : 0;
}

function stageFraction(job: JobSnapshot, stage: WeightedStage, archiveFraction: number): number {
  switch (stage) {
    case 'metadata':
      // The platform's post count is only an estimate; never claim the stage is over before it is.
      return Math.min(0.99, fraction(job.posts.done, Math.max(job.posts.total, job.account?.postCount ?? 0)));
    case 'media':
      return fraction(job.media.done + job.media.failed, job.media.total);
    case 'archive':
      return archiveFraction;
    default:
      return 0;
  }
}

/** Overall percent, weighted by work and never lower than what was shown before. */
export function overallPercent(job: JobSnapshot, archiveFraction = 0): number {
  if (job.stage === 'done') return 100;
  const index = ORDER.indexOf(job.stage as WeightedStage);
  if (index < 0) return job.percent;
  const weights = job.request.includeMedia ? WITH_MEDIA : WITHOUT_MEDIA;
  let percent = 0;
  for (const stage of ORDER.slice(0, index)) percent += weights[stage];
  percent += weights[ORDER[index]!] * stageFraction(job, ORDER[index]!, archiveFraction);
  // Files of listed posts download during the listing: their share of the media weight, scaled
  // by how much of the account is listed (the files of posts still unlisted are not counted yet).
  if (job.stage === 'metadata') percent += weights.media * stageFraction(job, 'media', 0) * stageFraction(job, 'metadata', 0);
  return Math.max(job.percent, Math.min(99, Math.floor(percent * 10) / 10));
}

export function isFinal(stage: Stage): boolean {
  return stage === 'done' || stage === 'failed' || stage === 'cancelled';
}
