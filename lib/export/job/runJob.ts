import { toExportError } from '../../errors';
import { createPlatformContext } from '../../net/platformContext';
import type { JobRecord } from '../../storage/exportDb';
import { apiPacing, readExportSettings } from '../exportSettings';
import { partLimitBytes } from '../parts/splitSizes';
import { readUserPreferences } from '../userPreferences';
import type { ActiveStage } from '../types';
import { runDeliveryStage } from './deliveryStage';
import { createPartDeliveries, type PartedExport } from './partDeliveries';
import { runPartedArchiveStage } from './partedArchiveStage';
import { createJobContext } from './jobContext';
import { isFinal } from './jobProgress';
import { listWhileDownloading } from './listingWithDownloads';
import { startMediaDownloads, type MediaDownloads } from './mediaStage';
import { runMetadataStage, withApiRetries } from './metadataStage';
import { cleanUpFinishedJob, discardJobData } from './jobCleanup';
import { ensureJobDataKept } from './exportExpired';
import { jobNotes } from './jobNotes';
import { returnMissingFilesToMedia } from './missingStagedFiles';
import { rememberJobDelivery } from './deliveredRecord';
import { runStreamedArchiveStage } from './streamedArchiveStage';
import type { JobServices } from './jobServices';

const STAGES: ActiveStage[] = ['queued', 'resolving', 'metadata', 'media', 'archive', 'delivering'];

/**
 * Runs (or resumes) one job through its stages. Every stage is idempotent and starts from what
 * IndexedDB and the staged files say, so a worker that stops anywhere resumes where it was.
 */
export async function runJob(job: JobRecord, signal: AbortSignal, publish: (job: JobRecord) => Promise<void>, services: JobServices): Promise<void> {
  const adapter = services.adapterFor(job.request.platform);
  const settings = await readExportSettings();
  const preferences = await readUserPreferences();
  const ctx = createJobContext({
    job,
    adapter,
    settings,
    services,
    signal,
    publish,
    createPlatform: (jobSignal) =>
      createPlatformContext({
        origin: adapter.site.origin,
        ...apiPacing(settings, adapter.pacing, preferences.pacing),
        signal: jobSignal,
        stallTimeoutMs: settings.stallTimeoutMs,
        notes: jobNotes(job),
        account: () => job.account?.id,
        onPause: (until) => ctx.save({ waitingUntil: until?.toISOString(), pausedFor: until ? 'budget' : undefined }),
      }),
  });
  const partLimit = partLimitBytes(job.request, settings);
  // Parts are delivered while later media download into the next, so one set of deliveries spans the stages.
  const parted: PartedExport | undefined = partLimit === undefined ? undefined : { limit: partLimit, deliveries: createPartDeliveries(ctx) };
  const reached = (stage: ActiveStage) => STAGES.indexOf(job.stage as ActiveStage) <= STAGES.indexOf(stage);
  const enter = async (stage: ActiveStage) => {
    if (job.stage !== stage) await ctx.save({ stage });
  };

  try {
    // A resumed job whose items retention removed must not deliver a ZIP without them.
    await ensureJobDataKept(job);
    if (reached('resolving')) {
      await enter('resolving');
      const account = await withApiRetries(ctx, () => adapter.resolveAccount(ctx.platform, job.request.account));
      await ctx.save({ account, posts: { done: 0, total: account.postCount ?? 0 } });
    }
    // With media, the files of listed posts download while later pages are listed.
    let downloads: MediaDownloads | undefined;
    if (reached('metadata')) {
      await enter('metadata');
      if (job.request.includeMedia) downloads = await listWhileDownloading(ctx, parted);
      else await runMetadataStage(ctx);
    }
    if (reached('media') && job.request.includeMedia) {
      await enter('media');
      downloads ??= await startMediaDownloads(ctx, parted);
      await downloads.finish();
    }
    if (reached('archive')) {
      if (job.request.includeMedia && (await returnMissingFilesToMedia(ctx)) > 0) {
        await enter('media');
        await (await startMediaDownloads(ctx, parted)).finish();
      }
      await enter('archive');
      if (parted) await runPartedArchiveStage(ctx, parted);
      else await runStreamedArchiveStage(ctx);
    }
    await enter('delivering');
    if (parted) await parted.deliveries.finish();
    else await runDeliveryStage(ctx);
    await ctx.save({ stage: 'done', finishedAt: new Date().toISOString(), waitingUntil: undefined });
    // The export is delivered whatever happens here: failing to remember it only makes the next "Only new" export longer.
    await rememberJobDelivery(job).catch(() => undefined);
  } catch (error) {
    if (isFinal(job.stage)) return;
    const failure = toExportError(ctx.signal.aborted ? ctx.signal.reason : error);
    if (failure.kind === 'cancelled') {
      // Saved before anything is removed: a removal that fails must not leave the job to run again.
      await ctx.save({ stage: 'cancelled', finishedAt: new Date().toISOString(), waitingUntil: undefined });
      await discardJobData(services.staging, job.id);
      return;
    }
    // Staged media stay: after a full disk or a login the user can resume without losing them.
    await ctx.save({
      resumeStage: failure.kind === 'export_expired' ? undefined : (job.stage as ActiveStage),
      stage: 'failed',
      finishedAt: new Date().toISOString(),
      waitingUntil: undefined,
      error: { kind: failure.kind, message: failure.message },
    });
    return;
  }
  // Only a done job gets here; its ZIP stays for re-download, its staging goes, unless some
  // failed file may be fetched again: "Retry failed files" rebuilds the ZIP from it.
  if (!job.retryableFailed) await cleanUpFinishedJob(services.staging, job.id).catch(() => undefined);
}

