import browser from 'webextension-polyfill';

const RESUME_ALARM = 'star-export:resume-jobs';

/**
 * Chrome stops an idle worker and wakes it only for an event. While a job is unfinished, an alarm
 * every 30 s (Chrome's minimum) is that event, so a stopped job resumes without the user.
 */
export async function armResumeAlarm(): Promise<void> {
  if (!(await browser.alarms.get(RESUME_ALARM))) await browser.alarms.create(RESUME_ALARM, { periodInMinutes: 0.5 });
}

export async function disarmResumeAlarm(): Promise<void> {
  await browser.alarms.clear(RESUME_ALARM);
}

export function onResumeAlarm(listener: () => void): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RESUME_ALARM) listener();
  });
}
