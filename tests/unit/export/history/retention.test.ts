import { beforeEach, describe, expect, it, vi } from 'vitest';
import { removeExpiredExports } from '../../../../lib/export/history/retention';
import { closeExportDb } from '../../../../lib/storage/exportDb';
import { getJob, putJob } from '../../../../lib/storage/jobRecords';
import { appendPage } from '../../../../lib/storage/listedPages';
import { mediaOfJob } from '../../../../lib/storage/mediaRecords';
import { toSnapshot } from '../../../../lib/export/job/jobSnapshot';
import { jobRecord, post, listedPage } from '../job/jobs';

const removedFiles: string[] = [];
// OPFS does not exist in Node; what matters here is which jobs lose their files.
vi.mock('../../../../lib/storage/fileStaging', () => ({
  removeJobFiles: async (jobId: string) => void removedFiles.push(jobId),
}));

const NOW = new Date('2026-12-01T12:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

beforeEach(() => {
  removedFiles.length = 0;
  indexedDB = new IDBFactory();
  closeExportDb();
});

describe('removeExpiredExports', () => {
  it('clears the files and items of exports that ended before the period, keeping every record', async () => {
    await putJob(jobRecord({ id: 'old-done', stage: 'done', finishedAt: daysAgo(8) }));
    await putJob(jobRecord({ id: 'old-failed', stage: 'failed', finishedAt: daysAgo(30) }));
    await putJob(jobRecord({ id: 'old-cancelled', stage: 'cancelled', finishedAt: daysAgo(7.01) }));
    await putJob(jobRecord({ id: 'recent', stage: 'done', finishedAt: daysAgo(6.9) }));
    await putJob(jobRecord({ id: 'running', stage: 'media' }));
    await appendPage('old-failed', listedPage([post('p1', ['m1'])], null));

    const cleared = await removeExpiredExports(NOW, 7);

    expect(cleared.sort()).toEqual(['old-cancelled', 'old-done', 'old-failed']);
    expect(removedFiles.sort()).toEqual(['old-cancelled', 'old-done', 'old-failed']);
    expect(await mediaOfJob('old-failed')).toEqual([]);
    for (const id of ['old-done', 'old-failed', 'old-cancelled', 'recent', 'running']) expect(await getJob(id)).toBeDefined();
  });

  it('a resumable failed job stops being resumable in the same step, saying it expired', async () => {
    await putJob(jobRecord({ id: 'old-resumable', stage: 'failed', resumeStage: 'media', finishedAt: daysAgo(8), error: { kind: 'quota_exceeded', message: 'Disk full.' } }));
    await appendPage('old-resumable', listedPage([post('p1', ['m1'])], null));

    expect(await removeExpiredExports(NOW, 7)).toEqual(['old-resumable']);

    const job = await getJob('old-resumable');
    expect(job?.resumeStage).toBeUndefined();
    expect(toSnapshot(job!).resumable).toBe(false);
    expect(job?.error).toEqual({ kind: 'export_expired', message: 'This export has expired; start it again.' });
    expect(await mediaOfJob('old-resumable')).toEqual([]);
  });

  it('follows the period the user chose', async () => {
    await putJob(jobRecord({ id: 'two-days', stage: 'done', finishedAt: daysAgo(2) }));
    expect(await removeExpiredExports(NOW, 3)).toEqual([]);
    expect(await removeExpiredExports(NOW, 1)).toEqual(['two-days']);
  });
});
