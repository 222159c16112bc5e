import type { JobSnapshot } from '../export/types';
import { isFinal } from '../export/job/jobProgress';
import { backgroundClient } from '../messaging/clients';
import { JobCard } from './JobCard';

/** Finished exports the popup keeps in view; the history page has them all. */
const RECENT_FINISHED = 3;

/** Every running or queued export, then the latest finished ones. */
export function JobList({ jobs }: { jobs: readonly JobSnapshot[] }) {
  const active = jobs.filter((job) => !isFinal(job.stage));
  const finished = jobs.filter((job) => isFinal(job.stage)).slice(0, RECENT_FINISHED);
  const shown = [...active, ...finished];
  if (shown.length === 0) return null;
  return (
    <section class="jobs" aria-labelledby="jobs-title">
      <h2 id="jobs-title">Exports{active.length > 1 ? ` (${active.length} in the queue, one at a time)` : ''}</h2>
      {shown.map((job) => (
        <JobCard
          key={job.id}
          job={job}
          onCancel={() => void backgroundClient.send('cancelExport', { jobId: job.id }).catch(() => undefined)}
          onResume={() => void backgroundClient.send('resumeExport', { jobId: job.id }).catch(() => undefined)}
          onRetry={() => void backgroundClient.send('retryFailedFiles', { jobId: job.id }).catch(() => undefined)}
          onContinue={() => void backgroundClient.send('continueExport', { jobId: job.id }).catch(() => undefined)}
        />
      ))}
    </section>
  );
}
