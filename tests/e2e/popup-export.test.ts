import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FakePlatforms } from '../fake-platforms/types';
import { expectEveryServedFileAccountedFor, expectNeverMoreThanThreeInFlight, openExport } from './exportChecks';
import { useExtensionWithFake } from './extensionWithFake';
import { addFakeCookies, existingZips, listZip, PopupPage, readZipEntry, waitForZip, type ExtensionSession } from './harness';
import { openHistoryPage, openPopupTab, pollUntil, tabIdOf, unzipToTemp } from './popupUi';
import { saveScreenshot } from './screenshots';

const EXPORT_TIMEOUT_MS = 180_000;
const PROFILE_URL = 'https://www.instagram.com/star.demo/';

/** A minimal RFC 4180 reader: enough to read back what the extension wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  return rows;
}

describe('Popup: the account of the open tab, every export format, history', () => {
  const env = useExtensionWithFake();
  let fake: FakePlatforms;
  let session: ExtensionSession;

  beforeAll(async () => {
    ({ fake, session } = env);
    await addFakeCookies(session.context, fake.instagramCookies());
    const profile = await session.context.newPage();
    await profile.goto(PROFILE_URL, { waitUntil: 'domcontentloaded' });
  });

  /** Runs one export from a fresh popup and returns the ZIP it delivered. */
  async function exportWith(format: string, includeMedia: boolean): Promise<string> {
    const before = await existingZips(session.downloadsDir);
    const popup = await PopupPage.open(session.context, session.extensionId);
    await popup.chooseFormat(format);
    await popup.setIncludeMedia(includeMedia);
    await popup.start();
    const end = await popup.waitForFinalStage(EXPORT_TIMEOUT_MS);
    expect(end.outcome, end.text).toBe('done');
    await popup.page.close();
    const zipPath = await waitForZip(session.downloadsDir, 60_000, before);
    // The invariant of every export with media (docs/architecture.md, "Media downloads"): each served file in the ZIP or failed, three downloads at most.
    if (includeMedia) await expectEveryServedFileAccountedFor(zipPath, await openExport(zipPath, 'instagram'), fake.instagramMedia());
    if (includeMedia) expectNeverMoreThanThreeInFlight(fake);
    return zipPath;
  }

  it('says which account it exports: the profile tab it was opened from, or the tab named by ?tabId=', async () => {
    const popup = await PopupPage.open(session.context, session.extensionId);
    await expect.poll(() => popup.page.locator('.account').textContent()).toContain('Exports @star.demo');
    expect(await popup.page.getByLabel('Platform').inputValue()).toBe('instagram');
    // Opening the popup asks the platform nothing; asked, one paced lookup gives the account's post
    // count, and the estimate the time its API calls take at Careful.
    await popup.page.getByRole('button', { name: 'Estimate how long it takes' }).click();
    await expect
      .poll(() => popup.page.locator('#cost-estimate').textContent(), { timeout: 30_000 })
      .toMatch(new RegExp(`^Estimate: about \\d+ posts — (under a minute|about \\d+ minutes?) at Careful pace$`));
    await saveScreenshot(popup.page, 'popup-ready', { popup: true });
    await saveScreenshot(popup.page, 'popup-ready-dark', { popup: true, dark: true });
    await popup.page.getByRole('link', { name: 'History & settings' }).click();
    const optionsPage = await pollUntil(
      async () => session.context.pages().find((p) => p.url().endsWith('/options.html')),
      (page) => page !== undefined,
      30_000,
      'the history page opened from the popup',
    );
    await optionsPage!.close();
    await popup.page.close().catch(() => undefined);

    const byId = await openPopupTab(session, `?tabId=${await tabIdOf(session, PROFILE_URL)}`);
    await expect.poll(() => byId.locator('.account').textContent()).toContain('Exports @star.demo');
    await byId.close();

    // A tab id that names no platform page: the user's own account of the chosen platform.
    const none = await openPopupTab(session, '?tabId=999999999');
    await expect.poll(() => none.locator('.account').textContent()).toContain('your own Instagram account');
    await expect.poll(() => none.getByRole('region', { name: 'Instagram exports contain' }).textContent()).toContain('1 GB per file');
    await none.close();
  });

  it('json, driven by the keyboard alone: the main JSON only, no CSV or HTML beside it', async () => {
    const before = await existingZips(session.downloadsDir);
    const popup = await PopupPage.open(session.context, session.extensionId);
    const focused = () => popup.page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      return el?.labels?.[0]?.textContent?.trim() || el?.textContent?.trim() || '';
    });
    const order: string[] = [];
    for (let i = 0; i < 6; i++) {
      await popup.page.keyboard.press('Tab');
      order.push(await focused());
    }
    // The closed Options disclosure is one stop; its controls are not reached until it is opened.
    expect(order).toEqual(['History & settings', 'Platform', 'Export format', 'Include media files (images and videos)', 'Options', 'Start Export']);
    await popup.page.keyboard.press('Shift+Tab');
    await popup.page.keyboard.press('Shift+Tab');
    await popup.page.keyboard.press('Space');
    // Without media there is nothing to split: the (hidden) select is disabled.
    expect(await popup.page.getByLabel('Split into parts').isDisabled()).toBe(true);
    expect(await popup.page.getByRole('checkbox', { name: 'Include media files (images and videos)' }).isChecked()).toBe(false);
    await popup.page.keyboard.press('Tab');
    await popup.page.keyboard.press('Tab');
    await popup.startBy(() => popup.page.keyboard.press('Enter'));
    const end = await popup.waitForFinalStage(EXPORT_TIMEOUT_MS);
    expect(end.outcome, end.text).toBe('done');
    await popup.page.close();
    const zipPath = await waitForZip(session.downloadsDir, 60_000, before);
    const { entries, root, jobId, manifest } = await openExport(zipPath, 'instagram');
    expect(manifest.account.handle).toBe('star.demo');
    expect(entries.map((e) => e.name)).toEqual([`${root}/instagram-export-${jobId}.json`]);
    // The end of an export is announced; the notification's id names the job.
    await expect
      .poll(async () => Object.keys((await session.serviceWorker.evaluate('chrome.notifications.getAll()')) as Record<string, boolean>))
      .toContain(`star-export:job:${jobId}`);
  });

  it('csv: one row per post, spreadsheet-ready, its media paths all in the ZIP', async () => {
    const zipPath = await exportWith('csv', true);
    const { entries, root, jobId, manifest } = await openExport(zipPath, 'instagram');
    const csvEntry = entries.find((e) => e.name === `${root}/instagram-export-${jobId}.csv`);
    expect(csvEntry, 'CSV beside the JSON').toBeDefined();
    expect(csvEntry!.compressionMethod).toBe(8);
    const bytes = await readZipEntry(zipPath, csvEntry!.name);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder().decode(bytes).slice(1));
    const [header, ...records] = rows;
    expect(records).toHaveLength(manifest.posts.length);
    const col = (name: string) => header!.indexOf(name);
    const names = new Set(entries.map((e) => e.name));
    for (const [i, record] of records.entries()) {
      const post = manifest.posts[i]!;
      expect(record[col('post_id')]).toBe(post.id);
      expect(record[col('caption')]).toBe(post.caption === null ? '' : /^[=+\-@\t\r]/.test(post.caption) ? `'${post.caption}` : post.caption);
      const paths = record[col('media_paths')]!.split(';').filter(Boolean);
      expect(paths).toEqual(post.media.flatMap((m) => (m.path ? [m.path] : [])));
      for (const path of paths) expect(names.has(`${root}/${path}`), path).toBe(true);
    }
  });

  it('html: index.html opens offline from the unzipped folder, captions as text, local images and videos', async () => {
    const zipPath = await exportWith('html', true);
    const { entries, root, manifest } = await openExport(zipPath, 'instagram');
    expect(entries.some((e) => e.name === `${root}/index.html`)).toBe(true);
    const dir = await unzipToTemp(zipPath);
    const page = await session.context.newPage();
    try {
      const requests: string[] = [];
      const problems: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(`file://${join(dir, root, 'index.html')}`);
      await page.waitForLoadState('load');

      const captions = await page.locator('.caption:not(.empty)').allTextContents();
      expect(captions).toEqual(manifest.posts.flatMap((p) => (p.caption ? [p.caption.replaceAll('\r\n', '\n').replaceAll('\r', '\n')] : [])));
      expect(await page.locator('article.post').count()).toBe(manifest.posts.length);
      expect(await page.locator('script').count()).toBe(0);

      const firstImage = page.locator('img').first();
      await firstImage.scrollIntoViewIfNeeded();
      await expect.poll(() => firstImage.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
      const videos = manifest.posts.flatMap((p) => p.media).filter((m) => m.path?.startsWith('media/videos/')).length;
      expect(await page.locator('video[controls]').count()).toBe(videos);
      expect(requests.filter((url) => !url.startsWith('file://')), 'no network').toEqual([]);
      expect(problems).toEqual([]);
      await page.setViewportSize({ width: 1000, height: 800 });
      await page.evaluate(() => window.scrollTo(0, 0));
      await saveScreenshot(page, 'export-index-html', { fullPage: false });
      await saveScreenshot(page, 'export-index-html-dark', { dark: true, fullPage: false });
    } finally {
      await page.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a reopened popup lists the finished exports; the history page downloads one again and deletes another', async () => {
    const popup = await PopupPage.open(session.context, session.extensionId);
    await expect.poll(() => popup.jobs.count()).toBe(3);
    expect(await popup.statusText()).toMatch(/^Done/);
    await saveScreenshot(popup.page, 'popup-done', { popup: true });
    await popup.page.close();

    const history = await openHistoryPage(session);
    const rows = history.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    await saveScreenshot(history, 'history');
    await saveScreenshot(history, 'history-dark', { dark: true });

    const before = await existingZips(session.downloadsDir);
    await history.getByRole('button', { name: /^Download the Instagram export of @star\.demo .* again$/ }).first().click();
    const again = await waitForZip(session.downloadsDir, 60_000, before);
    await expectEveryServedFileAccountedFor(again, await openExport(again, 'instagram'), fake.instagramMedia());
    expect((await listZip(again)).some((e) => e.name.endsWith('/index.html')), 'the newest (HTML) export again').toBe(true);

    history.once('dialog', (dialog) => void dialog.accept());
    await history.getByRole('button', { name: /^Delete the Instagram export/ }).last().click();
    await expect.poll(() => rows.count()).toBe(2);
    await history.close();
  });

  it('defaults chosen on the options page are what the popup and the context menu start with', async () => {
    const history = await openHistoryPage(session);
    await history.getByLabel('Default export format').selectOption('csv');
    await history.getByRole('checkbox', { name: 'Include media files by default' }).setChecked(false);
    await history.getByLabel('Keep finished exports for').selectOption('30');
    await expect.poll(() => history.locator('form.preferences').getByRole('status').textContent()).toBe('Saved.');
    await history.close();

    const popup = await PopupPage.open(session.context, session.extensionId);
    expect(await popup.page.getByLabel('Export format').inputValue()).toBe('csv');
    expect(await popup.page.getByRole('checkbox', { name: 'Include media files (images and videos)' }).isChecked()).toBe(false);
    await popup.page.close();
  });

  it('an export started outside the popup (as the context menu does, through the scheduler) shows live in it', async () => {
    // The menu handler reads the stored defaults and hands the request to the scheduler's start;
    // an extension page's startExport message reaches the same start.
    const options = await openHistoryPage(session);
    const stored = (await options.evaluate(`chrome.storage.local.get('userPreferences')`)) as { userPreferences: { format: string; includeMedia: boolean } };
    const { format, includeMedia } = stored.userPreferences;
    expect({ format, includeMedia }).toEqual({ format: 'csv', includeMedia: false });
    const popup = await PopupPage.open(session.context, session.extensionId);
    const before = await popup.jobs.count();
    const request = { platform: 'instagram', account: 'star.demo', format, includeMedia };
    await options.evaluate(`chrome.runtime.sendMessage({ starExport: 'background', type: 'startExport', data: ${JSON.stringify(request)} })`);
    await expect.poll(() => popup.jobs.count()).toBe(before + 1);
    await expect.poll(() => popup.jobs.first().getByRole('heading').textContent()).toBe('Instagram @star.demo');
    expect(await popup.jobs.first().locator('.options').textContent()).toBe('CSV · no media');
    await pollUntil(() => popup.statusText(), (t) => /^Done/.test(t), EXPORT_TIMEOUT_MS, 'the started export finished');
    await options.close();
    await popup.page.close();
  });
});
