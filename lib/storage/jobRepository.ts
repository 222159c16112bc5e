import type { IDBPTransaction } from 'idb';
import type { Post } from '../platforms/types';
import { openExportDb, type ExportSchema, type JobRecord, type MediaRecord, type PostRecord } from './exportDb';

export async function getJob(jobId: string): Promise<JobRecord | undefined> {
  return (await openExportDb()).get('jobs', jobId);
}

export async function putJob(job: JobRecord): Promise<void> {
  await (await openExportDb()).put('jobs', job);
}

export async function listJobs(): Promise<JobRecord[]> {
  const jobs = await (await openExportDb()).getAll('jobs');
  return jobs.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

type PageTransaction = IDBPTransaction<ExportSchema, ('jobs' | 'posts' | 'media')[], 'readwrite'>;

async function storePage(tx: PageTransaction, job: JobRecord, posts: Post[]): Promise<void> {
  const mediaStore = tx.objectStore('media');
  for (const post of posts) {
    const { media, ...rest } = post;
    const record: PostRecord = { jobId: job.id, seq: job.nextPostSeq++, post: rest, mediaIds: media.map((m) => m.id) };
    await tx.objectStore('posts').put(record);
    for (const item of media) {
      if (await mediaStore.getKey([job.id, item.id])) continue;
      await mediaStore.put({ jobId: job.id, mediaId: item.id, seq: job.nextMediaSeq++, item, state: 'pending' });
    }
  }
}

/**
 * Stores one metadata page and the cursor after it in a single transaction, so a worker that
 * stops between pages resumes from a cursor whose posts are all stored, never half of them.
 * A media id seen before (a story kept in a highlight, a pinned post listed twice) is stored once.
 */
export async function appendPage(jobId: string, posts: Post[], nextCursor: string | null): Promise<JobRecord> {
  const db = await openExportDb();
  const tx = db.transaction(['jobs', 'posts', 'media'], 'readwrite');
  const job = await tx.objectStore('jobs').get(jobId);
  if (!job) throw new Error(`Job ${jobId} is gone.`);
  try {
    await storePage(tx, job, posts);
  } catch (error) {
    // A put that throws synchronously (a value that cannot be cloned) does not abort by itself.
    tx.abort();
    await tx.done.catch(() => undefined);
    throw error;
  }
  job.cursor = nextCursor;
  job.metadataDone = nextCursor === null;
  job.posts = { done: job.nextPostSeq, total: Math.max(job.posts.total, job.nextPostSeq) };
  job.media = { ...job.media, total: job.nextMediaSeq };
  job.updatedAt = new Date().toISOString();
  await tx.objectStore('jobs').put(job);
  await tx.done;
  return job;
}

export async function mediaOfJob(jobId: string): Promise<MediaRecord[]> {
  const db = await openExportDb();
  return db.getAllFromIndex('media', 'byJobSeq', IDBKeyRange.bound([jobId, 0], [jobId, Infinity]));
}

export async function putMedia(record: MediaRecord): Promise<void> {
  await (await openExportDb()).put('media', record);
}

/** Posts in the platform's order, read page by page so a large account never sits in memory twice. */
export async function* postsOfJob(jobId: string): AsyncGenerator<PostRecord> {
  const db = await openExportDb();
  const batch = 200;
  let from = 0;
  for (;;) {
    const records = await db.getAll('posts', IDBKeyRange.bound([jobId, from], [jobId, Infinity]), batch);
    yield* records;
    if (records.length < batch) return;
    from = records[records.length - 1]!.seq + 1;
  }
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

/** Forgets a job entirely (the user deleted it from the history): its record and its items. */
export async function deleteJob(jobId: string): Promise<void> {
  await deleteJobItems(jobId);
  await (await openExportDb()).delete('jobs', jobId);
}
