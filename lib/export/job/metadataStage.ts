import { ExportError, toExportError } from '../../errors';
import { accountKey, deliveredPosts } from '../../storage/deliveredIndex';
import { isListedInScope } from '../../storage/listedPages';
import { deliveredCheck, sectionsToList, selectionFor, selectPage } from '../options/postSelection';
import { readNextPage, type ReadPage, type SelectPosts } from '../sections/sectionPlan';
import { sleepUnlessContinued } from './continueNow';
import type { JobContext } from './jobContext';
import { metadataRetryDelay, type MetadataRetryState } from './metadataRetry';

/**
 * Sleeps until the job's saved `waitingUntil` (a rate limit, a block, a park), or until the user
 * presses Continue now, then clears it.
 */
async function waitOutPersistedWait(ctx: JobContext): Promise<void> {
  const until = ctx.job.waitingUntil;
  if (until === undefined) return;
  const remaining = Date.parse(until) - Date.now();
  if (remaining > 0) await sleepUnlessContinued(ctx.job.id, remaining, ctx.signal);
  // Another step of the job (a link refresh beside the listing) may have cleared it meanwhile.
  if (ctx.job.waitingUntil === until) await ctx.save({ waitingUntil: undefined, pausedFor: undefined });
}

/**
 * Runs one idempotent API step (resolve the account, fetch one page), asking again after a rate
 * limit (the job shows when it resumes) or a server hiccup, and failing once the retries are spent.
 */
export async function withApiRetries<T>(ctx: JobContext, step: () => Promise<T>): Promise<T> {
  const state: MetadataRetryState = { rateLimitWaits: 0, transientRetries: 0, temporaryBlocks: ctx.job.temporaryBlocks ?? 0 };
  for (;;) {
    // Every API step waits out the job's wait, the one saved before a worker restart included.
    await waitOutPersistedWait(ctx);
    ctx.signal.throwIfAborted();
    try {
      const result = await step();
      ctx.network.api.succeeded();
      return result;
    } catch (error) {
      const failure = toExportError(error);
      if (ctx.signal.aborted || failure.kind === 'cancelled') throw failure;
      // A dropped network pauses the listing, uncounted, until a call goes through again.
      if (failure.kind === 'network_error' && ctx.network.api.failedOffline()) {
        await ctx.network.api.waitForNetwork(ctx.signal);
        continue;
      }
      const retry = metadataRetryDelay(failure, state, ctx.settings);
      if (!retry) throw failure;
      if (retry.rateLimited) {
        await ctx.save({ waitingUntil: new Date(Date.now() + retry.waitMs).toISOString(), pausedFor: retry.parked ? 'parked' : undefined });
      }
      await sleepUnlessContinued(ctx.job.id, retry.waitMs, ctx.signal);
      // A block counts once its wait is over: a worker stopped during it waits out the rest, and a
      // block met again then is the same one, not the second that parks the job.
      const changes = { waitingUntil: undefined, pausedFor: undefined, temporaryBlocks: state.temporaryBlocks };
      if (retry.rateLimited || state.temporaryBlocks !== (ctx.job.temporaryBlocks ?? 0)) await ctx.save(changes);
    }
  }
}

/**
 * Lists the account section by section, page by page, storing each page with the position after
 * it, so a stopped worker resumes at the first page it had not stored and a failed job keeps what
 * it listed. A section whose strategy closes goes on with its next strategy (for the rest of the
 * job); a section no strategy can read is reported and the next section listed. Only what the
 * export's options ask for is stored: sections of no chosen type are not read at all, and a
 * newest-first section ends once it is past the date range.
 * `onListed` hears of each stored page by the sequence number of its first new media record.
 */
export async function runMetadataStage(ctx: JobContext, onListed?: (firstMediaSeq: number) => Promise<void>): Promise<void> {
  const account = ctx.job.account;
  if (!account) throw new ExportError('internal', 'The account was not resolved before listing posts.');
  const delivered = ctx.job.request.onlyNew ? await deliveredPosts(accountKey(ctx.job.request.platform, account.id)) : undefined;
  const selection = selectionFor(ctx.job.request, ctx.adapter, delivered);
  const sections = sectionsToList(ctx.adapter.sections(account), selection);
  const select: SelectPosts = (section, posts) => selectPage(section, posts, selection);
  const deliveredBefore = delivered && deliveredCheck(delivered);
  const read: ReadPage = (strategy, cursor, listed) =>
    withApiRetries(ctx, () => strategy.fetchPage(ctx.platform, account, cursor, deliveredBefore ? { has: (postId) => listed.has(postId), deliveredBefore } : listed));
  const isListed = (scope: string, postId: string) => isListedInScope(ctx.job.id, scope, postId);
  while (!ctx.job.metadataDone) {
    const page = await readNextPage(sections, ctx.job.listing, read, isListed, select);
    const firstMediaSeq = ctx.job.nextMediaSeq;
    await ctx.recordPage(page);
    await onListed?.(firstMediaSeq);
    await ctx.save();
  }
}
