import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import type { FakePlatforms } from '../fake-platforms/types';
import { useExtensionWithFake } from './extensionWithFake';
import { addFakeCookies, existingZips, PopupPage, type ExtensionSession } from './harness';
import { pollUntil } from './popupUi';
import { saveScreenshot } from './screenshots';

const STAGE_TIMEOUT_MS = 120_000;

async function stageLine(card: Locator): Promise<string> {
  return ((await card.locator('.stage-line').textContent()) ?? '').trim();
}

async function percentOf(card: Locator): Promise<number> {
  return Number.parseFloat((await card.locator('.percent').textContent()) ?? 'NaN');
}

describe('Popup: live progress that outlives the popup, the queue, Cancel, errors', () => {
  // Slow media and a larger account leave time to reopen the popup, queue and cancel mid-download.
  const env = useExtensionWithFake({ mediaLatencyMs: 500, instagramAccounts: [{ username: 'star.demo', posts: 150, stories: 3, highlights: 2 }] });
  let fake: FakePlatforms;
  let session: ExtensionSession;

  beforeAll(async () => {
    ({ fake, session } = env);
    await addFakeCookies(session.context, fake.instagramCookies());
    const profile = await session.context.newPage();
    await profile.goto('https://www.instagram.com/star.demo/', { waitUntil: 'domcontentloaded' });
  });

  it('a reopened popup shows the running export with a rising percent and an ETA; a second export queues; Cancel stops each', async () => {
    const zipsBefore = await existingZips(session.downloadsDir);
    const first = await PopupPage.open(session.context, session.extensionId);
    await first.chooseFormat('json');
    await first.setIncludeMedia(true);
    await first.start();
    await pollUntil(() => first.statusText(), (t) => t.startsWith('Downloading media'), STAGE_TIMEOUT_MS, 'media downloads began');
    const percentBeforeClose = await percentOf(first.jobs.first());
    await first.page.close();

    const popup = await PopupPage.open(session.context, session.extensionId);
    const running = popup.jobs.first();
    await expect.poll(() => running.getByRole('heading').textContent()).toBe('Instagram @star.demo');
    expect(await running.locator('.options').textContent()).toBe('JSON · with media');
    await pollUntil(() => popup.statusText(), (t) => t.startsWith('Downloading media'), STAGE_TIMEOUT_MS, 'the reopened popup shows the download');

    const percents: number[] = [];
    const details = running.locator('.details-line');
    await pollUntil(
      async () => {
        percents.push(await percentOf(running));
        return (await details.textContent()) ?? '';
      },
      (text) => /(about .* left|less than a minute left)$/.test(text),
      STAGE_TIMEOUT_MS,
      'an estimate of the time left appeared',
    );
    expect(percents[0]).toBeGreaterThanOrEqual(percentBeforeClose);
    for (let i = 1; i < percents.length; i++) expect(percents[i], `percent sample ${i}`).toBeGreaterThanOrEqual(percents[i - 1]!);
    await saveScreenshot(popup.page, 'popup-running', { popup: true });
    await saveScreenshot(popup.page, 'popup-running-dark', { popup: true, dark: true });

    await popup.start();
    await expect.poll(() => popup.jobs.count()).toBe(2);
    const queued = popup.jobs.first();
    const older = popup.jobs.nth(1);
    await expect.poll(() => stageLine(queued)).toBe('Waiting to export @star.demo…');
    expect(await popup.statusText()).toBe('Waiting to export @star.demo…');
    expect(await stageLine(older)).toMatch(/^Downloading media/);
    await saveScreenshot(popup.page, 'popup-queue', { popup: true });

    await older.getByRole('button', { name: /^Cancel/ }).click();
    await pollUntil(() => stageLine(older), (t) => t === 'Export cancelled.', STAGE_TIMEOUT_MS, 'the first export was cancelled');
    await pollUntil(() => stageLine(queued), (t) => !t.startsWith('Waiting'), STAGE_TIMEOUT_MS, 'the queued export started');
    await queued.getByRole('button', { name: /^Cancel/ }).click();
    await pollUntil(() => popup.statusText(), (t) => t === 'Export cancelled.', STAGE_TIMEOUT_MS, 'the second export was cancelled');
    expect(await older.getByRole('button', { name: /^Cancel/ }).count()).toBe(0);
    await saveScreenshot(popup.page, 'popup-cancelled', { popup: true });
    expect(await existingZips(session.downloadsDir)).toEqual(zipsBefore);
    await popup.page.close();
  });

  it('a platform asking to slow down: the card says when the export continues and counts down to it', async () => {
    fake.addFault({ match: 'api', after: 2, times: 1, fault: { type: 'status', status: 429, retryAfterSeconds: 60 } });
    const popup = await PopupPage.open(session.context, session.extensionId);
    await popup.setIncludeMedia(false);
    await popup.start();
    const card = popup.jobs.first();
    await pollUntil(() => stageLine(card), (t) => t.includes('asked us to slow down; continuing at'), STAGE_TIMEOUT_MS, 'the pause is shown');
    const first = await pollUntil(() => card.locator('.details-line').textContent(), (t) => /resumes in \d+:\d\d$/.test(t ?? ''), 10_000, 'a countdown');
    await pollUntil(() => card.locator('.details-line').textContent(), (t) => t !== first, 10_000, 'the countdown ticks');
    await saveScreenshot(popup.page, 'popup-rate-limited', { popup: true });
    await card.getByRole('button', { name: /^Cancel/ }).click();
    await pollUntil(() => popup.statusText(), (t) => t === 'Export cancelled.', STAGE_TIMEOUT_MS, 'the paused export was cancelled');
    fake.clearFaults();
    await popup.page.close();
  });

  it('logged out: the export fails saying to log in, with a link to the login page', async () => {
    await session.context.clearCookies();
    const popup = await PopupPage.open(session.context, session.extensionId);
    await popup.setIncludeMedia(false);
    await popup.start();
    const end = await popup.waitForFinalStage(STAGE_TIMEOUT_MS);
    expect(end.outcome).toBe('error');
    expect(end.text).toBe('Export failed. Log in to Instagram in this browser, then try again.');
    const login = popup.jobs.first().getByRole('link', { name: 'Open the Instagram login page' });
    expect(await login.getAttribute('href')).toBe('https://www.instagram.com/accounts/login/');
    await saveScreenshot(popup.page, 'popup-error', { popup: true });
    await saveScreenshot(popup.page, 'popup-error-dark', { popup: true, dark: true });
    await popup.page.close();
  });
});
