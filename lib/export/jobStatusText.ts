import { isFinal } from './job/jobProgress';
import type { JobSnapshot, UploadProgress } from './types';
import { formatBytes } from './formatBytes';
import { PLATFORM_LABELS } from '../platforms/labels';
import { SAVE_TARGET_SHORT } from '../upload/saveTarget';

/** `@handle` once the account is known, the one asked for before, else the user's own. */
export function accountLabel(job: Pick<JobSnapshot, 'account' | 'request'>): string {
  const handle = job.account?.handle ?? job.request.account;
  return handle ? `@${handle}` : 'your account';
}

/** What went wrong, said so the user can act on it. */
export function failureText(job: Pick<JobSnapshot, 'error' | 'request'>): string {
  if (job.error?.kind === 'login_required') {
    return `Log in to ${PLATFORM_LABELS[job.request.platform]} in this browser, then try again.`;
  }
  return job.error?.message ?? 'Something went wrong; try again.';
}

/** `09:00`, `14:05`: a time of day as the user's clock shows it, without seconds. */
function clockTime(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** "tomorrow at 09:00" (or "today at…", or the date further off) for a parked job's end. */
export function whenItContinues(until: Date, now: Date = new Date()): string {
  const days = Math.round((new Date(until).setHours(0, 0, 0, 0) - new Date(now).setHours(0, 0, 0, 0)) / 86_400_000);
  const day = days <= 0 ? 'today' : days === 1 ? 'tomorrow' : `on ${until.toLocaleDateString()}`;
  return `${day} at ${clockTime(until)}`;
}

/**
 * A split export's complete parts go to where they are saved while later media download: the one
 * going up, or how many are complete.
 */
function partsSoFar(job: JobSnapshot): string {
  if (job.upload && job.upload.done < job.upload.total) return ` ${uploadingText(job.upload)}`;
  if (job.request.splitGB && job.partCount) return ` ${job.partCount === 1 ? 'Part 1 is' : `Parts 1–${job.partCount} are`} complete.`;
  return '';
}

/** "2 of 5", or "2" while later parts are still being written. */
function partOf(part: NonNullable<UploadProgress['part']>): string {
  return part.of === undefined ? String(part.number) : `${part.number} of ${part.of}`;
}

/** "Uploading part 2 of 5 to WebDAV — 1.2 GB of 4.0 GB…" (without "part …" for a whole ZIP). */
function uploadingText(upload: UploadProgress): string {
  const part = upload.part ? `part ${partOf(upload.part)} ` : '';
  return `Uploading ${part}to ${SAVE_TARGET_SHORT[upload.target]} — ${formatBytes(upload.done)} of ${formatBytes(upload.total)}…`;
}

/** One line a person can read at a glance, for the live region. */
export function jobStatusText(job: JobSnapshot): string {
  const who = accountLabel(job);
  if (job.pausedFor === 'parked' && job.waitingUntil && !isFinal(job.stage)) {
    return `${PLATFORM_LABELS[job.request.platform]} warned us several times, so the export rests to protect your account: it continues ${whenItContinues(new Date(job.waitingUntil))}, or press Continue now. Nothing listed or downloaded is lost.`;
  }
  if (job.pausedFor === 'upload' && !isFinal(job.stage)) {
    const upload = job.upload;
    const part = upload?.part ? ` of part ${partOf(upload.part)}` : '';
    const kept = upload ? ` ${formatBytes(upload.done)} of ${formatBytes(upload.total)}${part} are on ${SAVE_TARGET_SHORT[upload.target]} already; nothing is lost.` : '';
    return `Paused: ${job.pauseMessage ?? 'the cloud account needs you.'}${kept}`;
  }
  switch (job.stage) {
    case 'queued':
      return `Waiting to export ${who}…`;
    case 'resolving':
      return 'Finding the account…';
    case 'metadata': {
      // Files of the posts listed so far download meanwhile, rate-limit waits included.
      const downloaded = job.media.done > 0 ? ` (${job.media.done} ${job.media.done === 1 ? 'file' : 'files'} downloaded)` : '';
      if (job.waitingUntil && job.pausedFor === 'budget') {
        return `Paused to protect your account: it made as many ${PLATFORM_LABELS[job.request.platform]} requests as is safe for now; continuing at ${new Date(job.waitingUntil).toLocaleTimeString()}${downloaded}.`;
      }
      if (job.waitingUntil) return `${PLATFORM_LABELS[job.request.platform]} asked us to slow down; continuing at ${new Date(job.waitingUntil).toLocaleTimeString()}${downloaded}.`;
      return `Listing posts of ${who}: ${job.posts.done} so far…${downloaded}${partsSoFar(job)}`;
    }
    case 'media':
      return `Downloading media: ${job.media.done + job.media.failed} of ${job.media.total} (${formatBytes(job.bytes.done)})…${partsSoFar(job)}`;
    case 'archive': {
      if (!job.request.splitGB) return 'Building the ZIP…';
      const where = SAVE_TARGET_SHORT[job.request.saveTo ?? 'downloads'];
      // Completed parts go up while later ones are built.
      if (job.upload && job.upload.done < job.upload.total) return `Building the ZIPs; each goes to ${where} when complete. ${uploadingText(job.upload)}`;
      return `Building the ZIPs; each goes to ${where} when complete…`;
    }
    case 'delivering':
      if (job.upload) return uploadingText(job.upload);
      return 'Handing the ZIP to your downloads…';
    case 'done': {
      const failed = job.media.failed ? `, ${job.media.failed} failed` : '';
      const media = job.request.includeMedia ? `, ${job.media.done} media files${failed}` : ' (no media)';
      const several = job.partCount !== undefined && job.partCount > 1;
      const what = several ? `${job.partCount} ZIPs, from ${job.fileName},` : (job.fileName ?? 'The ZIP');
      if (job.upload) return `Done: ${job.posts.total} posts${media}. ${what} ${several ? 'were' : 'was'} saved to ${SAVE_TARGET_SHORT[job.upload.target]}.`;
      return `Done: ${job.posts.total} posts${media}. ${what} ${several ? 'are' : 'is'} in your downloads.`;
    }
    case 'failed':
      return `Export failed. ${failureText(job)}`;
    case 'cancelled':
      return 'Export cancelled.';
  }
}
