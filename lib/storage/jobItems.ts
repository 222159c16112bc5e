import { openExportDb } from './exportDb';

/** How many post and media records the job holds. */
export async function countJobItems(jobId: string): Promise<{ posts: number; media: number }> {
  const db = await openExportDb();
  const [posts, media] = await Promise.all([db.countFromIndex('posts', 'byJob', jobId), db.countFromIndex('media', 'byJob', jobId)]);
  return { posts, media };
}

/** Drops a job's staged posts and media records, keeping the job itself for the history. */
export async function deleteJobItems(jobId: string): Promise<void> {
  const db = await openExportDb();
  const tx = db.transaction(['posts', 'media'], 'readwrite');
  await tx.objectStore('posts').delete(IDBKeyRange.bound([jobId, 0], [jobId, Infinity]));
  // Arrays sort after every string, so this bound covers every media id of the job.
  await tx.objectStore('media').delete(IDBKeyRange.bound([jobId, ''], [jobId, []]));
  await tx.done;
}
