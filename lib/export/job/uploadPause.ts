import { isExportError } from '../../errors';
import { waitForContinue } from './continueNow';
import type { JobContext } from './jobContext';

/**
 * Runs `upload` and, when the cloud account needs the user (an expired login, a full account:
 * `ErrorDetails.uploadPause`), pauses the job with the uploader's message until the user presses
 * Continue, then runs it again: every uploader starts by asking the server where it stands, so
 * nothing sent is lost and the checkpoint is kept. Other failures end the job as before.
 */
export async function withUploadPauses(ctx: JobContext, upload: () => Promise<void>): Promise<void> {
  for (;;) {
    try {
      await upload();
      // A pause a worker restart left behind ends with the upload it was for.
      if (ctx.job.pausedFor === 'upload') await ctx.save({ pausedFor: undefined, pauseMessage: undefined });
      return;
    } catch (error) {
      if (ctx.signal.aborted || !isExportError(error) || !error.details.uploadPause) throw error;
      // The wait is there before the pause shows: a Continue pressed at once must end it.
      const continued = waitForContinue(ctx.job.id, ctx.signal);
      await Promise.all([ctx.save({ pausedFor: 'upload', pauseMessage: error.message }), continued]);
      await ctx.save({ pausedFor: undefined, pauseMessage: undefined });
    }
  }
}
