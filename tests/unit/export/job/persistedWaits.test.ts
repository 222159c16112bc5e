import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { ExportError } from '../../../../lib/errors';
import { DEFAULT_EXPORT_SETTINGS, type ExportSettings } from '../../../../lib/export/exportSettings';
import { type JobContext } from '../../../../lib/export/job/jobContext';
import { toSnapshot } from '../../../../lib/export/job/jobSnapshot';
import { withApiRetries } from '../../../../lib/export/job/metadataStage';
import { adapterFor } from '../../../../lib/platforms/registry';
import { closeExportDb, type JobRecord } from '../../../../lib/storage/exportDb';
import { getJob, putJob } from '../../../../lib/storage/jobRecords';
import { jobRecord } from './jobs';
import { offlineJobContext } from './testServices';

const SETTINGS: ExportSettings = { ...DEFAULT_EXPORT_SETTINGS, temporaryBlockWaitMs: 300, rateLimitWaitMs: 300 };

function contextFor(job: JobRecord, controller = new AbortController()): JobContext {
  return offlineJobContext(job, { adapter: adapterFor('facebook'), settings: SETTINGS, signal: controller.signal });
}

const blocked = () => new ExportError('rate_limited', "You're temporarily blocked.", { temporaryBlock: true });

beforeEach(() => {
  closeExportDb();
  globalThis.indexedDB = new IDBFactory();
});

describe('a wait saved before a restart', () => {
  it('is honoured: the first API call of a restarted job waits until then', async () => {
    const until = Date.now() + 250;
    const job = jobRecord({ stage: 'metadata', waitingUntil: new Date(until).toISOString() });
    await putJob(job);
    let calledAt = 0;
    await withApiRetries(contextFor(job), async () => {
      calledAt = Date.now();
    });
    expect(calledAt).toBeGreaterThanOrEqual(until);
    expect((await getJob(job.id))?.waitingUntil).toBeUndefined();
  });

  it('counts a temporary block only once its wait is over, so a restart during it does not end the job', async () => {
    const job = jobRecord({ stage: 'metadata' });
    await putJob(job);
    const first = new AbortController();
    const running = withApiRetries(contextFor(job, first), () => Promise.reject(blocked()));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await getJob(job.id)).toMatchObject({ waitingUntil: expect.any(String) });
    expect((await getJob(job.id))?.temporaryBlocks ?? 0).toBe(0);
    // The worker stops during the block's wait.
    first.abort(new ExportError('cancelled', 'stopped'));
    await expect(running).rejects.toBeDefined();

    // The restarted worker waits out the rest, is blocked again once (the block was not over), and carries on.
    const stored = (await getJob(job.id))!;
    let calls = 0;
    const answer = await withApiRetries(contextFor(stored), async () => {
      calls += 1;
      if (calls === 1) throw blocked();
      return 'page';
    });
    expect(answer).toBe('page');
    expect(await getJob(job.id)).toMatchObject({ temporaryBlocks: 1 });
    expect((await getJob(job.id))?.waitingUntil).toBeUndefined();
  });

  it('a stale wait is cleared, never shown as "continuing at"', () => {
    const stale = jobRecord({ stage: 'metadata', waitingUntil: new Date(Date.now() - 60_000).toISOString() });
    expect(toSnapshot(stale).waitingUntil).toBeUndefined();
    const live = jobRecord({ stage: 'metadata', waitingUntil: new Date(Date.now() + 60_000).toISOString() });
    expect(toSnapshot(live).waitingUntil).toBe(live.waitingUntil);
  });
});
