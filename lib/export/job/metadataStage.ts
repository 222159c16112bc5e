import { ExportError, toExportError } from '../../errors';
import { sleep } from '../../net/retryPolicy';
import type { JobContext } from './jobContext';
import { metadataRetryDelay, type MetadataRetryState } from './metadataRetry';

/**
 * Runs one idempotent API step (resolve the account, fetch one page), asking again after a rate
 * limit (the job shows when it resumes) or a server hiccup, and failing once the retries are spent.
 */
export async function withApiRetries<T>(ctx: JobContext, step: () => Promise<T>): Promise<T> {
  const state: MetadataRetryState = { rateLimitWaits: 0, transientRetries: 0, temporaryBlocks: ctx.job.temporaryBlocks ?? 0 };
  for (;;) {
    ctx.signal.throwIfAborted();
    try {
      return await step();
    } catch (error) {
      const failure = toExportError(error);
      if (ctx.signal.aborted || failure.kind === 'cancelled') throw failure;
      const retry = metadataRetryDelay(failure, state, ctx.settings);
      if (!retry) {
        if (failure.details.temporaryBlock) {
          throw new ExportError('rate_limited', `${failure.message} Blocked a second time, so the export stopped; what was listed and downloaded is kept.`, failure.details);
        }
        throw failure;
      }
      if (state.temporaryBlocks !== (ctx.job.temporaryBlocks ?? 0)) await ctx.save({ temporaryBlocks: state.temporaryBlocks });
      if (retry.rateLimited) await ctx.save({ waitingUntil: new Date(Date.now() + retry.waitMs).toISOString() });
      await sleep(retry.waitMs, ctx.signal);
      if (retry.rateLimited) await ctx.save({ waitingUntil: undefined });
    }
  }
}

/**
 * Pages through the account's posts, storing each page with the cursor after it, so a stopped
 * worker resumes at the first page it had not stored, and a failed job keeps what it listed.
 * `onListed` hears of each stored page by the sequence number of its first new media record.
 */
export async function runMetadataStage(ctx: JobContext, onListed?: (firstMediaSeq: number) => Promise<void>): Promise<void> {
  const { adapter, platform } = ctx;
  const account = ctx.job.account;
  if (!account) throw new ExportError('internal', 'The account was not resolved before listing posts.');
  while (!ctx.job.metadataDone) {
    const page = await withApiRetries(ctx, () => adapter.fetchPage(platform, account, ctx.job.cursor));
    const firstMediaSeq = ctx.job.nextMediaSeq;
    await ctx.recordPage(page.posts, page.nextCursor);
    await onListed?.(firstMediaSeq);
    await ctx.save();
  }
}
