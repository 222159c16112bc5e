import type { HistoryEntry } from '../export/history/exportHistory';
import type { ExportRequest, JobSnapshot } from '../export/types';
import type { PlatformId } from '../platforms/types';

/** popup / options page → background. */
export interface BackgroundProtocol {
  startExport(request: ExportRequest): { jobId: string };
  listJobs(): JobSnapshot[];
  cancelExport(params: { jobId: string }): void;
  /** Carries a failed export on from where it stopped (after the user freed space or logged in). */
  resumeExport(params: { jobId: string }): void;
  /**
   * How many posts the account holds, where the platform says so (for the popup's cost estimate):
   * from earlier exports, or with `lookUp` from one paced call to the platform.
   */
  accountPostCount(params: { platform: PlatformId; account?: string; lookUp?: boolean }): { postCount?: number };
  /** Ends a parked export's rest (it waits for the next morning after repeated warnings) at once. */
  continueExport(params: { jobId: string }): void;
  /** Fetches an ended export's failed files that may work now (network, 5xx, 429, expired link) and builds its ZIP again. */
  retryFailedFiles(params: { jobId: string }): void;
  /** Options page: every export with whether its ZIP is still kept. */
  listHistory(): HistoryEntry[];
  deleteExport(params: { jobId: string }): void;
  /** Resolves once the browser accepted the download. */
  redownloadExport(params: { jobId: string }): void;
  /** Forgets what earlier exports delivered ("Only new since last export" starts over). */
  forgetExportedItems(): void;
}

/** background → offscreen document. */
export interface OffscreenProtocol {
  /** `file`: one of the job's ZIPs (a part of a split export); the whole-export ZIP when absent. */
  createArchiveUrl(params: { jobId: string; file?: string }): { url: string };
  revokeArchiveUrl(params: { url: string }): void;
}

/** background → every open extension page; nobody answers. */
export interface BroadcastProtocol {
  jobUpdated: JobSnapshot;
}
