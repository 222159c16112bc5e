import { openExportDb, type JobRecord, type MediaRecord } from './exportDb';

/** The job's media records in listing order, from sequence number `fromSeq` on. */
export async function mediaOfJob(jobId: string, fromSeq = 0): Promise<MediaRecord[]> {
  const db = await openExportDb();
  return db.getAllFromIndex('media', 'byJobSeq', IDBKeyRange.bound([jobId, fromSeq], [jobId, Infinity]));
}

export async function putMedia(record: MediaRecord): Promise<void> {
  await (await openExportDb()).put('media', record);
}

/** A file appended to the job's streaming ZIP and the ZIP's new end, in one transaction. */
export async function putAppendedMedia(record: MediaRecord, zipOffset: number): Promise<void> {
  const tx = (await openExportDb()).transaction(['media', 'jobs'], 'readwrite');
  const jobs = tx.objectStore('jobs');
  const job = await jobs.get(record.jobId);
  await tx.objectStore('media').put(record);
  if (job) await jobs.put({ ...job, zipOffset });
  await tx.done;
}

/**
 * A split export's post appended to its open part: its files' records and the job's new ZIP end
 * and parts, in one transaction. `changes` runs once the transaction exists, so a save of the
 * job begun after it cannot land before it.
 */
export async function putAppendedPost(jobId: string, records: readonly MediaRecord[], changes: () => Pick<JobRecord, 'zipOffset' | 'parts'>): Promise<void> {
  const tx = (await openExportDb()).transaction(['media', 'jobs'], 'readwrite');
  const { zipOffset, parts } = changes();
  const jobs = tx.objectStore('jobs');
  for (const record of records) await tx.objectStore('media').put(record);
  const job = await jobs.get(jobId);
  if (job) await jobs.put({ ...job, zipOffset, parts });
  await tx.done;
}
