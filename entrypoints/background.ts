import { createJobScheduler } from '@/lib/export/job/jobScheduler';
import { handleMessages } from '@/lib/messaging/messenger';
import type { BackgroundProtocol } from '@/lib/messaging/protocol';
import { installRequestHeaderRules } from '@/lib/net/requestHeaderRules';
import { registeredAdapters } from '@/lib/platforms/registry';

export default defineBackground(() => {
  const scheduler = createJobScheduler();

  handleMessages<BackgroundProtocol>('background', {
    startExport: (request) => scheduler.start(request),
    listJobs: () => scheduler.list(),
    cancelExport: ({ jobId }) => scheduler.cancel(jobId),
  });

  // Every worker start (install, browser start, wake-up after Chrome stopped it) resumes unfinished jobs.
  void installRequestHeaderRules(registeredAdapters()).then(() => scheduler.resumeUnfinished());
});
