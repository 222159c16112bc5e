import type { ErrorKind } from '../errors';
import type { AccountInfo, FailedFile, PlatformId } from '../platforms/types';
import type { ExportOptions } from './options/exportOptions';
import type { SaveTarget } from '../upload/saveTarget';

export type ExportFormat = 'json' | 'csv' | 'html';

/** "Split into parts": the largest part in decimal GB (4 GB stays under FAT32's 4 GiB file limit). */
export type SplitGB = 2 | 4 | 10 | 50;

/** One export: whose, in which format, and its options (lib/export/options/exportOptions.ts). */
export interface ExportRequest extends ExportOptions {
  platform: PlatformId;
  /** Handle/id of the page being viewed; omitted = the logged-in user. */
  account?: string;
  format: ExportFormat;
  includeMedia: boolean;
  /** Absent: one ZIP. Set: ZIPs of at most this size that each open alone (media exports only). */
  splitGB?: SplitGB;
  /** Where the ZIP goes; absent = the downloads folder. */
  saveTo?: SaveTarget;
}

export type ActiveStage = 'queued' | 'resolving' | 'metadata' | 'media' | 'archive' | 'delivering';
export type FinalStage = 'done' | 'failed' | 'cancelled';
export type Stage = ActiveStage | FinalStage;

export type SectionStatus = 'complete' | 'partial' | 'unavailable';

/** How one section of the account (posts, reels, stories…) was read, for the export and the UI. */
export interface SectionReport {
  name: string;
  label: string;
  status: SectionStatus;
  /** The strategy that read it last ('rest', 'graphql'…). */
  strategy: string;
  /** Why it is partial or unavailable, in words a person can act on. */
  reason?: string;
  /** Posts the section listed (a post another section of its scope listed first counts too). */
  listed: number;
  /** How many the platform says it holds, when it says so. */
  expected?: number;
}

/** Bytes of the ZIP the cloud server confirmed holding. */
export interface UploadProgress extends Counter {
  target: SaveTarget;
  /** Which part of a split export is going up (`of` once the last part is complete); `done` and `total` are its bytes. */
  part?: { number: number; of?: number };
}

export interface Counter {
  done: number;
  total: number;
}

/** Everything the UI needs to show a job; persisted so it outlives the popup and the worker. */
export interface JobSnapshot {
  id: string;
  request: ExportRequest;
  stage: Stage;
  account?: AccountInfo;
  /** 0–100, never goes backwards. */
  percent: number;
  posts: Counter;
  media: Counter & { failed: number };
  bytes: Counter;
  failed: FailedFile[];
  createdAt: string;
  updatedAt: string;
  finishedAt?: string;
  error?: { kind: ErrorKind; message: string };
  /** When the platform asked us to pause, or the account's call budget did, the ISO time we resume. */
  waitingUntil?: string;
  /**
   * Set when the pause is the call budget's (the account's own protection), not the platform's
   * request, or when repeated warnings parked the job until the next morning (Continue now ends it),
   * or when a cloud upload waits for the user to log in again or free space (`pauseMessage` says
   * which; Continue asks the server again).
   */
  pausedFor?: 'budget' | 'parked' | 'upload';
  /** With `pausedFor: 'upload'`: what the user must do before pressing Continue. */
  pauseMessage?: string;
  /** Name of the delivered ZIP as the user sees it on the downloads shelf. */
  fileName?: string;
  zipBytes?: number;
  /** How many ZIPs a split export was delivered in (`fileName` is the first). */
  partCount?: number;
  /** While and after the ZIP goes to a cloud server instead of the downloads folder. */
  upload?: UploadProgress;
  /** A failed job that can carry on from where it stopped (e.g. after freeing disk space). */
  resumable?: boolean;
  /** Failed files another try may fetch ("Retry failed files"). */
  retryableFailed?: number;
  /** The sections listed so far, in listing order. */
  sections?: SectionReport[];
}
