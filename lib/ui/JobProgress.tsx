import type { JobSnapshot } from '../export/types';
import { jobStatusText } from './jobStatusText';

export function JobProgress({ job, onCancel }: { job: JobSnapshot; onCancel(): void }) {
  const running = !['done', 'failed', 'cancelled'].includes(job.stage);
  return (
    <section class="job" aria-label={`Export ${job.id}`}>
      <progress max={100} value={job.percent} aria-label="Export progress">
        {job.percent}%
      </progress>
      <p>{jobStatusText(job)}</p>
      {job.failed.length > 0 && (
        <details>
          <summary>{job.failed.length} files could not be downloaded</summary>
          <ul>
            {job.failed.map((f) => (
              <li key={f.mediaId}>
                {f.mediaId}: {f.message}
              </li>
            ))}
          </ul>
        </details>
      )}
      {running && (
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      )}
    </section>
  );
}
