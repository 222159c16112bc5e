import { sectionProblems } from '../export/sectionProblems';
import type { JobSnapshot } from '../export/types';
import { PLATFORM_LABELS } from '../platforms/labels';
import { formatBytes } from '../export/formatBytes';
import { accountLabel, jobStatusText } from '../export/jobStatusText';
import { platformInfo } from './platformInfo';
import { useCountdown } from './useCountdown';
import { useEta } from './useEta';
import { FailedFiles } from './FailedFiles';

const RUNNING = new Set(['queued', 'resolving', 'metadata', 'media', 'archive', 'delivering']);
const MEASURED = new Set(['metadata', 'media', 'archive']);
const FORMAT_NAMES = { json: 'JSON', csv: 'CSV', html: 'HTML' } as const;

function timeLeft(job: JobSnapshot, eta: string | undefined, pause: string | undefined): string | undefined {
  if (job.stage === 'queued') return 'waits for its turn';
  // The stage line says when a platform's pause ends; this line counts down to it.
  if (pause) return `resumes in ${pause}`;
  if (!MEASURED.has(job.stage)) return undefined;
  const limit = job.request.speedLimitMBps === undefined ? '' : ` (downloads at most ${job.request.speedLimitMBps} MB/s)`;
  return `${eta ?? 'estimating time left…'}${limit}`;
}

function counts(job: JobSnapshot): string {
  const posts = job.posts.total > job.posts.done ? `${job.posts.done} of ~${job.posts.total}` : `${job.posts.done}`;
  const parts = [`${posts} posts`];
  if (job.request.includeMedia && job.media.total > 0) {
    parts.push(`${job.media.done + job.media.failed} of ${job.media.total} files`, formatBytes(job.bytes.done));
  }
  if (job.stage === 'done' && job.zipBytes) parts.push(`ZIP ${formatBytes(job.zipBytes)}`);
  return parts.join(' · ');
}

/** Whether an ended export has failed files another try may fetch. */
export function canRetryFailedFiles(job: JobSnapshot): boolean {
  return (job.stage === 'done' || job.stage === 'failed') && (job.retryableFailed ?? 0) > 0;
}

/**
 * One export: what it is, how far it got, what failed; Cancel while it runs, Continue now while it
 * is parked, Continue while an upload waits for the user, Resume after a stop, Retry failed files after.
 */
export function JobCard({ job, onCancel, onResume, onRetry, onContinue }: { job: JobSnapshot; onCancel(): void; onResume(): void; onRetry(): void; onContinue(): void }) {
  const running = RUNNING.has(job.stage);
  const left = timeLeft(job, useEta(job), useCountdown(running ? job.waitingUntil : undefined));
  const title = `${PLATFORM_LABELS[job.request.platform]} ${accountLabel(job)}`;
  const options = `${FORMAT_NAMES[job.request.format]} · ${job.request.includeMedia ? 'with media' : 'no media'}`;
  return (
    <section class={`job job-${job.stage}${running ? ' job-running' : ''}`} aria-label={`Export ${job.id}: ${title}`}>
      <div class="job-head">
        <div>
          <h3>{title}</h3>
          <p class="line muted options">{options}</p>
        </div>
        {running && job.pausedFor === 'parked' && job.waitingUntil && (
          <button type="button" class="secondary" onClick={onContinue} aria-label={`Continue the export of ${title} now`}>
            Continue now
          </button>
        )}
        {running && job.pausedFor === 'upload' && (
          <button type="button" class="secondary" onClick={onContinue} aria-label={`Continue the upload of ${title}`}>
            Continue
          </button>
        )}
        {running && (
          <button type="button" class="secondary" onClick={onCancel} aria-label={`Cancel the export of ${title}`}>
            Cancel
          </button>
        )}
        {job.resumable && (
          <button type="button" class="secondary" onClick={onResume} aria-label={`Resume the export of ${title}`}>
            Resume
          </button>
        )}
        {canRetryFailedFiles(job) && !job.resumable && (
          <button type="button" class="secondary" onClick={onRetry} aria-label={`Retry the failed files of ${title}`}>
            Retry failed files
          </button>
        )}
      </div>
      <div class="bar">
        <progress max={100} value={job.percent} aria-label={`Progress of ${title}`} />
        <span class="percent">{Math.floor(job.percent)}%</span>
      </div>
      <p class="line stage-line">{jobStatusText(job)}</p>
      <p class="line muted details-line">
        {counts(job)}
        {left && <> · {left}</>}
      </p>
      {job.stage === 'failed' && job.error?.kind === 'login_required' && (
        <p class="line">
          <a href={platformInfo(job.request.platform).loginUrl} target="_blank" rel="noopener noreferrer">
            Open the {PLATFORM_LABELS[job.request.platform]} login page
          </a>
        </p>
      )}
      {sectionProblems(job.sections).map((problem) => (
        <p class="line section-problem" key={problem}>
          {problem}
        </p>
      ))}
      {job.failed.length > 0 && <FailedFiles files={job.failed} />}
    </section>
  );
}
