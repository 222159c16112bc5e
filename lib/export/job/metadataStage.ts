import { ExportError, isExportError } from '../../errors';
import { appendPage } from '../../storage/jobRepository';
import { sleep } from '../../net/retryPolicy';
import type { JobContext } from './jobContext';

/**
 * Pages through the account's posts, storing each page with the cursor after it, so a stopped
 * worker resumes at the first page it had not stored. A rate limit pauses the job (the user sees
 * when it resumes) and retries the same page; past `maxRateLimitWaits` the job fails, keeping
 * everything stored so far.
 */
export async function runMetadataStage(ctx: JobContext): Promise<void> {
  const { adapter, platform, settings, signal } = ctx;
  const account = ctx.job.account;
  if (!account) throw new ExportError('internal', 'The account was not resolved before listing posts.');
  let waits = 0;
  while (!ctx.job.metadataDone) {
    signal.throwIfAborted();
    try {
      const page = await adapter.fetchPage(platform, account, ctx.job.cursor);
      const stored = await appendPage(ctx.job.id, page.posts, page.nextCursor);
      Object.assign(ctx.job, stored);
      await ctx.save();
      waits = 0;
    } catch (error) {
      if (!isExportError(error) || error.kind !== 'rate_limited' || waits >= settings.maxRateLimitWaits) throw error;
      const wait = Math.max(error.details.retryAfterMs ?? 0, settings.rateLimitWaitMs * 2 ** waits);
      waits += 1;
      await ctx.save({ waitingUntil: new Date(Date.now() + wait).toISOString() });
      await sleep(wait, signal);
      await ctx.save({ waitingUntil: undefined });
    }
  }
}
