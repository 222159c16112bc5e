import type { ExportRequest, JobSnapshot } from '../../../lib/export/types';
import { QUICK_PACING, type QuickPacingOverrides } from '../../e2e/quickPacing';
import type { ExtensionPages } from './extensionPages';

const POLL_MS = 250;

/** The Chromium tests' quick API pacing, set where a user sets it (extension storage). */
export async function useQuickPacing(pages: ExtensionPages, overrides: QuickPacingOverrides = {}): Promise<void> {
  await pages.evaluate(`browser.storage.local.set({ exportSettings: ${JSON.stringify({ ...QUICK_PACING, ...overrides })} })`);
}

export async function startExport(pages: ExtensionPages, request: ExportRequest): Promise<string> {
  return (await pages.sendToBackground<{ jobId: string }>('startExport', request)).jobId;
}

export async function jobSnapshot(pages: ExtensionPages, jobId: string): Promise<JobSnapshot> {
  const job = (await pages.sendToBackground<JobSnapshot[]>('listJobs')).find((j) => j.id === jobId);
  if (!job) throw new Error(`job ${jobId} is not listed`);
  return job;
}

/**
 * Polls the job as the popup does until it ends (done, failed, cancelled); `onProgress` sees every
 * snapshot, e.g. to interrupt the export at a given moment.
 */
export async function waitForJobEnd(pages: ExtensionPages, jobId: string, timeoutMs: number, onProgress?: (job: JobSnapshot) => Promise<void>): Promise<JobSnapshot> {
  const deadline = Date.now() + timeoutMs;
  let job = await jobSnapshot(pages, jobId);
  while (Date.now() < deadline) {
    if (job.stage === 'done' || job.stage === 'failed' || job.stage === 'cancelled') return job;
    await onProgress?.(job);
    await new Promise((r) => setTimeout(r, POLL_MS));
    job = await jobSnapshot(pages, jobId);
  }
  throw new Error(`job ${jobId} still ${job.stage} after ${timeoutMs} ms`);
}
