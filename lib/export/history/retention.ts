import browser from 'webextension-polyfill';
import { removeJobFiles } from '../../storage/fileStaging';
import { deleteJobItems } from '../../storage/jobItems';
import { listJobs, putJob } from '../../storage/jobRecords';
import { exportExpired } from '../job/exportExpired';
import { isFinal } from '../job/jobProgress';
import { readUserPreferences, userPreferences } from '../userPreferences';

const RETENTION_ALARM = 'star-export:retention';
const DAY_MINUTES = 24 * 60;
const DAY_MS = DAY_MINUTES * 60_000;

/**
 * Removes the ZIP and any staging data of every export that ended more than `retentionDays` ago.
 * The job record stays, so the history still tells what was exported; it just cannot be
 * downloaded again. A failed job that could be resumed stops being resumable first: resuming it
 * without its posts and files would deliver an empty ZIP. Returns the ids it cleared.
 */
export async function removeExpiredExports(now: Date, retentionDays: number): Promise<string[]> {
  const cutoff = now.getTime() - retentionDays * DAY_MS;
  const cleared: string[] = [];
  for (const job of await listJobs()) {
    if (!isFinal(job.stage) || !job.finishedAt || Date.parse(job.finishedAt) > cutoff) continue;
    if (job.resumeStage !== undefined) {
      const { kind, message } = exportExpired();
      await putJob({ ...job, resumeStage: undefined, retryableFailed: undefined, error: { kind, message } });
    } else if (job.retryableFailed) {
      // Its failed files can no longer be retried: the rest of the export is gone with them.
      await putJob({ ...job, retryableFailed: undefined });
    }
    await removeJobFiles(job.id);
    await deleteJobItems(job.id);
    cleared.push(job.id);
  }
  return cleared;
}

async function sweep(): Promise<void> {
  const { retentionDays } = await readUserPreferences();
  // A failed sweep (storage busy, quota) changes nothing; the next one retries.
  await removeExpiredExports(new Date(), retentionDays).catch(() => undefined);
}

/** Sweeps when the browser starts, once a day, and at once when the user shortens the period. */
export function installRetention(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) void sweep();
  });
  browser.runtime.onStartup.addListener(() => void sweep());
  browser.runtime.onInstalled.addListener(() => void sweep());
  userPreferences.watch((next, previous) => {
    if (next.retentionDays !== previous?.retentionDays) void sweep();
  });
  void browser.alarms.get(RETENTION_ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(RETENTION_ALARM, { delayInMinutes: DAY_MINUTES, periodInMinutes: DAY_MINUTES });
  });
}
