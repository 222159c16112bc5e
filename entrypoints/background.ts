import { accountPostCount } from '@/lib/export/accountPostCount';
import { installContextMenu } from '@/lib/export/contextMenuExport';
import type { ExportRequest } from '@/lib/export/types';
import { deleteExport, listExportHistory } from '@/lib/export/history/exportHistory';
import { redownloadExport } from '@/lib/export/history/redownloadExport';
import { installRetention } from '@/lib/export/history/retention';
import { createJobScheduler } from '@/lib/export/job/jobScheduler';
import { defaultJobServices } from '@/lib/export/job/jobServices';
import { onResumeAlarm } from '@/lib/export/job/resumeAlarm';
import { installNotificationClicks, notifyJobEnded, notifyStartFailed } from '@/lib/export/jobNotifications';
import { handleMessages } from '@/lib/messaging/messenger';
import type { BackgroundProtocol } from '@/lib/messaging/protocol';
import { installRequestHeaderRules } from '@/lib/net/requestHeaderRules';
import { registeredAdapters } from '@/lib/platforms/registry';
import { assertHostAccess } from '@/lib/shims/hostAccess';
import { forgetDelivered } from '@/lib/storage/deliveredIndex';

export default defineBackground(() => {
  const scheduler = createJobScheduler({ onJobEnded: (job) => void notifyJobEnded(job) }, defaultJobServices());
  // Without its host permissions an export would only meet network errors: refuse it, saying why.
  const start = async (request: ExportRequest) => {
    await assertHostAccess();
    return scheduler.start(request);
  };

  handleMessages<BackgroundProtocol>('background', {
    startExport: start,
    listJobs: () => scheduler.list(),
    cancelExport: ({ jobId }) => scheduler.cancel(jobId),
    resumeExport: ({ jobId }) => scheduler.resume(jobId),
    retryFailedFiles: ({ jobId }) => scheduler.retryFailedFiles(jobId),
    continueExport: ({ jobId }) => scheduler.continueNow(jobId),
    accountPostCount: (params) => accountPostCount(params),
    listHistory: () => listExportHistory(),
    deleteExport: ({ jobId }) => deleteExport(jobId),
    redownloadExport: ({ jobId }) => redownloadExport(jobId),
    forgetExportedItems: () => forgetDelivered(),
  });

  installContextMenu(registeredAdapters(), start, (error) => void notifyStartFailed(error));
  installNotificationClicks();
  installRetention();

  onResumeAlarm(() => void scheduler.resumeUnfinished());

  // Every worker start (install, browser start, wake-up after Chrome stopped it) resumes unfinished jobs.
  void installRequestHeaderRules(registeredAdapters()).then(() => scheduler.resumeUnfinished());
});
