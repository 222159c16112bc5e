import browser from 'webextension-polyfill';
import { PLATFORM_LABELS } from '../platforms/labels';
import { accountLabel, failureText } from './jobStatusText';
import { sectionProblems } from './sectionProblems';
import type { JobSnapshot } from './types';

const ID_PREFIX = 'star-export:job:';
const ICON_PATH = '/icon/128.png';

/** Title and text of the notification for a job that ended, or undefined when none is due (cancelled by the user). */
export function jobEndedNotice(job: JobSnapshot): { title: string; message: string } | undefined {
  const platform = PLATFORM_LABELS[job.request.platform];
  const who = accountLabel(job);
  if (job.stage === 'done') {
    const failed = job.media.failed > 0 ? `, ${job.media.failed} could not be downloaded` : '';
    const media = job.request.includeMedia ? ` and ${job.media.done} media files${failed}` : '';
    const short = sectionProblems(job.sections);
    return {
      title: `${platform} export of ${who} is ready${short.length > 0 ? ', with parts missing' : ''}`,
      message: [`${job.posts.total} posts${media}. ${job.partCount && job.partCount > 1 ? `The ${job.partCount} ZIPs are` : 'The ZIP is'} on your downloads shelf.`, ...short].join(' '),
    };
  }
  if (job.stage === 'failed') return { title: `${platform} export of ${who} failed`, message: failureText(job) };
  return undefined;
}

/** A notice is a courtesy (the popup and history show the same), so one that cannot be shown is let go. */
async function show(id: string, notice: { title: string; message: string }): Promise<void> {
  await browser.notifications
    .create(`${ID_PREFIX}${id}`, { type: 'basic', iconUrl: browser.runtime.getURL(ICON_PATH), ...notice })
    .catch(() => undefined);
}

/** Says that an export ended; the ZIP itself is already on the downloads shelf. */
export async function notifyJobEnded(job: JobSnapshot): Promise<void> {
  const notice = jobEndedNotice(job);
  if (notice) await show(job.id, notice);
}

/** A click on an export's notification opens the history page, where the ZIP can be downloaded again. */
export function installNotificationClicks(): void {
  browser.notifications.onClicked.addListener((id) => {
    if (!id.startsWith(ID_PREFIX)) return;
    void browser.runtime.openOptionsPage().catch(() => undefined);
    void browser.notifications.clear(id).catch(() => undefined);
  });
}

/** The context menu has no page to show an error on; a notification says why nothing started. */
export async function notifyStartFailed(error: unknown): Promise<void> {
  await show('start-failed', { title: 'The export did not start', message: error instanceof Error ? error.message : String(error) });
}
