import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ActiveStage, JobSnapshot } from '../export/types';
import type { FailedFile, MediaItem, MediaFormat, Post } from '../platforms/types';

/** A job as persisted: what the UI shows plus what a resumed worker needs to carry on. */
export interface JobRecord extends JobSnapshot {
  /** Opaque platform cursor of the next metadata page; null before the first page. */
  cursor: string | null;
  metadataDone: boolean;
  /** Sequence numbers keep posts and media in the platform's order and name staged files. */
  nextPostSeq: number;
  nextMediaSeq: number;
  /** chrome.downloads id once the ZIP was handed to the browser. */
  downloadId?: number;
  /** How often the platform temporarily blocked the account during this job. */
  temporaryBlocks?: number;
  /** The stage a failed job stopped in, where resuming it starts again. */
  resumeStage?: ActiveStage;
}

export interface PostRecord {
  jobId: string;
  seq: number;
  post: Omit<Post, 'media'>;
  /** Record keys (MediaRecord.mediaId) of the post's media, in display order. */
  mediaIds: string[];
}

export type MediaState = 'pending' | 'kept' | 'failed';

export interface MediaRecord {
  jobId: string;
  /** The item's id, or `id#N` when a different file came with an id already taken. */
  mediaId: string;
  seq: number;
  item: MediaItem;
  state: MediaState;
  format?: MediaFormat;
  bytes?: number;
  downloadedAt?: string;
  failure?: FailedFile;
}

export interface ExportSchema extends DBSchema {
  jobs: { key: string; value: JobRecord };
  posts: { key: [string, number]; value: PostRecord; indexes: { byJob: string } };
  media: { key: [string, string]; value: MediaRecord; indexes: { byJob: string; byJobSeq: [string, number] } };
}

export type ExportDb = IDBPDatabase<ExportSchema>;

const DB_NAME = 'star-export';
const DB_VERSION = 1;

let dbPromise: Promise<ExportDb> | undefined;

export function openExportDb(): Promise<ExportDb> {
  dbPromise ??= openDB<ExportSchema>(DB_NAME, DB_VERSION, {
    upgrade(db) {
      db.createObjectStore('jobs', { keyPath: 'id' });
      const posts = db.createObjectStore('posts', { keyPath: ['jobId', 'seq'] });
      posts.createIndex('byJob', 'jobId');
      const media = db.createObjectStore('media', { keyPath: ['jobId', 'mediaId'] });
      media.createIndex('byJob', 'jobId');
      media.createIndex('byJobSeq', ['jobId', 'seq']);
    },
    // Chrome closes IndexedDB connections itself, e.g. when the disk is full; the next call must
    // open a new one rather than fail forever on the closed one.
    terminated() {
      dbPromise = undefined;
    },
  });
  return dbPromise;
}

/** Forgets the open connection; tests use it after swapping the IndexedDB implementation. */
export function closeExportDb(): void {
  void dbPromise?.then((db) => db.close());
  dbPromise = undefined;
}
