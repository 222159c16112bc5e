import browser from 'webextension-polyfill';
import { ExportError } from '../../errors';
import type { JobRecord } from '../../storage/exportDb';
import { getJob, listJobs, putJob } from '../../storage/jobRecords';
import { newJobId } from '../layout/jobId';
import type { ActiveStage, ExportRequest, JobSnapshot } from '../types';
import { validateExportRequest } from './exportRequest';
import { isFinal } from './jobProgress';
import { continueWaitingJob } from './continueNow';
import { armResumeAlarm, disarmResumeAlarm } from './resumeAlarm';
import { discardJobData } from './jobCleanup';
import { requeueRetryableFailures, stageWithPendingFiles } from './retryableFailures';
import { runJob } from './runJob';
import { toSnapshot } from './jobSnapshot';
import type { JobServices } from './jobServices';

// Extension API calls reset Chrome's 30-second idle timer; a long download or a rate-limit wait
// makes none, so a running job pings while it lasts.
const KEEP_ALIVE_MS = 20_000;

function newJobRecord(request: ExportRequest): JobRecord {
  const now = new Date();
  return {
    id: newJobId(now),
    request,
    stage: 'queued',
    percent: 0,
    posts: { done: 0, total: 0 },
    media: { done: 0, total: 0, failed: 0 },
    bytes: { done: 0, total: 0 },
    failed: [],
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    metadataDone: false,
    nextPostSeq: 0,
    nextMediaSeq: 0,
  };
}

/**
 * Runs jobs one after another in the order they were asked for. Queued and unfinished jobs live
 * in IndexedDB, so `resumeUnfinished()` after a worker or browser restart picks them up again.
 */
export function createJobScheduler(events: { onJobEnded?(job: JobSnapshot): void }, services: JobServices) {
  async function publish(job: JobRecord): Promise<void> {
    await putJob(job);
    await services.broadcastJob(toSnapshot(job));
  }

  const controllers = new Map<string, AbortController>();
  let queue: Promise<void> = Promise.resolve();
  /** The job runJob has (or is about to have): its cancel is saved by runJob itself. */
  let running: string | undefined;
  // Arming and disarming run in order, so a quick job's disarm never precedes its own arm.
  let alarm: Promise<void> = Promise.resolve();
  const setAlarm = (armed: boolean) => {
    alarm = alarm.then(armed ? armResumeAlarm : disarmResumeAlarm).catch(() => undefined);
    return alarm;
  };

  async function endCancelled(job: JobRecord): Promise<void> {
    const ended: JobRecord = { ...job, stage: 'cancelled', finishedAt: new Date().toISOString(), waitingUntil: undefined };
    await publish(ended);
    await discardJobData(services.staging, job.id);
    events.onJobEnded?.(toSnapshot(ended));
  }

  async function runQueued(jobId: string, controller: AbortController): Promise<void> {
    running = jobId;
    try {
      const job = await getJob(jobId);
      if (!job || isFinal(job.stage)) return;
      // Cancelled while it waited, or while it was being read just now.
      if (controller.signal.aborted) return await endCancelled(job);
      const keepAlive = setInterval(() => void browser.runtime.getPlatformInfo(), KEEP_ALIVE_MS);
      try {
        await runJob(job, controller.signal, publish, services);
      } finally {
        clearInterval(keepAlive);
      }
      const ended = await getJob(jobId);
      if (ended && isFinal(ended.stage)) events.onJobEnded?.(toSnapshot(ended));
    } finally {
      running = undefined;
      controllers.delete(jobId);
      if (controllers.size === 0) await setAlarm(false);
    }
  }

  /** Puts an ended job back into the queue at `stage`; a stage before delivery hands over a new ZIP. */
  async function restart(job: JobRecord, stage: ActiveStage): Promise<void> {
    const { error: _error, finishedAt: _finished, resumeStage: _resume, ...rest } = job;
    // The ZIP is written again and delivered anew; a split export's complete parts stay as they
    // are (delivered, or handed over once it runs), its files cannot go into them any more.
    const delivered =
      stage === 'delivering'
        ? {}
        : {
            downloadId: undefined,
            deliveryStartedAt: undefined,
            upload: undefined,
            uploadCheckpoint: undefined,
            dropboxCheckpoint: undefined,
            driveCheckpoint: undefined,
          };
    // A done job showed 100 %; the bar of its retry starts over from the stage it goes back to.
    const percent = job.stage === 'done' ? 0 : job.percent;
    await publish({ ...rest, ...delivered, percent, stage, updatedAt: new Date().toISOString() });
    enqueue(job.id);
  }

  function enqueue(jobId: string): void {
    if (controllers.has(jobId)) return;
    const controller = new AbortController();
    controllers.set(jobId, controller);
    void setAlarm(true);
    // Whatever one job throws (its end could not be saved: a full disk), the next ones still run;
    // the unsaved job is still unfinished in IndexedDB and resumes at the next start.
    queue = queue.then(() => runQueued(jobId, controller)).catch(() => undefined);
  }

  return {
    async start(raw: unknown): Promise<{ jobId: string }> {
      const job = newJobRecord(validateExportRequest(raw));
      await publish(job);
      enqueue(job.id);
      return { jobId: job.id };
    },

    async list(): Promise<JobSnapshot[]> {
      return (await listJobs()).map(toSnapshot);
    },

    /**
     * Works in every unfinished state: a running job saves its own end; one waiting in the queue
     * (new, or resumed into a later stage) or left unfinished by a restart is ended here, at once,
     * so it never runs again with the user's cookies.
     */
    async cancel(jobId: string): Promise<void> {
      controllers.get(jobId)?.abort(new ExportError('cancelled', 'The export was cancelled.'));
      if (running === jobId) return;
      const job = await getJob(jobId);
      if (job && !isFinal(job.stage) && running !== jobId) await endCancelled(job);
    },

    async resume(jobId: string): Promise<void> {
      const job = await getJob(jobId);
      if (!job || job.stage !== 'failed' || !job.resumeStage) {
        throw new ExportError('invalid_request', 'Only a failed export can be resumed.');
      }
      // Resuming also tries the files that failed for a passing reason again.
      const requeued = await requeueRetryableFailures(jobId);
      await restart(job, requeued > 0 ? stageWithPendingFiles(job.resumeStage) : job.resumeStage);
    },

    /**
     * Ends a parked export's rest at once, or an upload's pause for the user: a running one wakes
     * where it waits; one a restart left waiting forgets its wait and runs again (the call budget
     * still paces it; an upload asks the server again, and pauses again if nothing changed).
     */
    async continueNow(jobId: string): Promise<void> {
      const job = await getJob(jobId);
      const parked = job?.pausedFor === 'parked' && job.waitingUntil !== undefined;
      if (!job || isFinal(job.stage) || !(parked || job.pausedFor === 'upload')) {
        throw new ExportError('invalid_request', 'Only a paused export can continue now.');
      }
      if (running === jobId && continueWaitingJob(jobId)) return;
      await publish({ ...job, waitingUntil: undefined, pausedFor: undefined, pauseMessage: undefined, updatedAt: new Date().toISOString() });
      enqueue(jobId);
    },

    /** Fetches a finished or failed export's retryable failed files again and rebuilds its ZIP. */
    async retryFailedFiles(jobId: string): Promise<void> {
      const job = await getJob(jobId);
      if (!job || (job.stage !== 'done' && !(job.stage === 'failed' && job.resumeStage))) {
        throw new ExportError('invalid_request', 'Only a finished or stopped export can retry its failed files.');
      }
      if ((await requeueRetryableFailures(jobId)) === 0) throw new ExportError('invalid_request', 'No failed file of this export can be tried again.');
      await restart(job, job.stage === 'failed' && job.resumeStage ? stageWithPendingFiles(job.resumeStage) : 'media');
    },

    async resumeUnfinished(): Promise<void> {
      for (const job of await listJobs()) if (!isFinal(job.stage)) enqueue(job.id);
    },
  };
}

export type JobScheduler = ReturnType<typeof createJobScheduler>;
