import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ZipEntryRecord } from '../export/archive/stream/zipFormat';
import type { MediaPaths } from '../export/layout/exportPaths';
import type { ManifestCounts } from '../export/layout/manifest';
import type { ActiveStage, JobSnapshot } from '../export/types';
import type { FailedFile, MediaItem, MediaFormat, Post } from '../platforms/types';
import type { DropboxCheckpoint } from '../upload/dropbox/dropboxUpload';
import type { DriveCheckpoint } from '../upload/googleDrive/driveUpload';
import type { WebdavCheckpoint } from '../upload/webdav/webdavUpload';

/** Where listing resumes: a section, the strategy reading it, and that strategy's cursor. */
export interface ListingPosition {
  section: string;
  strategy: string;
  /** The strategy's cursor of its next page; null for its first. */
  cursor: string | null;
  /** Posts the section listed so far. */
  listed: number;
}

/**
 * One ZIP of a split export: planned once, written, handed to Downloads or uploaded to the job's
 * cloud target, then its file removed.
 */
export interface PartRecord {
  /** 1 for the first part. */
  number: number;
  /** Its posts, `[start, end)` in listing order; while it is open, those appended so far. */
  start: number;
  end: number;
  /** While it is open: the estimated bytes of its posts so far (`partPlan.ts`), which decide when it is full. */
  planned?: number;
  /** Set once it is complete: what its main JSON counted, summed into the later parts' totals. */
  counts?: ManifestCounts;
  /** The export's last part, the one whose main JSON knows how many parts there are. */
  last?: boolean;
  /** The name on the downloads shelf, `…_part-01.zip`. */
  name: string;
  /** Its file in the job's OPFS folder. */
  file: string;
  /** Set once the ZIP is complete. */
  size?: number;
  downloadId?: number;
  deliveryStartedAt?: string;
  /** Where this part's upload to a WebDAV server stands. */
  uploadCheckpoint?: WebdavCheckpoint;
  /** Where this part's upload to Dropbox stands. */
  dropboxCheckpoint?: DropboxCheckpoint;
  /** Where this part's upload to Google Drive stands. */
  driveCheckpoint?: DriveCheckpoint;
  /** The download completed, or the server confirmed the upload, and the file was removed. */
  delivered?: boolean;
}

/** A job as persisted: what the UI shows plus what a resumed worker needs to carry on. */
export interface JobRecord extends JobSnapshot {
  /** Undefined before the first page is listed. */
  listing?: ListingPosition;
  metadataDone: boolean;
  /** What the platform adapter learnt about the session (PlatformContext.notes). */
  notes?: Record<string, string>;
  /** Sequence numbers keep posts and media in the platform's order and name staged files. */
  nextPostSeq: number;
  nextMediaSeq: number;
  /** chrome.downloads id once the ZIP was handed to the browser. */
  downloadId?: number;
  /** When the ZIP was last handed to chrome.downloads: a worker stopped before saving the id finds the download by it. */
  deliveryStartedAt?: string;
  /** Where the upload of the ZIP to a WebDAV server stands. */
  uploadCheckpoint?: WebdavCheckpoint;
  /** Where the upload of the ZIP to Dropbox stands. */
  dropboxCheckpoint?: DropboxCheckpoint;
  /** Where the upload of the ZIP to Google Drive stands. */
  driveCheckpoint?: DriveCheckpoint;
  /** How often the platform temporarily blocked the account during this job. */
  temporaryBlocks?: number;
  /** A split export's parts so far: complete ones (with `size`), then the one being written, if any. */
  parts?: PartRecord[];
  /** The stage a failed job stopped in, where resuming it starts again. */
  resumeStage?: ActiveStage;
  /**
   * The streaming ZIP (in a split export, the part being written): where its last appended media
   * entry ends. Saved in the same write as that file's `MediaRecord.zip`; a resumed job cuts the
   * ZIP back to it.
   */
  zipOffset?: number;
}

export interface PostRecord {
  jobId: string;
  seq: number;
  section?: string;
  /** Scope and post id: a post listed again in its scope is found by it (absent for a stand-in id). */
  listingKey?: string;
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
  /** Hex SHA-256 of the kept bytes, computed while they streamed to disk. */
  sha256?: string;
  downloadedAt?: string;
  failure?: FailedFile;
  /** A failed file worth another try (network, 5xx, 429, expired link): Retry and Resume fetch it again. */
  retryable?: boolean;
  /** "Compress images": the file as downloaded, before it was re-encoded as a smaller JPEG. */
  original?: { format: MediaFormat; byteSize: number; width: number; height: number };
  /** Once the file and its sidecar are in the streaming ZIP: their entries and paths, and in a split export which part holds them. */
  zip?: { paths: MediaPaths; file: ZipEntryRecord; sidecar: ZipEntryRecord; part?: number };
}

/** A post an export of the account delivered whole (every file kept): "Only new" leaves it out next time. */
export interface DeliveredPost {
  /** `platform:accountId` (see deliveredIndex.accountKey). */
  accountKey: string;
  /** The post's listing id in its scope (a highlight item's includes its highlight). */
  postId: string;
  /** A hash of the caption it was delivered with: a new caption is an edit worth exporting again. */
  captionHash: string;
  jobId: string;
}

/** An export that delivered posts of the account: what a later "Only new" export builds on. */
export interface Delivery {
  accountKey: string;
  jobId: string;
  exportedAt: string;
}

export interface ExportSchema extends DBSchema {
  jobs: { key: string; value: JobRecord };
  delivered: { key: [string, string]; value: DeliveredPost };
  deliveries: { key: [string, string]; value: Delivery };
  posts: { key: [string, number]; value: PostRecord; indexes: { byJob: string; byListingKey: [string, string] } };
  media: { key: [string, string]; value: MediaRecord; indexes: { byJob: string; byJobSeq: [string, number] } };
}

export type ExportDb = IDBPDatabase<ExportSchema>;

const DB_NAME = 'star-export';
const DB_VERSION = 3;

let dbPromise: Promise<ExportDb> | undefined;

export function openExportDb(): Promise<ExportDb> {
  dbPromise ??= openDB<ExportSchema>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        db.createObjectStore('jobs', { keyPath: 'id' });
        const posts = db.createObjectStore('posts', { keyPath: ['jobId', 'seq'] });
        posts.createIndex('byJob', 'jobId');
        const media = db.createObjectStore('media', { keyPath: ['jobId', 'mediaId'] });
        media.createIndex('byJob', 'jobId');
        media.createIndex('byJobSeq', ['jobId', 'seq']);
      }
      if (oldVersion < 2) tx.objectStore('posts').createIndex('byListingKey', ['jobId', 'listingKey']);
      if (oldVersion < 3) {
        db.createObjectStore('delivered', { keyPath: ['accountKey', 'postId'] });
        db.createObjectStore('deliveries', { keyPath: ['accountKey', 'jobId'] });
      }
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
