import type { JobSnapshot } from '../export/types';

/**
 * The later of two views of one job. A list read can answer after a broadcast that is newer
 * than it, so an older snapshot never replaces a newer one, and the percent shown never drops.
 */
export function laterSnapshot(current: JobSnapshot | undefined, next: JobSnapshot): JobSnapshot {
  if (!current) return next;
  const later = next.updatedAt >= current.updatedAt ? next : current;
  const percent = Math.max(current.percent, next.percent);
  return later.percent === percent ? later : { ...later, percent };
}

/** Merges fresh snapshots into the shown list, newest job first. */
export function mergeJobs(current: readonly JobSnapshot[], incoming: readonly JobSnapshot[]): JobSnapshot[] {
  const byId = new Map(current.map((job) => [job.id, job]));
  for (const job of incoming) byId.set(job.id, laterSnapshot(byId.get(job.id), job));
  return [...byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}
